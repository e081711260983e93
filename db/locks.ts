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

