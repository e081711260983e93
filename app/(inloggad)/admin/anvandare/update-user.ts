// Edit an account's name, e-post and titel (audited with before and after).
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { updateUser } from '@/db/admin/users';
import { userDetailFields } from './user-schema';

export const updateUserAction = defineAction({
  name: 'user.update',
  schema: z.object({ userId: z.uuid('Okänd användare.'), ...userDetailFields }),
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'user', organizationId: user.organizationId, userId: input.userId });
    const updated = await updateUser(db, user, input);
    return { status: 'ok', message: `Uppgifterna för ${updated.name} är sparade.` };
  },
});
