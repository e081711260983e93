// Administration of the unit tree: list, read for editing, create, edit, archive,
// restore and delete. Archived units stay in history and earlier reports but leave the
// pickers. Only a unit with no children, no references and no history may be deleted.
import 'server-only';
import { and, asc, count, eq, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import * as s from '../schema';
import { recordAudit } from '../audit';
import { isUniqueViolation, NotFoundError, ValidationError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import { authorize, authorizeInOwnOrganization } from '@/lib/policy';

export type UnitKind = (typeof s.unitKind.enumValues)[number];

export interface UnitInput {
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  sortOrder: number;
}

export interface AdminUnitRowDTO {
  id: string;
  code: string;
  name: string;
  kind: UnitKind;
  parentId: string | null;
  sortOrder: number;
  depth: number;
  archived: boolean;
}

export interface UnitOptionDTO {
  id: string;
  name: string;
  kind: UnitKind;
  depth: number;
}

/** What keeps a unit from being deleted (each a count). */
export interface UnitUsage {
  children: number;
  grants: number;
  plans: number;
  goals: number;
  indicators: number;
  assignments: number;
  history: number;
}

export interface AdminUnitDTO extends AdminUnitRowDTO {
  parentName: string | null;
  /** Units that may become its parent: not archived, not the unit itself nor one below it. */
  parentOptions: UnitOptionDTO[];
  usage: UnitUsage;
  deletable: boolean;
  /** Another kind would orphan its plans, assignments or approvals as a board. */
  mustStayBoard: boolean;
  /** Children that are not archived (archiving waits for them). */
  activeChildren: number;
  parentArchived: boolean;
}

type UnitRow = typeof s.units.$inferSelect;

const unitResource = (actor: CurrentUser) => ({ kind: 'unit' as const, organizationId: actor.organizationId });

async function allUnits(db: Db, org: string): Promise<UnitRow[]> {
  return db
    .select()
    .from(s.units)
    .where(eq(s.units.organizationId, org))
    .orderBy(asc(s.units.sortOrder), asc(s.units.name));
}

/** The units in tree order (parents before children, siblings by sort order and name) with depth. */
function treeOrder(units: UnitRow[]): (UnitRow & { depth: number })[] {
  const out: (UnitRow & { depth: number })[] = [];
  const seen = new Set<string>();
  const visit = (parentId: string | null, depth: number) => {
    for (const u of units) {
      if (u.parentId !== parentId || seen.has(u.id)) continue;
      seen.add(u.id);
      out.push({ ...u, depth });
      visit(u.id, depth + 1);
    }
  };
  visit(null, 0);
  // Nothing should be left over, but never hide a unit if the tree is damaged.
  for (const u of units) if (!seen.has(u.id)) out.push({ ...u, depth: 0 });
  return out;
}

/** The unit and every unit below it. */
function subtree(units: UnitRow[], rootId: string): Set<string> {
  const ids = new Set([rootId]);
  let grew = true;
  while (grew) {
    grew = false;
    for (const u of units) {
      if (u.parentId && ids.has(u.parentId) && !ids.has(u.id)) {
        ids.add(u.id);
        grew = true;
      }
    }
  }
  return ids;
}

const toRow = (u: UnitRow & { depth: number }): AdminUnitRowDTO => ({
  id: u.id,
  code: u.code,
  name: u.name,
  kind: u.kind,
  parentId: u.parentId,
  sortOrder: u.sortOrder,
  depth: u.depth,
  archived: u.archivedAt !== null,
});

const toOption = (u: UnitRow & { depth: number }): UnitOptionDTO => ({ id: u.id, name: u.name, kind: u.kind, depth: u.depth });

/** Every unit of the organization, archived ones too, in tree order (page /admin/enheter). */
export async function listUnitsForAdmin(db: Db, actor: CurrentUser | null): Promise<AdminUnitRowDTO[]> {
  const org = authorizeInOwnOrganization(actor, 'manage', 'unit');
  return treeOrder(await allUnits(db, org)).map(toRow);
}

/**
 * The units a picker offers (parents, grants): archived ones are left out, and so is a
 * unit below an archived one.
 */
export async function listUnitOptions(db: Db, actor: CurrentUser | null): Promise<UnitOptionDTO[]> {
  const org = authorizeInOwnOrganization(actor, 'manage', 'unit');
  return activeOptions(treeOrder(await allUnits(db, org)));
}

function activeOptions(ordered: (UnitRow & { depth: number })[]): UnitOptionDTO[] {
  const archived = new Set<string>();
  const out: UnitOptionDTO[] = [];
  for (const u of ordered) {
    // Tree order puts a parent before its children, so an archived parent is known here.
    if (u.archivedAt || (u.parentId && archived.has(u.parentId))) {
      archived.add(u.id);
      continue;
    }
    out.push(toOption(u));
  }
  return out;
}

async function countWhere(db: Db, table: PgTable, where: SQL | undefined): Promise<number> {
  const [row] = await db.select({ n: count() }).from(table).where(where);
  return Number(row?.n ?? 0);
}

/** How a unit is used: children, references and history (all in its organization). */
async function unitUsage(db: Db, org: string, unitId: string): Promise<UnitUsage> {
  const by = (table: PgTable & { organizationId: PgColumn }, column: PgColumn) =>
    countWhere(db, table, and(eq(table.organizationId, org), eq(column, unitId)));
  const [
    children,
    grants,
    plans,
    goals,
    indicators,
    issued,
    assigned,
    reports,
    readiness,
    revisions,
    approvals,
  ] = await Promise.all([
    by(s.units, s.units.parentId),
    by(s.roleGrants, s.roleGrants.unitId),
    by(s.plans, s.plans.boardId),
    by(s.boardGoalUnits, s.boardGoalUnits.unitId),
    by(s.indicators, s.indicators.responsibleUnitId),
    by(s.assignments, s.assignments.issuerBoardId),
    by(s.assignmentUnits, s.assignmentUnits.unitId),
    by(s.assignmentReports, s.assignmentReports.unitId),
    by(s.readinessEvents, s.readinessEvents.unitId),
    by(s.revisionRequests, s.revisionRequests.unitId),
    by(s.approvals, s.approvals.boardId),
  ]);
  return {
    children,
    grants,
    plans,
    goals,
    indicators,
    assignments: issued + assigned,
    history: reports + readiness + revisions + approvals,
  };
}

const isUnused = (u: UnitUsage) => Object.values(u).every((n) => n === 0);

/** Why a unit cannot be deleted, in Swedish, or null when it can. */
function deleteRefusal(u: UnitUsage): string | null {
  const reasons = [
    u.children && 'underenheter',
    u.history && 'historik (rapportering, klarmarkering eller attest)',
    u.grants && 'behörigheter för användare',
    u.plans && 'verksamhetsplaner',
    u.goals && 'mål',
    u.indicators && 'mått',
    u.assignments && 'uppdrag',
  ].filter(Boolean);
  if (reasons.length === 0) return null;
  return `Enheten har ${reasons.join(', ')} och kan inte raderas. Arkivera den i stället.`;
}

async function mustStayBoard(db: Db, org: string, unitId: string): Promise<boolean> {
  const [plans, issued, approvals] = await Promise.all([
    countWhere(db, s.plans, and(eq(s.plans.organizationId, org), eq(s.plans.boardId, unitId))),
    countWhere(db, s.assignments, and(eq(s.assignments.organizationId, org), eq(s.assignments.issuerBoardId, unitId))),
    countWhere(db, s.approvals, and(eq(s.approvals.organizationId, org), eq(s.approvals.boardId, unitId))),
  ]);
  return plans + issued + approvals > 0;
}

/** Active units outside the unit's subtree, plus its current parent even when that is archived. */
function parentOptions(ordered: (UnitRow & { depth: number })[], unit: UnitRow, below: Set<string>): UnitOptionDTO[] {
  const options = activeOptions(ordered).filter((o) => !below.has(o.id));
  const parent = ordered.find((u) => u.id === unit.parentId);
  if (parent && !options.some((o) => o.id === parent.id)) {
    options.unshift({ ...toOption(parent), name: `${parent.name} (arkiverad)` });
  }
  return options;
}

/** One unit with what the edit page needs (page /admin/enheter/[unitId]). */
export async function getUnitForAdmin(db: Db, actor: CurrentUser | null, unitId: string): Promise<AdminUnitDTO> {
  const org = authorizeInOwnOrganization(actor, 'manage', 'unit');
  const ordered = treeOrder(await allUnits(db, org));
  const unit = ordered.find((u) => u.id === unitId);
  if (!unit) throw new NotFoundError('unit');
  const below = subtree(ordered, unit.id);
  const parent = unit.parentId ? ordered.find((u) => u.id === unit.parentId) : undefined;
  const [usage, stayBoard] = await Promise.all([
    unitUsage(db, org, unit.id),
    unit.kind === 'board' ? mustStayBoard(db, org, unit.id) : Promise.resolve(false),
  ]);
  return {
    ...toRow(unit),
    parentName: parent?.name ?? null,
    parentOptions: parentOptions(ordered, unit, below),
    usage,
    deletable: isUnused(usage),
    mustStayBoard: stayBoard,
    activeChildren: ordered.filter((u) => u.parentId === unit.id && !u.archivedAt).length,
    parentArchived: Boolean(parent?.archivedAt),
  };
}

/** The parent rules: a board has none, a department or unit has one, never itself or below itself. */
function checkParent(units: UnitRow[], input: UnitInput, self: UnitRow | null): void {
  if (input.kind === 'board') {
    if (input.parentId) {
      throw new ValidationError('En nämnd eller styrelse ligger överst i trädet.', {
        parentId: ['En nämnd eller styrelse har ingen överordnad enhet.'],
      });
    }
    return;
  }
  if (!input.parentId) {
    if (input.kind === 'external') return; // a joint body may stand on its own
    throw new ValidationError('Välj överordnad enhet.', { parentId: ['Välj vilken enhet den hör till.'] });
  }
  const parent = units.find((u) => u.id === input.parentId);
  if (!parent) throw new NotFoundError('unit'); // e.g. another organization's
  if (self && subtree(units, self.id).has(parent.id)) {
    throw new ValidationError('En enhet kan inte ligga under sig själv.', {
      parentId: ['Välj en enhet som inte är enheten själv eller ligger under den.'],
    });
  }
  if (parent.archivedAt && parent.id !== self?.parentId) {
    throw new ValidationError('Den överordnade enheten är arkiverad.', { parentId: ['Välj en enhet som inte är arkiverad.'] });
  }
}

const CODE_TAKEN = new ValidationError('Koden används redan.', { code: ['Koden används redan.'] });

const snapshot = (u: Pick<UnitRow, 'code' | 'name' | 'kind' | 'parentId' | 'sortOrder'>) => ({
  code: u.code,
  name: u.name,
  kind: u.kind,
  parentId: u.parentId,
  sortOrder: u.sortOrder,
});

export async function createUnit(db: Db, actor: CurrentUser, input: UnitInput): Promise<{ id: string; name: string }> {
  authorize(actor, 'manage', unitResource(actor));
  const org = actor.organizationId;
  try {
    return await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      checkParent(await allUnits(t, org), input, null);
      const [row] = await t
        .insert(s.units)
        .values({ organizationId: org, ...snapshot(input) })
        .returning();
      await recordAudit(t, {
        organizationId: org,
        actorId: actor.id,
        action: 'unit.create',
        entityType: 'unit',
        entityId: row!.id,
        changes: { after: snapshot(row!) },
      });
      return { id: row!.id, name: row!.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw CODE_TAKEN;
    throw error;
  }
}

export async function updateUnit(
  db: Db,
  actor: CurrentUser,
  input: UnitInput & { unitId: string },
): Promise<{ id: string; name: string }> {
  authorize(actor, 'manage', unitResource(actor));
  const org = actor.organizationId;
  try {
    return await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const units = await allUnits(t, org);
      const before = units.find((u) => u.id === input.unitId);
      if (!before) throw new NotFoundError('unit');
      if (before.kind === 'board' && input.kind !== 'board' && (await mustStayBoard(t, org, before.id))) {
        throw new ValidationError('Enheten är nämnd i en verksamhetsplan, ett uppdrag eller en attest.', {
          kind: ['Enheten måste förbli nämnd/styrelse: den har verksamhetsplaner, uppdrag eller attester.'],
        });
      }
      checkParent(units, input, before);
      const [row] = await t
        .update(s.units)
        .set(snapshot(input))
        .where(and(eq(s.units.organizationId, org), eq(s.units.id, before.id)))
        .returning();
      await recordAudit(t, {
        organizationId: org,
        actorId: actor.id,
        action: 'unit.update',
        entityType: 'unit',
        entityId: before.id,
        changes: { before: snapshot(before), after: snapshot(row!) },
      });
      return { id: row!.id, name: row!.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw CODE_TAKEN;
    throw error;
  }
}

/**
 * Archives (archived: true) or restores a unit. A unit is archived only after the units
 * below it, and restored only under a parent that is not archived, so that no active
 * unit hangs under an archived one. Archiving an archived unit changes nothing.
 */
export async function setUnitArchived(
  db: Db,
  actor: CurrentUser,
  input: { unitId: string; archived: boolean },
): Promise<{ id: string; name: string; changed: boolean }> {
  authorize(actor, 'manage', unitResource(actor));
  const org = actor.organizationId;
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const units = await allUnits(t, org);
    const unit = units.find((u) => u.id === input.unitId);
    if (!unit) throw new NotFoundError('unit');
    if ((unit.archivedAt !== null) === input.archived) return { id: unit.id, name: unit.name, changed: false };
    if (input.archived && units.some((u) => u.parentId === unit.id && !u.archivedAt)) {
      throw new ValidationError('Enheten har underenheter som inte är arkiverade. Arkivera dem först.');
    }
    const parent = unit.parentId ? units.find((u) => u.id === unit.parentId) : undefined;
    if (!input.archived && parent?.archivedAt) {
      throw new ValidationError(`${parent.name} är arkiverad. Återställ den först.`);
    }
    const archivedAt = input.archived ? new Date() : null;
    await t
      .update(s.units)
      .set({ archivedAt })
      .where(and(eq(s.units.organizationId, org), eq(s.units.id, unit.id)));
    await recordAudit(t, {
      organizationId: org,
      actorId: actor.id,
      action: input.archived ? 'unit.archive' : 'unit.restore',
      entityType: 'unit',
      entityId: unit.id,
      changes: { before: { archivedAt: unit.archivedAt }, after: { archivedAt } },
    });
    return { id: unit.id, name: unit.name, changed: true };
  });
}

const isForeignKeyViolation = (error: unknown): boolean => {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === '23503') return true;
  }
  return false;
};

