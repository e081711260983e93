// The zod pieces the plan actions share.
import { z } from '@/lib/zod';

export { year } from '../perioder/period-fields';

export const planId = z.uuid('Okänd verksamhetsplan.');

export const code = z
  .string({ error: 'Ange en kod.' })
  .trim()
  .min(1, 'Ange en kod, till exempel KS-2025.')
  .max(40, 'Koden får vara högst 40 tecken.')
  .regex(/^[\p{L}\p{N}._-]+$/u, 'Koden får bara innehålla bokstäver, siffror, bindestreck, punkt och understreck.');
