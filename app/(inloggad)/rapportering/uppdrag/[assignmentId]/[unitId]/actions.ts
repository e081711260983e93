'use server';
// Saving an assignment report (server/form-action.ts: authenticate, parse, run, revalidate);
// the definition's db/ function authorizes before it writes.
import { EVERY_PAGE, formAction } from '@/server/form-action';
import { saveAssignmentReportAction } from './save-assignment-report';

export const saveAssignmentReportForm = formAction(saveAssignmentReportAction, { revalidate: EVERY_PAGE });
