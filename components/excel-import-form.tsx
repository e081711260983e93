'use client';
// Uploading an Excel file for import: first a check (dry run) that lists every problem or
// every change, then "Verkställ importen", which sends the same file again (checked again
// on the server before anything is written). The importing pages give the actions, the
// field's label and how their changes are shown.
import { useActionState, useState, startTransition, type FormEvent, type ReactNode } from 'react';
import type { ActionResult } from '@/lib/action';
import { FormField } from './form-field';
import { SaveMessage } from './conflict-notice';
import { ScrollTable } from './scroll-table';

// The same limit as the server's (not imported: that module would bring exceljs to the browser).
const MAX_FILE_BYTES = 5 * 1024 * 1024;

const button =
  'rounded px-4 py-2 text-sm font-medium focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70 aria-disabled:opacity-70';

export interface ImportProblemRow {
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
}

export interface CheckedFile {
  problems: ImportProblemRow[];
  changes: unknown[];
  unchanged: number;
}

type Action<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

/** An action's result with the number of the check it belongs to. */
type Tagged<T> = { run: number; result: ActionResult<T> } | null;
type Sent = { run: number; formData: FormData };

export function ExcelImportForm<R extends CheckedFile, A>({
  inputId,
  fileLabel,
  check: checkAction,
  apply: applyAction,
  changes,
}: {
  inputId: string;
  fileLabel: string;
  check: Action<R>;
  apply: Action<A>;
  /** The table of what the import would change (shown when the file has no problems). */
  changes: (result: R) => ReactNode;
}) {
  // Each result carries the number of the check it answers: a result of an earlier file or
  // check is never shown for the one now checked (not even while its answer is on its way).
  const [checkedTagged, check, checking] = useActionState<Tagged<R>, Sent>(
    async (_, { run, formData }) => ({ run, result: await checkAction(null, formData) }),
    null,
  );
  const [appliedTagged, apply, applying] = useActionState<Tagged<A>, Sent>(
    async (_, { run, formData }) => ({ run, result: await applyAction(null, formData) }),
    null,
  );
  const [fileError, setFileError] = useState<string | undefined>();
  // Each choice of file and each check gets a number: a check's result is shown only for the
  // file it checked, and an import only once per check.
  const [fileVersion, setFileVersion] = useState(0);
  const [checkedVersion, setCheckedVersion] = useState<number | null>(null);
  const [checkRun, setCheckRun] = useState(0);
  const [appliedRun, setAppliedRun] = useState<number | null>(null);

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const formData = new FormData(event.currentTarget);
    const file = formData.get('file');
    if (!(file instanceof File) || file.size === 0) return setFileError('Välj en Excelfil (.xlsx).');
    if (file.size > MAX_FILE_BYTES) return setFileError('Filen är större än 5 MB.');
    setFileError(undefined);
    const submitter = (event.nativeEvent as SubmitEvent).submitter as HTMLButtonElement | null;
    if (submitter?.value === 'apply') {
      setAppliedRun(checkRun);
      startTransition(() => apply({ run: checkRun, formData }));
    } else {
      const run = checkRun + 1;
      setCheckedVersion(fileVersion);
      setCheckRun(run);
      startTransition(() => check({ run, formData }));
    }
  }

  const checked = checkedTagged?.run === checkRun ? checkedTagged.result : null;
  const current = checkedVersion === fileVersion;
  const result = current && checked?.status === 'ok' ? checked.data : undefined;
  const appliedNow = appliedRun === checkRun && appliedTagged?.run === checkRun;
  const applied = appliedNow ? appliedTagged.result : null;
  // A refused import lists its problems as the check does (the file may have changed on disk
  // or the data meanwhile).
  const appliedProblems = applied?.status === 'error' ? ((applied.data as { problems?: ImportProblemRow[] } | undefined)?.problems ?? []) : [];
  const canApply = !!result && result.problems.length === 0 && result.changes.length > 0 && !(appliedNow && applied?.status === 'ok');
  const serverFileError = current && checked?.status === 'error' ? checked.fieldErrors?.file?.[0] : undefined;
  const checkMessage = !current || !checked || serverFileError ? undefined : checked.message;

  return (
    <form onSubmit={submit} className="mt-3 space-y-4" noValidate>
      <FormField id={inputId} label={fileLabel} error={fileError ?? serverFileError}>
        {(a11y) => (
          <input
            name="file"
            type="file"
            accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            onChange={() => {
              setFileVersion((n) => n + 1);
              setFileError(undefined);
            }}
            className="mt-1 block text-sm"
            {...a11y}
          />
        )}
      </FormField>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" name="intent" value="check" disabled={checking || applying} className={`${button} bg-blue-800 text-white hover:bg-blue-900`}>
          {checking ? 'Kontrollerar filen …' : 'Kontrollera filen'}
        </button>
        {canApply && (
          <button type="submit" name="intent" value="apply" disabled={checking || applying} className={`${button} bg-green-800 text-white hover:bg-green-900`}>
            {applying ? 'Importerar …' : 'Verkställ importen'}
          </button>
        )}
      </div>
      <SaveMessage status={result && !result.problems.length ? 'ok' : 'error'} message={checkMessage} />
      {applied && <SaveMessage status={applied.status} message={applied.message} />}

      {result && result.problems.length > 0 && <ProblemTable problems={result.problems} />}
      {appliedProblems.length > 0 && <ProblemTable problems={appliedProblems} />}

      {result && result.problems.length === 0 && result.changes.length > 0 && changes(result)}
    </form>
  );
}

/** What a checked file would change, one row each (the importing page draws the rows). */
export function ImportChangesTable({ result, columns, children }: { result: CheckedFile; columns: string[]; children: ReactNode }) {
  return (
    <ScrollTable
      label="Ändringar"
      caption={`Ändringar som görs (${result.changes.length}); ${result.unchanged} rader är oförändrade och skrivs inte`}
      captionHidden={false}
      columns={columns}
    >
      {children}
    </ScrollTable>
  );
}

/** The problems of a file, as the check and a refused import list them. */
function ProblemTable({ problems }: { problems: ImportProblemRow[] }) {
  return (
    <ScrollTable
      label="Problem i filen"
      caption={`Problem i filen (${problems.length})`}
      captionHidden={false}
      columns={['Blad', 'Rad', 'Kolumn', 'Problem']}
      problem
    >
      {problems.map((p, i) => (
        <tr key={i} className="border-b border-slate-100 align-top">
          <td data-label="Blad" className="px-3 py-2">{p.sheet || '–'}</td>
          <td data-label="Rad" className="px-3 py-2">{p.row ?? '–'}</td>
          <td data-label="Kolumn" className="px-3 py-2">{p.column ?? '–'}</td>
          <td data-label="Problem" className="px-3 py-2">{p.message}</td>
        </tr>
      ))}
    </ScrollTable>
  );
}
