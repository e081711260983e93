// Approving a board's period (the director): which of its units are ready, the approval
// itself (a new row holding the frozen snapshot, which locks the period for the board) and
// reopening it (the admin, with a reason). Every change is a new row; the newest counts.
import 'server-only';
import type { Db } from './client';
import * as s from './schema';
import { recordAudit } from './audit';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { appendVersion } from './history';
import { getPeriod, type PeriodDTO } from './queries/periods';
import { loadPeriodContent } from './period-content';
import { buildLiveWorkbook } from './report';
import { loadBoardFinance } from './finance';
import type { CurrentUser } from '@/lib/current-user';
import { authorize, authorizeInOwnOrganization, can } from '@/lib/policy';
import { ContentIndex, liveContent } from '@/lib/period-content';
import { boardSnapshot, buildLiveParts, type BoardSnapshot } from '@/lib/overview-parts';
import { buildReport } from '@/lib/report-build';
import { boardParts, buildDocumentChapters } from '@/lib/board-document';
import { todayInStockholm } from '@/lib/time-format';

export interface ApprovalStateDTO {
  board: { id: string; name: string };
  period: PeriodDTO;
  seq: number;
  approved: boolean;
  last: { action: 'approved' | 'reopened'; authorName: string; createdAt: string; reason: string | null } | null;
  /** The units that answer for the board's items in the period, with their readiness. */
  units: { id: string; name: string; ready: boolean; /** The unit's reason for marking ready with items missing. */ reason: string | null }[];
  canApprove: boolean;
  canReopen: boolean;
}

export async function getApprovalState(db: Db, user: CurrentUser | null, boardId: string, periodId: string): Promise<ApprovalStateDTO> {
  return (await loadApprovalState(db, user, boardId, periodId)).state;
}

/** The approval state and the period's content it was computed from (an approval freezes that). */
async function loadApprovalState(db: Db, user: CurrentUser | null, boardId: string, periodId: string) {
  const org = authorizeInOwnOrganization(user, 'read', 'period');
  const period = await getPeriod(db, user, periodId);
  // Only the board's plan (filtered in SQL, issue 19): its goals, indicators and their values;
  // units, assignments, texts, readiness and approvals stay whole (ContentScope).
  const content = await loadPeriodContent(db, org, period, { boardId });
  const live = liveContent(content);
  const index = new ContentIndex(live);
  const { tree } = index;
  const board = tree.get(boardId);
  if (!board || board.kind !== 'board') throw new NotFoundError('board');

  // The units that answer for the board's items: the units of its live goals and their live
  // indicators (an external one too) and those of its live assignments that sit in the board
  // (the goals and assignments its approval freezes: boardSnapshot).
  const unitIds = new Set<string>();
  for (const g of live.goals) {
    if (g.boardId !== boardId) continue;
    g.unitIds.forEach((u) => unitIds.add(u));
    index.indicatorsOfGoal(g.id).forEach((i) => unitIds.add(i.responsibleUnitId));
  }
  for (const a of live.assignments) for (const u of a.unitIds) if (tree.boardOf(u) === boardId) unitIds.add(u);

  // And the units that write the board's document's texts.
  for (const p of boardParts(content, boardId)) unitIds.add(p.unitId);

  const last = index.approval(boardId);
  const approved = last?.action === 'approved';
  const state: ApprovalStateDTO = {
    board: { id: board.id, name: board.name },
    period,
    seq: last?.seq ?? 0,
    approved,
    last: last ? { action: last.action, authorName: last.authorName, createdAt: last.createdAt, reason: last.reason } : null,
    units: tree.units.filter((u) => unitIds.has(u.id)).map((u) => {
      const r = index.readiness(u.id);
      return { id: u.id, name: u.name, ready: r?.ready ?? false, reason: r?.ready ? r.comment : null };
    }),
    canApprove: !approved && period.state !== 'draft' && can(user, 'approve', { kind: 'period', organizationId: org, unitIds: [boardId] }),
    canReopen: approved && can(user, 'manage', { kind: 'period', organizationId: org }),
  };
  return { state, content };
}

function appendApproval(
  db: Db,
  user: CurrentUser,
  state: ApprovalStateDTO,
  row: { baseSeq: number; action: 'approved' | 'reopened'; snapshot: unknown; reason: string | null },
) {
  return appendVersion(db, {
    baseSeq: row.baseSeq,
    newestSeq: state.seq,
    newer: () => state.last,
    write: async (tx, seq) => {
      await tx.insert(s.approvals).values({
        organizationId: user.organizationId,
        boardId: state.board.id,
        periodId: state.period.id,
        seq,
        action: row.action,
        snapshot: row.snapshot,
        reason: row.reason,
        authorId: user.id,
      });
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actorId: user.id,
        action: row.action === 'approved' ? 'period.approve' : 'period.reopen',
        entityType: 'board_period',
        entityId: `${state.board.id}:${state.period.id}`,
        changes: { seq, reason: row.reason },
      });
    },
  });
}

/** Approves the board's period: freezes what its overview, report and workbook show, and locks it. */
export async function approvePeriod(db: Db, user: CurrentUser, input: { boardId: string; periodId: string; baseSeq: number }): Promise<void> {
  const org = user.organizationId;
  authorize(user, 'approve', { kind: 'period', organizationId: org, unitIds: [input.boardId] });
  const { state, content } = await loadApprovalState(db, user, input.boardId, input.periodId);
  if (state.seq !== input.baseSeq) throw new ConflictError(state.last);
  if (state.approved) throw new ValidationError('Perioden är redan attesterad.');
  if (state.period.state === 'draft') throw new ValidationError('Perioden är inte öppnad ännu och kan inte attesteras.');
  const report = { ...buildReport(content, state.board), preliminary: false };
  const workbook = { ...(await buildLiveWorkbook(db, org, content, state.board, report)), preliminary: false };
  // The finance tables are frozen with the chapters; an approved document marks no cells.
  const finance = await loadBoardFinance(db, user, input.boardId, input.periodId);
  const chapters = buildDocumentChapters(content, state.board.id, { tables: finance.tables, warnings: [] });
  const snapshot: BoardSnapshot = { ...boardSnapshot(buildLiveParts(content, todayInStockholm()), input.boardId), report, workbook, chapters };
  await appendApproval(db, user, state, { baseSeq: input.baseSeq, action: 'approved', snapshot, reason: null });
}

/** Reopens an approved board period (the admin), with a reason; the next approval freezes anew. */
export async function reopenPeriod(
  db: Db,
  user: CurrentUser,
  input: { boardId: string; periodId: string; baseSeq: number; reason: string },
): Promise<void> {
  authorize(user, 'manage', { kind: 'period', organizationId: user.organizationId });
  const { state } = await loadApprovalState(db, user, input.boardId, input.periodId);
  if (state.seq !== input.baseSeq) throw new ConflictError(state.last);
  if (!state.approved) throw new ValidationError('Perioden är inte attesterad.');
  await appendApproval(db, user, state, { baseSeq: input.baseSeq, action: 'reopened', snapshot: null, reason: input.reason });
}
