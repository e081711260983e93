// Rank in the län: where a kommun's value stands among all kommuner of its län for the
// same year, and what a rank target ("bland de 25 % lägsta i länet", "plats ≤ 3 i länet")
// needs. Pure; the fetch (server/kolada-sync.ts) keeps the result with the value.
import { formatNumber } from './swedish-number';

/** Which end of the list is place 1: the lowest value ("lägsta") or the highest ("högsta"). */
export type RankOrder = 'lowest_first' | 'highest_first';

/** What an indicator's outcome is made of: the Kolada value itself, the place in the län, or the place as a share of the län's kommuner (percent). */
export type KoladaMeasure = 'value' | 'rank' | 'share';

export interface CountyValue {
  municipality: string;
  value: number | null;
}

export interface RankResult {
  /** The kommun's place: 1 + the number of kommuner with a strictly better value (ties share a place). */
  rank: number;
  /** Kommuner of the län with a value for the year (nulls are left out). */
  count: number;
  /** Kommuner with a strictly better value (lower when lowest_first). */
  better: number;
  /** 100 × rank / count. */
  share: number;
}

/** Values that count: numbers only, one per kommun. */
function measured(values: readonly CountyValue[]): number[] {
  return values.filter((v) => v.value !== null && Number.isFinite(v.value)).map((v) => v.value as number);
}

function isBetter(a: number, b: number, order: RankOrder): boolean {
  return order === 'lowest_first' ? a < b : a > b;
}

/** The kommun's rank in the län, or null when it has no value (or the län has none). */
export function rankInCounty(values: readonly CountyValue[], municipality: string, order: RankOrder): RankResult | null {
  const own = values.find((v) => v.municipality === municipality)?.value ?? null;
  if (own === null || !Number.isFinite(own)) return null;
  const all = measured(values);
  const better = all.filter((v) => isBetter(v, own, order)).length;
  const rank = better + 1;
  return { rank, count: all.length, better, share: (100 * rank) / all.length };
}

/**
 * The worst place that still meets a share target "bland de x % …": floor(x × count / 100)
 * (x = 25 among 12 kommuner: place 3). 0 when no place does.
 */
export function placesWithinShare(sharePercent: number, count: number): number {
  return Math.floor((sharePercent * count) / 100 + 1e-9);
}

/**
 * The value a kommun must reach to hold `place` (the value of the kommun at that place in
 * the sorted list), or null when the län has fewer measured kommuner.
 */
export function valueAtPlace(values: readonly CountyValue[], place: number, order: RankOrder): number | null {
  if (place < 1) return null;
  const sorted = measured(values).sort((a, b) => (order === 'lowest_first' ? a - b : b - a));
  return sorted[place - 1] ?? null;
}

/** The median of the measured values (null when none). */
export function median(values: readonly (number | null)[]): number | null {
  const xs = values.filter((v): v is number => v !== null && Number.isFinite(v)).sort((a, b) => a - b);
  if (!xs.length) return null;
  const mid = Math.floor(xs.length / 2);
  return xs.length % 2 ? xs[mid]! : (xs[mid - 1]! + xs[mid]!) / 2;
}

/** What is kept with a fetched value: enough to show and re-check the rank without Kolada. */
export interface RankContext {
  year: number;
  /** The kommun's code and name ("1882", "Askersund"). */
  municipality: string;
  municipalityName: string;
  countyCode: string;
  kommunValue: number | null;
  rank: number | null;
  count: number;
  better: number | null;
  order: RankOrder;
  /** The worst place that meets the target (rank and share targets), or null. */
  thresholdPlace: number | null;
  /** The value at that place in the län this year, or null. */
  thresholdValue: number | null;
  /** For the comparison chart: the median of the län's kommuner, and of the admin's group of "liknande kommuner". */
  countyMedian?: number | null;
  groupTitle?: string | null;
  groupMedian?: number | null;
}

/**
 * The outcome stored for a measure: the value itself, the place, or the share (rounded to
 * the indicator's decimals, so the stored number is the one the report shows).
 */
export function outcomeFor(measure: KoladaMeasure, kommunValue: number | null, rank: RankResult | null, decimals: number): number | null {
  if (measure === 'value') return kommunValue === null ? null : roundTo(kommunValue, decimals);
  if (!rank) return null;
  return measure === 'rank' ? rank.rank : roundTo(rank.share, decimals);
}

