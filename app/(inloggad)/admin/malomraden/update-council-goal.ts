// Edit a KF-mål (audited with before and after).
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { updateCouncilGoal } from '@/db/admin/focus-areas';
import { itemId } from './fields';
import { councilGoalFields } from './schemas';

export const updateCouncilGoalAction = defineAction({
  name: 'councilGoal.update',
  schema: z.object({ id: itemId, ...councilGoalFields }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'organization');
    const { code } = await updateCouncilGoal(db, user, input);
    return { status: 'ok', message: `Ändringarna i KF-målet ${code} är sparade.` };
  },
});
