// End every session of a user (the admin): a copied or forgotten login stops working at
// once; the user can log in again.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { endUserSessions } from '@/db/sessions';

export const endUserSessionsAction = defineAction({
  name: 'user.endSessions',
  schema: z.object({ userId: z.uuid('Okänd användare.') }),
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'user', organizationId: user.organizationId, userId: input.userId });
    const { ended } = await endUserSessions(db, user, input);
    return {
      status: 'ok',
      message: ended === 0 ? 'Användaren hade ingen pågående inloggning.' : ended === 1 ? '1 inloggning är avslutad.' : `${ended} inloggningar är avslutade.`,
    };
  },
});
