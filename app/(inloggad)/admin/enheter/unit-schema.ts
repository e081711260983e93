// The fields of a unit as the create and edit forms send them, with Swedish messages.
import { z } from '@/lib/zod';
import { parseSwedishNumber } from '@/lib/swedish-number';
import { UNIT_KINDS } from './unit-kinds';

export const unitFields = {
  code: z
    .string()
    .trim()
    .min(1, 'Ange en kod, till exempel KS-KLF-HR.')
    .max(40, 'Koden får vara högst 40 tecken.')
    .regex(/^\S+$/, 'Koden får inte innehålla mellanslag.'),
  name: z.string().trim().min(1, 'Ange ett namn.').max(200, 'Namnet får vara högst 200 tecken.'),
  kind: z.enum(UNIT_KINDS, 'Välj typ av enhet.'),
  parentId: z
    .union([z.literal(''), z.uuid('Välj en enhet i listan.')])
    .default('')
    .transform((v) => v || null),
  sortOrder: z
    .string()
    .max(20, 'Ange ett heltal, till exempel 3.')
    .default('')
    .transform((value, ctx) => {
      const parsed = parseSwedishNumber(value);
      if (!parsed.ok || (parsed.value !== null && (!Number.isInteger(parsed.value) || Math.abs(parsed.value) > 100_000))) {
        ctx.addIssue({ code: 'custom', message: 'Ange ett heltal, till exempel 3.' });
        return z.NEVER;
      }
      return parsed.value ?? 0;
    }),
};
