// Delete a nämndmål without history, with its indicators (a goal with history is archived instead).
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { deleteBoardGoal } from '@/db/admin/goals';
import { itemId } from '../malomraden/fields';

export const deleteBoardGoalAction = defineAction({
  name: 'boardGoal.delete',
  schema: z.object({ id: itemId }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'goal');
    const { number } = await deleteBoardGoal(db, user, input);
    return { status: 'ok', message: `Mål ${number} är borttaget.` };
  },
});
