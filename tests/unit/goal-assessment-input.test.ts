// The rules a goal assessment must meet: the computed attainment by the goal's rule, a
// chosen colour (required under `manual`) with a justification, analysis when not green,
// and at delår a forecast for the full year.
import { describe, expect, it } from 'vitest';
import { judgeGoalAssessment, type GoalAssessmentInput } from '@/lib/goal-assessment-input';
import { goalAssessmentSchema } from '@/lib/goal-assessment-schema';
import type { Colour } from '@/lib/colour';
import type { GoalRule } from '@/lib/goal-rule';

type Entry = Pick<GoalAssessmentInput, 'chosenColour' | 'justification' | 'analysis' | 'forecastColour'>;

function entry(fields: Partial<Entry> = {}): Entry {
  return { chosenColour: '', justification: '', analysis: '', forecastColour: '', ...fields };
}

function context(rule: GoalRule, indicatorColours: Colour[], needsForecast = false) {
  return { rule, indicatorColours, needsForecast };
}

describe('judgeGoalAssessment', () => {
  it.each([
    // rule all: computed from the indicators, nothing to choose
    { name: 'all, every indicator green', ctx: context('all', ['green', 'green']), input: {}, computed: 'green', chosen: null, shown: 'green', errors: [] },
    { name: 'all, green and red → yellow needs analysis', ctx: context('all', ['green', 'red']), input: {}, computed: 'yellow', chosen: null, shown: 'yellow', errors: ['analysis'] },
    { name: 'all, yellow with analysis', ctx: context('all', ['green', 'red']), input: { analysis: 'Analys.' }, computed: 'yellow', chosen: null, shown: 'yellow', errors: [] },
    { name: 'all, nothing measured → grey needs analysis', ctx: context('all', ['grey']), input: {}, computed: 'grey', chosen: null, shown: 'grey', errors: ['analysis'] },
    { name: 'all, every measured red', ctx: context('all', ['red', 'grey']), input: { analysis: 'Analys.' }, computed: 'red', chosen: null, shown: 'red', errors: [] },
    { name: 'majority, two of three green', ctx: context('majority', ['green', 'green', 'red']), input: {}, computed: 'green', chosen: null, shown: 'green', errors: [] },
    // choosing the computed colour is no override
    { name: 'all, chosen = computed green, no justification needed', ctx: context('all', ['green']), input: { chosenColour: 'green' }, computed: 'green', chosen: null, shown: 'green', errors: [] },
    { name: 'all, chosen = computed red, no justification needed', ctx: context('all', ['red']), input: { chosenColour: 'red', analysis: 'Analys.' }, computed: 'red', chosen: null, shown: 'red', errors: [] },
    // an override needs a justification; analysis when the shown colour is not green
    { name: 'override green → yellow without justification or analysis', ctx: context('all', ['green']), input: { chosenColour: 'yellow' }, computed: 'green', chosen: 'yellow', shown: 'yellow', errors: ['justification', 'analysis'] },
    { name: 'override green → red with justification, no analysis', ctx: context('all', ['green']), input: { chosenColour: 'red', justification: 'Motivering.' }, computed: 'green', chosen: 'red', shown: 'red', errors: ['analysis'] },
    { name: 'override red → green with justification', ctx: context('all', ['red']), input: { chosenColour: 'green', justification: 'Motivering.' }, computed: 'red', chosen: 'green', shown: 'green', errors: [] },
    { name: 'override red → green, blank justification', ctx: context('all', ['red']), input: { chosenColour: 'green', justification: '  ' }, computed: 'red', chosen: 'green', shown: 'green', errors: ['justification'] },
    // manual: the reporter must choose, and justify
    { name: 'manual, nothing chosen', ctx: context('manual', ['green']), input: { analysis: 'Analys.' }, computed: null, chosen: null, shown: null, errors: ['chosenColour'] },
    { name: 'manual, chosen green without justification', ctx: context('manual', []), input: { chosenColour: 'green' }, computed: null, chosen: 'green', shown: 'green', errors: ['justification'] },
    { name: 'manual, chosen green with justification', ctx: context('manual', []), input: { chosenColour: 'green', justification: 'Motivering.' }, computed: null, chosen: 'green', shown: 'green', errors: [] },
    { name: 'manual, chosen red with justification, no analysis', ctx: context('manual', []), input: { chosenColour: 'red', justification: 'Motivering.' }, computed: null, chosen: 'red', shown: 'red', errors: ['analysis'] },
    { name: 'manual, chosen yellow, justification and analysis', ctx: context('manual', []), input: { chosenColour: 'yellow', justification: 'M.', analysis: 'A.' }, computed: null, chosen: 'yellow', shown: 'yellow', errors: [] },
    // the forecast (prognos helår) at delår
    { name: 'forecast required when needed', ctx: context('all', ['green'], true), input: {}, computed: 'green', chosen: null, shown: 'green', errors: ['forecastColour'] },
    { name: 'forecast given when needed', ctx: context('all', ['green'], true), input: { forecastColour: 'yellow' }, computed: 'green', chosen: null, shown: 'green', errors: [] },
    { name: 'manual with everything missing at delår', ctx: context('manual', [], true), input: {}, computed: null, chosen: null, shown: null, errors: ['chosenColour', 'forecastColour'] },
  ] as const)('$name', ({ ctx, input, computed, chosen, shown, errors }) => {
    const judged = judgeGoalAssessment(entry(input), { ...ctx, indicatorColours: [...ctx.indicatorColours] });
    expect(judged.value.computedColour).toBe(computed);
    expect(judged.value.chosenColour).toBe(chosen);
    expect(judged.value.shownColour).toBe(shown);
    expect(judged.ok ? [] : Object.keys(judged.errors).sort()).toEqual([...errors].sort());
  });

  it('keeps the forecast, or null when none is given', () => {
    expect(judgeGoalAssessment(entry({ forecastColour: 'red' }), context('all', ['green'])).value.forecastColour).toBe('red');
    expect(judgeGoalAssessment(entry(), context('all', ['green'])).value.forecastColour).toBeNull();
  });

  it('speaks Swedish', () => {
    const manual = judgeGoalAssessment(entry({ chosenColour: 'yellow' }), context('manual', [], true));
    expect(manual.ok ? null : manual.errors).toEqual({
      justification: ['Motivera bedömningen: målet bedöms manuellt.'],
      analysis: ['Skriv en analys. Den krävs när måluppfyllelsen inte är grön.'],
      forecastColour: ['Välj en prognos för helåret.'],
    });
    const unchosen = judgeGoalAssessment(entry(), context('manual', []));
    expect(unchosen.ok ? null : unchosen.errors).toEqual({ chosenColour: ['Välj måluppfyllelse: målet bedöms manuellt.'] });
    const override = judgeGoalAssessment(entry({ chosenColour: 'green' }), context('all', ['red']));
    expect(override.ok ? null : override.errors).toEqual({
      justification: ['Motivera varför du gör en annan bedömning än den beräknade.'],
    });
  });
});

