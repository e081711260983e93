import Link from 'next/link';
import type { IndicatorRowDTO } from '@/db/queries/overview';
import { formatOutcome } from '@/lib/swedish-number';
import { Markdown } from './markdown';
import { StatusBadge } from './status-badge';
import { TrendArrow } from './trend-arrow';
import { MineTag } from './mine-tag';
import { ReporterChoiceNote } from './reporter-choice';

/** A goal's indicators: target label, outcome, colour with its word, trend arrow, comment. */
export function IndicatorTable({
  caption,
  indicators,
  mine,
}: {
  caption: string;
  indicators: IndicatorRowDTO[];
  /** The indicators the signed-in editor reports on. */
  mine: Set<string>;
}) {
  return (
    <div role="region" aria-label={caption} tabIndex={0} className="mt-3 overflow-x-auto">
      <table className="stack-table w-full min-w-[44rem] table-fixed border-collapse text-left text-sm">
        <caption className="sr-only">{caption}</caption>
        <colgroup>
          <col className="w-[24%]" />
          <col className="w-[12%]" />
          <col className="w-[8%]" />
          <col className="w-[16%]" />
          <col className="w-[12%]" />
          <col />
        </colgroup>
        <thead>
          <tr className="border-b border-slate-300 text-slate-700">
            <th scope="col" className="py-2 pr-3 font-semibold">Mått</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Mål</th>
            <th scope="col" className="py-2 pr-3 text-right font-semibold">Utfall</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Måluppfyllelse</th>
            <th scope="col" className="py-2 pr-3 font-semibold">Trend</th>
            <th scope="col" className="py-2 font-semibold">Kommentar</th>
          </tr>
        </thead>
        <tbody>
          {indicators.map((ind) => (
            <tr key={ind.id} className="border-b border-slate-100 align-top" data-testid="indicator-row">
              <th scope="row" className="py-2 pr-3 font-normal">
                <Link href={`/historik/matt/${ind.id}`} className="text-blue-800 underline-offset-2 hover:underline">
                  {ind.name}
                </Link>
                {mine.has(ind.id) && (
                  <>
                    <MineTag block />
                    <Link href={`/rapportering/matt/${ind.id}`} className="mt-1 block text-sm font-medium text-blue-800 underline">
                      Rapportera<span className="sr-only"> {ind.name}</span>
                    </Link>
                  </>
                )}
              </th>
              <td data-label="Mål" className="py-2 pr-3">{ind.targetLabel}</td>
              <td data-label="Utfall" className="py-2 pr-3 text-right tabular-nums">
                {ind.outcome === null ? (
                  <span aria-label="Inget utfall">–</span>
                ) : (
                  formatOutcome(ind.outcome, ind.decimals)
                )}
                {ind.referenceNote && <span className="block text-xs text-slate-600">{ind.referenceNote}</span>}
              </td>
              <td data-label="Måluppfyllelse" className="py-2 pr-3">
                <StatusBadge colour={ind.colour} />
                <ReporterChoiceNote what="Färgen" choice={ind.colourChoice} />
              </td>
              <td data-label="Trend" className="py-2 pr-3">
                <TrendArrow trend={ind.trend} />
                <ReporterChoiceNote what="Trendpilen" choice={ind.trendChoice} />
              </td>
              <td data-label="Kommentar" className="py-2">
                {ind.analysis ? <Markdown>{ind.analysis}</Markdown> : !ind.reported && <span className="text-slate-600">Ej rapporterat</span>}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
