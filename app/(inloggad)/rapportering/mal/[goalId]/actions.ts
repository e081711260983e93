'use server';
// Saving a goal assessment (server/form-action.ts: authenticate, parse, run, revalidate);
// the definition's db/ function authorizes before it writes.
import { EVERY_PAGE, formAction } from '@/server/form-action';
import { saveGoalAssessmentAction } from './save-goal-assessment';

export const saveGoalAssessmentForm = formAction(saveGoalAssessmentAction, { revalidate: EVERY_PAGE });
