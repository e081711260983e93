'use server';
// Saving an assignment report (server/form-action.ts: authenticate, parse, run; the
// result alone goes back, see SAVE_ONLY);
// the definition's db/ function authorizes before it writes.
import { formAction, SAVE_ONLY } from '@/server/form-action';
import { saveAssignmentReportAction } from './save-assignment-report';

export const saveAssignmentReportForm = formAction(saveAssignmentReportAction, { revalidate: SAVE_ONLY });