describe('goalAssessmentSchema', () => {
  const ids = { goalId: '0b7c2a4e-8f1d-4c3b-9a6e-2d5f7e9a1c3b', periodId: '5e8d1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a' };

  it('defaults every missing optional field to empty', () => {
    expect(goalAssessmentSchema.parse({ ...ids, baseSeq: '0' })).toEqual({
      ...ids,
      baseSeq: 0,
      chosenColour: '',
      justification: '',
      analysis: '',
      forecastColour: '',
    });
  });

  it('trims the justification', () => {
    expect(goalAssessmentSchema.parse({ ...ids, baseSeq: 1, justification: '  Motivering.  ' }).justification).toBe('Motivering.');
  });

  it.each([
    [{ goalId: 'x' }, 'goalId', 'Okänt mål.'],
    [{ periodId: 'x' }, 'periodId', 'Okänd period.'],
    [{ justification: 'j'.repeat(2_001) }, 'justification', 'Motiveringen får vara högst 2 000 tecken.'],
  ] as const)('refuses %o on %s with "%s"', (override, field, message) => {
    const result = goalAssessmentSchema.safeParse({ ...ids, baseSeq: 0, ...override });
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  });

  it('refuses an analysis of 100 000 characters with a Swedish message', () => {
    const result = goalAssessmentSchema.safeParse({ ...ids, baseSeq: 0, analysis: 'a'.repeat(100_000) });
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((i) => i.path[0] === 'analysis')?.message).toMatch(/^Analysen får vara högst 20\s000 tecken\.$/);
  });

  it.each([{ chosenColour: 'blue' }, { forecastColour: 'orange' }, { baseSeq: -1 }])('refuses %o', (override) => {
    expect(goalAssessmentSchema.safeParse({ ...ids, baseSeq: 0, ...override }).success).toBe(false);
  });
});
