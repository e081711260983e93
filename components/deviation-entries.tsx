'use client';
// The entries of a section of Avvikelser, drawn from their views (lib/deviation-entry-view.ts).
// A client component only so that the page's RSC payload carries the entries as data rather
// than as their markup, which the page's HTML carries already (issue 19). No state, no effects.
import Link from 'next/link';
import type { DeviationEntryView } from '@/lib/deviation-entry-view';
import { OVERDUE_LABEL } from '@/lib/assignment-status';
import { StatusBadge } from './status-badge';
import { TrendArrow } from './trend-arrow';

export function DeviationEntries({ entries }: { entries: DeviationEntryView[] }) {
  return entries.map((entry) => (
    <li key={entry.key} className="rounded-lg border border-slate-200 bg-white p-3">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div className="min-w-0 flex-1">
          <p className="text-sm text-slate-700">
            {entry.context}
            {entry.responsible ? ` · Ansvarar: ${entry.responsible}` : ''}
          </p>
          <Link href={entry.href} className="font-medium text-blue-800 underline">
            {entry.title}
          </Link>
          {entry.sentBack ? (
            <>
              <blockquote className="mt-2 border-l-4 border-slate-300 pl-3 text-slate-800">{entry.sentBack.comment}</blockquote>
              <p className="mt-1 text-sm text-slate-700">
                Skickat tillbaka av {entry.sentBack.authorName}{' '}
                {entry.sentBack.at}
              </p>
            </>
          ) : (
            <p className="mt-1 text-sm text-slate-800">{entry.detail}</p>
          )}
        </div>
        <div className="flex flex-wrap items-center gap-2 text-sm">
          {entry.overdue && <span className="rounded bg-red-100 px-2 py-0.5 font-medium text-red-900">⚠ {OVERDUE_LABEL}</span>}
          {entry.colour && <StatusBadge colour={entry.colour} />}
          {entry.trend !== undefined && (
            <span className="inline-flex items-center gap-1">
              <span className="sr-only">Trend:</span>
              <TrendArrow trend={entry.trend} />
            </span>
          )}
          {entry.forecastColour && <StatusBadge colour={entry.forecastColour} prefix="Prognos helår" />}
        </div>
      </div>
    </li>
  ));
}
