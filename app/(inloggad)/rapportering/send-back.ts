// The director sends an item back to the unit for revision, with a comment.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { sendBack } from '@/db/revisions';

export const sendBackAction = defineAction({
  name: 'item.sendBack',
  schema: z.object({
    itemKind: z.enum(['indicator', 'goal', 'assignment', 'narrative'], { error: 'Okänd sorts post.' }),
    itemId: z.uuid('Okänd post.'),
    unitId: z.uuid('Okänd enhet.'),
    periodId: z.uuid('Okänd period.'),
    comment: z
      .string()
      .trim()
      .min(1, 'Skriv vad som behöver kompletteras.')
      .max(2_000, 'Kommentaren får vara högst 2 000 tecken.'),
  }),
  async run({ user, db }, input) {
    // sendBack authorizes 'send_back' on the item (the director, an unlocked period) before it writes.
    await sendBack(db, user, input);
    return { status: 'ok', message: 'Skickat tillbaka. Enheten ser kommentaren i Min rapportering.' };
  },
});
