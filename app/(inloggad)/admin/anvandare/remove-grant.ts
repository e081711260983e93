// Take a role from a user; it stops at the user's next request (grants are re-read each request).
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { removeGrant } from '@/db/admin/users';

export const removeGrantAction = defineAction({
  name: 'user.removeGrant',
  schema: z.object({ userId: z.uuid('Okänd användare.'), grantId: z.uuid('Okänd behörighet.') }),
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'user', organizationId: user.organizationId, userId: input.userId });
    const { userName } = await removeGrant(db, user, input);
    return { status: 'ok', message: `Behörigheten är borttagen för ${userName}.` };
  },
});
