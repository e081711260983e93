// Delete a unit that has no children, no references and no history (anything else is archived).
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { deleteUnit } from '@/db/admin/units';

export const deleteUnitAction = defineAction({
  name: 'unit.delete',
  schema: z.object({ unitId: z.uuid('Okänd enhet.') }),
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'unit', organizationId: user.organizationId });
    const { name } = await deleteUnit(db, user, input);
    return { status: 'ok', message: `${name} är raderad.` };
  },
});
