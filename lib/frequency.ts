// Whether an indicator is due in a period, by its frequency.
import type { PeriodKind } from './period';

export type Frequency = 'every_period' | 'yearly';

export function isDueInPeriod(frequency: Frequency, yearlyPeriodKind: PeriodKind | null, periodKind: PeriodKind): boolean {
  if (frequency === 'every_period') return true;
  return (yearlyPeriodKind ?? 'helar') === periodKind; // yearly without a named period: at helår
}
