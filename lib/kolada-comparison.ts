// The comparison on an indicator's history page (issue 18): the kommun's Kolada value
// against the län's median and the median of the admin's "liknande kommuner", per year,
// from the rank contexts kept with the fetched values. Pure.
import type { RankContext } from './kolada-rank';

export interface ComparisonRow {
  year: number;
  kommun: number | null;
  countyMedian: number | null;
  groupMedian: number | null;
}

export interface Comparison {
  kommunName: string;
  groupTitle: string | null;
  rows: ComparisonRow[];
}

/** One row per Kolada year (the newest context wins), oldest first; null without any. */
export function buildComparison(contexts: readonly (RankContext | null)[]): Comparison | null {
  const byYear = new Map<number, RankContext>();
  for (const c of contexts) if (c && !byYear.has(c.year)) byYear.set(c.year, c);
  if (!byYear.size) return null;
  const newest = [...byYear.values()][0]!;
  const rows = [...byYear.values()]
    .sort((a, b) => a.year - b.year)
    .map((c) => ({ year: c.year, kommun: c.kommunValue, countyMedian: c.countyMedian ?? null, groupMedian: c.groupMedian ?? null }));
  return { kommunName: newest.municipalityName, groupTitle: newest.groupTitle ?? null, rows };
}
