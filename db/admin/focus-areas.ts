// Administration of målområden (focus areas, with optional sub-areas) and KF-mål
// (council goals). Both are structural: they may be edited (audited with before and
// after), archived and restored; one is deleted only when nothing refers to it.
import 'server-only';
import { and, asc, count, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import * as s from '../schema';
import { recordAudit } from '../audit';
import { NotFoundError, ValidationError, isUniqueViolation } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import { authorizeInOwnOrganization } from '@/lib/policy';

export const FIX_FIELDS = 'Uppgifterna behöver rättas. Se markeringarna vid fälten.';
export const CODE_IN_USE = 'Koden används redan.';

// ---------------------------------------------------------------- helpers shared by db/admin/*

/** The fields that differ between two versions of an item, as { before, after } for the audit log. */
export function changedFields<T extends object>(before: T, after: T): { before: Partial<T>; after: Partial<T> } {
  const out = { before: {} as Partial<T>, after: {} as Partial<T> };
  for (const key of Object.keys(after) as (keyof T)[]) {
    if (JSON.stringify(before[key]) !== JSON.stringify(after[key])) {
      out.before[key] = before[key];
      out.after[key] = after[key];
    }
  }
  return out;
}

/** The name of the unique or foreign key a database error is about (either driver), if any. */
export function constraintOf(error: unknown): string | undefined {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const name = (e as { constraint_name?: string; constraint?: string }).constraint_name ?? (e as { constraint?: string }).constraint;
    if (typeof name === 'string') return name;
  }
  return undefined;
}

/** Throws the ValidationError for collected field errors, if there are any. */
export function throwIfErrors(errors: Record<string, string[]>): void {
  if (Object.keys(errors).length) throw new ValidationError(FIX_FIELDS, errors);
}

/** Runs a write; a duplicate code becomes a field error on `code`. */
export async function withUniqueCode<T>(write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (error) {
    if (isUniqueViolation(error) && (constraintOf(error) ?? '').endsWith('_org_code')) {
      throw new ValidationError(FIX_FIELDS, { code: [CODE_IN_USE] });
    }
    throw error;
  }
}

function authorizeStructure(user: CurrentUser | null): string {
  return authorizeInOwnOrganization(user, 'manage', 'organization');
}

// ---------------------------------------------------------------- reads

export interface FocusAreaAdminDTO {
  id: string;
  code: string;
  number: number | null;
  name: string;
  parentId: string | null;
  sortOrder: number;
  validFrom: number;
  validTo: number | null;
  archived: boolean;
  /** Nothing refers to it (sub-areas, KF-mål, goals, assignments, texts): it may be deleted. */
  deletable: boolean;
}

export interface CouncilGoalAdminDTO {
  id: string;
  code: string;
  focusAreaId: string;
  text: string;
  phrase: string | null;
  sortOrder: number;
  validFrom: number;
  validTo: number | null;
  archived: boolean;
  /** No board goal bears on it: it may be deleted. */
  deletable: boolean;
}

/** Every focus area and council goal of the organization, archived ones too (admin only). */
export async function getFocusAreaAdmin(
  db: Db,
  user: CurrentUser | null,
): Promise<{ focusAreas: FocusAreaAdminDTO[]; councilGoals: CouncilGoalAdminDTO[] }> {
  const org = authorizeStructure(user);
  const [areas, goals, usedAreas, usedGoals] = await Promise.all([
    db
      .select()
      .from(s.focusAreas)
      .where(eq(s.focusAreas.organizationId, org))
      .orderBy(asc(s.focusAreas.sortOrder), asc(s.focusAreas.number), asc(s.focusAreas.name)),
    db
      .select()
      .from(s.councilGoals)
      .where(eq(s.councilGoals.organizationId, org))
      .orderBy(asc(s.councilGoals.sortOrder), asc(s.councilGoals.code)),
    focusAreasInUse(db, org),
    councilGoalsInUse(db, org),
  ]);
  return {
    focusAreas: areas.map((a) => ({
      id: a.id,
      code: a.code,
      number: a.number,
      name: a.name,
      parentId: a.parentId,
      sortOrder: a.sortOrder,
      validFrom: a.validFrom,
      validTo: a.validTo,
      archived: a.archivedAt !== null,
      deletable: !usedAreas.has(a.id),
    })),
    councilGoals: goals.map((g) => ({
      id: g.id,
      code: g.code,
      focusAreaId: g.focusAreaId,
      text: g.text,
      phrase: g.phrase,
      sortOrder: g.sortOrder,
      validFrom: g.validFrom,
      validTo: g.validTo,
      archived: g.archivedAt !== null,
      deletable: !usedGoals.has(g.id),
    })),
  };
}

