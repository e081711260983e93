'use client';
// Upload a structure file: first a check (dry run) that lists every problem or every item
// created and changed, then "Verkställ importen", which sends the same file again and is
// checked again before anything is written.
import { useActionState, useState, startTransition, type FormEvent } from 'react';
import type { ActionResult } from '@/lib/action';
import type { StructureApplyResult, StructureDryRun } from '@/db/admin/structure-import';
import { FieldError, fieldProps } from '@/components/form-field';
import { SaveMessage } from '@/components/conflict-notice';
import { applyStructureImport, dryRunStructureImport } from './actions';

// The same limit as lib/structure-import.ts (not imported: it would bring exceljs to the browser).
const MAX_FILE_BYTES = 5 * 1024 * 1024;

const button =
  'rounded px-4 py-2 text-sm font-medium focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70';

export function StructureImportForm() {
  const [checked, check, checking] = useActionState<ActionResult<StructureDryRun> | null, FormData>(dryRunStructureImport, null);
  const [applied, apply, applying] = useActionState<ActionResult<StructureApplyResult> | null, FormData>(applyStructureImport, null);
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
      startTransition(() => apply(formData));
    } else {
      setCheckedVersion(fileVersion);
      setCheckRun((n) => n + 1);
      startTransition(() => check(formData));
    }
  }

  const current = checkedVersion === fileVersion;
  const result = current && checked?.status === 'ok' ? checked.data : undefined;
  const appliedNow = appliedRun === checkRun;
  const canApply = !!result && result.problems.length === 0 && result.changes.length > 0 && !(appliedNow && applied?.status === 'ok');
  const serverFileError = current && checked?.status === 'error' ? checked.fieldErrors?.file?.[0] : undefined;
  const checkMessage = !current || !checked || serverFileError ? undefined : checked.message;

  return (
    <form onSubmit={submit} className="mt-3 space-y-4" noValidate>
      <div>
        <label htmlFor="structure-file" className="block font-medium">
          Excelfil med struktur (.xlsx, högst 5 MB)
        </label>
        <input
          id="structure-file"
          name="file"
          type="file"
          accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
          onChange={() => {
            setFileVersion((n) => n + 1);
            setFileError(undefined);
          }}
          className="mt-1 block text-sm"
          {...fieldProps('structure-file', fileError ?? serverFileError)}
        />
        <FieldError id="structure-file" message={fileError ?? serverFileError} />
      </div>
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
      {appliedNow && applied && <SaveMessage status={applied.status} message={applied.message} />}

      {result && result.problems.length > 0 && (
        <div role="region" aria-label="Problem i filen" tabIndex={0} className="overflow-x-auto rounded-lg border border-red-200">
          <table className="w-full text-left text-sm">
            <caption className="px-3 py-2 text-left font-semibold">Problem i filen ({result.problems.length})</caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="px-3 py-2 font-semibold">Blad</th>
                <th scope="col" className="px-3 py-2 font-semibold">Rad</th>
                <th scope="col" className="px-3 py-2 font-semibold">Kolumn</th>
                <th scope="col" className="px-3 py-2 font-semibold">Problem</th>
              </tr>
            </thead>
            <tbody>
              {result.problems.map((p, i) => (
                <tr key={i} className="border-b border-slate-100 align-top">
                  <td className="px-3 py-2">{p.sheet || '–'}</td>
                  <td className="px-3 py-2">{p.row ?? '–'}</td>
                  <td className="px-3 py-2">{p.column ?? '–'}</td>
                  <td className="px-3 py-2">{p.message}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}

      {result && result.problems.length === 0 && result.changes.length > 0 && (
        <div role="region" aria-label="Ändringar" tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200">
          <table className="w-full text-left text-sm">
            <caption className="px-3 py-2 text-left font-semibold">
              Ändringar som görs ({result.changes.length}); {result.unchanged} rader är oförändrade och skrivs inte
            </caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="px-3 py-2 font-semibold">Blad</th>
                <th scope="col" className="px-3 py-2 font-semibold">Rad</th>
                <th scope="col" className="px-3 py-2 font-semibold">Kod</th>
                <th scope="col" className="px-3 py-2 font-semibold">Ändring</th>
              </tr>
            </thead>
            <tbody>
              {result.changes.map((c) => (
                <tr key={`${c.sheet}-${c.row}`} className="border-b border-slate-100 align-top">
                  <td className="px-3 py-2">{c.sheet}</td>
                  <td className="px-3 py-2">{c.row}</td>
                  <th scope="row" className="px-3 py-2 font-medium">{c.code}</th>
                  <td className="px-3 py-2">{c.kind === 'create' ? 'Skapas' : `Ändras: ${c.fields.join(', ')}`}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </form>
  );
}
