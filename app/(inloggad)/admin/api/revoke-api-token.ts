// Revoke an API token at once (issue 17); it stays in the list and the audit log.
import { defineAction } from '@/server/action';
import { revokeApiTokenSchema } from '@/lib/api-token-schema';
import { revokeApiToken } from '@/db/api-tokens';

export const revokeApiTokenAction = defineAction({
  name: 'api_token.revoke',
  schema: revokeApiTokenSchema,
  async run({ user, db }, input) {
    // revokeApiToken authorizes 'manage' on the organization before it writes.
    await revokeApiToken(db, user, input.tokenId);
    return { status: 'ok', message: 'Nyckeln är återkallad och fungerar inte längre.' };
  },
});
