// Archive an indicator (it leaves current views, its history stays) or restore it.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { setIndicatorArchived } from '@/db/admin/indicators';
import { archivedFlag, itemId } from '../malomraden/fields';

export const setIndicatorArchivedAction = defineAction({
  name: 'indicator.setArchived',
  schema: z.object({ id: itemId, archived: archivedFlag }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'indicator');
    const { name } = await setIndicatorArchived(db, user, input);
    return { status: 'ok', message: input.archived ? `”${name}” är arkiverat.` : `”${name}” är återställt.` };
  },
});
