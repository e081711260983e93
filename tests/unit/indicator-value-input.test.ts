// The rules a reporter's indicator entry must meet (DESIGN.md, "Targets, colours and
// trends"): Swedish number input, colour override with justification, the trend arrow
// only where nothing can be compared, analysis whenever the shown colour is not green.
import { describe, expect, it } from 'vitest';
import { indicatorValueSchema } from '@/lib/indicator-value-schema';
import {
  choicesThatHold,
  sameOutcome,
  judgeIndicatorValue,
  MAX_TEXT,
  type IndicatorValueInput,
  type JudgeContext,
} from '@/lib/indicator-value-input';
import type { Target } from '@/lib/target';
import { NUMBER_ERROR } from '@/lib/swedish-number';

function target(fields: Partial<Target> & Pick<Target, 'comparator'>): Target {
  return { value: null, low: null, high: null, direction: null, tolerance: null, ...fields };
}

const lt5 = target({ comparator: 'lt', value: 5 });
const lt7 = target({ comparator: 'lt', value: 7 });
const noEarlier: JudgeContext = { target: lt5, earlier: null, trendTolerance: null };
const lastYear210: JudgeContext = { target: lt5, earlier: 2.1, trendTolerance: null };

type Entry = Pick<
  IndicatorValueInput,
  'outcome' | 'analysis' | 'chosenColour' | 'colourJustification' | 'chosenTrend' | 'trendJustification'
>;

function entry(fields: Partial<Entry> = {}): Entry {
  return {
    outcome: '',
    analysis: '',
    chosenColour: '',
    colourJustification: '',
    chosenTrend: '',
    trendJustification: '',
    ...fields,
  };
}

describe('judgeIndicatorValue: the outcome as Swedish users write it', () => {
  it.each([
    { input: '1,86', outcome: 1.86, colour: 'green' },
    { input: '1.86', outcome: 1.86, colour: 'green' },
    { input: ' 1,86 ', outcome: 1.86, colour: 'green' },
    { input: '6,59 %', outcome: 6.59, colour: 'red' }, // against < 5
    { input: '6,59%', outcome: 6.59, colour: 'red' },
    { input: '\u22122,4', outcome: -2.4, colour: 'green' }, // U+2212 minus
    { input: '-2,4', outcome: -2.4, colour: 'green' },
    { input: '5', outcome: 5, colour: 'red' }, // equal to the value is not lower than it
    { input: '4,99', outcome: 4.99, colour: 'green' },
  ] as const)('"$input" is $outcome, $colour against < 5', ({ input, outcome, colour }) => {
    const judged = judgeIndicatorValue(entry({ outcome: input, analysis: 'Analys.' }), noEarlier);
    expect(judged.ok).toBe(true);
    expect(judged.value?.outcome).toBe(outcome);
    expect(judged.value?.computedColour).toBe(colour);
    expect(judged.value?.shownColour).toBe(colour);
  });

  it('"6,59 %" is 6.59 (not 0.0659) and green against < 7', () => {
    const judged = judgeIndicatorValue(entry({ outcome: '6,59 %' }), { target: lt7, earlier: null, trendTolerance: null });
    expect(judged).toMatchObject({ ok: true, value: { outcome: 6.59, computedColour: 'green' } });
  });

  it('empty is "not measured": no outcome, grey, and an analysis is required', () => {
    for (const input of ['', '   ']) {
      const judged = judgeIndicatorValue(entry({ outcome: input }), noEarlier);
      expect(judged.ok).toBe(false);
      expect(judged.value).toMatchObject({ outcome: null, computedColour: 'grey', shownColour: 'grey', computedTrend: null });
      expect(judged.ok ? {} : judged.errors).toEqual({
        analysis: ['Skriv en analys. Den krävs när måluppfyllelsen inte är grön.'],
      });
    }
    const explained = judgeIndicatorValue(entry({ outcome: '', analysis: 'Mätningen genomförs under hösten.' }), noEarlier);
    expect(explained).toMatchObject({ ok: true, value: { outcome: null, shownColour: 'grey' } });
  });

  it.each(['1,86 procent', 'ca 2', 'abc', '1,8x6', '1,86,2', '1 2', '--2', '1e3', 'NaN', '2,4−'])(
    'text in the number ("%s") is an error on the outcome only, with no judged value',
    (input) => {
      const judged = judgeIndicatorValue(entry({ outcome: input, analysis: '' }), noEarlier);
      expect(judged.ok).toBe(false);
      if (judged.ok) return;
      expect(judged.errors).toEqual({ outcome: [NUMBER_ERROR] });
      expect(judged.value).toBeNull();
    },
  );
});

