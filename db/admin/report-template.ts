// The report template (admin only): per kind of period, the chapters of a board's document in
// order, each of a kind, and for the kinds that hold text the parts written by units (the
// Översikt's "HR" by HR-avdelningen). Chapters and parts are structure: renamed and moved in
// place with an audit event, and never deleted, only archived (their texts stay in history
// and in approved snapshots, which hold the chapters as they were).
import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import * as s from '../schema';
import { recordAudit } from '../audit';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { loadUnitTree } from '../unit-tree';
import type { CurrentUser } from '@/lib/current-user';
import { authorize, authorizeInOwnOrganization } from '@/lib/policy';
import type { PeriodKind } from '@/lib/period';
import type { ChapterKind } from '@/lib/period-content';
import { CHAPTER_KINDS_WITH_PARTS } from '@/lib/board-document';

export interface TemplatePartDTO {
  id: string;
  heading: string | null;
  unit: { id: string; name: string };
}

export interface TemplateChapterDTO {
  id: string;
  kind: ChapterKind;
  title: string;
  parts: TemplatePartDTO[];
}

export interface ReportTemplateDTO {
  periodKind: PeriodKind;
  chapters: TemplateChapterDTO[];
  /** The units that may write a part (every unit but the boards), in tree order. */
  units: { id: string; name: string }[];
}

const manage = (user: CurrentUser) => authorize(user, 'manage', { kind: 'report_template', organizationId: user.organizationId });

export async function getReportTemplate(db: Db, user: CurrentUser | null, periodKind: PeriodKind): Promise<ReportTemplateDTO> {
  const org = authorizeInOwnOrganization(user, 'manage', 'report_template');
  const [chapters, parts, tree] = await Promise.all([
    db
      .select({ id: s.reportChapters.id, kind: s.reportChapters.kind, title: s.reportChapters.title })
      .from(s.reportChapters)
      .where(and(eq(s.reportChapters.organizationId, org), eq(s.reportChapters.periodKind, periodKind), isNull(s.reportChapters.archivedAt)))
      .orderBy(asc(s.reportChapters.sortOrder), asc(s.reportChapters.createdAt)),
    db
      .select({ id: s.reportChapterParts.id, chapterId: s.reportChapterParts.chapterId, heading: s.reportChapterParts.heading, unitId: s.reportChapterParts.unitId })
      .from(s.reportChapterParts)
      .where(and(eq(s.reportChapterParts.organizationId, org), isNull(s.reportChapterParts.archivedAt)))
      .orderBy(asc(s.reportChapterParts.sortOrder), asc(s.reportChapterParts.createdAt)),
    loadUnitTree(db, org),
  ]);
  return {
    periodKind,
    chapters: chapters.map((c) => ({
      ...c,
      parts: parts.filter((p) => p.chapterId === c.id).map((p) => ({ id: p.id, heading: p.heading, unit: { id: p.unitId, name: tree.name(p.unitId) } })),
    })),
    units: tree.units.filter((u) => u.kind !== 'board').map((u) => ({ id: u.id, name: u.name })),
  };
}

async function loadChapter(db: Db, org: string, chapterId: string) {
  const [chapter] = await db
    .select({ id: s.reportChapters.id, kind: s.reportChapters.kind, title: s.reportChapters.title, periodKind: s.reportChapters.periodKind })
    .from(s.reportChapters)
    .where(and(eq(s.reportChapters.organizationId, org), eq(s.reportChapters.id, chapterId), isNull(s.reportChapters.archivedAt)));
  if (!chapter) throw new NotFoundError('chapter');
  return chapter;
}

async function loadPart(db: Db, org: string, partId: string) {
  const [part] = await db
    .select({ id: s.reportChapterParts.id, chapterId: s.reportChapterParts.chapterId, heading: s.reportChapterParts.heading, unitId: s.reportChapterParts.unitId })
    .from(s.reportChapterParts)
    .where(and(eq(s.reportChapterParts.organizationId, org), eq(s.reportChapterParts.id, partId), isNull(s.reportChapterParts.archivedAt)));
  if (!part) throw new NotFoundError('chapter part');
  return part;
}

async function checkUnit(db: Db, org: string, unitId: string): Promise<string> {
  const tree = await loadUnitTree(db, org);
  const unit = tree.get(unitId);
  if (!unit) throw new NotFoundError('unit');
  if (unit.kind === 'board') {
    const message = 'Välj en förvaltning eller enhet som skriver texten, inte en nämnd.';
    throw new ValidationError(message, { unitId: [message] });
  }
  return unit.name;
}

