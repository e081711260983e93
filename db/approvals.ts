// Approving a board's period (the director): which of its units are ready, the approval
// itself (a new row holding the frozen snapshot, which locks the period for the board) and
// reopening it (the admin, with a reason). Every change is a new row; the newest counts.
import 'server-only';
import { and, desc, eq } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { recordAudit } from './audit';
import { ConflictError, NotFoundError, ValidationError, isUniqueViolation } from '@/lib/errors';
import { loadUnitTree } from './unit-tree';
import { getPeriod, type PeriodDTO } from './queries/periods';
import { boardSnapshot, loadLiveParts } from './queries/overview-parts';
import { buildLiveReport } from './report';
import type { CurrentUser } from '@/lib/current-user';
import { authorize, authorizeInOwnOrganization, can } from '@/lib/policy';

export interface ApprovalStateDTO {
  board: { id: string; name: string };
  period: PeriodDTO;
  seq: number;
  approved: boolean;
  last: { action: 'approved' | 'reopened'; authorName: string; createdAt: string; reason: string | null } | null;
  /** The units that answer for the board's items in the period, with their readiness. */
  units: { id: string; name: string; ready: boolean }[];
  canApprove: boolean;
  canReopen: boolean;
}

export async function getApprovalState(db: Db, user: CurrentUser | null, boardId: string, periodId: string): Promise<ApprovalStateDTO> {
  return (await loadApprovalState(db, user, boardId, periodId)).state;
}

/** The approval state and the live parts it was computed from (an approval freezes those). */
async function loadApprovalState(db: Db, user: CurrentUser | null, boardId: string, periodId: string) {
  const org = authorizeInOwnOrganization(user, 'read', 'period');
  const [period, tree, history] = await Promise.all([
    getPeriod(db, user, periodId),
    loadUnitTree(db, org),
    db
      .select({
        seq: s.approvals.seq,
        action: s.approvals.action,
        reason: s.approvals.reason,
        authorName: s.users.name,
        createdAt: s.approvals.createdAt,
      })
      .from(s.approvals)
      .innerJoin(s.users, and(eq(s.users.organizationId, org), eq(s.users.id, s.approvals.authorId)))
      .where(and(eq(s.approvals.organizationId, org), eq(s.approvals.boardId, boardId), eq(s.approvals.periodId, periodId)))
      .orderBy(desc(s.approvals.seq))
      .limit(1),
  ]);
  const board = tree.get(boardId);
  if (!board || board.kind !== 'board') throw new NotFoundError('board');

  // The units that answer for the board's items: the board's own subtree and any unit
  // (an external one, say) responsible for one of the board's indicators or goals.
  const live = await loadLiveParts(db, org, period, new Date().toISOString().slice(0, 10));
  const snapshot = boardSnapshot(live, boardId);
  const unitIds = new Set<string>();
  for (const g of snapshot.goals) {
    g.unitIds.forEach((u) => unitIds.add(u));
    g.indicators.forEach((i) => unitIds.add(i.responsibleUnitId));
  }
  const assignmentUnits = await db
    .select({ assignmentId: s.assignmentUnits.assignmentId, unitId: s.assignmentUnits.unitId })
    .from(s.assignmentUnits)
    .where(eq(s.assignmentUnits.organizationId, org));
  const boardAssignments = new Set(snapshot.assignments.map((a) => a.id));
  for (const au of assignmentUnits) if (boardAssignments.has(au.assignmentId) && tree.boardOf(au.unitId) === boardId) unitIds.add(au.unitId);

  const readiness = await db
    .selectDistinctOn([s.readinessEvents.unitId], { unitId: s.readinessEvents.unitId, ready: s.readinessEvents.ready })
    .from(s.readinessEvents)
    .where(and(eq(s.readinessEvents.organizationId, org), eq(s.readinessEvents.periodId, periodId)))
    .orderBy(s.readinessEvents.unitId, desc(s.readinessEvents.seq));
  const readyOf = new Map(readiness.map((r) => [r.unitId, r.ready]));
  const last = history[0];
  const approved = last?.action === 'approved';
  const state: ApprovalStateDTO = {
    board: { id: board.id, name: board.name },
    period,
    seq: last?.seq ?? 0,
    approved,
    last: last ? { action: last.action, authorName: last.authorName, createdAt: last.createdAt.toISOString(), reason: last.reason } : null,
    units: tree.units.filter((u) => unitIds.has(u.id)).map((u) => ({ id: u.id, name: u.name, ready: readyOf.get(u.id) ?? false })),
    canApprove: !approved && period.state !== 'draft' && can(user, 'approve', { kind: 'period', organizationId: org, unitIds: [boardId] }),
    canReopen: approved && can(user, 'manage', { kind: 'period', organizationId: org }),
  };
  return { state, live };
}

async function appendApproval(
  db: Db,
  user: CurrentUser,
  row: { boardId: string; periodId: string; seq: number; action: 'approved' | 'reopened'; snapshot: unknown; reason: string | null },
) {
  try {
    await db.transaction(async (tx) => {
      await tx.insert(s.approvals).values({ organizationId: user.organizationId, ...row, authorId: user.id });
      await recordAudit(tx as unknown as Db, {
        organizationId: user.organizationId,
        actorId: user.id,
        action: row.action === 'approved' ? 'period.approve' : 'period.reopen',
        entityType: 'board_period',
        entityId: `${row.boardId}:${row.periodId}`,
        changes: { seq: row.seq, reason: row.reason },
      });
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw new ConflictError(null);
    throw error;
  }
}

/** Approves the board's period: freezes what its report shows and locks it. */
export async function approvePeriod(db: Db, user: CurrentUser, input: { boardId: string; periodId: string; baseSeq: number }): Promise<void> {
  const org = user.organizationId;
  authorize(user, 'approve', { kind: 'period', organizationId: org, unitIds: [input.boardId] });
  const { state, live } = await loadApprovalState(db, user, input.boardId, input.periodId);
  if (state.seq !== input.baseSeq) throw new ConflictError(state.last);
  if (state.approved) throw new ValidationError('Perioden är redan attesterad.');
  if (state.period.state === 'draft') throw new ValidationError('Perioden är inte öppnad ännu och kan inte attesteras.');
  const report = await buildLiveReport(db, user.organizationId, state.board, state.period);
  await appendApproval(db, user, {
    boardId: input.boardId,
    periodId: input.periodId,
    seq: input.baseSeq + 1,
    action: 'approved',
    snapshot: { ...boardSnapshot(live, input.boardId), report: { ...report, preliminary: false } },
    reason: null,
  });
}

/** Reopens an approved board period (the admin), with a reason; the next approval freezes anew. */
export async function reopenPeriod(
  db: Db,
  user: CurrentUser,
  input: { boardId: string; periodId: string; baseSeq: number; reason: string },
): Promise<void> {
  authorize(user, 'manage', { kind: 'period', organizationId: user.organizationId });
  const state = await getApprovalState(db, user, input.boardId, input.periodId);
  if (state.seq !== input.baseSeq) throw new ConflictError(state.last);
  if (!state.approved) throw new ValidationError('Perioden är inte attesterad.');
  await appendApproval(db, user, {
    boardId: input.boardId,
    periodId: input.periodId,
    seq: input.baseSeq + 1,
    action: 'reopened',
    snapshot: null,
    reason: input.reason,
  });
}
