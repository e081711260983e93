// Edit a unit: name, kind, parent, code and sort order (audited with before and after).
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { updateUnit } from '@/db/admin/units';
import { unitFields } from './unit-schema';

export const updateUnitAction = defineAction({
  name: 'unit.update',
  schema: z.object({ unitId: z.uuid('Okänd enhet.'), ...unitFields }),
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'unit', organizationId: user.organizationId });
    const unit = await updateUnit(db, user, input);
    return { status: 'ok', message: `Ändringarna för ${unit.name} är sparade.` };
  },
});