/** Adds a chapter last in the template of the kind of period. */
export async function addChapter(db: Db, user: CurrentUser, input: { periodKind: PeriodKind; kind: ChapterKind; title: string }): Promise<{ id: string }> {
  manage(user);
  const org = user.organizationId;
  return db.transaction(async (tx) => {
    const siblings = await tx
      .select({ sortOrder: s.reportChapters.sortOrder })
      .from(s.reportChapters)
      .where(and(eq(s.reportChapters.organizationId, org), eq(s.reportChapters.periodKind, input.periodKind)));
    const [row] = await tx
      .insert(s.reportChapters)
      .values({ organizationId: org, periodKind: input.periodKind, kind: input.kind, title: input.title, sortOrder: Math.max(-1, ...siblings.map((x) => x.sortOrder)) + 1 })
      .returning({ id: s.reportChapters.id });
    await recordAudit(tx as unknown as Db, {
      organizationId: org,
      actorId: user.id,
      action: 'report_chapter.create',
      entityType: 'report_chapter',
      entityId: row!.id,
      changes: { title: input.title, kind: input.kind, periodKind: input.periodKind },
    });
    return { id: row!.id };
  });
}

export async function renameChapter(db: Db, user: CurrentUser, input: { chapterId: string; title: string }): Promise<void> {
  manage(user);
  const org = user.organizationId;
  const chapter = await loadChapter(db, org, input.chapterId);
  if (chapter.title === input.title) return;
  await db.transaction(async (tx) => {
    await tx.update(s.reportChapters).set({ title: input.title }).where(and(eq(s.reportChapters.organizationId, org), eq(s.reportChapters.id, chapter.id)));
    await recordAudit(tx as unknown as Db, {
      organizationId: org,
      actorId: user.id,
      action: 'report_chapter.rename',
      entityType: 'report_chapter',
      entityId: chapter.id,
      changes: { title: { from: chapter.title, to: input.title } },
    });
  });
}

/** Swaps the chapter with its neighbour above or below (a no-op at either end). */
export async function moveChapter(db: Db, user: CurrentUser, input: { chapterId: string; direction: 'up' | 'down' }): Promise<void> {
  manage(user);
  const org = user.organizationId;
  const chapter = await loadChapter(db, org, input.chapterId);
  await db.transaction(async (tx) => {
    const order = await tx
      .select({ id: s.reportChapters.id })
      .from(s.reportChapters)
      .where(and(eq(s.reportChapters.organizationId, org), eq(s.reportChapters.periodKind, chapter.periodKind), isNull(s.reportChapters.archivedAt)))
      .orderBy(asc(s.reportChapters.sortOrder), asc(s.reportChapters.createdAt));
    const ids = moved(order.map((c) => c.id), chapter.id, input.direction);
    if (!ids) return;
    for (const [i, id] of ids.entries()) {
      await tx.update(s.reportChapters).set({ sortOrder: i }).where(and(eq(s.reportChapters.organizationId, org), eq(s.reportChapters.id, id)));
    }
    await recordAudit(tx as unknown as Db, {
      organizationId: org,
      actorId: user.id,
      action: 'report_chapter.move',
      entityType: 'report_chapter',
      entityId: chapter.id,
      changes: { title: chapter.title, direction: input.direction },
    });
  });
}

/** Takes the chapter out of the template (archived: its texts stay in history). */
export async function archiveChapter(db: Db, user: CurrentUser, input: { chapterId: string }): Promise<{ title: string }> {
  manage(user);
  const org = user.organizationId;
  const chapter = await loadChapter(db, org, input.chapterId);
  await db.transaction(async (tx) => {
    await tx.update(s.reportChapters).set({ archivedAt: new Date() }).where(and(eq(s.reportChapters.organizationId, org), eq(s.reportChapters.id, chapter.id)));
    await recordAudit(tx as unknown as Db, {
      organizationId: org,
      actorId: user.id,
      action: 'report_chapter.archive',
      entityType: 'report_chapter',
      entityId: chapter.id,
      changes: { title: chapter.title },
    });
  });
  return { title: chapter.title };
}

