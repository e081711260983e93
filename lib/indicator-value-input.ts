// What a reporter enters for an indicator in a period, and the rules a save must meet:
// the same function runs in the form (live colour and trend, early errors) and on the
// server (the authority). Pure, and free of zod: it is bundled for the browser.
import { evaluateTarget, type Target } from './target';
import { computeTrend, type Trend } from './trend';
import type { Colour } from './colour';
import { parseSwedishNumber } from './swedish-number';
import type { IndicatorValueForm, IndicatorValueInput } from './indicator-value-schema';

export const MAX_TEXT = 20_000;
export const MAX_JUSTIFICATION = 2_000;

// The zod schema of the form is lib/indicator-value-schema.ts: the form imports this file
// for the live judgement, and zod stays out of the browser's bundle (issue 19).
export type { IndicatorValueForm, IndicatorValueInput } from './indicator-value-schema';

export interface JudgeContext {
  target: Target;
  /** The earlier value the trend and a not_worse target compare with (last year's, or the baseline). */
  earlier: number | null;
  trendTolerance: number | null;
}

export interface JudgedValue {
  outcome: number | null;
  computedColour: Colour;
  computedTrend: Trend | null;
  chosenColour: Colour | null;
  chosenTrend: Trend | null;
  /** What the reports show: the reporter's choice, else the computed one. */
  shownColour: Colour;
  shownTrend: Trend | null;
}

/** What the form says beside the colour and arrow choices. */
export const TREND_CHOICE_HOLD_NOTE = 'Pilen gäller bara det utfall du sätter den för: ett nytt utfall behöver ett nytt val.';
export const CHOICES_HOLD_NOTE =
  'En färg eller trendpil som du väljer gäller bara det utfall du valde den för. Sparar du ett nytt utfall tas valet bort, om du inte väljer igen för det nya utfallet.';

type Choices = Pick<IndicatorValueInput, 'outcome' | 'chosenColour' | 'colourJustification' | 'chosenTrend' | 'trendJustification'> & {
  choicesFor?: string;
};

/** Two outcomes as typed are the same number (or both empty); text that is no number is never the same. */
export function sameOutcome(a: string, b: number | string | null): boolean {
  const x = parseSwedishNumber(a);
  const y = typeof b === 'string' ? parseSwedishNumber(b) : { ok: true as const, value: b };
  return x.ok && y.ok && x.value === y.value;
}

/**
 * A colour or trend arrow chosen by the reporter holds only for the value it was chosen for
 * (DESIGN.md): when a save changes the outcome of the version it builds on (`base`), the
 * choices it carries are dropped, unless they were set again for the new outcome in this same
 * save (`choicesFor` names the outcome they were set for). Saving the same outcome again (an
 * edited analysis) keeps them; the first version has nothing to carry over.
 */
export function choicesThatHold<T extends Choices>(input: T, base: { outcome: number | null } | null): T {
  if (base === null || sameOutcome(input.outcome, base.outcome)) return input;
  if (input.choicesFor && sameOutcome(input.outcome, input.choicesFor)) return input;
  return { ...input, chosenColour: '', colourJustification: '', chosenTrend: '', trendJustification: '' };
}

export type FieldErrors = Partial<Record<keyof IndicatorValueForm, string[]>>;

/** Applies the rules of DESIGN.md to an entry; field errors in Swedish, or the judged value. */
export function judgeIndicatorValue(
  input: Pick<
    IndicatorValueInput,
    'outcome' | 'analysis' | 'chosenColour' | 'colourJustification' | 'chosenTrend' | 'trendJustification'
  >,
  context: JudgeContext,
): { ok: true; value: JudgedValue } | { ok: false; errors: FieldErrors; value: JudgedValue | null } {
  const errors: FieldErrors = {};
  const parsed = parseSwedishNumber(input.outcome);
  if (!parsed.ok) return { ok: false, errors: { outcome: [parsed.error] }, value: null };

  const outcome = parsed.value;
  const computedColour = evaluateTarget(context.target, outcome, context.earlier);
  const computedTrend = computeTrend(context.target, outcome, context.earlier, context.trendTolerance);
  const chosenColour = input.chosenColour && input.chosenColour !== computedColour ? input.chosenColour : null;
  // The reporter sets the arrow only where there is nothing to compare with.
  const chosenTrend = computedTrend === null && outcome !== null && input.chosenTrend ? input.chosenTrend : null;
  const value: JudgedValue = {
    outcome,
    computedColour,
    computedTrend,
    chosenColour,
    chosenTrend,
    shownColour: chosenColour ?? computedColour,
    shownTrend: chosenTrend ?? computedTrend,
  };

  if (chosenColour && !input.colourJustification.trim()) {
    errors.colourJustification = ['Motivera varför du väljer en annan färg än den beräknade.'];
  }
  if (chosenTrend && !input.trendJustification.trim()) {
    errors.trendJustification = ['Motivera trendpilen: det finns inget tidigare värde att jämföra med.'];
  }
  if (value.shownColour !== 'green' && !input.analysis.trim()) {
    errors.analysis = ['Skriv en analys. Den krävs när måluppfyllelsen inte är grön.'];
  }
  return Object.keys(errors).length ? { ok: false, errors, value } : { ok: true, value };
}
