// Archive a unit (it stays in history and earlier reports but leaves the pickers) or restore it.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { setUnitArchived } from '@/db/admin/units';

export const setUnitArchivedAction = defineAction({
  name: 'unit.setArchived',
  schema: z.object({
    unitId: z.uuid('Okänd enhet.'),
    archived: z.enum(['true', 'false']).transform((v) => v === 'true'),
  }),
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'unit', organizationId: user.organizationId });
    const { name } = await setUnitArchived(db, user, input);
    return { status: 'ok', message: input.archived ? `${name} är arkiverad.` : `${name} är återställd.` };
  },
});
