// Open a draft period for reporting.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { openPeriod } from '@/db/admin/periods';
import { periodId } from './period-fields';

export const openPeriodAction = defineAction({
  name: 'period.open',
  schema: z.object({ periodId }),
  async run({ user, db }, input) {
    // openPeriod authorizes 'manage' on periods before it writes.
    const { label } = await openPeriod(db, user, input);
    return { status: 'ok', message: `${label} är öppen för rapportering.` };
  },
});