/** Focus areas something refers to: a sub-area, a council goal, a board goal, an assignment or a text block. */
async function focusAreasInUse(db: Db, org: string, ids?: string[]): Promise<Set<string>> {
  const only = (column: AnyPgColumn) => (ids ? inArray(column, ids) : undefined);
  const lists = await Promise.all([
    db
      .selectDistinct({ id: s.focusAreas.parentId })
      .from(s.focusAreas)
      .where(and(eq(s.focusAreas.organizationId, org), isNotNull(s.focusAreas.parentId), only(s.focusAreas.parentId))),
    db
      .selectDistinct({ id: s.councilGoals.focusAreaId })
      .from(s.councilGoals)
      .where(and(eq(s.councilGoals.organizationId, org), only(s.councilGoals.focusAreaId))),
    db
      .selectDistinct({ id: s.boardGoals.focusAreaId })
      .from(s.boardGoals)
      .where(and(eq(s.boardGoals.organizationId, org), only(s.boardGoals.focusAreaId))),
    db
      .selectDistinct({ id: s.assignments.focusAreaId })
      .from(s.assignments)
      .where(and(eq(s.assignments.organizationId, org), isNotNull(s.assignments.focusAreaId), only(s.assignments.focusAreaId))),
    db
      .selectDistinct({ id: s.textBlocks.focusAreaId })
      .from(s.textBlocks)
      .where(and(eq(s.textBlocks.organizationId, org), isNotNull(s.textBlocks.focusAreaId), only(s.textBlocks.focusAreaId))),
  ]);
  return new Set(lists.flat().flatMap((r) => (r.id ? [r.id] : [])));
}

/** Council goals a board goal bears on. */
async function councilGoalsInUse(db: Db, org: string, ids?: string[]): Promise<Set<string>> {
  const rows = await db
    .selectDistinct({ id: s.boardGoalCouncilGoals.councilGoalId })
    .from(s.boardGoalCouncilGoals)
    .where(
      and(
        eq(s.boardGoalCouncilGoals.organizationId, org),
        ids ? inArray(s.boardGoalCouncilGoals.councilGoalId, ids) : undefined,
      ),
    );
  return new Set(rows.map((r) => r.id));
}

// ---------------------------------------------------------------- focus areas

export interface FocusAreaInput {
  code: string;
  /** Top-level areas are numbered; sub-areas are not. */
  number: number | null;
  name: string;
  /** The top-level area a sub-area belongs to; null for a top-level area. */
  parentId: string | null;
  validFrom: number;
  validTo: number | null;
  sortOrder: number;
}

const yearsOverlap = (a: { validFrom: number; validTo: number | null }, b: { validFrom: number; validTo: number | null }) =>
  a.validFrom <= (b.validTo ?? Infinity) && b.validFrom <= (a.validTo ?? Infinity);

async function checkFocusArea(db: Db, org: string, input: FocusAreaInput, id: string | null): Promise<void> {
  const errors: Record<string, string[]> = {};
  if (input.validTo !== null && input.validTo < input.validFrom) {
    errors.validTo = ['Sista giltighetsåret kan inte vara före det första.'];
  }
  if (input.parentId) {
    const [parent] = await db
      .select({ id: s.focusAreas.id, parentId: s.focusAreas.parentId })
      .from(s.focusAreas)
      .where(and(eq(s.focusAreas.organizationId, org), eq(s.focusAreas.id, input.parentId)));
    if (!parent) throw new NotFoundError('focus area');
    if (parent.id === id) errors.parentId = ['Ett målområde kan inte ligga under sig självt.'];
    else if (parent.parentId) errors.parentId = ['Välj ett målområde på översta nivån: ett delområde kan inte ha egna delområden.'];
    else if (id) {
      const [{ n }] = (await db
        .select({ n: count() })
        .from(s.focusAreas)
        .where(and(eq(s.focusAreas.organizationId, org), eq(s.focusAreas.parentId, id)))) as [{ n: number }];
      if (n > 0) errors.parentId = ['Målområdet har egna delområden och kan inte bli ett delområde.'];
    }
    if (input.number !== null) errors.number = ['Delområden numreras inte. Lämna numret tomt.'];
  } else if (input.number === null) {
    errors.number = ['Ange målområdets nummer.'];
  } else {
    const sameNumber = await db
      .select({ id: s.focusAreas.id, validFrom: s.focusAreas.validFrom, validTo: s.focusAreas.validTo })
      .from(s.focusAreas)
      .where(
        and(
          eq(s.focusAreas.organizationId, org),
          eq(s.focusAreas.number, input.number),
          isNull(s.focusAreas.parentId),
          isNull(s.focusAreas.archivedAt),
        ),
      );
    if (sameNumber.some((other) => other.id !== id && yearsOverlap(other, input))) {
      errors.number = ['Ett annat målområde har samma nummer under samma år.'];
    }
  }
  throwIfErrors(errors);
}

