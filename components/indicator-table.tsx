import type { IndicatorRowDTO } from '@/db/queries/overview';
import { indicatorRowView } from '@/lib/indicator-row-view';
import { markdownProp } from './markdown';
import { IndicatorRows } from './indicator-rows';

/** A goal's indicators: target label, outcome, colour with its word, trend arrow, comment (the rows: components/indicator-rows.tsx). */
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
          <IndicatorRows
            rows={indicators.map((ind) => indicatorRowView(ind, mine.has(ind.id)))}
            {...(indicators.some((ind) => ind.analysis) ? { analyses: indicators.map((ind) => (ind.analysis ? markdownProp(ind.analysis) : null)) } : {})}
          />
        </tbody>
      </table>
    </div>
  );
}
