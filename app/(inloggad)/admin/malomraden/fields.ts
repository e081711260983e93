// Zod pieces for the structure forms (målområden, KF-mål, nämndmål, mått): every field
// arrives as a string from FormData; numbers are typed the Swedish way ("5,00", "−2,4").
import { z } from '@/lib/zod';
import { NUMBER_ERROR, parseSwedishNumber } from '@/lib/swedish-number';

export const itemId = z.uuid('Okänd post.');

/** An optional choice from a select: empty is null. */
export const optionalId = z
  .union([z.literal(''), z.uuid('Okänt val.')])
  .default('')
  .transform((v) => v || null);

export const code = z
  .string()
  .trim()
  .min(1, 'Ange en kod, till exempel KS-2025-M1.')
  .max(60, 'Koden får vara högst 60 tecken.')
  .regex(/^\S+$/, 'Koden får inte innehålla mellanslag.');

export const requiredText = (missing: string, max: number) =>
  z.string().trim().min(1, missing).max(max, `Texten får vara högst ${max.toLocaleString('sv-SE')} tecken.`);

/** Optional text: empty is null. */
export const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Texten får vara högst ${max.toLocaleString('sv-SE')} tecken.`)
    .default('')
    .transform((v) => v || null);

const YEAR_ERROR = 'Ange ett år med fyra siffror, till exempel 2024.';
export const year = z.string().trim().regex(/^\d{4}$/, YEAR_ERROR).transform(Number);
export const optionalYear = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || /^\d{4}$/.test(v), YEAR_ERROR)
  .transform((v) => (v ? Number(v) : null));

/** A whole number ≥ 0, or empty (null). */
export const optionalWholeNumber = (message: string) =>
  z
    .string()
    .trim()
    .default('')
    .refine((v) => v === '' || /^\d{1,6}$/.test(v), message)
    .transform((v) => (v === '' ? null : Number(v)));

/** A number typed the Swedish way, or empty (null). */
export const swedishNumber = z
  .string()
  .trim()
  .max(40, NUMBER_ERROR)
  .default('')
  .transform((v, ctx) => {
    const parsed = parseSwedishNumber(v);
    if (!parsed.ok) {
      ctx.addIssue({ code: 'custom', message: parsed.error });
      return z.NEVER;
    }
    return parsed.value;
  });

/** Ids a checkbox group submits as one comma-separated field (in the chosen order). */
export const idList = (message: string) =>
  z
    .string()
    .max(10_000)
    .default('')
    .transform((v) => v.split(',').map((x) => x.trim()).filter(Boolean))
    .pipe(z.array(z.uuid(message)).max(100));

/** A single checkbox: checked sends "on", unchecked sends nothing. */
export const checkbox = z
  .enum(['on'], 'Uppgiften har fel format.')
  .optional()
  .transform((v) => v === 'on');

export const archivedFlag = z.enum(['true', 'false']).transform((v) => v === 'true');
