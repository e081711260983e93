// A row in the table from the identity provider's groups to roles: members of the group get
// the role (a rapportör for the unit) at their next single sign-on login.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { addGroupMapping } from '@/db/admin/sign-in';

export const addGroupMappingAction = defineAction({
  name: 'signIn.addGroup',
  schema: z
    .object({
      groupName: z.string().trim().min(1, 'Ange gruppens namn som identitetstjänsten skickar det.').max(200, 'Gruppens namn är för långt.'),
      role: z.enum(['admin', 'director', 'viewer', 'editor'], 'Välj en roll.'),
      unitId: z
        .union([z.literal(''), z.uuid('Välj en enhet i listan.')])
        .default('')
        .transform((v) => v || null),
    })
    .refine((d) => d.role !== 'editor' || d.unitId, {
      path: ['unitId'],
      message: 'Välj vilken enhet gruppens medlemmar rapporterar för.',
    }),
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'organization', organizationId: user.organizationId });
    await addGroupMapping(db, user, input);
    return { status: 'ok', message: `Gruppen ${input.groupName} är tillagd. Den gäller från medlemmarnas nästa inloggning.` };
  },
});
