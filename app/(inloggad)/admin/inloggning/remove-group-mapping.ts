// Removes a row from the table from groups to roles; its grants leave the members at their next login.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { removeGroupMapping } from '@/db/admin/sign-in';

export const removeGroupMappingAction = defineAction({
  name: 'signIn.removeGroup',
  schema: z.object({ mappingId: z.uuid('Okänd rad.') }),
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'organization', organizationId: user.organizationId });
    const { groupName } = await removeGroupMapping(db, user, input);
    return { status: 'ok', message: `Raden för gruppen ${groupName} är borttagen.` };
  },
});
