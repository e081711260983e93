import { describe, expect, it } from 'vitest';
import { noteMark, reportGoalView } from '@/lib/report-goal-view';
import type { ReportGoal, ReportIndicator } from '@/lib/report-model';
import { DEFAULT_REPORT_OPTIONS } from '@/lib/report-options';

const indicator = (over: Partial<ReportIndicator> = {}): ReportIndicator => ({
  name: 'Sjukfrånvaro, procent',
  targetLabel: 'Lägre än 6',
  decimals: 1,
  unitOfMeasure: '%',
  outcome: 5.25,
  colour: 'green',
  trend: 'better',
  analysis: null,
  referenceNote: null,
  ...over,
});

const goal = (over: Partial<ReportGoal> = {}): ReportGoal => ({
  title: 'Kommunstyrelsens mål 1',
  text: 'En attraktiv arbetsgivare',
  bearings: [],
  methodText: null,
  addressedTo: [],
  subArea: null,
  colour: 'yellow',
  forecastColour: null,
  analysis: null,
  indicators: [indicator()],
  ...over,
});

describe('reportGoalView', () => {
  it('gives the row its words as the page shows them, and leaves out what is empty', () => {
    const view = reportGoalView(goal(), DEFAULT_REPORT_OPTIONS);
    expect(view).toEqual({
      title: 'Kommunstyrelsens mål 1',
      text: 'En attraktiv arbetsgivare',
      rows: [{ name: 'Sjukfrånvaro, procent', target: 'Lägre än 6', outcome: '5,3', colour: 'green', trend: 'better' }],
    });
    // What it leaves out never reaches the page's payload, not even as an empty field.
    expect(JSON.stringify(view)).not.toMatch(/null|""|undefined|\[\]/);
    const none = reportGoalView(goal({ indicators: [indicator({ outcome: null, trend: null, colour: 'grey' })] }), DEFAULT_REPORT_OPTIONS);
    expect(none.rows).toEqual([{ name: 'Sjukfrånvaro, procent', target: 'Lägre än 6', outcome: '–', colour: 'grey' }]);
  });

  it('keeps bearings, method, addressing, the year row, rank and reference note', () => {
    const view = reportGoalView(
      goal({
        bearings: ['om en god arbetsmiljö'],
        methodText: 'Medarbetarenkät',
        addressedTo: ['HR-avdelningen', 'AME'],
        yearRow: true,
        indicators: [indicator({ rankStatement: '8 av 12 kommuner i länet har lägre värde.', referenceNote: 'Avser 2023.' })],
      }),
      DEFAULT_REPORT_OPTIONS,
    );
    expect(view.bearings).toEqual(['om en god arbetsmiljö']);
    expect(view.method).toBe('Medarbetarenkät');
    expect(view.addressedTo).toBe('HR-avdelningen, AME');
    expect(view.yearRow).toBe(true);
    expect(view.rows![0]).toMatchObject({ rank: '8 av 12 kommuner i länet har lägre värde.', note: 'Avser 2023.' });
  });

  it("numbers the reporter's choices as the DOCX does: the table's first, then the goal's", () => {
    const g = goal({
      chosenColour: { justification: null },
      indicators: [
        indicator({ chosenColour: { justification: 'Enkäten var ofullständig' }, chosenTrend: { justification: null } }),
        // A chosen arrow without an arrow shown has no mark, as in the DOCX.
        indicator({ trend: null, chosenTrend: { justification: 'x' } }),
      ],
    });
    const view = reportGoalView(g, { ...DEFAULT_REPORT_OPTIONS, goalAttainment: true });
    expect(view.rows![0]).toMatchObject({ colourMark: '¹', trendMark: '²' });
    expect(view.rows![1]!.trendMark).toBeUndefined();
    expect(view.tableNotes).toEqual(['Färgen är vald av rapportören: Enkäten var ofullständig', 'Pilen är vald av rapportören (ingen motivering angiven).']);
    expect(view.attainment).toEqual({ colour: 'yellow', mark: '³' });
    expect(view.notes).toEqual(['Färgen är vald av rapportören (ingen motivering angiven).']);

    // Without the marks (markeringar=0) and without the goal's line, none of it.
    const plain = reportGoalView(g, { ...DEFAULT_REPORT_OPTIONS, overrideNotes: false });
    expect(plain.rows![0]!.colourMark).toBeUndefined();
    expect(plain.tableNotes).toBeUndefined();
    expect(plain.attainment).toBeUndefined();
    expect(plain.notes).toBeUndefined();
  });

  it('shows the forecast beside the goal colour when asked', () => {
    const view = reportGoalView(goal({ colour: null, forecastColour: 'red' }), { ...DEFAULT_REPORT_OPTIONS, goalAttainment: true });
    expect(view.attainment).toEqual({ forecast: 'red' });
  });

  it('writes note marks as superscript digits', () => {
    expect(noteMark(1)).toBe('¹');
    expect(noteMark(12)).toBe('¹²');
  });
});
