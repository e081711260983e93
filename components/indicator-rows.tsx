'use client';
// The rows of a goal's table of indicators in the overview (components/indicator-table.tsx),
// drawn from their views (lib/indicator-row-view.ts). A client component only so that the
// page's RSC payload carries the rows as data rather than as their markup, which the page's
// HTML carries already (issue 19). No state, no effects; the reporters' Markdown is rendered
// on the server and passed in (a plain paragraph as its text).
import type { ReactNode } from 'react';
import Link from 'next/link';
import type { IndicatorRowView } from '@/lib/indicator-row-view';
import { StatusBadge } from './status-badge';
import { TrendArrow } from './trend-arrow';
import { MineTag } from './mine-tag';
import { ReporterChoiceNote } from './reporter-choice';
import { MarkdownParagraph } from './markdown-paragraph';

const choice = (justification: string | undefined) => (justification === undefined ? null : { justification });

export function IndicatorRows({ rows, analyses }: { rows: IndicatorRowView[]; analyses?: (string | ReactNode)[] }) {
  return rows.map((ind, i) => {
    const analysis = analyses?.[i];
    return (
      <tr key={ind.id} className="border-b border-slate-100 align-top" data-testid="indicator-row">
        <th scope="row" className="py-2 pr-3 font-normal">
          <Link href={`/historik/matt/${ind.id}`} className="text-blue-800 underline-offset-2 hover:underline">
            {ind.name}
          </Link>
          {ind.mine && (
            <>
              <MineTag block />
              <Link href={`/rapportering/matt/${ind.id}`} className="mt-1 block text-sm font-medium text-blue-800 underline">
                Rapportera<span className="sr-only"> {ind.name}</span>
              </Link>
            </>
          )}
        </th>
        <td data-label="Mål" className="py-2 pr-3">{ind.target}</td>
        <td data-label="Utfall" className="py-2 pr-3 text-right tabular-nums">
          {ind.outcome === undefined ? <span aria-label="Inget utfall">–</span> : ind.outcome}
          {ind.referenceNote && <span className="block text-xs text-slate-600">{ind.referenceNote}</span>}
        </td>
        <td data-label="Måluppfyllelse" className="py-2 pr-3">
          <StatusBadge colour={ind.colour} />
          <ReporterChoiceNote what="Färgen" choice={choice(ind.colourChoice)} />
        </td>
        <td data-label="Trend" className="py-2 pr-3">
          <TrendArrow trend={ind.trend ?? null} />
          <ReporterChoiceNote what="Trendpilen" choice={choice(ind.trendChoice)} />
        </td>
        <td data-label="Kommentar" className="py-2">
          {typeof analysis === 'string' ? (
            <MarkdownParagraph text={analysis} />
          ) : analysis ? (
            analysis
          ) : (
            ind.notReported && <span className="text-slate-600">Ej rapporterat</span>
          )}
        </td>
      </tr>
    );
  });
}