describe('judgeIndicatorValue: choosing another colour', () => {
  it.each([
    // computed green (1,86 < 5)
    { outcome: '1,86', chosen: 'yellow', justification: '', analysis: '', chosenColour: 'yellow', shown: 'yellow', errors: ['colourJustification', 'analysis'] },
    { outcome: '1,86', chosen: 'yellow', justification: 'Osäker mätning.', analysis: '', chosenColour: 'yellow', shown: 'yellow', errors: ['analysis'] },
    { outcome: '1,86', chosen: 'red', justification: 'Osäker mätning.', analysis: 'Analys.', chosenColour: 'red', shown: 'red', errors: [] },
    { outcome: '1,86', chosen: 'yellow', justification: '   ', analysis: 'Analys.', chosenColour: 'yellow', shown: 'yellow', errors: ['colourJustification'] },
    // the same colour as computed is no override: no justification needed, nothing stored as chosen
    { outcome: '1,86', chosen: 'green', justification: '', analysis: '', chosenColour: null, shown: 'green', errors: [] },
    { outcome: '5,5', chosen: 'red', justification: '', analysis: 'Analys.', chosenColour: null, shown: 'red', errors: [] },
    { outcome: '', chosen: 'grey', justification: '', analysis: 'Ej mätt.', chosenColour: null, shown: 'grey', errors: [] },
    // computed red (5,5 ≥ 5), chosen green with justification: shown green, no analysis needed
    { outcome: '5,5', chosen: 'green', justification: 'Mätfel i systemet.', analysis: '', chosenColour: 'green', shown: 'green', errors: [] },
    { outcome: '5,5', chosen: 'green', justification: '', analysis: '', chosenColour: 'green', shown: 'green', errors: ['colourJustification'] },
    // no choice: the computed colour is shown
    { outcome: '5,5', chosen: '', justification: '', analysis: '', chosenColour: null, shown: 'red', errors: ['analysis'] },
  ] as const)(
    '$outcome, chosen "$chosen", justification "$justification", analysis "$analysis" → shown $shown, errors $errors',
    ({ outcome, chosen, justification, analysis, chosenColour, shown, errors }) => {
      const judged = judgeIndicatorValue(
        entry({ outcome, chosenColour: chosen, colourJustification: justification, analysis }),
        noEarlier,
      );
      expect(judged.value?.chosenColour).toBe(chosenColour);
      expect(judged.value?.shownColour).toBe(shown);
      expect(judged.ok ? [] : Object.keys(judged.errors).sort()).toEqual([...errors].sort());
    },
  );

  it('keeps the computed colour beside the chosen one', () => {
    const judged = judgeIndicatorValue(
      entry({ outcome: '5,5', chosenColour: 'yellow', colourJustification: 'Nära målet.', analysis: 'Analys.' }),
      noEarlier,
    );
    expect(judged).toMatchObject({ ok: true, value: { computedColour: 'red', chosenColour: 'yellow', shownColour: 'yellow' } });
  });

  it('asks for the justification in Swedish', () => {
    const judged = judgeIndicatorValue(entry({ outcome: '1,86', chosenColour: 'red', analysis: 'Analys.' }), noEarlier);
    expect(judged.ok ? null : judged.errors.colourJustification).toEqual([
      'Motivera varför du väljer en annan färg än den beräknade.',
    ]);
  });
});

