// An indicator's row in the overview's table of a goal's indicators as the page draws it: its
// words and marks, worked out on the server from the row (lib/overview-parts.ts) in the least
// data. The page hands these to one client component per table (components/indicator-rows.tsx),
// so what travels in the page's RSC payload is this data rather than each row's markup, which
// the page's HTML carries already (issue 19).
import type { Colour } from './colour';
import type { Trend } from './trend';
import type { IndicatorRowDTO } from './overview-parts';
import { formatOutcome } from './swedish-number';

/** Fields that are empty are left out (an undefined field still travels as "$undefined"). */
export interface IndicatorRowView {
  id: string;
  name: string;
  target: string;
  /** The outcome formatted ("66,8"); absent when there is none. */
  outcome?: string;
  referenceNote?: string;
  colour: Colour;
  /** Absent: no trend. */
  trend?: Trend;
  /** The reporter chose the colour or the arrow, with this justification. */
  colourChoice?: string;
  trendChoice?: string;
  /** No value is reported (shown where there is no analysis). */
  notReported?: true;
  /** The signed-in editor reports on it. */
  mine?: true;
}

export function indicatorRowView(row: IndicatorRowDTO, mine: boolean): IndicatorRowView {
  return {
    id: row.id,
    name: row.name,
    target: row.targetLabel,
    ...(row.outcome === null ? {} : { outcome: formatOutcome(row.outcome, row.decimals) }),
    ...(row.referenceNote ? { referenceNote: row.referenceNote } : {}),
    colour: row.colour,
    ...(row.trend ? { trend: row.trend } : {}),
    ...(row.colourChoice ? { colourChoice: row.colourChoice.justification } : {}),
    ...(row.trendChoice ? { trendChoice: row.trendChoice.justification } : {}),
    ...(row.reported ? {} : { notReported: true as const }),
    ...(mine ? { mine: true as const } : {}),
  };
}
