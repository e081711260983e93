// Whether unknown people are refused or created without rights at a single sign-on login,
// and whether password logins are allowed (switched off only while single sign-on serves
// the organization, so nobody is locked out).
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { updateSignInSettings } from '@/db/admin/sign-in';
import { ssoServesOrganization } from './sso-serves';

export const updateSignInSettingsAction = defineAction({
  name: 'signIn.updateSettings',
  schema: z.object({
    unknownPeople: z.enum(['refuse', 'create'], 'Välj vad som händer med personer som inte finns i Målbild.'),
    passwordLogin: z.enum(['on', 'off'], 'Välj om inloggning med lösenord är tillåten.').transform((v) => v === 'on'),
  }),
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'organization', organizationId: user.organizationId });
    await updateSignInSettings(db, user, input, await ssoServesOrganization(db, user.organizationId));
    return { status: 'ok', message: 'Inställningarna för inloggning är sparade.' };
  },
});
