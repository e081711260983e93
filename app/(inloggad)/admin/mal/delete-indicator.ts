// Delete an indicator without history (one with values is archived instead).
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { deleteIndicator } from '@/db/admin/indicators';
import { itemId } from '../malomraden/fields';

export const deleteIndicatorAction = defineAction({
  name: 'indicator.delete',
  schema: z.object({ id: itemId }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'indicator');
    const { name } = await deleteIndicator(db, user, input);
    return { status: 'ok', message: `”${name}” är borttaget.` };
  },
});