describe('judgeIndicatorValue: the trend arrow', () => {
  it.each([
    // no earlier value, an outcome: the reporter may set the arrow, with a justification
    { name: 'no earlier value, arrow with justification', ctx: noEarlier, outcome: '1,86', chosen: 'better', justification: 'Enligt delårsbokslutet.', computed: null, chosenTrend: 'better', shown: 'better', errors: [] },
    { name: 'no earlier value, arrow without justification', ctx: noEarlier, outcome: '1,86', chosen: 'worse', justification: '', computed: null, chosenTrend: 'worse', shown: 'worse', errors: ['trendJustification'] },
    { name: 'no earlier value, blank justification', ctx: noEarlier, outcome: '1,86', chosen: 'same', justification: '  ', computed: null, chosenTrend: 'same', shown: 'same', errors: ['trendJustification'] },
    { name: 'no earlier value, no arrow', ctx: noEarlier, outcome: '1,86', chosen: '', justification: '', computed: null, chosenTrend: null, shown: null, errors: [] },
    // an earlier value: the arrow is computed and a chosen one is ignored
    { name: 'earlier value, chosen arrow ignored', ctx: lastYear210, outcome: '1,86', chosen: 'worse', justification: '', computed: 'better', chosenTrend: null, shown: 'better', errors: [] },
    { name: 'earlier value, no arrow chosen', ctx: lastYear210, outcome: '2,10', chosen: '', justification: '', computed: 'same', chosenTrend: null, shown: 'same', errors: [] },
    { name: 'earlier value, rising sick leave', ctx: lastYear210, outcome: '3', chosen: '', justification: '', computed: 'worse', chosenTrend: null, shown: 'worse', errors: [] },
    // no outcome: no arrow at all, whatever was chosen
    { name: 'no outcome, arrow ignored', ctx: noEarlier, outcome: '', chosen: 'better', justification: '', computed: null, chosenTrend: null, shown: null, errors: [] },
    { name: 'no outcome with an earlier value', ctx: lastYear210, outcome: '', chosen: 'better', justification: '', computed: null, chosenTrend: null, shown: null, errors: [] },
  ] as const)('$name', ({ ctx, outcome, chosen, justification, computed, chosenTrend, shown, errors }) => {
    const judged = judgeIndicatorValue(
      entry({ outcome, chosenTrend: chosen, trendJustification: justification, analysis: 'Analys.' }),
      ctx,
    );
    expect(judged.value?.computedTrend).toBe(computed);
    expect(judged.value?.chosenTrend).toBe(chosenTrend);
    expect(judged.value?.shownTrend).toBe(shown);
    expect(judged.ok ? [] : Object.keys(judged.errors)).toEqual(errors);
  });

  it('asks for the trend justification in Swedish', () => {
    const judged = judgeIndicatorValue(entry({ outcome: '1,86', chosenTrend: 'better' }), noEarlier);
    expect(judged.ok ? null : judged.errors.trendJustification).toEqual([
      'Motivera trendpilen: det finns inget tidigare värde att jämföra med.',
    ]);
  });
});

describe('judgeIndicatorValue: sick leave (Kommunstyrelsens mål 1)', () => {
  it('1,86 against < 5 with 2,10 last year: green, trend better (falling sick leave is better), no analysis needed', () => {
    const judged = judgeIndicatorValue(entry({ outcome: '1,86' }), lastYear210);
    expect(judged).toEqual({
      ok: true,
      value: {
        outcome: 1.86,
        computedColour: 'green',
        computedTrend: 'better',
        chosenColour: null,
        chosenTrend: null,
        shownColour: 'green',
        shownTrend: 'better',
      },
    });
  });

  it('5,5 against < 5: red, and an analysis is required', () => {
    const judged = judgeIndicatorValue(entry({ outcome: '5,5' }), lastYear210);
    expect(judged.ok).toBe(false);
    expect(judged.value).toMatchObject({ outcome: 5.5, computedColour: 'red', shownColour: 'red', computedTrend: 'worse' });
    expect(judged.ok ? null : judged.errors).toEqual({
      analysis: ['Skriv en analys. Den krävs när måluppfyllelsen inte är grön.'],
    });
    expect(judgeIndicatorValue(entry({ outcome: '5,5', analysis: 'Ökad korttidsfrånvaro.' }), lastYear210).ok).toBe(true);
    // Whitespace is no analysis.
    expect(judgeIndicatorValue(entry({ outcome: '5,5', analysis: ' \n ' }), lastYear210).ok).toBe(false);
  });

  it('a yellow band: a near miss is yellow and needs an analysis', () => {
    const judged = judgeIndicatorValue(entry({ outcome: '5,2' }), {
      target: { ...lt5, tolerance: 0.5 },
      earlier: null,
      trendTolerance: null,
    });
    expect(judged.value?.computedColour).toBe('yellow');
    expect(judged.ok ? null : Object.keys(judged.errors)).toEqual(['analysis']);
  });
});

