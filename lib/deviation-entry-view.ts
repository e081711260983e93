// An entry of Avvikelser as the page draws it: its words, link and marks, worked out on the
// server from the entry (lib/deviations.ts) in the least data. The page hands these to one
// client component (components/deviation-entries.tsx), so what travels in the page's RSC
// payload is this data rather than each entry's markup, which the page's HTML carries already
// (issue 19: the markup of a page of 40 entries travelled twice, about 55 KB each time).
import type { Colour } from './colour';
import type { Trend } from './trend';
import type { DeviationDTO } from './deviations';
import { formatDateTime } from './time-format';

/** Fields that are empty are left out (an undefined field still travels as "$undefined"). */
export interface DeviationEntryView {
  key: string;
  /** "Mått under Nämnd 1s mål 3" */
  context: string;
  /** The unit that answers ("Ansvarar: …"), for everything but a unit's own entry. */
  responsible?: string;
  title: string;
  href: string;
  /** Why the entry is listed; for an item sent back, the director's comment and who sent it when. */
  detail?: string;
  sentBack?: { comment: string; authorName: string; /** When, in Swedish time. */ at: string };
  overdue?: true;
  colour?: Colour;
  /** An indicator that misses its target shows its trend, also when there is none (null). */
  trend?: Trend | null;
  forecastColour?: Colour;
}

export function deviationEntryView(entry: DeviationDTO): DeviationEntryView {
  return {
    key: `${entry.kind}-${entry.itemId}-${entry.unitId ?? ''}-${entry.sentBack?.createdAt ?? ''}`,
    context: entry.context,
    ...(entry.kind !== 'unit_not_ready' && entry.unitName ? { responsible: entry.unitName } : {}),
    title: entry.title,
    href: entry.href,
    ...(entry.sentBack
      ? { sentBack: { comment: entry.sentBack.comment, authorName: entry.sentBack.authorName, at: formatDateTime(entry.sentBack.createdAt) } }
      : { detail: entry.detail }),
    ...(entry.overdue ? { overdue: true as const } : {}),
    ...(entry.colour ? { colour: entry.colour } : {}),
    ...(entry.kind === 'indicator_not_met' ? { trend: entry.trend ?? null } : {}),
    ...(entry.forecastColour ? { forecastColour: entry.forecastColour } : {}),
  };
}
