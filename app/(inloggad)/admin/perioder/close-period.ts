// Close an open period: nobody can report on it any more.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { closePeriod } from '@/db/admin/periods';
import { periodId } from './period-fields';

export const closePeriodAction = defineAction({
  name: 'period.close',
  schema: z.object({ periodId }),
  async run({ user, db }, input) {
    // closePeriod authorizes 'manage' on periods before it writes.
    const { label } = await closePeriod(db, user, input);
    return { status: 'ok', message: `${label} är stängd. Ingen kan rapportera på perioden längre.` };
  },
});
