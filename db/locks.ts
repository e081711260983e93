// Whether a board's part of a period can still be reported on: the period must be open
// and the board's period not approved (the newest approval row decides).
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';

export interface PeriodLock {
  periodState: 'draft' | 'open' | 'closed';
  /** Boards whose period is approved (locked). */
  approvedBoards: Set<string>;
}

export async function loadPeriodLock(db: Db, organizationId: string, periodId: string): Promise<PeriodLock | null> {
  const [period] = await db
    .select({ state: s.periods.state })
    .from(s.periods)
    .where(and(eq(s.periods.organizationId, organizationId), eq(s.periods.id, periodId)));
  if (!period) return null;
  const approvals = await db
    .selectDistinctOn([s.approvals.boardId], { boardId: s.approvals.boardId, action: s.approvals.action })
    .from(s.approvals)
    .where(and(eq(s.approvals.organizationId, organizationId), eq(s.approvals.periodId, periodId)))
    .orderBy(s.approvals.boardId, desc(s.approvals.seq));
  return {
    periodState: period.state,
    approvedBoards: new Set(approvals.filter((a) => a.action === 'approved').map((a) => a.boardId)),
  };
}

/** Locked for reporting: the period is not open, or the board's period is approved. */
export function isLockedFor(lock: PeriodLock, boardId: string | null): boolean {
  return lock.periodState !== 'open' || (boardId !== null && lock.approvedBoards.has(boardId));
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

/** Locked when the period is not open or any of the boards is approved. */
export function isLockedForAny(lock: PeriodLock, boardIds: string[]): boolean {
  return lock.periodState !== 'open' || boardIds.some((b) => lock.approvedBoards.has(b));
}
