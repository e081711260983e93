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
