// Edit an assignment: every field, and its responsible units (a unit that has reported on it stays).
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { updateAssignment } from '@/db/admin/assignments';
import { assignmentFieldsSchema } from './create-assignment';

const schema = z
  .object({ assignmentId: z.uuid('Okänt uppdrag.') })
  .and(assignmentFieldsSchema);

export const updateAssignmentAction = defineAction({
  name: 'assignment.update',
  schema,
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'assignment', organizationId: user.organizationId });
    const { code, changed } = await updateAssignment(db, user, input);
    return { status: 'ok', message: changed ? `Uppdraget ${code} är sparat.` : 'Inget ändrades.' };
  },
});
