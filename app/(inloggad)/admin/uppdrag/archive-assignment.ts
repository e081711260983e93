// Archive an assignment: it leaves the monitor, the overview and Min rapportering, but stays in
// its history and in earlier periods' reports.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { authorize } from '@/lib/policy';
import { setAssignmentArchived } from '@/db/admin/assignments';

export const archiveAssignmentAction = defineAction({
  name: 'assignment.archive',
  schema: z.object({ assignmentId: z.uuid('Okänt uppdrag.') }),
  async run({ user, db }, input) {
    authorize(user, 'manage', { kind: 'assignment', organizationId: user.organizationId });
    const { code } = await setAssignmentArchived(db, user, { assignmentId: input.assignmentId, archived: true });
    return { status: 'ok', message: `Uppdraget ${code} är arkiverat.` };
  },
});
