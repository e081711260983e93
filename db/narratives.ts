// A unit's text for a part of a chapter of the board's document (issue 15), per period: the
// part, its newest version and every earlier one (for the text changes), the previous
// period's text to start from, and the save. A save appends version baseSeq + 1 through
// db/history.ts; a stale base is a conflict carrying the newer text. A closed period, one
// not yet opened, or the board's approved period refuses it.
import 'server-only';
import { and, desc, eq, lt } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { recordAudit } from './audit';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { appendVersion } from './history';
import { isLockedFor, loadPeriodLock } from './locks';
import { loadUnitTree } from './unit-tree';
import type { CurrentUser } from '@/lib/current-user';
import { authorize, authorizeInOwnOrganization, can } from '@/lib/policy';
import { periodLabel, type PeriodKind, type PeriodState } from '@/lib/period';
import { ARCHIVED_MESSAGE, isLive } from '@/lib/live';
import { readOnlyReason } from '@/lib/lock-reason';

export interface NarrativeVersionDTO {
  seq: number;
  body: string;
  authorName: string;
  createdAt: string;
}

export interface NarrativePartDTO {
  part: { id: string; heading: string | null; chapterTitle: string };
  unit: { id: string; name: string };
  board: { id: string; name: string } | null;
  period: { id: string; year: number; kind: PeriodKind; state: PeriodState; label: string };
  live: boolean;
  locked: boolean;
  canReport: boolean;
  /** Why the text cannot be changed by this user, in Swedish (null when it can). */
  readOnlyReason: string | null;
  latest: NarrativeVersionDTO | null;
  /** Every version in this period, newest first (the latest included). */
  versions: NarrativeVersionDTO[];
  /** The part's newest text in the latest earlier period that has one ("Utgå från förra periodens text"). */
  previous: { periodLabel: string; body: string } | null;
}

export async function getNarrativePart(db: Db, user: CurrentUser | null, partId: string, periodId: string): Promise<NarrativePartDTO> {
  const org = authorizeInOwnOrganization(user, 'read', 'narrative');
  const [[part], [period], tree, lock] = await Promise.all([
    db
      .select({
        id: s.reportChapterParts.id,
        heading: s.reportChapterParts.heading,
        unitId: s.reportChapterParts.unitId,
        archivedAt: s.reportChapterParts.archivedAt,
        chapterTitle: s.reportChapters.title,
        chapterArchivedAt: s.reportChapters.archivedAt,
        periodKind: s.reportChapters.periodKind,
      })
      .from(s.reportChapterParts)
      .innerJoin(s.reportChapters, and(eq(s.reportChapters.organizationId, org), eq(s.reportChapters.id, s.reportChapterParts.chapterId)))
      .where(and(eq(s.reportChapterParts.organizationId, org), eq(s.reportChapterParts.id, partId))),
    db
      .select({ id: s.periods.id, year: s.periods.year, kind: s.periods.kind, state: s.periods.state, endDate: s.periods.endDate })
      .from(s.periods)
      .where(and(eq(s.periods.organizationId, org), eq(s.periods.id, periodId))),
    loadUnitTree(db, org),
    loadPeriodLock(db, org, periodId),
  ]);
  if (!part || !period || !lock || part.periodKind !== period.kind) throw new NotFoundError('narrative part');

  const versionFields = {
    seq: s.narrativeVersions.seq,
    body: s.narrativeVersions.body,
    authorName: s.users.name,
    createdAt: s.narrativeVersions.createdAt,
  };
  const byAuthor = and(eq(s.users.organizationId, org), eq(s.users.id, s.narrativeVersions.authorId));
  const [rows, [previous]] = await Promise.all([
    db
      .select(versionFields)
      .from(s.narrativeVersions)
      .innerJoin(s.users, byAuthor)
      .where(and(eq(s.narrativeVersions.organizationId, org), eq(s.narrativeVersions.partId, partId), eq(s.narrativeVersions.periodId, periodId)))
      .orderBy(desc(s.narrativeVersions.seq)),
    db
      .select({ body: s.narrativeVersions.body, year: s.periods.year, kind: s.periods.kind })
      .from(s.narrativeVersions)
      .innerJoin(s.periods, and(eq(s.periods.organizationId, org), eq(s.periods.id, s.narrativeVersions.periodId)))
      .where(and(eq(s.narrativeVersions.organizationId, org), eq(s.narrativeVersions.partId, partId), lt(s.periods.endDate, period.endDate)))
      .orderBy(desc(s.periods.endDate), desc(s.narrativeVersions.seq))
      .limit(1),
  ]);
  const versions = rows.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() }));
  const boardId = tree.boardOf(part.unitId);
  const locked = isLockedFor(lock, boardId);
  const live = isLive({ kind: 'chapter_part', archivedAt: part.archivedAt, chapterArchivedAt: part.chapterArchivedAt }, period);
  const canReport = live && can(user, 'report', { kind: 'narrative', organizationId: org, unitIds: [part.unitId], locked });
  return {
    part: { id: part.id, heading: part.heading, chapterTitle: part.chapterTitle },
    unit: { id: part.unitId, name: tree.name(part.unitId) },
    board: boardId ? { id: boardId, name: tree.name(boardId) } : null,
    period: { id: period.id, year: period.year, kind: period.kind, state: period.state, label: periodLabel(period.kind, period.year) },
    live,
    locked,
    canReport,
    readOnlyReason: canReport ? null : readOnlyReason({ locked, periodState: lock.periodState, responsible: tree.name(part.unitId), live }),
    latest: versions[0] ?? null,
    versions,
    previous: previous ? { periodLabel: periodLabel(previous.kind, previous.year), body: previous.body } : null,
  };
}

export interface SaveNarrativeInput {
  partId: string;
  periodId: string;
  body: string;
  baseSeq: number;
}

/** Saves a new version of a unit's text for a chapter part; returns its number. */
export async function saveNarrative(db: Db, user: CurrentUser, input: SaveNarrativeInput): Promise<{ seq: number }> {
  const current = await getNarrativePart(db, user, input.partId, input.periodId);
  const org = user.organizationId;
  authorize(user, 'report', { kind: 'narrative', organizationId: org, unitIds: [current.unit.id], locked: current.locked });
  if (!current.live) throw new ValidationError(ARCHIVED_MESSAGE);
  return appendVersion(db, {
    baseSeq: input.baseSeq,
    newestSeq: current.latest?.seq ?? 0,
    newer: async () => (await getNarrativePart(db, user, input.partId, input.periodId)).latest,
    write: async (tx, seq) => {
      await tx.insert(s.narrativeVersions).values({
        organizationId: org,
        partId: input.partId,
        periodId: input.periodId,
        seq,
        body: input.body,
        authorId: user.id,
      });
      await recordAudit(tx, {
        organizationId: org,
        actorId: user.id,
        action: 'narrative.save',
        entityType: 'narrative',
        entityId: input.partId,
        changes: {
          chapter: current.part.chapterTitle,
          part: current.part.heading ?? 'Inledning',
          unit: current.unit.name,
          period: current.period.label,
          seq,
        },
      });
    },
  });
}
