// The administration of assignments (uppdrag, /admin/uppdrag): the list with archived ones,
// the form's choices, one assignment for editing, and the writes: create, edit, archive,
// restore and delete. An assignment's reports and revision requests are history: a unit
// that has them stays responsible, and an assignment that has them is archived, never
// deleted. Every write is admin-only, scoped to the admin's organization and audited.
import 'server-only';
import { and, asc, count, eq, inArray, isNotNull, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import * as s from '../schema';
import { alias } from 'drizzle-orm/pg-core';
import { recordAudit } from '../audit';
import { NotFoundError, ValidationError, isUniqueViolation } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import { authorize, authorizeInOwnOrganization } from '@/lib/policy';
import type { PageInfo } from '@/lib/paging';
import { builtOnce } from '../prepared';
import { parsedJson } from '../json-column';

/** The group labels a board uses in its report; the form suggests them. */
export const STANDARD_GROUP_LABELS = ['Pågående uppdrag från föregående verksamhetsplan', 'Andra pågående uppdrag'] as const;

export const COUNCIL_NAME = 'Kommunfullmäktige';

export interface AssignmentInput {
  code: string;
  issuer: 'council' | 'board';
  /** With issuer 'board': the issuing board (a unit of kind 'board'). */
  issuerBoardId: string | null;
  decisionDate: string | null; // 'YYYY-MM-DD'
  diaryNumber: string | null;
  title: string;
  description: string | null; // Markdown
  focusAreaId: string | null;
  groupLabel: string | null;
  /** The responsible units, in order; at least one. */
  unitIds: string[];
  dueDate: string | null; // 'YYYY-MM-DD'
  sortOrder: number;
}

export interface AdminAssignmentListItem {
  id: string;
  code: string;
  title: string;
  issuerName: string;
  groupLabel: string | null;
  unitNames: string[];
  decisionDate: string | null;
  dueDate: string | null;
  archived: boolean;
  /** Reports or revision requests exist: it can be archived but never deleted. */
  hasHistory: boolean;
}

export interface AdminAssignmentList {
  rows: AdminAssignmentListItem[];
  /** How many archived assignments there are (shown or not). */
  archivedCount: number;
  /** The page of the list shown. */
  page: PageInfo;
}

export interface AdminAssignmentDTO extends AssignmentInput {
  id: string;
  archived: boolean;
  hasHistory: boolean;
  /** The responsible units that have reports or revision requests on it: they cannot be removed. */
  unitIdsWithHistory: string[];
}

export interface AssignmentFormOptions {
  boards: { id: string; name: string; archived: boolean }[];
  /** The unit tree in order, with depth for indentation. */
  units: { id: string; name: string; depth: number; archived: boolean }[];
  /** Målområden, each followed by its sub-areas, with a full label. */
  focusAreas: { id: string; label: string; archived: boolean }[];
  /** The standard group labels and every other one in use. */
  groupLabels: string[];
}

const manage = (user: CurrentUser | null) => authorizeInOwnOrganization(user, 'manage', 'assignment');

// ---------------------------------------------------------------- reads

async function unitsInTreeOrder(db: Db, org: string) {
  const rows = await db
    .select({ id: s.units.id, name: s.units.name, kind: s.units.kind, parentId: s.units.parentId, archivedAt: s.units.archivedAt })
    .from(s.units)
    .where(eq(s.units.organizationId, org))
    .orderBy(asc(s.units.sortOrder), asc(s.units.name));
  const ids = new Set(rows.map((u) => u.id));
  const out: ((typeof rows)[number] & { depth: number })[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const u of rows.filter((x) => (parentId === null ? x.parentId === null || !ids.has(x.parentId) : x.parentId === parentId))) {
      if (out.some((o) => o.id === u.id)) continue; // a cycle would otherwise loop
      out.push({ ...u, depth });
      visit(u.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

/** Which assignments have reports or revision requests, and on which of their units. */
async function historyOf(db: Db, org: string, assignmentIds: string[]) {
  if (assignmentIds.length === 0) return new Map<string, Set<string>>();
  const [reports, revisions] = await Promise.all([
    db
      .selectDistinct({ assignmentId: s.assignmentReports.assignmentId, unitId: s.assignmentReports.unitId })
      .from(s.assignmentReports)
      .where(and(eq(s.assignmentReports.organizationId, org), inArray(s.assignmentReports.assignmentId, assignmentIds))),
    db
      .selectDistinct({ assignmentId: s.revisionRequests.itemId, unitId: s.revisionRequests.unitId })
      .from(s.revisionRequests)
      .where(
        and(
          eq(s.revisionRequests.organizationId, org),
          eq(s.revisionRequests.itemKind, 'assignment'),
          inArray(s.revisionRequests.itemId, assignmentIds),
        ),
      ),
  ]);
  const out = new Map<string, Set<string>>();
  for (const r of [...reports, ...revisions]) out.set(r.assignmentId, (out.get(r.assignmentId) ?? new Set()).add(r.unitId));
  return out;
}

/** Rows per page of the administration list: the page stays small at any size of kommun (issue 19). */
export const ADMIN_ASSIGNMENTS_PER_PAGE = 30;

/**
 * The administration list's reads, built once per database (db/prepared.ts): a page of rows,
 * each with its responsible units' names and whether it has history (reports or revision
 * requests, as historyOf), with and without the archived ones; and the counts.
 */
const adminListQueries = builtOnce((db) => {
  const org = sql.placeholder('organizationId');
  const issuer = alias(s.units, 'issuer');
  const a = s.assignments;
  const rows = (includeArchived: boolean) =>
    db
      .select({
        id: a.id,
        code: a.code,
        title: a.title,
        issuer: a.issuer,
        issuerBoardName: issuer.name,
        groupLabel: a.groupLabel,
        decisionDate: a.decisionDate,
        dueDate: a.dueDate,
        archivedAt: a.archivedAt,
        unitNames: sql<string[] | string>`coalesce((
          select json_agg(u.name order by au.position)
          from ${s.assignmentUnits} au
          join ${s.units} u on u.organization_id = au.organization_id and u.id = au.unit_id
          where au.organization_id = ${a.organizationId} and au.assignment_id = ${a.id}
        ), '[]'::json)`,
        hasHistory: sql<boolean>`(
          exists (select 1 from ${s.assignmentReports} r where r.organization_id = ${a.organizationId} and r.assignment_id = ${a.id})
          or exists (
            select 1 from ${s.revisionRequests} q
            where q.organization_id = ${a.organizationId} and q.item_kind = 'assignment' and q.item_id = ${a.id}
          )
        )`,
      })
      .from(a)
      .leftJoin(issuer, and(eq(issuer.organizationId, org), eq(issuer.id, a.issuerBoardId)))
      .where(and(eq(a.organizationId, org), includeArchived ? undefined : isNull(a.archivedAt)))
      .orderBy(asc(a.sortOrder), asc(a.code), asc(a.id))
      .limit(sql.placeholder('limit'))
      .offset(sql.placeholder('offset'))
      .prepare(includeArchived ? 'admin_assignments_all' : 'admin_assignments');
  const counts = (includeArchived: boolean) =>
    db
      .select({
        listed: includeArchived ? count() : sql<number>`count(*) filter (where ${a.archivedAt} is null)`.mapWith(Number),
        archived: sql<number>`count(*) filter (where ${a.archivedAt} is not null)`.mapWith(Number),
      })
      .from(a)
      .where(eq(a.organizationId, org))
      .prepare(includeArchived ? 'admin_assignment_counts_all' : 'admin_assignment_counts');
  return { rows: { all: rows(true), current: rows(false) }, counts: { all: counts(true), current: counts(false) } };
});

/**
 * The organization's assignments for the administration page, one page of them (paged in
 * SQL, lib/paging.ts); archived ones only when asked. A page past the end is the last page.
 */
export async function listAdminAssignments(
  db: Db,
  user: CurrentUser | null,
  options: { includeArchived: boolean; page?: number; perPage?: number },
): Promise<AdminAssignmentList> {
  const org = manage(user);
  const perPage = options.perPage ?? ADMIN_ASSIGNMENTS_PER_PAGE;
  const variant = options.includeArchived ? 'all' : 'current';
  const queries = adminListQueries(db);
  const rowsAt = (page: number) => queries.rows[variant].execute({ organizationId: org, limit: perPage, offset: (page - 1) * perPage });
  const asked = Math.max(1, Math.floor(options.page ?? 1));
  const [firstRows, [counts]] = await Promise.all([rowsAt(asked), queries.counts[variant].execute({ organizationId: org })]);
  const total = counts?.listed ?? 0;
  const pages = Math.max(1, Math.ceil(total / perPage));
  const page = Math.min(asked, pages);
  const assignments = page === asked ? firstRows : await rowsAt(page);
  const start = (page - 1) * perPage;
  return {
    rows: assignments.map((a) => ({
      id: a.id,
      code: a.code,
      title: a.title,
      issuerName: a.issuer === 'council' ? COUNCIL_NAME : (a.issuerBoardName ?? ''),
      groupLabel: a.groupLabel,
      unitNames: parsedJson(a.unitNames),
      decisionDate: a.decisionDate,
      dueDate: a.dueDate,
      archived: a.archivedAt !== null,
      hasHistory: a.hasHistory,
    })),
    archivedCount: counts?.archived ?? 0,
    page: { page, pages, total, first: assignments.length ? start + 1 : 0, last: start + assignments.length },
  };
}

/** What the assignment form offers: issuers, the unit tree, focus areas and group labels. */
export async function getAssignmentFormOptions(db: Db, user: CurrentUser | null): Promise<AssignmentFormOptions> {
  const org = manage(user);
  const [units, areas, labels] = await Promise.all([
    unitsInTreeOrder(db, org),
    db
      .select({
        id: s.focusAreas.id,
        number: s.focusAreas.number,
        name: s.focusAreas.name,
        parentId: s.focusAreas.parentId,
        archivedAt: s.focusAreas.archivedAt,
      })
      .from(s.focusAreas)
      .where(eq(s.focusAreas.organizationId, org))
      .orderBy(asc(s.focusAreas.sortOrder), asc(s.focusAreas.name)),
    db
      .selectDistinct({ label: s.assignments.groupLabel })
      .from(s.assignments)
      .where(and(eq(s.assignments.organizationId, org), isNotNull(s.assignments.groupLabel)))
      .orderBy(asc(s.assignments.groupLabel)),
  ]);

  const areaIds = new Set(areas.map((a) => a.id));
  const focusAreas: AssignmentFormOptions['focusAreas'] = [];
  const visit = (parent: { label: string } | null, parentId: string | null) => {
    const children = areas.filter((a) => (parentId === null ? a.parentId === null || !areaIds.has(a.parentId) : a.parentId === parentId));
    for (const a of children) {
      if (focusAreas.some((f) => f.id === a.id)) continue;
      const own = a.number !== null ? `Målområde ${a.number} – ${a.name}` : a.name;
      const label = parent ? `${parent.label}: ${a.name}` : own;
      focusAreas.push({ id: a.id, label, archived: a.archivedAt !== null });
      visit({ label }, a.id);
    }
  };
  visit(null, null);

  return {
    boards: units.filter((u) => u.kind === 'board').map((u) => ({ id: u.id, name: u.name, archived: u.archivedAt !== null })),
    units: units.map((u) => ({ id: u.id, name: u.name, depth: u.depth, archived: u.archivedAt !== null })),
    focusAreas,
    groupLabels: [...new Set([...STANDARD_GROUP_LABELS, ...labels.map((l) => l.label!).filter(Boolean)])],
  };
}

async function loadAssignment(db: Db, org: string, assignmentId: string) {
  const [row] = await db
    .select()
    .from(s.assignments)
    .where(and(eq(s.assignments.organizationId, org), eq(s.assignments.id, assignmentId)));
  if (!row) throw new NotFoundError('assignment');
  const units = await db
    .select({ unitId: s.assignmentUnits.unitId })
    .from(s.assignmentUnits)
    .where(and(eq(s.assignmentUnits.organizationId, org), eq(s.assignmentUnits.assignmentId, assignmentId)))
    .orderBy(asc(s.assignmentUnits.position));
  return { row, unitIds: units.map((u) => u.unitId) };
}

function asInput(row: typeof s.assignments.$inferSelect, unitIds: string[]): AssignmentInput {
  return {
    code: row.code,
    issuer: row.issuer,
    issuerBoardId: row.issuerBoardId,
    decisionDate: row.decisionDate,
    diaryNumber: row.diaryNumber,
    title: row.title,
    description: row.description,
    focusAreaId: row.focusAreaId,
    groupLabel: row.groupLabel,
    unitIds,
    dueDate: row.dueDate,
    sortOrder: row.sortOrder,
  };
}

/** One assignment as the edit form needs it. */
export async function getAdminAssignment(db: Db, user: CurrentUser | null, assignmentId: string): Promise<AdminAssignmentDTO> {
  const org = manage(user);
  const { row, unitIds } = await loadAssignment(db, org, assignmentId);
  const history = (await historyOf(db, org, [row.id])).get(row.id) ?? new Set<string>();
  return {
    id: row.id,
    ...asInput(row, unitIds),
    archived: row.archivedAt !== null,
    hasHistory: history.size > 0,
    unitIdsWithHistory: unitIds.filter((id) => history.has(id)),
  };
}

// ---------------------------------------------------------------- writes

/**
 * Checks what the input points at: every unit and the focus area must be the organization's
 * (another organization's id is "not found"), the issuer must be a board, and an archived
 * unit, board or focus area can be kept but not newly chosen.
 */
async function checkReferences(db: Db, org: string, input: AssignmentInput, before: AssignmentInput | null) {
  const unitIds = [...new Set([...input.unitIds, ...(input.issuerBoardId ? [input.issuerBoardId] : [])])];
  const [units, areas] = await Promise.all([
    db
      .select({ id: s.units.id, name: s.units.name, kind: s.units.kind, archivedAt: s.units.archivedAt })
      .from(s.units)
      .where(and(eq(s.units.organizationId, org), inArray(s.units.id, unitIds))),
    input.focusAreaId
      ? db
          .select({ id: s.focusAreas.id, archivedAt: s.focusAreas.archivedAt })
          .from(s.focusAreas)
          .where(and(eq(s.focusAreas.organizationId, org), eq(s.focusAreas.id, input.focusAreaId)))
      : Promise.resolve([]),
  ]);
  if (units.length !== unitIds.length) throw new NotFoundError('unit');
  if (input.focusAreaId && areas.length === 0) throw new NotFoundError('focus area');

  const fieldErrors: Record<string, string[]> = {};
  const byId = new Map(units.map((u) => [u.id, u]));
  if (input.unitIds.length === 0) fieldErrors.unitIds = ['Välj minst en ansvarig enhet.'];
  if (new Set(input.unitIds).size !== input.unitIds.length) fieldErrors.unitIds = ['En enhet kan bara väljas en gång.'];
  if (input.issuer === 'board') {
    const board = input.issuerBoardId ? byId.get(input.issuerBoardId) : undefined;
    if (!board || board.kind !== 'board') fieldErrors.issuer = ['Uppdragsgivaren ska vara kommunfullmäktige eller en nämnd.'];
    else if (board.archivedAt && before?.issuerBoardId !== board.id) fieldErrors.issuer = [`${board.name} är arkiverad.`];
  }
  const newlyArchived = input.unitIds
    .filter((id) => !before?.unitIds.includes(id))
    .map((id) => byId.get(id)!)
    .filter((u) => u.archivedAt);
  if (newlyArchived.length) {
    fieldErrors.unitIds = newlyArchived.map((u) => `${u.name} är arkiverad och kan inte få nya uppdrag.`);
  }
  if (areas[0]?.archivedAt && before?.focusAreaId !== input.focusAreaId) {
    fieldErrors.focusAreaId = ['Målområdet är arkiverat. Välj ett annat.'];
  }
  if (Object.keys(fieldErrors).length) throw new ValidationError('Uppgifterna behöver rättas. Se markeringarna vid fälten.', fieldErrors);
}

const CODE_TAKEN = () => new ValidationError('Koden används redan av ett annat uppdrag.', { code: ['Koden används redan.'] });

function columns(input: AssignmentInput) {
  return {
    code: input.code,
    issuer: input.issuer,
    issuerBoardId: input.issuer === 'board' ? input.issuerBoardId : null,
    decisionDate: input.decisionDate,
    diaryNumber: input.diaryNumber,
    title: input.title,
    description: input.description,
    focusAreaId: input.focusAreaId,
    dueDate: input.dueDate,
    groupLabel: input.groupLabel,
    sortOrder: input.sortOrder,
  };
}

/** Sets the responsible units to exactly `unitIds`, in that order. */
async function writeUnits(tx: Db, org: string, assignmentId: string, unitIds: string[], before: string[]) {
  const removed = before.filter((id) => !unitIds.includes(id));
  if (removed.length) {
    await tx
      .delete(s.assignmentUnits)
      .where(
        and(
          eq(s.assignmentUnits.organizationId, org),
          eq(s.assignmentUnits.assignmentId, assignmentId),
          inArray(s.assignmentUnits.unitId, removed),
        ),
      );
  }
  await tx
    .insert(s.assignmentUnits)
    .values(unitIds.map((unitId, position) => ({ organizationId: org, assignmentId, unitId, position })))
    .onConflictDoUpdate({
      target: [s.assignmentUnits.organizationId, s.assignmentUnits.assignmentId, s.assignmentUnits.unitId],
      set: { position: sql`excluded.position` },
    });
}

export async function createAssignment(db: Db, user: CurrentUser, input: AssignmentInput): Promise<{ id: string; code: string }> {
  authorize(user, 'manage', { kind: 'assignment', organizationId: user.organizationId });
  const org = user.organizationId;
  await checkReferences(db, org, input, null);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(s.assignments)
        .values({ organizationId: org, ...columns(input) })
        .returning({ id: s.assignments.id, code: s.assignments.code });
      await writeUnits(tx as unknown as Db, org, row!.id, input.unitIds, []);
      await recordAudit(tx as unknown as Db, {
        organizationId: org,
        actorId: user.id,
        action: 'assignment.create',
        entityType: 'assignment',
        entityId: row!.id,
        changes: { after: { ...input } },
      });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw CODE_TAKEN();
    throw error;
  }
}

/** The fields whose value differs, as before/after. */
function diff(before: AssignmentInput, after: AssignmentInput) {
  const changed = (Object.keys(after) as (keyof AssignmentInput)[]).filter(
    (key) => JSON.stringify(before[key]) !== JSON.stringify(after[key]),
  );
  return {
    before: Object.fromEntries(changed.map((k) => [k, before[k]])),
    after: Object.fromEntries(changed.map((k) => [k, after[k]])),
  };
}

export async function updateAssignment(
  db: Db,
  user: CurrentUser,
  input: AssignmentInput & { assignmentId: string },
): Promise<{ id: string; code: string; changed: boolean }> {
  authorize(user, 'manage', { kind: 'assignment', organizationId: user.organizationId });
  const org = user.organizationId;
  const { assignmentId, ...next } = input;
  try {
    return await db.transaction(async (txRaw) => {
      const tx = txRaw as unknown as Db;
      const [locked] = await tx
        .select({ id: s.assignments.id })
        .from(s.assignments)
        .where(and(eq(s.assignments.organizationId, org), eq(s.assignments.id, assignmentId)))
        .for('update');
      if (!locked) throw new NotFoundError('assignment');
      const current = await loadAssignment(tx, org, assignmentId);
      const before = asInput(current.row, current.unitIds);
      await checkReferences(tx, org, next, before);

      // A unit that has reported (or been sent back) on the assignment stays: that is history.
      const removed = before.unitIds.filter((id) => !next.unitIds.includes(id));
      const history = (await historyOf(tx, org, [assignmentId])).get(assignmentId) ?? new Set<string>();
      const kept = removed.filter((id) => history.has(id));
      if (kept.length) {
        const names = await tx
          .select({ name: s.units.name })
          .from(s.units)
          .where(and(eq(s.units.organizationId, org), inArray(s.units.id, kept)))
          .orderBy(asc(s.units.name));
        throw new ValidationError('En ansvarig enhet som har rapporterat på uppdraget kan inte tas bort.', {
          unitIds: names.map(
            (u) => `${u.name} kan inte tas bort: enheten har återrapporteringar på uppdraget, och de är historik.`,
          ),
        });
      }

      const changes = diff(before, next);
      if (Object.keys(changes.after).length === 0) return { id: assignmentId, code: before.code, changed: false };
      await tx
        .update(s.assignments)
        .set(columns(next))
        .where(and(eq(s.assignments.organizationId, org), eq(s.assignments.id, assignmentId)));
      if ('unitIds' in changes.after) await writeUnits(tx, org, assignmentId, next.unitIds, before.unitIds);
      await recordAudit(tx, {
        organizationId: org,
        actorId: user.id,
        action: 'assignment.update',
        entityType: 'assignment',
        entityId: assignmentId,
        changes,
      });
      return { id: assignmentId, code: next.code, changed: true };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw CODE_TAKEN();
    throw error;
  }
}

/**
 * Archives (it leaves the monitor, the overview and Min rapportering but stays in history
 * and in earlier reports) or restores an assignment.
 */
export async function setAssignmentArchived(
  db: Db,
  user: CurrentUser,
  input: { assignmentId: string; archived: boolean },
): Promise<{ code: string; title: string }> {
  authorize(user, 'manage', { kind: 'assignment', organizationId: user.organizationId });
  const org = user.organizationId;
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [row] = await tx
      .select({ id: s.assignments.id, code: s.assignments.code, title: s.assignments.title, archivedAt: s.assignments.archivedAt })
      .from(s.assignments)
      .where(and(eq(s.assignments.organizationId, org), eq(s.assignments.id, input.assignmentId)))
      .for('update');
    if (!row) throw new NotFoundError('assignment');
    if ((row.archivedAt !== null) === input.archived) {
      throw new ValidationError(input.archived ? 'Uppdraget är redan arkiverat.' : 'Uppdraget är inte arkiverat.');
    }
    const archivedAt = input.archived ? new Date() : null;
    await tx
      .update(s.assignments)
      .set({ archivedAt })
      .where(and(eq(s.assignments.organizationId, org), eq(s.assignments.id, row.id)));
    await recordAudit(tx, {
      organizationId: org,
      actorId: user.id,
      action: input.archived ? 'assignment.archive' : 'assignment.restore',
      entityType: 'assignment',
      entityId: row.id,
      changes: { before: { archivedAt: row.archivedAt?.toISOString() ?? null }, after: { archivedAt: archivedAt?.toISOString() ?? null } },
    });
    return { code: row.code, title: row.title };
  });
}

/** Deletes an assignment that has no history at all (no reports, no revision requests). */
export async function deleteAssignment(db: Db, user: CurrentUser, input: { assignmentId: string }): Promise<{ code: string; title: string }> {
  authorize(user, 'manage', { kind: 'assignment', organizationId: user.organizationId });
  const org = user.organizationId;
  return db.transaction(async (txRaw) => {
    const tx = txRaw as unknown as Db;
    const [locked] = await tx
      .select({ id: s.assignments.id })
      .from(s.assignments)
      .where(and(eq(s.assignments.organizationId, org), eq(s.assignments.id, input.assignmentId)))
      .for('update');
    if (!locked) throw new NotFoundError('assignment');
    const { row, unitIds } = await loadAssignment(tx, org, input.assignmentId);
    if ((await historyOf(tx, org, [row.id])).has(row.id)) {
      throw new ValidationError(
        'Uppdraget har återrapporteringar eller returer, som är historik, och kan inte raderas. Arkivera det i stället.',
      );
    }
    await tx
      .delete(s.assignmentUnits)
      .where(and(eq(s.assignmentUnits.organizationId, org), eq(s.assignmentUnits.assignmentId, row.id)));
    await tx.delete(s.assignments).where(and(eq(s.assignments.organizationId, org), eq(s.assignments.id, row.id)));
    await recordAudit(tx, {
      organizationId: org,
      actorId: user.id,
      action: 'assignment.delete',
      entityType: 'assignment',
      entityId: row.id,
      changes: { before: { ...asInput(row, unitIds) } },
    });
    return { code: row.code, title: row.title };
  });
}
