// Create a nämndmål in a plan.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { createBoardGoal } from '@/db/admin/goals';
import { boardGoalFields } from './schemas';

export const createBoardGoalAction = defineAction({
  name: 'boardGoal.create',
  schema: z.object({ planId: z.uuid('Okänd plan.'), ...boardGoalFields }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'goal');
    const { number } = await createBoardGoal(db, user, input);
    return { status: 'ok', message: `Mål ${number} är skapat.` };
  },
});
