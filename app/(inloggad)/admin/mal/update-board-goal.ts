// Edit a nämndmål (audited with before and after); its history is not touched.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { updateBoardGoal } from '@/db/admin/goals';
import { itemId } from '../malomraden/fields';
import { boardGoalFields } from './schemas';

export const updateBoardGoalAction = defineAction({
  name: 'boardGoal.update',
  schema: z.object({ id: itemId, ...boardGoalFields }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'goal');
    const { number } = await updateBoardGoal(db, user, input);
    return { status: 'ok', message: `Ändringarna i mål ${number} är sparade.` };
  },
});
