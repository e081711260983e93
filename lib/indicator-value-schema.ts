// The zod schema of the indicator value form (server side: the action parses with it). Kept
// apart from lib/indicator-value-input.ts, whose pure judgement the form bundles.
import { z } from '@/lib/zod';
import { MAX_JUSTIFICATION, MAX_TEXT } from './indicator-value-input';

const optionalColour = z.enum(['', 'green', 'yellow', 'red', 'grey']);
const optionalTrend = z.enum(['', 'better', 'same', 'worse']);

export const indicatorValueSchema = z.object({
  indicatorId: z.uuid('Okänt mått.'),
  periodId: z.uuid('Okänd period.'),
  baseSeq: z.coerce.number().int().min(0).max(1_000_000),
  // Fields a form shows only in some states may be absent: absent is empty.
  outcome: z.string().max(60, 'Ange ett tal, till exempel 1,86.').default(''),
  referenceNote: z.string().trim().max(300, 'Noteringen får vara högst 300 tecken.').default(''),
  analysis: z.string().max(MAX_TEXT, `Analysen får vara högst ${MAX_TEXT.toLocaleString('sv-SE')} tecken.`).default(''),
  chosenColour: optionalColour.default(''),
  colourJustification: z.string().trim().max(MAX_JUSTIFICATION, 'Motiveringen får vara högst 2 000 tecken.').default(''),
  chosenTrend: optionalTrend.default(''),
  trendJustification: z.string().trim().max(MAX_JUSTIFICATION, 'Motiveringen får vara högst 2 000 tecken.').default(''),
  // The outcome (as typed) the chosen colour and arrow were set for: see choicesThatHold.
  choicesFor: z.string().max(60).default(''),
});

export type IndicatorValueForm = z.input<typeof indicatorValueSchema>;
export type IndicatorValueInput = z.output<typeof indicatorValueSchema>;