type FocusAreaRow = typeof s.focusAreas.$inferSelect;

function focusAreaFields(row: FocusAreaRow): FocusAreaInput {
  return {
    code: row.code,
    number: row.number,
    name: row.name,
    parentId: row.parentId,
    validFrom: row.validFrom,
    validTo: row.validTo,
    sortOrder: row.sortOrder,
  };
}

async function loadFocusArea(db: Db, org: string, id: string): Promise<FocusAreaRow> {
  const [row] = await db
    .select()
    .from(s.focusAreas)
    .where(and(eq(s.focusAreas.organizationId, org), eq(s.focusAreas.id, id)))
    .for('update');
  if (!row) throw new NotFoundError('focus area');
  return row;
}

export async function createFocusArea(db: Db, user: CurrentUser, input: FocusAreaInput): Promise<{ id: string; name: string }> {
  const org = authorizeStructure(user);
  return withUniqueCode(() =>
    db.transaction(async (t) => {
      const tx = t as unknown as Db;
      await checkFocusArea(tx, org, input, null);
      const [row] = await tx
        .insert(s.focusAreas)
        .values({ organizationId: org, ...input })
        .returning({ id: s.focusAreas.id, name: s.focusAreas.name });
      await recordAudit(tx, {
        organizationId: org,
        actorId: user.id,
        action: 'focus_area.create',
        entityType: 'focus_area',
        entityId: row!.id,
        changes: { after: input },
      });
      return row!;
    }),
  );
}

export async function updateFocusArea(
  db: Db,
  user: CurrentUser,
  input: FocusAreaInput & { id: string },
): Promise<{ id: string; name: string }> {
  const org = authorizeStructure(user);
  const { id, ...fields } = input;
  return withUniqueCode(() =>
    db.transaction(async (t) => {
      const tx = t as unknown as Db;
      const before = await loadFocusArea(tx, org, id);
      await checkFocusArea(tx, org, fields, id);
      await tx
        .update(s.focusAreas)
        .set(fields)
        .where(and(eq(s.focusAreas.organizationId, org), eq(s.focusAreas.id, id)));
      await recordAudit(tx, {
        organizationId: org,
        actorId: user.id,
        action: 'focus_area.update',
        entityType: 'focus_area',
        entityId: id,
        changes: changedFields(focusAreaFields(before), fields),
      });
      return { id, name: fields.name };
    }),
  );
}

/** Archives (out of current views, kept in history) or restores a focus area. */
export async function setFocusAreaArchived(
  db: Db,
  user: CurrentUser,
  input: { id: string; archived: boolean },
): Promise<{ name: string }> {
  const org = authorizeStructure(user);
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [row] = await tx
      .update(s.focusAreas)
      .set({ archivedAt: input.archived ? new Date() : null })
      .where(and(eq(s.focusAreas.organizationId, org), eq(s.focusAreas.id, input.id)))
      .returning({ id: s.focusAreas.id, name: s.focusAreas.name });
    if (!row) throw new NotFoundError('focus area');
    await recordAudit(tx, {
      organizationId: org,
      actorId: user.id,
      action: input.archived ? 'focus_area.archive' : 'focus_area.restore',
      entityType: 'focus_area',
      entityId: row.id,
    });
    return { name: row.name };
  });
}

/** Deletes a focus area nothing refers to; one in use must be archived instead. */
export async function deleteFocusArea(db: Db, user: CurrentUser, input: { id: string }): Promise<{ name: string }> {
  const org = authorizeStructure(user);
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const row = await loadFocusArea(tx, org, input.id);
    if ((await focusAreasInUse(tx, org, [row.id])).size > 0) {
      throw new ValidationError('Målområdet används av delområden, mål, KF-mål, uppdrag eller texter och kan inte tas bort. Arkivera det i stället.');
    }
    await tx.delete(s.focusAreas).where(and(eq(s.focusAreas.organizationId, org), eq(s.focusAreas.id, row.id)));
    await recordAudit(tx, {
      organizationId: org,
      actorId: user.id,
      action: 'focus_area.delete',
      entityType: 'focus_area',
      entityId: row.id,
      changes: { before: focusAreaFields(row) },
    });
    return { name: row.name };
  });
}

// ---------------------------------------------------------------- council goals

export interface CouncilGoalInput {
  code: string;
  focusAreaId: string;
  /** The goal as a statement: "Askersunds kommun ska vara en attraktiv arbetsgivare …". */
  text: string;
  /** For running text: "Bäring på kommunfullmäktiges mål {phrase}." */
  phrase: string | null;
  validFrom: number;
  validTo: number | null;
  sortOrder: number;
}

