// The admin's form for a new API token (issue 17): a name, read or write, the unit a write
// token reports for (it covers the units below it too), and the last day it is valid.
import { z } from '@/lib/zod';

const uuid = z.uuid();

export const API_TOKEN_MAX_DAYS = 730;

export const apiTokenSchema = z
  .object({
    name: z.string().trim().min(1, 'Ge nyckeln ett namn, till exempel systemets.').max(100, 'Namnet får vara högst 100 tecken.'),
    scope: z.enum(['read', 'write'], { error: 'Välj om nyckeln bara får läsa eller även skriva.' }),
    unitId: z
      .string()
      .default('')
      .refine((v) => !v || uuid.safeParse(v).success, 'Välj en enhet i listan.'),
    expiresOn: z.iso.date('Ange ett datum, till exempel 2027-06-30.'),
  })
  .transform(({ unitId, ...rest }) => ({ ...rest, unitIds: unitId ? [unitId] : [] }));

export type ApiTokenForm = z.input<typeof apiTokenSchema>;
export type ApiTokenInput = z.output<typeof apiTokenSchema>;

export const revokeApiTokenSchema = z.object({ tokenId: z.uuid('Okänd nyckel.') });
