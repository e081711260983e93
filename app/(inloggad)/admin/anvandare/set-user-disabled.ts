// Disable an account (out at once: the next request finds it disabled) or enable it again.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { setUserDisabled } from '@/db/users';

export const setUserDisabledAction = defineAction({
  name: 'user.setDisabled',
  schema: z.object({
    userId: z.uuid('Okänd användare.'),
    disabled: z.enum(['true', 'false']).transform((v) => v === 'true'),
  }),
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'user', organizationId: user.organizationId, userId: input.userId });
    if (input.disabled && input.userId === user.id) {
      return { status: 'error', code: 'invalid', message: 'Du kan inte inaktivera ditt eget konto.' };
    }
    const { name } = await setUserDisabled(db, user, input);
    return { status: 'ok', message: input.disabled ? `${name} är inaktiverad och utloggad.` : `${name} är aktiverad igen.` };
  },
});