type CouncilGoalRow = typeof s.councilGoals.$inferSelect;

function councilGoalFields(row: CouncilGoalRow): CouncilGoalInput {
  return {
    code: row.code,
    focusAreaId: row.focusAreaId,
    text: row.text,
    phrase: row.phrase,
    validFrom: row.validFrom,
    validTo: row.validTo,
    sortOrder: row.sortOrder,
  };
}

async function checkCouncilGoal(db: Db, org: string, input: CouncilGoalInput): Promise<void> {
  const [area] = await db
    .select({ id: s.focusAreas.id })
    .from(s.focusAreas)
    .where(and(eq(s.focusAreas.organizationId, org), eq(s.focusAreas.id, input.focusAreaId)));
  if (!area) throw new NotFoundError('focus area');
  if (input.validTo !== null && input.validTo < input.validFrom) {
    throwIfErrors({ validTo: ['Sista giltighetsåret kan inte vara före det första.'] });
  }
}

async function loadCouncilGoal(db: Db, org: string, id: string): Promise<CouncilGoalRow> {
  const [row] = await db
    .select()
    .from(s.councilGoals)
    .where(and(eq(s.councilGoals.organizationId, org), eq(s.councilGoals.id, id)))
    .for('update');
  if (!row) throw new NotFoundError('council goal');
  return row;
}

export async function createCouncilGoal(db: Db, user: CurrentUser, input: CouncilGoalInput): Promise<{ id: string; code: string }> {
  const org = authorizeStructure(user);
  return withUniqueCode(() =>
    db.transaction(async (t) => {
      const tx = t as unknown as Db;
      await checkCouncilGoal(tx, org, input);
      const [row] = await tx
        .insert(s.councilGoals)
        .values({ organizationId: org, ...input })
        .returning({ id: s.councilGoals.id, code: s.councilGoals.code });
      await recordAudit(tx, {
        organizationId: org,
        actorId: user.id,
        action: 'council_goal.create',
        entityType: 'council_goal',
        entityId: row!.id,
        changes: { after: input },
      });
      return row!;
    }),
  );
}

export async function updateCouncilGoal(
  db: Db,
  user: CurrentUser,
  input: CouncilGoalInput & { id: string },
): Promise<{ id: string; code: string }> {
  const org = authorizeStructure(user);
  const { id, ...fields } = input;
  return withUniqueCode(() =>
    db.transaction(async (t) => {
      const tx = t as unknown as Db;
      const before = await loadCouncilGoal(tx, org, id);
      await checkCouncilGoal(tx, org, fields);
      await tx
        .update(s.councilGoals)
        .set(fields)
        .where(and(eq(s.councilGoals.organizationId, org), eq(s.councilGoals.id, id)));
      await recordAudit(tx, {
        organizationId: org,
        actorId: user.id,
        action: 'council_goal.update',
        entityType: 'council_goal',
        entityId: id,
        changes: changedFields(councilGoalFields(before), fields),
      });
      return { id, code: fields.code };
    }),
  );
}

export async function setCouncilGoalArchived(
  db: Db,
  user: CurrentUser,
  input: { id: string; archived: boolean },
): Promise<{ code: string }> {
  const org = authorizeStructure(user);
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [row] = await tx
      .update(s.councilGoals)
      .set({ archivedAt: input.archived ? new Date() : null })
      .where(and(eq(s.councilGoals.organizationId, org), eq(s.councilGoals.id, input.id)))
      .returning({ id: s.councilGoals.id, code: s.councilGoals.code });
    if (!row) throw new NotFoundError('council goal');
    await recordAudit(tx, {
      organizationId: org,
      actorId: user.id,
      action: input.archived ? 'council_goal.archive' : 'council_goal.restore',
      entityType: 'council_goal',
      entityId: row.id,
    });
    return { code: row.code };
  });
}

/** Deletes a council goal no board goal bears on; one in use must be archived instead. */
export async function deleteCouncilGoal(db: Db, user: CurrentUser, input: { id: string }): Promise<{ code: string }> {
  const org = authorizeStructure(user);
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const row = await loadCouncilGoal(tx, org, input.id);
    if ((await councilGoalsInUse(tx, org, [row.id])).size > 0) {
      throw new ValidationError('Nämndmål har bäring på KF-målet, så det kan inte tas bort. Arkivera det i stället.');
    }
    await tx.delete(s.councilGoals).where(and(eq(s.councilGoals.organizationId, org), eq(s.councilGoals.id, row.id)));
    await recordAudit(tx, {
      organizationId: org,
      actorId: user.id,
      action: 'council_goal.delete',
      entityType: 'council_goal',
      entityId: row.id,
      changes: { before: councilGoalFields(row) },
    });
    return { code: row.code };
  });
}
