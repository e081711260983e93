// Create a unit in the tree: a board at the top, a department or unit under a parent.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { createUnit } from '@/db/admin/units';
import { unitFields } from './unit-schema';

export const createUnitAction = defineAction({
  name: 'unit.create',
  schema: z.object(unitFields),
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'unit', organizationId: user.organizationId });
    const unit = await createUnit(db, user, input);
    return { status: 'ok', message: `${unit.name} är skapad.`, data: { id: unit.id } };
  },
});
