// How an indicator is sourced from Kolada (the admin's link): the KPI, the gender, the
// kommun, how the period maps to Kolada's year and what the outcome is made of; the words
// the form shows and the pure year mapping. Free of zod: the link form is bundled for the
// browser (its schema is lib/kolada-link-schema.ts).
import type { KoladaMeasure, RankOrder } from './kolada-rank';

export const KOLADA_GENDERS = ['T', 'K', 'M'] as const;
export type KoladaGender = (typeof KOLADA_GENDERS)[number];

export interface KoladaLink {
  indicatorId: string;
  kpiId: string;
  gender: KoladaGender;
  /** Null: the organization's own kommun. */
  municipalityCode: string | null;
  /** Kolada's year = the period's year + this (−1: last year's figure, the newest published by delår). */
  yearOffset: number;
  measure: KoladaMeasure;
  order: RankOrder;
}

export const KOLADA_MEASURES = ['value', 'rank', 'share'] as const satisfies readonly KoladaMeasure[];
export const RANK_ORDERS = ['lowest_first', 'highest_first'] as const satisfies readonly RankOrder[];

export const MEASURE_LABELS: Record<KoladaMeasure, string> = {
  value: 'Kommunens värde',
  rank: 'Plats i länet (1 = bäst)',
  share: 'Plats i länet som andel av länets kommuner, procent (”bland de x % …”)',
};

export const ORDER_LABELS: Record<RankOrder, string> = {
  lowest_first: 'Lägst värde är bäst (plats 1)',
  highest_first: 'Högst värde är bäst (plats 1)',
};

export const GENDER_LABELS: Record<KoladaGender, string> = { T: 'Totalt', K: 'Kvinnor', M: 'Män' };

/** Kolada's year for a period's year. */
export function koladaYear(periodYear: number, yearOffset: number): number {
  return periodYear + yearOffset;
}
