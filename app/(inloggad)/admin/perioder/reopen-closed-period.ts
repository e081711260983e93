// Open a closed period for reporting again, with a reason (audited).
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { reopenClosedPeriod } from '@/db/admin/periods';
import { periodId } from './period-fields';

export const reopenClosedPeriodAction = defineAction({
  name: 'period.reopenClosed',
  schema: z.object({
    periodId,
    reason: z
      .string({ error: 'Ange varför perioden öppnas igen.' })
      .trim()
      .min(1, 'Ange varför perioden öppnas igen.')
      .max(2_000, 'Skälet får vara högst 2 000 tecken.'),
  }),
  async run({ user, db }, input) {
    // reopenClosedPeriod authorizes 'manage' on periods before it writes.
    const { label } = await reopenClosedPeriod(db, user, input);
    return { status: 'ok', message: `${label} är öppen för rapportering igen.` };
  },
});
