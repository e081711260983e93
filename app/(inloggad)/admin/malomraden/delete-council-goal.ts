// Delete a KF-mål no nämndmål bears on (one in use is archived instead).
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { deleteCouncilGoal } from '@/db/admin/focus-areas';
import { itemId } from './fields';

export const deleteCouncilGoalAction = defineAction({
  name: 'councilGoal.delete',
  schema: z.object({ id: itemId }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'organization');
    const { code } = await deleteCouncilGoal(db, user, input);
    return { status: 'ok', message: `KF-målet ${code} är borttaget.` };
  },
});
