// Delete a draft period that nothing refers to (anything else is refused).
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { deletePeriod } from '@/db/admin/periods';
import { periodId } from './period-fields';

export const deletePeriodAction = defineAction({
  name: 'period.delete',
  schema: z.object({ periodId }),
  async run({ user, db }, input) {
    // deletePeriod authorizes 'manage' on periods before it writes.
    const { label } = await deletePeriod(db, user, input);
    return { status: 'ok', message: `${label} är borttagen.` };
  },
});
