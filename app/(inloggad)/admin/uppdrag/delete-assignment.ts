// Delete an assignment that has no history (no reports, no revision requests), after the
// user confirmed it. One with history is refused: it can only be archived.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { deleteAssignment } from '@/db/admin/assignments';

export const deleteAssignmentAction = defineAction({
  name: 'assignment.delete',
  schema: z.object({ assignmentId: z.uuid('Okänt uppdrag.') }),
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'assignment', organizationId: user.organizationId });
    const { code } = await deleteAssignment(db, user, input);
    return { status: 'ok', message: `Uppdraget ${code} är raderat.` };
  },
});
