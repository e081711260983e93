// Restore an archived plan.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { setPlanArchived } from '@/db/admin/plans';
import { planId } from './plan-fields';

export const restorePlanAction = defineAction({
  name: 'plan.restore',
  schema: z.object({ planId }),
  async run({ user, db }, input) {
    // setPlanArchived authorizes 'manage' on plans before it writes.
    const plan = await setPlanArchived(db, user, { planId: input.planId, archived: false });
    return { status: 'ok', message: `Verksamhetsplanen ${plan.code} är återställd.` };
  },
});
