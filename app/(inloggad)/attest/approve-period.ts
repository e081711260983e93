// The director approves a board's period; the admin reopens it with a reason.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { approvePeriod, reopenPeriod } from '@/db/approvals';

const boardPeriod = {
  boardId: z.uuid('Okänd nämnd.'),
  periodId: z.uuid('Okänd period.'),
  baseSeq: z.coerce.number().int().min(0).max(1_000_000),
};

export const approvePeriodAction = defineAction({
  name: 'period.approve',
  schema: z.object(boardPeriod),
  async run({ user, db }, input) {
    // approvePeriod authorizes 'approve' on the board's period before it writes.
    await approvePeriod(db, user, input);
    return { status: 'ok', message: 'Perioden är attesterad och låst. Rapporten visas nu som den såg ut vid attesten.' };
  },
});

export const reopenPeriodAction = defineAction({
  name: 'period.reopen',
  schema: z.object({
    ...boardPeriod,
    reason: z.string().trim().min(1, 'Ange varför perioden öppnas igen.').max(2_000, 'Skälet får vara högst 2 000 tecken.'),
  }),
  async run({ user, db }, input) {
    // reopenPeriod authorizes 'manage' on the period (the admin) before it writes.
    await reopenPeriod(db, user, input);
    return { status: 'ok', message: 'Perioden är öppnad igen. Nästa attest sparar en ny ögonblicksbild.' };
  },
});
