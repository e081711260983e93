// Make an API token (issue 17): the secret goes back in this result only, to be shown once.
import { defineAction } from '@/server/action';
import { apiTokenSchema } from '@/lib/api-token-schema';
import { createApiToken } from '@/db/api-tokens';

export const createApiTokenAction = defineAction({
  name: 'api_token.create',
  schema: apiTokenSchema,
  async run({ user, db }, input) {
    // createApiToken authorizes 'manage' on the organization before it writes.
    const { secret } = await createApiToken(db, user, input);
    return {
      status: 'ok',
      message: `API-nyckeln ”${input.name}” är skapad. Kopiera den nu: den visas bara den här gången.`,
      data: { secret },
    };
  },
});
