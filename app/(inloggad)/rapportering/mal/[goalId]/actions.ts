'use server';
// Saving a goal assessment (server/form-action.ts: authenticate, parse, run; the
// result alone goes back, see SAVE_ONLY);
// the definition's db/ function authorizes before it writes.
import { formAction, SAVE_ONLY } from '@/server/form-action';
import { saveGoalAssessmentAction } from './save-goal-assessment';

export const saveGoalAssessmentForm = formAction(saveGoalAssessmentAction, { revalidate: SAVE_ONLY });
