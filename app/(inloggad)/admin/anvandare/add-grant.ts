// Give a user a role: systemförvaltare, kommundirektör or läsare, or rapportör for a unit.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { addGrant } from '@/db/admin/users';
import { roleLabel } from '@/lib/roles';

export const addGrantAction = defineAction({
  name: 'user.addGrant',
  schema: z
    .object({
      userId: z.uuid('Okänd användare.'),
      role: z.enum(['admin', 'director', 'viewer', 'editor'], 'Välj en roll.'),
      unitId: z
        .union([z.literal(''), z.uuid('Välj en enhet i listan.')])
        .default('')
        .transform((v) => v || null),
    })
    .refine((d) => d.role !== 'editor' || d.unitId, {
      path: ['unitId'],
      message: 'Välj vilken enhet användaren rapporterar för.',
    }),
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'user', organizationId: user.organizationId, userId: input.userId });
    const { userName } = await addGrant(db, user, input);
    return { status: 'ok', message: `${userName} har fått rollen ${roleLabel(input.role).toLowerCase()}.` };
  },
});
