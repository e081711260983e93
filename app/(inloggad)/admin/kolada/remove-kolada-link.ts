// Remove an indicator's Kolada link; values already fetched stay in its history.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { removeKoladaLink } from '@/db/kolada';

export const removeKoladaLinkAction = defineAction({
  name: 'kolada.unlink',
  schema: z.object({ indicatorId: z.uuid() }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'indicator');
    const { name } = await removeKoladaLink(db, user, input);
    return { status: 'ok', message: `”${name}” är inte längre kopplat till Kolada. Hämtade värden finns kvar i historiken.` };
  },
});
