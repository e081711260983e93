// A board's own texts in the report, per plan, period and slot (admin only). A save
// creates the slot's text block when it is missing and appends a version numbered
// baseSeq + 1: a save based on an older version, or one that collides with another save
// on the unique key, is a conflict that carries the newer version. A closed period, a
// period not yet opened, or the board's approved (locked) period refuses changes.
import 'server-only';
import { and, asc, eq, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import * as s from '../schema';
import { recordAudit } from '../audit';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { appendVersion, newestVersions } from '../history';
import { isLockedFor, loadPeriodLock, type PeriodLock } from '../locks';
import type { CurrentUser } from '@/lib/current-user';
import { authorize, authorizeInOwnOrganization } from '@/lib/policy';
import { periodLabel, type PeriodKind, type PeriodState } from '@/lib/period';
import { readOnlyReason } from '@/lib/lock-reason';

export type TextSlot = (typeof s.textSlot.enumValues)[number];
export const TEXT_SLOTS = s.textSlot.enumValues;

export interface TextVersionDTO {
  seq: number;
  heading: string | null;
  body: string;
  authorName: string;
  createdAt: string;
}

export interface TextSlotDTO {
  slot: TextSlot;
  focusAreaId: string | null;
  /** "Inledning till Mål och uppdrag", "Kommentar för målområde 3 Tillväxt och demografi" */
  label: string;
  /** Only "Övergripande perspektiv" has a heading of its own. */
  hasHeading: boolean;
  latest: TextVersionDTO | null;
}

export interface PlanTextsDTO {
  plan: { id: string; code: string; year: number; board: { id: string; name: string } };
  period: { id: string; year: number; kind: PeriodKind; state: PeriodState; label: string };
  locked: boolean;
  /** Why the texts cannot be changed, in Swedish (null when they can). */
  lockReason: string | null;
  slots: TextSlotDTO[];
}

export const SLOT_LABELS: Record<Exclude<TextSlot, 'focus_area_note'>, string> = {
  goals_intro: 'Inledning till Mål och uppdrag',
  overall_perspective: 'Övergripande perspektiv',
  assignments_intro: 'Inledning till uppföljning av nämndens uppdrag',
};

export function focusAreaNoteLabel(area: { number: number | null; name: string }): string {
  return `Kommentar för målområde ${area.number !== null ? `${area.number} ` : ''}${area.name}`;
}

async function loadPlan(db: Db, org: string, planId: string) {
  const [plan] = await db
    .select({ id: s.plans.id, code: s.plans.code, year: s.plans.year, boardId: s.plans.boardId, boardName: s.units.name })
    .from(s.plans)
    .innerJoin(s.units, and(eq(s.units.organizationId, org), eq(s.units.id, s.plans.boardId)))
    .where(and(eq(s.plans.organizationId, org), eq(s.plans.id, planId)));
  if (!plan) throw new NotFoundError('plan');
  return plan;
}

async function loadPeriod(db: Db, org: string, periodId: string) {
  const [period] = await db
    .select({ id: s.periods.id, year: s.periods.year, kind: s.periods.kind, state: s.periods.state })
    .from(s.periods)
    .where(and(eq(s.periods.organizationId, org), eq(s.periods.id, periodId)));
  if (!period) throw new NotFoundError('period');
  return period;
}

function lockReasonFor(lock: PeriodLock, boardId: string): string | null {
  if (!isLockedFor(lock, boardId)) return null;
  return readOnlyReason({ locked: true, periodState: lock.periodState, responsible: '' });
}

/** The newest version of every text block of the plan and period, with its author (one query). */
function newestTexts(db: Db, org: string, planId: string, periodId: string) {
  return newestVersions(
    db,
    'textBlockVersions',
    org,
    {
      slot: s.textBlocks.slot,
      focusAreaId: s.textBlocks.focusAreaId,
      seq: s.textBlockVersions.seq,
      heading: s.textBlockVersions.heading,
      body: s.textBlockVersions.body,
      authorName: s.users.name,
      createdAt: s.textBlockVersions.createdAt,
    },
    and(eq(s.textBlocks.planId, planId), eq(s.textBlocks.periodId, periodId)),
    { withAuthor: true, withTextBlock: true },
  );
}

const toVersion = (v: { seq: number; heading: string | null; body: string; authorName: string; createdAt: Date }): TextVersionDTO => ({
  seq: v.seq,
  heading: v.heading,
  body: v.body,
  authorName: v.authorName,
  createdAt: v.createdAt.toISOString(),
});

/** The board's text slots for a plan and a period, each with its newest version (a fixed number of queries). */
export async function getPlanTexts(db: Db, user: CurrentUser | null, planId: string, periodId: string): Promise<PlanTextsDTO> {
  const org = authorizeInOwnOrganization(user, 'manage', 'text_block');
  const [plan, period, lock, areas, versions] = await Promise.all([
    loadPlan(db, org, planId),
    loadPeriod(db, org, periodId),
    loadPeriodLock(db, org, periodId),
    db
      .select({ id: s.focusAreas.id, number: s.focusAreas.number, name: s.focusAreas.name, validFrom: s.focusAreas.validFrom, validTo: s.focusAreas.validTo, archivedAt: s.focusAreas.archivedAt })
      .from(s.focusAreas)
      .where(and(eq(s.focusAreas.organizationId, org), isNull(s.focusAreas.parentId)))
      .orderBy(asc(s.focusAreas.sortOrder), asc(s.focusAreas.number), asc(s.focusAreas.name)),
    newestTexts(db, org, planId, periodId),
  ]);
  if (!lock) throw new NotFoundError('period');
  const versionOf = (slot: TextSlot, focusAreaId: string | null) => {
    const v = versions.find((x) => x.slot === slot && x.focusAreaId === focusAreaId);
    return v ? toVersion(v) : null;
  };
  const simple = (slot: Exclude<TextSlot, 'focus_area_note'>): TextSlotDTO => ({
    slot,
    focusAreaId: null,
    label: SLOT_LABELS[slot],
    hasHeading: slot === 'overall_perspective',
    latest: versionOf(slot, null),
  });
  // The målområden valid in the plan's year, and any other that already has a note.
  const current = (a: (typeof areas)[number]) =>
    a.archivedAt === null && a.validFrom <= plan.year && (a.validTo === null || a.validTo >= plan.year);
  const noteAreas = areas.filter((a) => current(a) || versions.some((v) => v.focusAreaId === a.id));
  const locked = isLockedFor(lock, plan.boardId);
  return {
    plan: { id: plan.id, code: plan.code, year: plan.year, board: { id: plan.boardId, name: plan.boardName } },
    period: { ...period, label: periodLabel(period.kind, period.year) },
    locked,
    lockReason: lockReasonFor(lock, plan.boardId),
    slots: [
      simple('goals_intro'),
      ...noteAreas.map(
        (a): TextSlotDTO => ({
          slot: 'focus_area_note',
          focusAreaId: a.id,
          label: focusAreaNoteLabel(a),
          hasHeading: false,
          latest: versionOf('focus_area_note', a.id),
        }),
      ),
      simple('overall_perspective'),
      simple('assignments_intro'),
    ],
  };
}

export interface SaveTextBlockInput {
  planId: string;
  periodId: string;
  slot: TextSlot;
  focusAreaId: string | null;
  heading: string | null;
  body: string;
  baseSeq: number;
}

/** Saves a new version of one of the board's texts; returns its number. */
export async function saveTextBlock(db: Db, user: CurrentUser, input: SaveTextBlockInput): Promise<{ seq: number }> {
  authorize(user, 'manage', { kind: 'text_block', organizationId: user.organizationId });
  const org = user.organizationId;
  const [plan, period, lock] = await Promise.all([
    loadPlan(db, org, input.planId),
    loadPeriod(db, org, input.periodId),
    loadPeriodLock(db, org, input.periodId),
  ]);
  if (!lock) throw new NotFoundError('period');
  const reason = lockReasonFor(lock, plan.boardId);
  if (reason) throw new ValidationError(reason);
  if (period.year !== plan.year) throw new ValidationError('Perioden hör inte till planens år.');

  let focusArea: { id: string; number: number | null; name: string } | undefined;
  if (input.slot === 'focus_area_note') {
    if (!input.focusAreaId) throw new ValidationError('Välj ett målområde för kommentaren.');
    [focusArea] = await db
      .select({ id: s.focusAreas.id, number: s.focusAreas.number, name: s.focusAreas.name })
      .from(s.focusAreas)
      .where(and(eq(s.focusAreas.organizationId, org), eq(s.focusAreas.id, input.focusAreaId)));
    if (!focusArea) throw new NotFoundError('focus area');
  }
  const focusAreaId = focusArea?.id ?? null;
  const heading = input.slot === 'overall_perspective' ? input.heading : null;
  const sameSlot = and(
    eq(s.textBlocks.organizationId, org),
    eq(s.textBlocks.planId, plan.id),
    eq(s.textBlocks.periodId, period.id),
    eq(s.textBlocks.slot, input.slot),
    focusAreaId ? eq(s.textBlocks.focusAreaId, focusAreaId) : isNull(s.textBlocks.focusAreaId),
  );
  const newest = async (tx: Db): Promise<TextVersionDTO | null> => {
    const [row] = await newestVersions(
      tx,
      'textBlockVersions',
      org,
      {
        seq: s.textBlockVersions.seq,
        heading: s.textBlockVersions.heading,
        body: s.textBlockVersions.body,
        authorName: s.users.name,
        createdAt: s.textBlockVersions.createdAt,
      },
      sameSlot,
      { withAuthor: true, withTextBlock: true },
    );
    return row ? toVersion(row) : null;
  };

  return appendVersion(db, {
    baseSeq: input.baseSeq,
    newestSeq: (await newest(db))?.seq ?? 0,
    newer: () => newest(db),
    write: async (tx, seq) => {
      // The slot's block: created on the first save (a concurrent first save finds the other's).
      await tx
        .insert(s.textBlocks)
        .values({ organizationId: org, planId: plan.id, periodId: period.id, slot: input.slot, focusAreaId })
        .onConflictDoNothing();
      const [block] = await tx.select({ id: s.textBlocks.id }).from(s.textBlocks).where(sameSlot);
      await tx.insert(s.textBlockVersions).values({
        organizationId: org,
        textBlockId: block!.id,
        seq,
        heading,
        body: input.body,
        authorId: user.id,
      });
      await recordAudit(tx, {
        organizationId: org,
        actorId: user.id,
        action: 'text_block.save',
        entityType: 'text_block',
        entityId: block!.id,
        changes: {
          plan: plan.code,
          period: periodLabel(period.kind, period.year),
          slot: input.slot === 'focus_area_note' ? focusAreaNoteLabel(focusArea!) : SLOT_LABELS[input.slot],
          seq,
        },
      });
    },
  });
}
