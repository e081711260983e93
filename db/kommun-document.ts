// The kommun's report for a period (issue 15 item 4, lib/kommun-document.ts): its introduction
// (a Markdown text, versioned), its layout (which boards in which order, versioned), and the
// document itself — the whole kommun's rollup per målområde through the overview's loader and
// each included board's document through the board document's loader (from its approval
// snapshot when approved). Writes append a version through db/history.ts; a stale base is a
// conflict carrying the newer version. The admin and the kommundirektör assemble it
// (policy: 'assemble' a 'kommun_report'); everyone in the organization reads it.
import 'server-only';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { recordAudit } from './audit';
import { appendVersion, newestVersions } from './history';
import { getPeriod } from './queries/periods';
import { getOverview } from './queries/overview';
import { getBoardDocument } from './report';
import { listBoards } from './deviations';
import type { CurrentUser } from '@/lib/current-user';
import { authorize, authorizeInOwnOrganization, can } from '@/lib/policy';
import { periodLabel, type Period } from '@/lib/period';
import { ValidationError } from '@/lib/errors';
import {
  applyLayoutChange,
  layoutSchema,
  resolveLayout,
  type KommunDocumentModel,
  type LayoutChange,
  type LayoutEntry,
} from '@/lib/kommun-document';

export interface KommunIntroVersionDTO {
  seq: number;
  body: string;
  authorName: string;
  createdAt: string;
}

export interface KommunIntroDTO {
  period: Period & { label: string };
  canAssemble: boolean;
  latest: KommunIntroVersionDTO | null;
  /** Every version in this period, newest first. */
  versions: KommunIntroVersionDTO[];
  /** The newest introduction of the latest earlier period that has one ("Utgå från förra periodens text"). */
  previous: { periodLabel: string; body: string } | null;
}

export interface KommunLayoutDTO {
  period: Period & { label: string };
  canAssemble: boolean;
  seq: number;
  /** Every board in the chosen order, with whether it is included and approved. */
  boards: { id: string; name: string; included: boolean; approved: boolean }[];
  last: { authorName: string; createdAt: string } | null;
}

const resource = (org: string) => ({ kind: 'kommun_report' as const, organizationId: org });

async function periodOf(db: Db, user: CurrentUser | null, periodId: string) {
  const org = authorizeInOwnOrganization(user, 'read', 'kommun_report');
  const period = await getPeriod(db, user, periodId);
  return { org, period: { ...period, label: periodLabel(period.kind, period.year) } };
}

export async function getKommunIntro(db: Db, user: CurrentUser | null, periodId: string): Promise<KommunIntroDTO> {
  const { org, period } = await periodOf(db, user, periodId);
  const v = s.kommunIntroVersions;
  const [rows, [previous]] = await Promise.all([
    db
      .select({ seq: v.seq, body: v.body, authorName: s.users.name, createdAt: v.createdAt })
      .from(v)
      .innerJoin(s.users, and(eq(s.users.organizationId, org), eq(s.users.id, v.authorId)))
      .where(and(eq(v.organizationId, org), eq(v.periodId, period.id)))
      .orderBy(desc(v.seq)),
    db
      .select({ body: v.body, year: s.periods.year, kind: s.periods.kind })
      .from(v)
      .innerJoin(s.periods, and(eq(s.periods.organizationId, org), eq(s.periods.id, v.periodId)))
      .where(and(eq(v.organizationId, org), lt(s.periods.endDate, period.endDate)))
      .orderBy(desc(s.periods.endDate), desc(v.seq))
      .limit(1),
  ]);
  const versions = rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  return {
    period,
    canAssemble: can(user, 'assemble', resource(org)),
    latest: versions[0] ?? null,
    versions,
    previous: previous ? { periodLabel: periodLabel(previous.kind, previous.year), body: previous.body } : null,
  };
}

/** Saves a new version of the kommun's introduction for the period; returns its number. */
export async function saveKommunIntro(
  db: Db,
  user: CurrentUser,
  input: { periodId: string; baseSeq: number; body: string },
): Promise<{ seq: number }> {
  authorize(user, 'assemble', resource(user.organizationId));
  const current = await getKommunIntro(db, user, input.periodId);
  return appendVersion(db, {
    baseSeq: input.baseSeq,
    newestSeq: current.latest?.seq ?? 0,
    newer: async () => (await getKommunIntro(db, user, input.periodId)).latest,
    write: async (tx, seq) => {
      await tx.insert(s.kommunIntroVersions).values({
        organizationId: user.organizationId,
        periodId: current.period.id,
        seq,
        body: input.body,
        authorId: user.id,
      });
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actorId: user.id,
        action: 'kommunReport.intro',
        entityType: 'kommun_report',
        entityId: current.period.id,
        changes: { period: current.period.label, seq },
      });
    },
  });
}

