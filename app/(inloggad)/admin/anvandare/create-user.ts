// Create an account: name, e-post, titel, a first password and its role grants.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { createUser } from '@/db/admin/users';
import { organizationRoles, passwordFields, samePasswords, unitIdList, userDetailFields } from './user-schema';

export const createUserAction = defineAction({
  name: 'user.create',
  schema: z
    .object({ ...userDetailFields, ...passwordFields, roles: organizationRoles, editorUnitIds: unitIdList })
    .refine(...samePasswords),
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'user', organizationId: user.organizationId });
    const created = await createUser(db, user, input);
    return { status: 'ok', message: `${created.name} är skapad.`, data: { id: created.id } };
  },
});
