// Archive a målområde (it leaves current views, its history stays) or restore it.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { setFocusAreaArchived } from '@/db/admin/focus-areas';
import { archivedFlag, itemId } from './fields';

export const setFocusAreaArchivedAction = defineAction({
  name: 'focusArea.setArchived',
  schema: z.object({ id: itemId, archived: archivedFlag }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'organization');
    const { name } = await setFocusAreaArchived(db, user, input);
    return { status: 'ok', message: input.archived ? `”${name}” är arkiverat.` : `”${name}” är återställt.` };
  },
});
