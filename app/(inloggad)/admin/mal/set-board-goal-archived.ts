// Archive a nämndmål (it leaves current views, its history stays) or restore it.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { setBoardGoalArchived } from '@/db/admin/goals';
import { archivedFlag, itemId } from '../malomraden/fields';

export const setBoardGoalArchivedAction = defineAction({
  name: 'boardGoal.setArchived',
  schema: z.object({ id: itemId, archived: archivedFlag }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'goal');
    const { number } = await setBoardGoalArchived(db, user, input);
    return { status: 'ok', message: input.archived ? `Mål ${number} är arkiverat.` : `Mål ${number} är återställt.` };
  },
});