export async function getKommunLayout(db: Db, user: CurrentUser | null, periodId: string): Promise<KommunLayoutDTO> {
  const { org, period } = await periodOf(db, user, periodId);
  const l = s.kommunReportLayouts;
  const [boards, [saved], approvals] = await Promise.all([
    listBoards(db, user),
    db
      .select({ seq: l.seq, boards: l.boards, authorName: s.users.name, createdAt: l.createdAt })
      .from(l)
      .innerJoin(s.users, and(eq(s.users.organizationId, org), eq(s.users.id, l.authorId)))
      .where(and(eq(l.organizationId, org), eq(l.periodId, period.id)))
      .orderBy(desc(l.seq))
      .limit(1),
    newestVersions(db, 'approvals', org, { boardId: s.approvals.boardId, action: s.approvals.action }, eq(s.approvals.periodId, period.id)),
  ]);
  const approved = new Set(approvals.filter((a) => a.action === 'approved').map((a) => a.boardId));
  const parsed = saved ? layoutSchema.safeParse(saved.boards) : null;
  return {
    period,
    canAssemble: can(user, 'assemble', resource(org)),
    seq: saved?.seq ?? 0,
    boards: resolveLayout(boards, parsed?.success ? parsed.data : null).map((b) => ({ ...b, approved: approved.has(b.id) })),
    last: saved ? { authorName: saved.authorName, createdAt: saved.createdAt.toISOString() } : null,
  };
}

/** Moves a board one place, or puts it in or leaves it out: a new version of the whole layout. */
export async function changeKommunLayout(
  db: Db,
  user: CurrentUser,
  input: { periodId: string; baseSeq: number; boardId: string; change: LayoutChange },
): Promise<{ seq: number }> {
  authorize(user, 'assemble', resource(user.organizationId));
  const current = await getKommunLayout(db, user, input.periodId);
  const board = current.boards.find((b) => b.id === input.boardId);
  if (!board) throw new ValidationError('Nämnden finns inte.');
  const layout: LayoutEntry[] = current.boards.map((b) => ({ boardId: b.id, included: b.included }));
  const next = applyLayoutChange(layout, input.boardId, input.change);
  return appendVersion(db, {
    baseSeq: input.baseSeq,
    newestSeq: current.seq,
    newer: async () => (await getKommunLayout(db, user, input.periodId)).last,
    write: async (tx, seq) => {
      await tx.insert(s.kommunReportLayouts).values({
        organizationId: user.organizationId,
        periodId: current.period.id,
        seq,
        boards: next,
        authorId: user.id,
      });
      await recordAudit(tx, {
        organizationId: user.organizationId,
        actorId: user.id,
        action: 'kommunReport.layout',
        entityType: 'kommun_report',
        entityId: current.period.id,
        changes: { period: current.period.label, board: board.name, change: input.change, seq },
      });
    },
  });
}

const BOARDS_AT_ONCE = 3;

/**
 * The kommun's report: the introduction, the whole kommun's rollup per målområde (the
 * overview's builder), and each included board's document in the chosen order — from its
 * approval snapshot when approved, else its current text, marked preliminary.
 */
export async function getKommunDocument(db: Db, user: CurrentUser | null, periodId: string): Promise<KommunDocumentModel> {
  const { org, period } = await periodOf(db, user, periodId);
  const [intro, layout, overview, [organization]] = await Promise.all([
    getKommunIntro(db, user, periodId),
    getKommunLayout(db, user, periodId),
    getOverview(db, user, periodId, null),
    db.select({ name: s.organizations.name }).from(s.organizations).where(eq(s.organizations.id, org)),
  ]);
  const included = layout.boards.filter((b) => b.included);
  // Each board reads its own plan through the one loader; a few boards at a time, so that a
  // kommun of twenty boards neither waits for them one by one nor takes the whole pool.
  const boards: KommunDocumentModel['boards'] = [];
  for (let i = 0; i < included.length; i += BOARDS_AT_ONCE) {
    const batch = included.slice(i, i + BOARDS_AT_ONCE);
    const loaded = await Promise.all(batch.map((board) => getBoardDocument(db, user, board.id, periodId)));
    batch.forEach((board, j) => boards.push({ boardId: board.id, boardName: board.name, approval: loaded[j]!.approval, document: loaded[j]!.document }));
  }
  return {
    organizationName: organization?.name ?? '',
    period,
    intro: intro.latest?.body ?? null,
    rollup: { areas: overview.focusAreas, lastYearLabel: overview.lastYearLabel },
    boards,
    leftOut: layout.boards.filter((b) => !b.included).map((b) => ({ id: b.id, name: b.name })),
  };
}