describe('indicatorValueSchema', () => {
  const ids = {
    indicatorId: '0b7c2a4e-8f1d-4c3b-9a6e-2d5f7e9a1c3b',
    periodId: '5e8d1f2a-3b4c-4d5e-8f6a-7b8c9d0e1f2a',
  };

  it('defaults every missing optional field to empty and coerces the base version', () => {
    const parsed = indicatorValueSchema.parse({ ...ids, baseSeq: '3' });
    expect(parsed).toEqual({
      ...ids,
      baseSeq: 3,
      outcome: '',
      referenceNote: '',
      analysis: '',
      chosenColour: '',
      colourJustification: '',
      chosenTrend: '',
      trendJustification: '',
      choicesFor: '',
    });
  });

  it('keeps what was entered (the outcome is parsed later, by the rules)', () => {
    const parsed = indicatorValueSchema.parse({
      ...ids,
      baseSeq: 0,
      outcome: '1,86',
      analysis: 'Analys med **Markdown**.',
      chosenColour: 'yellow',
      colourJustification: '  Motivering.  ',
      chosenTrend: 'better',
      trendJustification: 'Pil.',
    });
    expect(parsed).toMatchObject({ outcome: '1,86', chosenColour: 'yellow', colourJustification: 'Motivering.', chosenTrend: 'better' });
  });

  it('refuses an analysis of 100 000 characters with a Swedish message', () => {
    const result = indicatorValueSchema.safeParse({ ...ids, baseSeq: 0, outcome: '1,86', analysis: 'a'.repeat(100_000) });
    expect(result.success).toBe(false);
    const issue = result.error!.issues.find((i) => i.path[0] === 'analysis');
    expect(issue?.message).toMatch(/^Analysen får vara högst 20\s000 tecken\.$/);
    // The longest allowed analysis passes.
    expect(indicatorValueSchema.safeParse({ ...ids, baseSeq: 0, analysis: 'a'.repeat(MAX_TEXT) }).success).toBe(true);
  });

  it.each([
    [{ indicatorId: 'not-a-uuid' }, 'indicatorId', 'Okänt mått.'],
    [{ periodId: 'x' }, 'periodId', 'Okänd period.'],
    [{ outcome: '1'.repeat(61) }, 'outcome', 'Ange ett tal, till exempel 1,86.'],
    [{ referenceNote: 'n'.repeat(301) }, 'referenceNote', 'Noteringen får vara högst 300 tecken.'],
    [{ colourJustification: 'm'.repeat(2_001) }, 'colourJustification', 'Motiveringen får vara högst 2 000 tecken.'],
    [{ trendJustification: 'm'.repeat(2_001) }, 'trendJustification', 'Motiveringen får vara högst 2 000 tecken.'],
  ] as const)('refuses %o on %s with "%s"', (override, field, message) => {
    const result = indicatorValueSchema.safeParse({ ...ids, baseSeq: 0, ...override });
    expect(result.success).toBe(false);
    expect(result.error!.issues.find((i) => i.path[0] === field)?.message).toBe(message);
  });

  it.each([
    { chosenColour: 'blue' },
    { chosenTrend: 'up' },
    { baseSeq: -1 },
    { baseSeq: 1.5 },
    { baseSeq: 'abc' },
    { outcome: 1.86 },
  ])('refuses %o', (override) => {
    expect(indicatorValueSchema.safeParse({ ...ids, baseSeq: 0, ...override }).success).toBe(false);
  });
});

describe('choicesThatHold: a chosen colour or arrow holds only for its value', () => {
  const carried = {
    outcome: '7,25',
    chosenColour: 'yellow' as const,
    colourJustification: 'Nära målet.',
    chosenTrend: 'better' as const,
    trendJustification: 'Enligt rapporten.',
  };
  const dropped = { chosenColour: '', colourJustification: '', chosenTrend: '', trendJustification: '' };

  it('drops choices carried over to a new outcome', () => {
    expect(choicesThatHold({ ...carried, choicesFor: '6,59' }, { outcome: 6.59 })).toMatchObject({ outcome: '7,25', ...dropped });
    expect(choicesThatHold(carried, { outcome: 6.59 })).toMatchObject(dropped); // nothing says they were set again
    expect(choicesThatHold({ ...carried, outcome: '' }, { outcome: 6.59 })).toMatchObject(dropped); // no longer measured
  });

  it('keeps them for the same outcome, however it is written', () => {
    for (const outcome of ['6,59', '6.59', ' 6,590 ', '6,59 %']) {
      expect(choicesThatHold({ ...carried, outcome, choicesFor: '6,59' }, { outcome: 6.59 })).toMatchObject({ chosenTrend: 'better', chosenColour: 'yellow' });
    }
  });

  it('keeps choices set again for the new outcome in the same save, and on a first save', () => {
    expect(choicesThatHold({ ...carried, choicesFor: '7,25' }, { outcome: 6.59 })).toMatchObject({ chosenTrend: 'better' });
    expect(choicesThatHold({ ...carried, choicesFor: '' }, null)).toMatchObject({ chosenTrend: 'better' });
  });

  it('compares typed outcomes as numbers', () => {
    expect(sameOutcome('1,5', 1.5)).toBe(true);
    expect(sameOutcome('', null)).toBe(true);
    expect(sameOutcome('1,5', '1,50')).toBe(true);
    expect(sameOutcome('1,5', 1.6)).toBe(false);
    expect(sameOutcome('x', 'x')).toBe(false);
  });
});
