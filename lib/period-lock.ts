// Whether a board's part of a period can still be reported on: the period must be open and
// the board's period not approved (its newest approval row decides). The one answer to
// "is this board's period approved / locked", asked by every form, action and surface.
import type { PeriodState } from './period';

export interface PeriodLock {
  periodState: PeriodState;
  /** Boards whose period is approved (locked). */
  approvedBoards: ReadonlySet<string>;
}

/** The lock from the period's state and the newest approval row of each board. */
export function periodLock(periodState: PeriodState, newestApprovals: { boardId: string; action: 'approved' | 'reopened' }[]): PeriodLock {
  return { periodState, approvedBoards: new Set(newestApprovals.filter((a) => a.action === 'approved').map((a) => a.boardId)) };
}

/** Locked for reporting: the period is not open, or the board's period is approved. */
export function isLockedFor(lock: PeriodLock, boardId: string | null): boolean {
  return lock.periodState !== 'open' || (boardId !== null && lock.approvedBoards.has(boardId));
}

/** Locked when the period is not open or any of the boards is approved. */
export function isLockedForAny(lock: PeriodLock, boardIds: string[]): boolean {
  return lock.periodState !== 'open' || boardIds.some((b) => lock.approvedBoards.has(b));
}
