// Delete a målområde that nothing refers to (one in use is archived instead).
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { deleteFocusArea } from '@/db/admin/focus-areas';
import { itemId } from './fields';

export const deleteFocusAreaAction = defineAction({
  name: 'focusArea.delete',
  schema: z.object({ id: itemId }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'organization');
    const { name } = await deleteFocusArea(db, user, input);
    return { status: 'ok', message: `”${name}” är borttaget.` };
  },
});
