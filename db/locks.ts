// A period's lock as the forms and actions read it (the rule is lib/period-lock.ts).
import 'server-only';
import { and, eq, sql, type Placeholder, type SQLWrapper } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { newestVersions, newestVersionsQuery } from './history';
import { periodLock, type PeriodLock } from '@/lib/period-lock';

export { periodLock } from '@/lib/period-lock';

export { isLockedFor, isLockedForAny, type PeriodLock } from '@/lib/period-lock';

/** The period's lock (lib/period-lock.ts); null for a period that is not the organization's. */
export async function loadPeriodLock(db: Db, organizationId: string, periodId: string): Promise<PeriodLock | null> {
  const [[period], approvals] = await Promise.all([
    db
      .select({ state: s.periods.state })
      .from(s.periods)
      .where(and(eq(s.periods.organizationId, organizationId), eq(s.periods.id, periodId))),
    loadNewestApprovals(db, organizationId, periodId),
  ]);
  return period ? periodLock(period.state, approvals) : null;
}

const approvalFields = { boardId: s.approvals.boardId, action: s.approvals.action };

/** The newest approval event of each board in the period: with the period's state, its lock (periodLock). */
export function loadNewestApprovals(db: Db, organizationId: string, periodId: string) {
  return newestVersions(db, 'approvals', organizationId, approvalFields, eq(s.approvals.periodId, periodId));
}

/**
 * loadNewestApprovals as a json column of another select (one round trip for both): an
 * array of { boardId, action }; read it with parsedJson (db/json-column.ts).
 */
export function newestApprovalsJson(db: Db, organizationId: string | Placeholder, periodId: string | Placeholder) {
  const newest = newestVersionsQuery(db, 'approvals', organizationId, approvalFields, eq(s.approvals.periodId, periodId)) as unknown as SQLWrapper;
  return sql<{ boardId: string; action: 'approved' | 'reopened' }[] | string>`coalesce((
    select json_agg(json_build_object('boardId', a.board_id, 'action', a.action)) from (${newest}) a
  ), '[]'::json)`;
}
