// Set a new password: the user's sessions end at once and a login lockout is lifted.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { setUserPassword } from '@/db/admin/users';
import { passwordFields, samePasswords } from './user-schema';

export const setUserPasswordAction = defineAction({
  name: 'user.setPassword',
  schema: z.object({ userId: z.uuid('Okänd användare.'), ...passwordFields }).refine(...samePasswords),
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'user', organizationId: user.organizationId, userId: input.userId });
    const { name } = await setUserPassword(db, user, input);
    return { status: 'ok', message: `${name} har fått ett nytt lösenord och är utloggad överallt.` };
  },
});
