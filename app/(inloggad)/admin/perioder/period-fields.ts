// The zod pieces the period actions share: ids, years and dates as typed in the forms.
import { z } from '@/lib/zod';

const DATE_MESSAGE = 'Ange datumet som ÅÅÅÅ-MM-DD, till exempel 2025-08-31.';
const isoDate = z.iso.date({ error: DATE_MESSAGE });

export const periodId = z.uuid('Okänd period.');

export const year = z
  .string({ error: 'Ange året.' })
  .trim()
  .regex(/^\d{4}$/, 'Ange året med fyra siffror, till exempel 2025.')
  .transform(Number)
  .pipe(z.number().min(2000, 'Året ska vara 2000 eller senare.').max(2100, 'Året ska vara 2100 eller tidigare.'));

export const endDate = z.string({ error: 'Ange slutdatum.' }).trim().min(1, 'Ange slutdatum.').pipe(isoDate);

/** Optional: an empty field is no deadline. */
export const deadline = z
  .string()
  .trim()
  .default('')
  .refine((v) => v === '' || isoDate.safeParse(v).success, DATE_MESSAGE)
  .transform((v) => (v === '' ? null : v));
