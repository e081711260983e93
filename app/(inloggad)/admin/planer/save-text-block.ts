// Save a new version of one of a board's texts in the report (per plan, period and slot).
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { saveTextBlock, TEXT_SLOTS } from '@/db/admin/text-blocks';
import { planId } from './plan-fields';

export const saveTextBlockAction = defineAction({
  name: 'textBlock.save',
  schema: z.object({
    planId,
    periodId: z.uuid('Okänd period.'),
    slot: z.enum(TEXT_SLOTS, { error: 'Okänd text.' }),
    focusAreaId: z
      .string()
      .default('')
      .refine((v) => v === '' || z.uuid().safeParse(v).success, 'Okänt målområde.')
      .transform((v) => (v === '' ? null : v)),
    heading: z
      .string()
      .trim()
      .max(200, 'Rubriken får vara högst 200 tecken.')
      .default('')
      .transform((v) => (v === '' ? null : v)),
    body: z.string({ error: 'Skriv texten.' }).max(20_000, 'Texten får vara högst 20 000 tecken.'),
    baseSeq: z.coerce.number().int().min(0).max(1_000_000),
  }),
  async run({ user, db }, input) {
    // saveTextBlock authorizes 'manage' on text blocks (and checks the period lock) before it writes.
    const { seq } = await saveTextBlock(db, user, input);
    return { status: 'ok', message: `Texten är sparad som version ${seq}.`, data: { seq } };
  },
});
