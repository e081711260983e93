// Delete a plan that has no goals and no texts (anything else is archived instead).
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { deletePlan } from '@/db/admin/plans';
import { planId } from './plan-fields';

export const deletePlanAction = defineAction({
  name: 'plan.delete',
  schema: z.object({ planId }),
  async run({ user, db }, input) {
    // deletePlan authorizes 'manage' on plans before it writes.
    const plan = await deletePlan(db, user, input);
    return { status: 'ok', message: `Verksamhetsplanen ${plan.code} är borttagen.` };
  },
});
