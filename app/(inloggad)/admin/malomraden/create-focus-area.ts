// Create a målområde, or a sub-area under one.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { createFocusArea } from '@/db/admin/focus-areas';
import { focusAreaFields } from './schemas';

export const createFocusAreaAction = defineAction({
  name: 'focusArea.create',
  schema: z.object(focusAreaFields),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'organization');
    const { name } = await createFocusArea(db, user, input);
    return { status: 'ok', message: `Målområdet ”${name}” är skapat.` };
  },
});
