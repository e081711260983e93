'use client';
// "Förhandsgranska" (a dry run: what would change) and "Hämta och spara" for one scope,
// with the changes listed. With JavaScript the form posts to ./hamta and shows each step
// as it comes ("Hämtar nyckeltal 3 av 12 …", a progress bar); without, to the server action.
import { useActionState, useState, type FormEvent } from 'react';
import { useRouter } from 'next/navigation';
import { formatNumber } from '@/lib/swedish-number';
import { readNdjson, type StreamProgress } from '@/lib/progress-stream';
import type { KoladaFetchStreamMessage } from './hamta/route';
import type { ActionResult } from '@/lib/action';
import type { FetchResult, PlannedChange } from '@/server/kolada-sync';
import { formatOutcome } from '@/lib/swedish-number';
import { StatusBadge } from '@/components/status-badge';
import { SaveMessage } from '@/components/conflict-notice';
import { fetchKolada } from './actions';
import { ScrollTable } from '@/components/scroll-table';
import { SubmitButton } from '@/components/submit-button';

const STATUS: Record<PlannedChange['status'], string> = {
  new: 'Nytt värde',
  changed: 'Ändras',
  unchanged: 'Oförändrat',
  missing: 'Saknas i Kolada',
};

const FAILED = 'Hämtningen kunde inte göras. Försök igen; inget har ändrats.';
const BROKEN = 'Kontakten med servern bröts under hämtningen. Ladda om sidan: senaste hämtningen där visar om värdena sparades (allt eller inget).';

const button =
  'rounded px-4 py-2 text-sm font-medium focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70 aria-disabled:opacity-70';

function Changes({ result }: { result: FetchResult }) {
  if (!result.changes.length) return null;
  return (
    <ScrollTable
      label={result.dryRun ? 'Det här skulle ändras' : 'Det här hämtades'}
      caption={result.dryRun ? 'Det här skulle ändras (inget är sparat än)' : 'Det här hämtades'}
      captionHidden={false}
      columns={['Mått', 'Period', 'Kolada', 'Nu', 'Blir', 'Måluppfyllelse']}
      className="mt-3"
    >
      {result.changes.map((c) => (
        <tr key={`${c.indicatorId}-${c.periodLabel}`} className="border-b border-slate-100 align-top">
          <th scope="row" className="px-3 py-2 font-medium">
            {c.indicatorName}
            <span className="block text-xs font-normal text-slate-600">{c.goalTitle}</span>
          </th>
          <td data-label="Period" className="px-3 py-2">{c.periodLabel}</td>
          <td data-label="Kolada" className="px-3 py-2">
            {c.kpiId}, {c.municipality} {c.year}
          </td>
          <td data-label="Nu" className="px-3 py-2">{formatOutcome(c.from, c.decimals)}</td>
          <td data-label="Blir" className="px-3 py-2">
            <span className="font-medium">{STATUS[c.status]}</span>
            {c.to !== null && <>: {formatOutcome(c.to, c.decimals)}</>}
            {c.summary && <span className="block text-slate-700">{c.summary}</span>}
            {c.statement && <span className="block text-slate-700">{c.statement}</span>}
          </td>
          <td data-label="Måluppfyllelse" className="px-3 py-2">
            {c.colour ? <StatusBadge colour={c.colour} /> : '–'}
          </td>
        </tr>
      ))}
    </ScrollTable>
  );
}

export function KoladaFetchForm({
  scope,
  scopeId,
  label,
}: {
  scope: 'indicator' | 'board' | 'organization';
  scopeId?: string;
  /** What is fetched, for the buttons' accessible names: "Kommunstyrelsen". */
  label: string;
}) {
  const [actionResult, action, actionPending] = useActionState<ActionResult<FetchResult> | null, FormData>(fetchKolada, null);
  const [streamed, setStreamed] = useState<ActionResult<FetchResult> | null>(null);
  const [progress, setProgress] = useState<StreamProgress | null>(null);
  const router = useRouter();
  const pending = actionPending || progress !== null;
  const result = streamed ?? actionResult;
  const data = result?.data;

  async function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    if (pending) return;
    const submitter = (event.nativeEvent as SubmitEvent).submitter;
    const body = new FormData(event.currentTarget, submitter);
    setProgress({ done: 0, total: 1, step: 'Startar hämtningen …' });
    let last: ActionResult<FetchResult> | null = null;
    try {
      const response = await fetch('/admin/kolada/hamta', { method: 'POST', body });
      if (response.ok && response.body) {
        for await (const message of readNdjson<KoladaFetchStreamMessage>(response.body)) {
          if (message.kind === 'progress') setProgress({ done: message.done, total: message.total, step: message.step });
          else last = message.result;
        }
      } else {
        const text = response.headers.get('content-type')?.startsWith('text/plain') ? await response.text() : '';
        last = { status: 'error', code: 'failed', message: text || FAILED };
      }
    } catch {
      // The connection broke: the fetch saves all or nothing, and the page after a reload says which.
      last = { status: 'error', code: 'failed', message: BROKEN };
    }
    setStreamed(last ?? { status: 'error', code: 'failed', message: BROKEN });
    setProgress(null);
    // Saved values show everywhere: the page (its last fetch) reads them again.
    if (last?.status === 'ok' && last.data && !last.data.dryRun) router.refresh();
  }

  const canApply = data?.dryRun && data.ok && data.changes.some((c) => c.status === 'new' || c.status === 'changed');
  return (
    <form action={action} onSubmit={submit} className="mt-2">
      <input type="hidden" name="scope" value={scope} />
      <input type="hidden" name="scopeId" value={scopeId ?? ''} />
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton
          name="step"
          value="dryRun"
          pending={pending}
          aria-label={`Förhandsgranska hämtning: ${label}`}
          className={`${button} border border-slate-400 bg-white hover:bg-slate-100`}
        >
          Förhandsgranska
        </SubmitButton>
        {canApply && (
          <SubmitButton
            name="step"
            value="apply"
            pending={pending}
            aria-label={`Hämta och spara: ${label}`}
            className={`${button} bg-blue-700 text-white hover:bg-blue-800`}
          >
            Hämta och spara
          </SubmitButton>
        )}
      </div>
      {progress && progress.total > 1 && (
        <div className="mt-3 max-w-xl">
          <label htmlFor={`kolada-progress-${scope}-${scopeId ?? 'alla'}`} className="block text-sm font-medium">
            {formatNumber(Math.floor((100 * progress.done) / progress.total))} % klart: {progress.step}
          </label>
          <progress
            id={`kolada-progress-${scope}-${scopeId ?? 'alla'}`}
            className="mt-1 h-3 w-full accent-blue-800"
            max={progress.total}
            value={progress.done}
          />
        </div>
      )}
      <p role="status" className="mt-2 text-sm text-slate-700 empty:sr-only">
        {pending ? `${progress && progress.total > 1 ? progress.step : 'Hämtar från Kolada …'} Det kan ta en stund om Kolada är långsamt eller ber oss vänta.` : ''}
      </p>
      {!pending && <SaveMessage status={result?.status} message={result?.message} />}
      {!pending && data && <Changes result={data} />}
    </form>
  );
}
