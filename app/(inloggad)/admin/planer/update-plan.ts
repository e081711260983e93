// Change a plan's code.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { updatePlan } from '@/db/admin/plans';
import { code, planId } from './plan-fields';

export const updatePlanAction = defineAction({
  name: 'plan.update',
  schema: z.object({ planId, code }),
  async run({ user, db }, input) {
    // updatePlan authorizes 'manage' on plans before it writes.
    const plan = await updatePlan(db, user, input);
    return { status: 'ok', message: `Koden är ändrad till ${plan.code}.` };
  },
});
