// Sending an item back for revision (the director): a revision request with a comment,
// and the unit's readiness taken away. A request stands until the unit saves the item again.
import 'server-only';
import { and, desc, eq, gt, inArray } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { recordAudit } from './audit';
import { NotFoundError } from '@/lib/errors';
import { isLockedFor, loadPeriodLock } from './locks';
import { loadUnitTree } from './unit-tree';
import type { CurrentUser } from '@/lib/current-user';
import { authorize, authorizeInOwnOrganization } from '@/lib/policy';

export type RevisionItemKind = 'indicator' | 'goal' | 'assignment';

const POLICY_KIND = { indicator: 'value', goal: 'goal', assignment: 'report' } as const;

/** The units that answer for an item, and the board whose period locks it. */
async function itemOwnership(db: Db, org: string, kind: RevisionItemKind, itemId: string) {
  if (kind === 'indicator') {
    const [row] = await db
      .select({ unitId: s.indicators.responsibleUnitId, boardId: s.plans.boardId })
      .from(s.indicators)
      .innerJoin(s.boardGoals, and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, s.indicators.goalId)))
      .innerJoin(s.plans, and(eq(s.plans.organizationId, org), eq(s.plans.id, s.boardGoals.planId)))
      .where(and(eq(s.indicators.organizationId, org), eq(s.indicators.id, itemId)));
    return row ? { unitIds: [row.unitId], boardId: row.boardId as string | null } : null;
  }
  if (kind === 'goal') {
    const rows = await db
      .select({ unitId: s.boardGoalUnits.unitId, boardId: s.plans.boardId })
      .from(s.boardGoalUnits)
      .innerJoin(s.boardGoals, and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, s.boardGoalUnits.boardGoalId)))
      .innerJoin(s.plans, and(eq(s.plans.organizationId, org), eq(s.plans.id, s.boardGoals.planId)))
      .where(and(eq(s.boardGoalUnits.organizationId, org), eq(s.boardGoalUnits.boardGoalId, itemId)));
    return rows.length ? { unitIds: rows.map((r) => r.unitId), boardId: rows[0]!.boardId as string | null } : null;
  }
  const rows = await db
    .select({ unitId: s.assignmentUnits.unitId })
    .from(s.assignmentUnits)
    .where(and(eq(s.assignmentUnits.organizationId, org), eq(s.assignmentUnits.assignmentId, itemId)));
  return rows.length ? { unitIds: rows.map((r) => r.unitId), boardId: null } : null;
}

export async function sendBack(
  db: Db,
  user: CurrentUser,
  input: { itemKind: RevisionItemKind; itemId: string; unitId: string; periodId: string; comment: string },
): Promise<void> {
  const org = user.organizationId;
  const [ownership, lock, tree] = await Promise.all([
    itemOwnership(db, org, input.itemKind, input.itemId),
    loadPeriodLock(db, org, input.periodId),
    loadUnitTree(db, org),
  ]);
  if (!ownership || !lock || !ownership.unitIds.includes(input.unitId)) throw new NotFoundError('item');
  const boardId = ownership.boardId ?? tree.boardOf(input.unitId);
  authorize(user, 'send_back', {
    kind: POLICY_KIND[input.itemKind],
    organizationId: org,
    unitIds: [input.unitId],
    locked: isLockedFor(lock, boardId),
  });

  await db.transaction(async (tx) => {
    await tx.insert(s.revisionRequests).values({
      organizationId: org,
      itemKind: input.itemKind,
      itemId: input.itemId,
      unitId: input.unitId,
      periodId: input.periodId,
      comment: input.comment,
      authorId: user.id,
    });
    // The unit is no longer ready: its part of the period needs work again.
    const [readiness] = await tx
      .select({ seq: s.readinessEvents.seq, ready: s.readinessEvents.ready })
      .from(s.readinessEvents)
      .where(and(eq(s.readinessEvents.organizationId, org), eq(s.readinessEvents.unitId, input.unitId), eq(s.readinessEvents.periodId, input.periodId)))
      .orderBy(desc(s.readinessEvents.seq))
      .limit(1);
    if (readiness?.ready) {
      await tx.insert(s.readinessEvents).values({
        organizationId: org,
        unitId: input.unitId,
        periodId: input.periodId,
        seq: readiness.seq + 1,
        ready: false,
        comment: `Återsänd för komplettering: ${input.comment}`,
        authorId: user.id,
      });
    }
    await recordAudit(tx as unknown as Db, {
      organizationId: org,
      actorId: user.id,
      action: 'item.send_back',
      entityType: input.itemKind,
      entityId: input.itemId,
      changes: { unitId: input.unitId, periodId: input.periodId, comment: input.comment },
    });
  });
}

