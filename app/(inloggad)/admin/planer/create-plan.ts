// Create a plan (verksamhetsplan) for a board and a year, with a code unique in the organization.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { createPlan } from '@/db/admin/plans';
import { code, year } from './plan-fields';

export const createPlanAction = defineAction({
  name: 'plan.create',
  schema: z.object({ boardId: z.uuid('Välj en nämnd.'), year, code }),
  async run({ user, db }, input) {
    // createPlan authorizes 'manage' on plans before it writes.
    const plan = await createPlan(db, user, input);
    return { status: 'ok', message: `Verksamhetsplanen ${plan.code} är skapad.` };
  },
});
