// Save a new version of a goal's assessment for a period.
import { defineAction } from '@/server/action';
import { goalAssessmentSchema } from '@/lib/goal-assessment-schema';
import { saveGoalAssessment } from '@/db/goal-assessments';

export const saveGoalAssessmentAction = defineAction({
  name: 'goalAssessment.save',
  schema: goalAssessmentSchema,
  async run({ user, db }, input) {
    // saveGoalAssessment authorizes 'report' on the goal (its units, the period lock) before it writes.
    const { seq } = await saveGoalAssessment(db, user, input);
    return { status: 'ok', message: `Bedömningen är sparad som version ${seq}.`, data: { seq } };
  },
});
