// The shapes of Kolada API v3 responses (https://api.kolada.se/v3), parsed strictly enough
// that a changed API is an error rather than a silent wrong value. Every list response is
// `{ values, count, next_url, previous_url }`; a page is followed through `next_url` until
// it is null. Pure: the HTTP client is server/kolada-client.ts.
import { z } from '@/lib/zod';
import { KOLADA_GENDERS, type KoladaGender } from './kolada-link';

export { KOLADA_GENDERS, type KoladaGender };

/** At most this many ids (KPIs, municipalities or years) in one call. */
export const MAX_IDS_PER_CALL = 25;
/** The largest page the API serves. */
export const MAX_PER_PAGE = 5000;

const nullableUrl = z.string().nullable().optional().transform((v) => v ?? null);

export function pageSchema<T extends z.ZodType>(row: T) {
  return z.object({
    values: z.array(row),
    count: z.number().int().nonnegative().optional(),
    next_url: nullableUrl,
    previous_url: nullableUrl,
  });
}

export const kpiSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  description: z.string().nullable().optional().transform((v) => v ?? ''),
  is_divided_by_gender: z.union([z.boolean(), z.number()]).optional().transform((v) => Boolean(v)),
  municipality_type: z.string().nullable().optional(),
});
export type KoladaKpi = z.output<typeof kpiSchema>;

export const municipalitySchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  /** "K": a kommun, "L": a region (län); the whole country is "L" too, id "0000". */
  type: z.string(),
});
export type KoladaMunicipality = z.output<typeof municipalitySchema>;

export const municipalityGroupSchema = z.object({
  id: z.string().min(1),
  title: z.string(),
  members: z.array(z.object({ id: z.string(), title: z.string() })).optional().transform((v) => v ?? []),
});
export type KoladaMunicipalityGroup = z.output<typeof municipalityGroupSchema>;

export const dataRowSchema = z.object({
  kpi: z.string(),
  municipality: z.string(),
  period: z.number().int(),
  values: z.array(
    z.object({
      gender: z.enum(KOLADA_GENDERS),
      value: z.number().nullable(),
      count: z.number().nullable().optional(),
      status: z.string().nullable().optional(),
    }),
  ),
});
export type KoladaDataRow = z.output<typeof dataRowSchema>;

/** One value of a data row for a gender: null when the row lacks that gender or the value is null. */
export function valueFor(row: KoladaDataRow, gender: KoladaGender): number | null {
  const found = row.values.find((v) => v.gender === gender);
  return found?.value ?? null;
}

/** Splits ids into chunks of at most MAX_IDS_PER_CALL, the documented limit per call. */
export function chunkIds<T>(ids: readonly T[], size = MAX_IDS_PER_CALL): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}

/** Kommuner of a län: the municipality ids (type K) whose first two digits are the county code. */
export function kommunerInCounty(municipalities: readonly KoladaMunicipality[], countyCode: string): KoladaMunicipality[] {
  return municipalities.filter((m) => m.type === 'K' && m.id.length === 4 && m.id.slice(0, 2) === countyCode);
}

/** The county (län) code of a kommun: its first two digits ("1882" → "18"). */
export function countyOf(municipalityCode: string): string {
  return municipalityCode.slice(0, 2);
}

/** A kommun code: four digits. */
export const municipalityCodeSchema = z.string().trim().regex(/^\d{4}$/, 'Ange kommunkoden med fyra siffror, t.ex. 1882.');
/** A Kolada KPI id: a letter and digits (N00090, U00402). */
export const kpiIdSchema = z.string().trim().toUpperCase().regex(/^[A-Z]\d{5}$/, 'Ange nyckeltalets id, t.ex. N00090.');
