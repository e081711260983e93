// Restore an archived assignment (Återställ): it is current again.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { setAssignmentArchived } from '@/db/admin/assignments';

export const restoreAssignmentAction = defineAction({
  name: 'assignment.restore',
  schema: z.object({ assignmentId: z.uuid('Okänt uppdrag.') }),
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'assignment', organizationId: user.organizationId });
    const { code } = await setAssignmentArchived(db, user, { assignmentId: input.assignmentId, archived: false });
    return { status: 'ok', message: `Uppdraget ${code} är återställt.` };
  },
});