function roundTo(x: number, decimals: number): number {
  const f = 10 ** decimals;
  return Math.round(x * f) / f;
}

/**
 * The threshold for a rank or share target with value `target` (≤ target places, or
 * ≤ target % of the kommuner): the worst place that meets it and that place's value.
 */
export function thresholdFor(
  measure: KoladaMeasure,
  target: number | null,
  values: readonly CountyValue[],
  order: RankOrder,
): { place: number | null; value: number | null } {
  if (measure === 'value' || target === null) return { place: null, value: null };
  const count = measured(values).length;
  const place = measure === 'rank' ? Math.min(Math.floor(target), count) : placesWithinShare(target, count);
  return { place: place >= 1 ? place : null, value: place >= 1 ? valueAtPlace(values, place, order) : null };
}

/**
 * The sentence the seed writes by hand, computed: "8 av 12 kommuner i länet har lägre
 * värde än Askersund" ("högre" when the highest value is place 1).
 */
export function rankStatement(context: Pick<RankContext, 'better' | 'count' | 'order'>, kommunName: string): string | null {
  if (context.better === null || context.count === 0) return null;
  const word = context.order === 'lowest_first' ? 'lägre' : 'högre';
  const n = context.count;
  return `${context.better} av ${n} ${n === 1 ? 'kommun' : 'kommuner'} i länet har ${word} värde än ${kommunName}.`;
}

/** "Plats 9 av 12 i länet (gräns för målet: plats 3, värde 5,1)". */
export function rankSummary(context: RankContext, decimals: number): string {
  if (context.rank === null) return `Inget värde för ${context.year} i Kolada.`;
  const limit =
    context.thresholdPlace === null
      ? ''
      : ` Gräns för målet: plats ${context.thresholdPlace}${context.thresholdValue === null ? '' : `, värde ${formatNumber(context.thresholdValue, Math.max(decimals, 1))}`}.`;
  return `Plats ${context.rank} av ${context.count} i länet ${context.year}.${limit}`;
}

/**
 * Everything a fetch computes for one kommun, KPI and year from the län's values: the
 * outcome for the measure and the rank context kept with it. `target` is the indicator's
 * target value with its comparator (a threshold only for ≤ / < targets, the rank targets).
 */
export function judgeInCounty(input: {
  values: readonly CountyValue[];
  municipality: string;
  municipalityName?: string;
  year: number;
  countyCode: string;
  measure: KoladaMeasure;
  order: RankOrder;
  decimals: number;
  target: { comparator: string; value: number | null };
  /** The values of the kommuner in the admin's comparison group, with its title. */
  group?: { title: string; values: readonly (number | null)[] } | null;
}): { outcome: number | null; context: RankContext } {
  const kommunValue = input.values.find((v) => v.municipality === input.municipality)?.value ?? null;
  const rank = rankInCounty(input.values, input.municipality, input.order);
  const limit =
    input.target.value === null || !['lt', 'lte'].includes(input.target.comparator)
      ? null
      : input.target.comparator === 'lt'
        ? input.target.value - 1e-6
        : input.target.value;
  const threshold = thresholdFor(input.measure, limit, input.values, input.order);
  return {
    outcome: outcomeFor(input.measure, kommunValue, rank, input.decimals),
    context: {
      year: input.year,
      municipality: input.municipality,
      municipalityName: input.municipalityName ?? input.municipality,
      countyCode: input.countyCode,
      kommunValue,
      rank: rank?.rank ?? null,
      count: rank?.count ?? input.values.filter((v) => v.value !== null).length,
      better: rank?.better ?? null,
      order: input.order,
      thresholdPlace: threshold.place,
      thresholdValue: threshold.value,
      countyMedian: median(input.values.map((v) => v.value)),
      groupTitle: input.group?.title ?? null,
      groupMedian: input.group ? median(input.group.values) : null,
    },
  };
}

/** Two contexts say the same (a refetch with nothing new writes no version). */
export function sameContext(a: RankContext | null, b: RankContext | null): boolean {
  if (a === null || b === null) return a === b;
  const keys: (keyof RankContext)[] = ['year', 'municipality', 'countyCode', 'kommunValue', 'rank', 'count', 'better', 'order', 'thresholdPlace', 'thresholdValue', 'countyMedian', 'groupTitle', 'groupMedian'];
  return keys.every((k) => a[k] === b[k]);
}
