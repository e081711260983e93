import { describe, it, expect } from 'vitest';
import type { ReportStatus } from '@/lib/assignment-status';
import type { Colour } from '@/lib/colour';
import { focusAreaRollup, metChangeText, rollupChange, type FocusAreaRollup } from '@/lib/rollup';

type AssignmentRow = { status: ReportStatus | null; overdue: boolean };

describe('focusAreaRollup', () => {
  it.each<[string, Colour[], AssignmentRow[], FocusAreaRollup]>([
    [
      'empty',
      [],
      [],
      {
        goals: { green: 0, yellow: 0, red: 0, grey: 0 },
        total: 0,
        met: 0,
        metText: '0 av 0 mål uppfyllda',
        assignments: { not_started: 0, in_progress: 0, done: 0, cancelled: 0, none: 0 },
        overdue: 0,
      },
    ],
    [
      'the seed, målområde 1 (Mål 1 green, Mål 2 not measured)',
      ['green', 'grey'],
      [],
      {
        goals: { green: 1, yellow: 0, red: 0, grey: 1 },
        total: 2,
        met: 1,
        metText: '1 av 2 mål uppfyllda',
        assignments: { not_started: 0, in_progress: 0, done: 0, cancelled: 0, none: 0 },
        overdue: 0,
      },
    ],
    [
      'mixed goals and assignments',
      ['green', 'yellow', 'red', 'red', 'green'],
      [
        { status: null, overdue: false },
        { status: null, overdue: true },
        { status: 'not_started', overdue: false },
        { status: 'in_progress', overdue: true },
        { status: 'done', overdue: false },
        { status: 'cancelled', overdue: false },
      ],
      {
        goals: { green: 2, yellow: 1, red: 2, grey: 0 },
        total: 5,
        met: 2,
        metText: '2 av 5 mål uppfyllda',
        assignments: { not_started: 1, in_progress: 1, done: 1, cancelled: 1, none: 2 },
        overdue: 2,
      },
    ],
  ])('%s', (_name, goals, assignments, expected) => {
    expect(focusAreaRollup(goals, assignments)).toEqual(expected);
  });
});

describe('rollupChange', () => {
  const withMet = (colours: Colour[]) => focusAreaRollup(colours, []);

  it.each<[string, Colour[], Colour[] | null, number | null]>([
    ['no previous year', ['green'], null, null],
    ['one more met', ['green', 'green'], ['green', 'red'], 1],
    ['one fewer met', ['red', 'green'], ['green', 'green'], -1],
    ['unchanged', ['green'], ['green', 'grey'], 0],
  ])('%s', (_name, current, previous, expected) => {
    expect(rollupChange(withMet(current), previous === null ? null : withMet(previous))).toEqual({
      metDelta: expected,
    });
  });
});

describe('metChangeText', () => {
  it('says "som" for the same number and "än" for more or fewer', () => {
    expect(metChangeText(3, 3, 'Delår 2023')).toBe('→ Lika många uppfyllda mål som Delår 2023 (3).');
    expect(metChangeText(3, 1, 'Delår 2023')).toBe('↑ 2 fler uppfyllda mål än Delår 2023 (1).');
    expect(metChangeText(0, 1, 'Delår 2023')).toBe('↓ 1 färre uppfyllda mål än Delår 2023 (1).');
    expect(metChangeText(2, null, 'Delår 2023')).toBeNull();
  });
});
