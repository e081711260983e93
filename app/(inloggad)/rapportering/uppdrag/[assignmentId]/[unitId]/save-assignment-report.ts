// Save a new version of a unit's återrapportering on an assignment for a period.
import { defineAction } from '@/server/action';
import { assignmentReportSchema } from '@/lib/assignment-report-input';
import { saveAssignmentReport } from '@/db/assignment-reports';

export const saveAssignmentReportAction = defineAction({
  name: 'assignmentReport.save',
  schema: assignmentReportSchema,
  async run({ user, db }, input) {
    // saveAssignmentReport authorizes 'report' for the unit (and the period lock) before it writes.
    const { seq } = await saveAssignmentReport(db, user, input);
    return { status: 'ok', message: `Återrapporteringen är sparad som version ${seq}.`, data: { seq } };
  },
});