/** Deletes a unit that has no children, no references and no history; anything else is archived instead. */
export async function deleteUnit(db: Db, actor: CurrentUser, input: { unitId: string }): Promise<{ name: string }> {
  authorize(actor, 'manage', unitResource(actor));
  const org = actor.organizationId;
  try {
    return await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const [unit] = await t
        .select()
        .from(s.units)
        .where(and(eq(s.units.organizationId, org), eq(s.units.id, input.unitId)))
        .for('update');
      if (!unit) throw new NotFoundError('unit');
      const refusal = deleteRefusal(await unitUsage(t, org, unit.id));
      if (refusal) throw new ValidationError(refusal);
      await t.delete(s.units).where(and(eq(s.units.organizationId, org), eq(s.units.id, unit.id)));
      await recordAudit(t, {
        organizationId: org,
        actorId: actor.id,
        action: 'unit.delete',
        entityType: 'unit',
        entityId: unit.id,
        changes: { before: { ...snapshot(unit), archivedAt: unit.archivedAt } },
      });
      return { name: unit.name };
    });
  } catch (error) {
    // Someone referred to the unit in the meantime: the database refused the delete.
    if (isForeignKeyViolation(error)) {
      throw new ValidationError('Enheten används och kan inte raderas. Arkivera den i stället.');
    }
    throw error;
  }
}

/**
 * Checks the units of editor grants: a unit of another organization (or none) is not
 * found; an archived one (or one below an archived one) is refused with a field error.
 */
export async function assertActiveUnits(db: Db, organizationId: string, unitIds: readonly string[], field: string): Promise<void> {
  if (unitIds.length === 0) return;
  const ordered = treeOrder(await allUnits(db, organizationId));
  const known = new Set(ordered.map((u) => u.id));
  if (!unitIds.every((id) => known.has(id))) throw new NotFoundError('unit');
  const active = new Set(activeOptions(ordered).map((u) => u.id));
  if (!unitIds.every((id) => active.has(id))) {
    throw new ValidationError('Enheten är arkiverad.', { [field]: ['Välj en enhet som inte är arkiverad.'] });
  }
}
