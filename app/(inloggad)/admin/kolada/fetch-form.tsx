'use client';
// "Förhandsgranska" (a dry run: what would change) and "Hämta och spara" for one scope,
// with the changes listed and a progress note while Kolada answers.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import type { FetchResult, PlannedChange } from '@/server/kolada-sync';
import { formatOutcome } from '@/lib/swedish-number';
import { StatusBadge } from '@/components/status-badge';
import { SaveMessage } from '@/components/conflict-notice';
import { fetchKolada } from './actions';

const STATUS: Record<PlannedChange['status'], string> = {
  new: 'Nytt värde',
  changed: 'Ändras',
  unchanged: 'Oförändrat',
  missing: 'Saknas i Kolada',
};

const button =
  'rounded px-4 py-2 text-sm font-medium focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70';

function Changes({ result }: { result: FetchResult }) {
  if (!result.changes.length) return null;
  return (
    <div role="region" aria-label={result.dryRun ? 'Det här skulle ändras' : 'Det här hämtades'} tabIndex={0} className="mt-3 overflow-x-auto rounded-lg border border-slate-200">
      <table className="stack-table w-full text-left text-sm">
        <caption className="px-3 py-2 text-left font-semibold">
          {result.dryRun ? 'Det här skulle ändras (inget är sparat än)' : 'Det här hämtades'}
        </caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="px-3 py-2 font-semibold">Mått</th>
            <th scope="col" className="px-3 py-2 font-semibold">Period</th>
            <th scope="col" className="px-3 py-2 font-semibold">Kolada</th>
            <th scope="col" className="px-3 py-2 font-semibold">Nu</th>
            <th scope="col" className="px-3 py-2 font-semibold">Blir</th>
            <th scope="col" className="px-3 py-2 font-semibold">Måluppfyllelse</th>
          </tr>
        </thead>
        <tbody>
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
        </tbody>
      </table>
    </div>
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
  const [result, action, pending] = useActionState<ActionResult<FetchResult> | null, FormData>(fetchKolada, null);
  const data = result?.data;
  const canApply = data?.dryRun && data.ok && data.changes.some((c) => c.status === 'new' || c.status === 'changed');
  return (
    <form action={action} className="mt-2">
      <input type="hidden" name="scope" value={scope} />
      <input type="hidden" name="scopeId" value={scopeId ?? ''} />
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          name="step"
          value="dryRun"
          disabled={pending}
          aria-label={`Förhandsgranska hämtning: ${label}`}
          className={`${button} border border-slate-400 bg-white hover:bg-slate-100`}
        >
          Förhandsgranska
        </button>
        {canApply && (
          <button
            type="submit"
            name="step"
            value="apply"
            disabled={pending}
            aria-label={`Hämta och spara: ${label}`}
            className={`${button} bg-blue-700 text-white hover:bg-blue-800`}
          >
            Hämta och spara
          </button>
        )}
      </div>
      <p role="status" className="mt-2 text-sm text-slate-700 empty:sr-only">
        {pending ? 'Hämtar från Kolada … Det kan ta en stund om Kolada är långsamt eller ber oss vänta.' : ''}
      </p>
      {!pending && <SaveMessage status={result?.status} message={result?.message} />}
      {!pending && data && <Changes result={data} />}
    </form>
  );
}
