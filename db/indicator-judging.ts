// The columns that judging a value of an indicator needs, selected once for both writers of
// typed values: the save of the form and the API (getIndicatorReport in db/indicator-values.ts)
// and the Excel import (db/admin/value-import.ts). They decide whether a value may be written
// (live: lib/live.ts; due: lib/frequency.ts; the board's lock) and how it is judged (the
// target, the trend tolerance, and the earlier value: last year's through `continues`, else
// the baseline). Select them from indicators joined with their goal (boardGoals) and plan.
import * as s from './schema';

export const judgingColumns = {
  comparator: s.indicators.comparator,
  targetValue: s.indicators.targetValue,
  targetLow: s.indicators.targetLow,
  targetHigh: s.indicators.targetHigh,
  direction: s.indicators.direction,
  tolerance: s.indicators.tolerance,
  trendTolerance: s.indicators.trendTolerance,
  frequency: s.indicators.frequency,
  yearlyPeriodKind: s.indicators.yearlyPeriodKind,
  baselineValue: s.indicators.baselineValue,
  baselineYear: s.indicators.baselineYear,
  continuesId: s.indicators.continuesId,
  archivedAt: s.indicators.archivedAt,
  goalArchivedAt: s.boardGoals.archivedAt,
  planArchivedAt: s.plans.archivedAt,
  planYear: s.plans.year,
  boardId: s.plans.boardId,
};
