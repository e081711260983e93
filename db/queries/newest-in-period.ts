// "The newest version per item in a period" for the history kinds the overview and the
// report both read: one query each, served by the unique (org, item, period, seq) index.
import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import * as s from '../schema';

/** The newest value of every indicator in the period. */
export function newestIndicatorValues(db: Db, organizationId: string, periodId: string) {
  return db
    .selectDistinctOn([s.indicatorValues.indicatorId], {
      indicatorId: s.indicatorValues.indicatorId,
      outcome: s.indicatorValues.outcome,
      referenceNote: s.indicatorValues.referenceNote,
      analysis: s.indicatorValues.analysis,
      computedColour: s.indicatorValues.computedColour,
      chosenColour: s.indicatorValues.chosenColour,
      computedTrend: s.indicatorValues.computedTrend,
      chosenTrend: s.indicatorValues.chosenTrend,
    })
    .from(s.indicatorValues)
    .where(and(eq(s.indicatorValues.organizationId, organizationId), eq(s.indicatorValues.periodId, periodId)))
    .orderBy(s.indicatorValues.indicatorId, desc(s.indicatorValues.seq));
}

/** The newest assessment of every goal in the period. */
export function newestGoalAssessments(db: Db, organizationId: string, periodId: string) {
  return db
    .selectDistinctOn([s.goalAssessments.goalId], {
      goalId: s.goalAssessments.goalId,
      computedColour: s.goalAssessments.computedColour,
      chosenColour: s.goalAssessments.chosenColour,
      forecastColour: s.goalAssessments.forecastColour,
      analysis: s.goalAssessments.analysis,
    })
    .from(s.goalAssessments)
    .where(and(eq(s.goalAssessments.organizationId, organizationId), eq(s.goalAssessments.periodId, periodId)))
    .orderBy(s.goalAssessments.goalId, desc(s.goalAssessments.seq));
}
