// Set or change a period's end date and reporting deadline.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { updatePeriodDates } from '@/db/admin/periods';
import { deadline, endDate, periodId } from './period-fields';

export const updatePeriodAction = defineAction({
  name: 'period.update',
  schema: z.object({ periodId, endDate, deadline }),
  async run({ user, db }, input) {
    // updatePeriodDates authorizes 'manage' on periods before it writes.
    const { label } = await updatePeriodDates(db, user, input);
    return { status: 'ok', message: `Datumen för ${label} är sparade.` };
  },
});
