// An explanation that accepts one finance difference (kept with who and when); an empty
// text withdraws it.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { explainFinanceWarning } from '@/db/finance';

export const explainFinanceWarningAction = defineAction({
  name: 'finance.explain',
  schema: z.object({
    boardId: z.uuid('Okänd nämnd.'),
    periodId: z.uuid('Okänd period.'),
    key: z.string().min(1).max(400),
    baseSeq: z.coerce.number().int().min(0).max(1_000_000),
    text: z.string().trim().max(2_000, 'Förklaringen får vara högst 2 000 tecken.'),
  }),
  async run({ user, db }, input) {
    // explainFinanceWarning authorizes 'report' on the board (and its period lock) first.
    const { seq } = await explainFinanceWarning(db, user, input);
    return {
      status: 'ok',
      message: input.text ? 'Förklaringen är sparad. Skillnaden räknas som förklarad.' : 'Förklaringen är borttagen.',
      data: { seq },
    };
  },
});