/** Adds a part written by a unit last in a chapter that holds text. */
export async function addPart(db: Db, user: CurrentUser, input: { chapterId: string; heading: string | null; unitId: string }): Promise<{ id: string }> {
  manage(user);
  const org = user.organizationId;
  const chapter = await loadChapter(db, org, input.chapterId);
  if (!CHAPTER_KINDS_WITH_PARTS.includes(chapter.kind)) throw new ValidationError('Det här kapitlet har inga texter från enheterna.');
  const unitName = await checkUnit(db, org, input.unitId);
  return db.transaction(async (tx) => {
    const siblings = await tx
      .select({ sortOrder: s.reportChapterParts.sortOrder })
      .from(s.reportChapterParts)
      .where(and(eq(s.reportChapterParts.organizationId, org), eq(s.reportChapterParts.chapterId, chapter.id)));
    const [row] = await tx
      .insert(s.reportChapterParts)
      .values({ organizationId: org, chapterId: chapter.id, heading: input.heading, unitId: input.unitId, sortOrder: Math.max(-1, ...siblings.map((x) => x.sortOrder)) + 1 })
      .returning({ id: s.reportChapterParts.id });
    await recordAudit(tx as unknown as Db, {
      organizationId: org,
      actorId: user.id,
      action: 'report_part.create',
      entityType: 'report_chapter',
      entityId: chapter.id,
      changes: { chapter: chapter.title, heading: input.heading, unit: unitName },
    });
    return { id: row!.id };
  });
}

/** Changes a part's heading and the unit that writes it. */
export async function updatePart(db: Db, user: CurrentUser, input: { partId: string; heading: string | null; unitId: string }): Promise<void> {
  manage(user);
  const org = user.organizationId;
  const part = await loadPart(db, org, input.partId);
  const unitName = await checkUnit(db, org, input.unitId);
  if (part.heading === input.heading && part.unitId === input.unitId) return;
  await db.transaction(async (tx) => {
    await tx
      .update(s.reportChapterParts)
      .set({ heading: input.heading, unitId: input.unitId })
      .where(and(eq(s.reportChapterParts.organizationId, org), eq(s.reportChapterParts.id, part.id)));
    await recordAudit(tx as unknown as Db, {
      organizationId: org,
      actorId: user.id,
      action: 'report_part.update',
      entityType: 'report_chapter',
      entityId: part.chapterId,
      changes: { heading: { from: part.heading, to: input.heading }, unit: unitName },
    });
  });
}

export async function movePart(db: Db, user: CurrentUser, input: { partId: string; direction: 'up' | 'down' }): Promise<void> {
  manage(user);
  const org = user.organizationId;
  const part = await loadPart(db, org, input.partId);
  await db.transaction(async (tx) => {
    const order = await tx
      .select({ id: s.reportChapterParts.id })
      .from(s.reportChapterParts)
      .where(and(eq(s.reportChapterParts.organizationId, org), eq(s.reportChapterParts.chapterId, part.chapterId), isNull(s.reportChapterParts.archivedAt)))
      .orderBy(asc(s.reportChapterParts.sortOrder), asc(s.reportChapterParts.createdAt));
    const ids = moved(order.map((p) => p.id), part.id, input.direction);
    if (!ids) return;
    for (const [i, id] of ids.entries()) {
      await tx.update(s.reportChapterParts).set({ sortOrder: i }).where(and(eq(s.reportChapterParts.organizationId, org), eq(s.reportChapterParts.id, id)));
    }
    await recordAudit(tx as unknown as Db, {
      organizationId: org,
      actorId: user.id,
      action: 'report_part.move',
      entityType: 'report_chapter',
      entityId: part.chapterId,
      changes: { heading: part.heading, direction: input.direction },
    });
  });
}

export async function archivePart(db: Db, user: CurrentUser, input: { partId: string }): Promise<{ heading: string | null }> {
  manage(user);
  const org = user.organizationId;
  const part = await loadPart(db, org, input.partId);
  await db.transaction(async (tx) => {
    await tx.update(s.reportChapterParts).set({ archivedAt: new Date() }).where(and(eq(s.reportChapterParts.organizationId, org), eq(s.reportChapterParts.id, part.id)));
    await recordAudit(tx as unknown as Db, {
      organizationId: org,
      actorId: user.id,
      action: 'report_part.archive',
      entityType: 'report_chapter',
      entityId: part.chapterId,
      changes: { heading: part.heading },
    });
  });
  return { heading: part.heading };
}

/** The ids with `id` swapped with its neighbour; null when it is already at that end. */
function moved(ids: string[], id: string, direction: 'up' | 'down'): string[] | null {
  const i = ids.indexOf(id);
  const j = direction === 'up' ? i - 1 : i + 1;
  if (i < 0 || j < 0 || j >= ids.length) return null;
  const out = [...ids];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}
