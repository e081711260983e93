// A goal's assessment for a period: the rules a save must meet, shared by form and server.
import type { Colour } from './colour';
import { goalAttainment, type GoalRule } from './goal-rule';
import type { GoalAssessmentForm, GoalAssessmentInput } from './goal-assessment-schema';

// The zod schema of the form is lib/goal-assessment-schema.ts (zod stays out of the browser's bundle).
export type { GoalAssessmentForm, GoalAssessmentInput } from './goal-assessment-schema';

export interface JudgedAssessment {
  computedColour: Colour | null;
  chosenColour: Colour | null;
  shownColour: Colour | null;
  forecastColour: Colour | null;
}

export function judgeGoalAssessment(
  input: Pick<GoalAssessmentInput, 'chosenColour' | 'justification' | 'analysis' | 'forecastColour'>,
  context: { rule: GoalRule; indicatorColours: Colour[]; needsForecast: boolean },
): { ok: true; value: JudgedAssessment } | { ok: false; errors: Partial<Record<keyof GoalAssessmentForm, string[]>>; value: JudgedAssessment } {
  const computedColour = goalAttainment(context.rule, context.indicatorColours);
  const chosenColour = input.chosenColour && input.chosenColour !== computedColour ? input.chosenColour : null;
  const value: JudgedAssessment = {
    computedColour,
    chosenColour,
    shownColour: chosenColour ?? computedColour,
    forecastColour: input.forecastColour || null,
  };
  const errors: Partial<Record<keyof GoalAssessmentForm, string[]>> = {};
  if (value.shownColour === null) errors.chosenColour = ['Välj måluppfyllelse: målet bedöms manuellt.'];
  if (chosenColour && !input.justification.trim()) {
    errors.justification = [
      computedColour === null
        ? 'Motivera bedömningen: målet bedöms manuellt.'
        : 'Motivera varför du gör en annan bedömning än den beräknade.',
    ];
  }
  if (value.shownColour !== null && value.shownColour !== 'green' && !input.analysis.trim()) {
    errors.analysis = ['Skriv en analys. Den krävs när måluppfyllelsen inte är grön.'];
  }
  if (context.needsForecast && !value.forecastColour) errors.forecastColour = ['Välj en prognos för helåret.'];
  return Object.keys(errors).length ? { ok: false, errors, value } : { ok: true, value };
}
