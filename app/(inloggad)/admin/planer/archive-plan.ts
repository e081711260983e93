// Archive a plan: it leaves current views but stays in the history.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { setPlanArchived } from '@/db/admin/plans';
import { planId } from './plan-fields';

export const archivePlanAction = defineAction({
  name: 'plan.archive',
  schema: z.object({ planId }),
  async run({ user, db }, input) {
    // setPlanArchived authorizes 'manage' on plans before it writes.
    const plan = await setPlanArchived(db, user, { planId: input.planId, archived: true });
    return { status: 'ok', message: `Verksamhetsplanen ${plan.code} är arkiverad.` };
  },
});
