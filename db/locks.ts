// A period's lock as the forms and actions read it (the rule is lib/period-lock.ts), and
// the boards a unit's part of a period belongs to.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { newestVersions } from './history';
import { periodLock, type PeriodLock } from '@/lib/period-lock';

export { isLockedFor, isLockedForAny, type PeriodLock } from '@/lib/period-lock';

/** The period's lock (lib/period-lock.ts); null for a period that is not the organization's. */
export async function loadPeriodLock(db: Db, organizationId: string, periodId: string): Promise<PeriodLock | null> {
  const [[period], approvals] = await Promise.all([
    db
      .select({ state: s.periods.state })
      .from(s.periods)
      .where(and(eq(s.periods.organizationId, organizationId), eq(s.periods.id, periodId))),
    newestVersions(db, 'approvals', organizationId, { boardId: s.approvals.boardId, action: s.approvals.action }, eq(s.approvals.periodId, periodId)),
  ]);
  return period ? periodLock(period.state, approvals) : null;
}

/**
 * The boards a unit's part of a period belongs to: its own board, or for a unit outside
 * every board (an external body), the boards whose plans of the year it answers for.
 */
export async function boardsOfUnit(
  db: Db,
  organizationId: string,
  unitId: string,
  year: number,
  ownBoard: string | null,
): Promise<string[]> {
  if (ownBoard) return [ownBoard];
  const [viaIndicators, viaGoals] = await Promise.all([
    db
      .selectDistinct({ boardId: s.plans.boardId })
      .from(s.indicators)
      .innerJoin(s.boardGoals, and(eq(s.boardGoals.organizationId, organizationId), eq(s.boardGoals.id, s.indicators.goalId)))
      .innerJoin(s.plans, and(eq(s.plans.organizationId, organizationId), eq(s.plans.id, s.boardGoals.planId)))
      .where(and(eq(s.indicators.organizationId, organizationId), eq(s.indicators.responsibleUnitId, unitId), eq(s.plans.year, year))),
    db
      .selectDistinct({ boardId: s.plans.boardId })
      .from(s.boardGoalUnits)
      .innerJoin(s.boardGoals, and(eq(s.boardGoals.organizationId, organizationId), eq(s.boardGoals.id, s.boardGoalUnits.boardGoalId)))
      .innerJoin(s.plans, and(eq(s.plans.organizationId, organizationId), eq(s.plans.id, s.boardGoals.planId)))
      .where(and(eq(s.boardGoalUnits.organizationId, organizationId), eq(s.boardGoalUnits.unitId, unitId), eq(s.plans.year, year))),
  ]);
  return [...new Set([...viaIndicators, ...viaGoals].map((r) => r.boardId))];
}
