// Sending an item back for revision (the director): a revision request with a comment,
// and the unit's readiness taken away. A request stands until the unit saves the item again.
import 'server-only';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { recordAudit } from './audit';
import { NotFoundError } from '@/lib/errors';
import { isLockedFor, loadPeriodLock } from './locks';
import { loadUnitTree } from './unit-tree';
import { openRevisionRows } from './period-content';
import { newestVersions } from './history';
import { builtOnce } from './prepared';
import type { CurrentUser } from '@/lib/current-user';
import { authorize, authorizeInOwnOrganization } from '@/lib/policy';

export type RevisionItemKind = 'indicator' | 'goal' | 'assignment' | 'narrative';

const POLICY_KIND = { indicator: 'value', goal: 'goal', assignment: 'report', narrative: 'narrative' } as const;

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
  if (kind === 'narrative') {
    // A chapter part's text: written by its one unit, locked with that unit's board.
    const [row] = await db
      .select({ unitId: s.reportChapterParts.unitId })
      .from(s.reportChapterParts)
      .where(and(eq(s.reportChapterParts.organizationId, org), eq(s.reportChapterParts.id, itemId)));
    return row ? { unitIds: [row.unitId], boardId: null } : null;
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
    const [readiness] = await newestVersions(
      tx as unknown as Db,
      'readinessEvents',
      org,
      { seq: s.readinessEvents.seq, ready: s.readinessEvents.ready },
      and(eq(s.readinessEvents.unitId, input.unitId), eq(s.readinessEvents.periodId, input.periodId)),
    );
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

/** The revision requests of a period that still stand (for the given units, or all), newest first. */
export async function listOpenRevisions(
  db: Db,
  user: CurrentUser | null,
  periodId: string,
  unitIds?: string[],
): Promise<OpenRevisionDTO[]> {
  const org = authorizeInOwnOrganization(user, 'read', 'period');
  if (unitIds && unitIds.length === 0) return [];
  const rows = await openRevisionRows(db, org, periodId);
  return newestFirst(rows.filter((r) => !unitIds || unitIds.includes(r.unitId)));
}

type OpenRevisionRow = Awaited<ReturnType<typeof openRevisionRows>>[number];

const newestFirst = (rows: OpenRevisionRow[]): OpenRevisionDTO[] =>
  rows.reverse().map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));

/** One item's standing requests: a read of every reporting form, built once (db/prepared.ts). */
const openRevisionsOfItemQuery = builtOnce((db) =>
  openRevisionRows(db, sql.placeholder('organizationId'), sql.placeholder('periodId'), {
    kind: sql.placeholder('itemKind'),
    id: sql.placeholder('itemId'),
  }).prepare('open_revisions_of_item'),
);

/** The requests that stand for one item in a period (for its form: "Återsänd" with the comment), newest first. */
export async function listOpenRevisionsOfItem(
  db: Db,
  user: CurrentUser | null,
  periodId: string,
  itemKind: RevisionItemKind,
  itemId: string,
): Promise<OpenRevisionDTO[]> {
  const organizationId = authorizeInOwnOrganization(user, 'read', 'period');
  return newestFirst(await openRevisionsOfItemQuery(db).execute({ organizationId, periodId, itemKind, itemId }));
}
