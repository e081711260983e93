// Whether an indicator is due in a period, by its frequency.
import { describe, expect, it } from 'vitest';
import { isDueInPeriod, type Frequency } from '@/lib/frequency';
import type { PeriodKind } from '@/lib/period';

describe('isDueInPeriod', () => {
  it.each<[Frequency, PeriodKind | null, PeriodKind, boolean]>([
    ['every_period', null, 'T1', true],
    ['every_period', null, 'delar', true],
    ['every_period', null, 'helar', true],
    ['every_period', 'helar', 'T1', true], // the named kind matters only for yearly
    ['every_period', 'delar', 'helar', true],
    ['yearly', null, 'T1', false], // yearly without a named period: at helår
    ['yearly', null, 'delar', false],
    ['yearly', null, 'helar', true],
    ['yearly', 'helar', 'T1', false],
    ['yearly', 'helar', 'delar', false],
    ['yearly', 'helar', 'helar', true],
    ['yearly', 'delar', 'T1', false],
    ['yearly', 'delar', 'delar', true],
    ['yearly', 'delar', 'helar', false],
    ['yearly', 'T1', 'T1', true],
    ['yearly', 'T1', 'delar', false],
    ['yearly', 'T1', 'helar', false],
  ])('%s (yearly in %s) in %s → %s', (frequency, yearlyKind, periodKind, due) => {
    expect(isDueInPeriod(frequency, yearlyKind, periodKind)).toBe(due);
  });
});
