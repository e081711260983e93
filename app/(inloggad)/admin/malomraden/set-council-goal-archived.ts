// Archive a KF-mål (it leaves current views, its history stays) or restore it.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { setCouncilGoalArchived } from '@/db/admin/focus-areas';
import { archivedFlag, itemId } from './fields';

export const setCouncilGoalArchivedAction = defineAction({
  name: 'councilGoal.setArchived',
  schema: z.object({ id: itemId, archived: archivedFlag }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'organization');
    const { code } = await setCouncilGoalArchived(db, user, input);
    return { status: 'ok', message: input.archived ? `KF-målet ${code} är arkiverat.` : `KF-målet ${code} är återställt.` };
  },
});