export interface OpenRevisionDTO {
  itemKind: RevisionItemKind;
  itemId: string;
  unitId: string;
  comment: string;
  authorName: string;
  createdAt: string;
}

/**
 * The revision requests of a period that still stand (for the given units, or all): a
 * request is answered once the item is saved again after it. A fixed number of queries.
 */
export async function listOpenRevisions(db: Db, user: CurrentUser | null, periodId: string, unitIds?: string[]): Promise<OpenRevisionDTO[]> {
  const org = authorizeInOwnOrganization(user, 'read', 'period');
  if (unitIds && unitIds.length === 0) return [];
  const requests = await db
    .select({
      itemKind: s.revisionRequests.itemKind,
      itemId: s.revisionRequests.itemId,
      unitId: s.revisionRequests.unitId,
      comment: s.revisionRequests.comment,
      authorName: s.users.name,
      createdAt: s.revisionRequests.createdAt,
    })
    .from(s.revisionRequests)
    .innerJoin(s.users, and(eq(s.users.organizationId, org), eq(s.users.id, s.revisionRequests.authorId)))
    .where(
      and(
        eq(s.revisionRequests.organizationId, org),
        eq(s.revisionRequests.periodId, periodId),
        ...(unitIds ? [inArray(s.revisionRequests.unitId, unitIds)] : []),
      ),
    )
    .orderBy(desc(s.revisionRequests.createdAt));
  if (!requests.length) return [];
  const oldest = requests.reduce((min, r) => (r.createdAt < min ? r.createdAt : min), requests[0]!.createdAt);
  const ids = (kind: RevisionItemKind) => [...new Set(requests.filter((r) => r.itemKind === kind).map((r) => r.itemId))];
  const [values, assessments, reports] = await Promise.all([
    ids('indicator').length
      ? db
          .select({ itemId: s.indicatorValues.indicatorId, createdAt: s.indicatorValues.createdAt })
          .from(s.indicatorValues)
          .where(
            and(
              eq(s.indicatorValues.organizationId, org),
              eq(s.indicatorValues.periodId, periodId),
              inArray(s.indicatorValues.indicatorId, ids('indicator')),
              gt(s.indicatorValues.createdAt, oldest),
            ),
          )
      : [],
    ids('goal').length
      ? db
          .select({ itemId: s.goalAssessments.goalId, createdAt: s.goalAssessments.createdAt })
          .from(s.goalAssessments)
          .where(
            and(
              eq(s.goalAssessments.organizationId, org),
              eq(s.goalAssessments.periodId, periodId),
              inArray(s.goalAssessments.goalId, ids('goal')),
              gt(s.goalAssessments.createdAt, oldest),
            ),
          )
      : [],
    ids('assignment').length
      ? db
          .select({ itemId: s.assignmentReports.assignmentId, unitId: s.assignmentReports.unitId, createdAt: s.assignmentReports.createdAt })
          .from(s.assignmentReports)
          .where(
            and(
              eq(s.assignmentReports.organizationId, org),
              eq(s.assignmentReports.periodId, periodId),
              inArray(s.assignmentReports.assignmentId, ids('assignment')),
              gt(s.assignmentReports.createdAt, oldest),
            ),
          )
      : [],
  ]);
  const answered = (r: (typeof requests)[number]) => {
    if (r.itemKind === 'indicator') return values.some((v) => v.itemId === r.itemId && v.createdAt > r.createdAt);
    if (r.itemKind === 'goal') return assessments.some((a) => a.itemId === r.itemId && a.createdAt > r.createdAt);
    return reports.some((a) => a.itemId === r.itemId && a.unitId === r.unitId && a.createdAt > r.createdAt);
  };
  return requests.filter((r) => !answered(r)).map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
}
