// Edit a målområde (audited with before and after).
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { updateFocusArea } from '@/db/admin/focus-areas';
import { itemId } from './fields';
import { focusAreaFields } from './schemas';

export const updateFocusAreaAction = defineAction({
  name: 'focusArea.update',
  schema: z.object({ id: itemId, ...focusAreaFields }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'organization');
    const { name } = await updateFocusArea(db, user, input);
    return { status: 'ok', message: `Ändringarna i ”${name}” är sparade.` };
  },
});
