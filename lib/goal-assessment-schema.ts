// The zod schema of the goal assessment form (server side). Kept apart from
// lib/goal-assessment-input.ts, whose pure judgement the form bundles.
import { z } from '@/lib/zod';
import { MAX_JUSTIFICATION, MAX_TEXT } from './indicator-value-input';

const colourOrEmpty = z.enum(['', 'green', 'yellow', 'red', 'grey']);

export const goalAssessmentSchema = z.object({
  goalId: z.uuid('Okänt mål.'),
  periodId: z.uuid('Okänd period.'),
  baseSeq: z.coerce.number().int().min(0).max(1_000_000),
  // Fields a form shows only in some states may be absent: absent is empty.
  chosenColour: colourOrEmpty.default(''),
  justification: z.string().trim().max(MAX_JUSTIFICATION, 'Motiveringen får vara högst 2 000 tecken.').default(''),
  analysis: z.string().max(MAX_TEXT, `Analysen får vara högst ${MAX_TEXT.toLocaleString('sv-SE')} tecken.`).default(''),
  forecastColour: colourOrEmpty.default(''),
});

export type GoalAssessmentForm = z.input<typeof goalAssessmentSchema>;
export type GoalAssessmentInput = z.output<typeof goalAssessmentSchema>;
