// Administration of a plan's board goals (nämndmål): number, text, method, rule, the
// målområde it sits under, the KF-mål it bears on, the responsible units in order and
// the goal of an earlier plan it continues. A goal with history anywhere (assessments,
// revision requests, indicators with values) is archived, never deleted.
import 'server-only';
import { and, asc, desc, eq, inArray, isNull, lt, or, gte, lte } from 'drizzle-orm';
import type { Db } from '../client';
import * as s from '../schema';
import { recordAudit } from '../audit';
import { NotFoundError, ValidationError, isUniqueViolation } from '@/lib/errors';
import { loadUnitTree } from '../unit-tree';
import { changedFields, constraintOf, FIX_FIELDS, throwIfErrors, withUniqueCode } from './focus-areas';
import { indicatorsOfGoals, indicatorsWithHistory, type IndicatorAdminDTO } from './indicators';
import type { CurrentUser } from '@/lib/current-user';
import { authorizeInOwnOrganization } from '@/lib/policy';
import type { GoalRule } from '@/lib/goal-rule';

export interface PlanChoiceDTO {
  id: string;
  code: string;
  year: number;
  boardName: string;
  archived: boolean;
}

export interface BoardGoalInput {
  code: string;
  number: number;
  text: string;
  methodText: string | null;
  rule: GoalRule;
  /** The report's table has the seed's "År | 2024 | 2024" row under a "Mål | Utfall" header. */
  reportYearRow?: boolean;
  focusAreaId: string;
  councilGoalIds: string[];
  /** The responsible units, in the order they are named. */
  unitIds: string[];
  continuesId: string | null;
}

export interface BoardGoalAdminDTO extends BoardGoalInput {
  id: string;
  archived: boolean;
  /** No history anywhere and nothing continues it: it may be deleted. */
  deletable: boolean;
  indicators: IndicatorAdminDTO[];
}

export interface Option {
  id: string;
  label: string;
  archived?: boolean;
}

export interface PlanGoalsAdminDTO {
  plan: { id: string; code: string; year: number; boardId: string; boardName: string; archived: boolean };
  goals: BoardGoalAdminDTO[];
  options: {
    /** Focus areas valid in the plan's year (and any a goal already uses), sub-areas after their area. */
    focusAreas: Option[];
    councilGoals: (Option & { focusAreaId: string })[];
    units: (Option & { depth: number })[];
    /** Goals and indicators of the same board's earlier plans, for `continues`. */
    earlierGoals: Option[];
    earlierIndicators: Option[];
  };
}

/** The plans to choose between on the goal administration page, newest year first. */
export async function listGoalPlans(db: Db, user: CurrentUser | null): Promise<PlanChoiceDTO[]> {
  const org = authorizeInOwnOrganization(user, 'manage', 'plan');
  const rows = await db
    .select({ id: s.plans.id, code: s.plans.code, year: s.plans.year, boardName: s.units.name, archivedAt: s.plans.archivedAt })
    .from(s.plans)
    .innerJoin(s.units, and(eq(s.units.organizationId, org), eq(s.units.id, s.plans.boardId)))
    .where(eq(s.plans.organizationId, org))
    .orderBy(desc(s.plans.year), asc(s.units.sortOrder), asc(s.units.name));
  return rows.map(({ archivedAt, ...r }) => ({ ...r, archived: archivedAt !== null }));
}

/** A plan of the organization with its board's name (NotFoundError if there is none). */
export async function loadPlan(db: Db, org: string, planId: string) {
  const [plan] = await db
    .select({
      id: s.plans.id,
      code: s.plans.code,
      year: s.plans.year,
      boardId: s.plans.boardId,
      boardName: s.units.name,
      archivedAt: s.plans.archivedAt,
    })
    .from(s.plans)
    .innerJoin(s.units, and(eq(s.units.organizationId, org), eq(s.units.id, s.plans.boardId)))
    .where(and(eq(s.plans.organizationId, org), eq(s.plans.id, planId)));
  if (!plan) throw new NotFoundError('plan');
  return plan;
}

/** Goals that must be archived rather than deleted (see the file comment). */
async function goalsWithHistory(db: Db, org: string, goalIds: string[]): Promise<Set<string>> {
  if (!goalIds.length) return new Set();
  const [assessments, revisions, continued, indicators] = await Promise.all([
    db
      .selectDistinct({ id: s.goalAssessments.goalId })
      .from(s.goalAssessments)
      .where(and(eq(s.goalAssessments.organizationId, org), inArray(s.goalAssessments.goalId, goalIds))),
    db
      .selectDistinct({ id: s.revisionRequests.itemId })
      .from(s.revisionRequests)
      .where(and(eq(s.revisionRequests.organizationId, org), eq(s.revisionRequests.itemKind, 'goal'), inArray(s.revisionRequests.itemId, goalIds))),
    db
      .selectDistinct({ id: s.boardGoals.continuesId })
      .from(s.boardGoals)
      .where(and(eq(s.boardGoals.organizationId, org), inArray(s.boardGoals.continuesId, goalIds))),
    db
      .select({ id: s.indicators.id, goalId: s.indicators.goalId })
      .from(s.indicators)
      .where(and(eq(s.indicators.organizationId, org), inArray(s.indicators.goalId, goalIds))),
  ]);
  const indicatorHistory = await indicatorsWithHistory(db, org, indicators.map((i) => i.id));
  return new Set([
    ...[...assessments, ...revisions, ...continued].flatMap((r) => (r.id ? [r.id] : [])),
    ...indicators.filter((i) => indicatorHistory.has(i.id)).map((i) => i.goalId),
  ]);
}

/** A plan with all its goals and indicators (archived ones too) and the choices the forms offer. */
export async function getPlanGoalsAdmin(db: Db, user: CurrentUser | null, planId: string): Promise<PlanGoalsAdminDTO> {
  const org = authorizeInOwnOrganization(user, 'manage', 'goal');
  const plan = await loadPlan(db, org, planId);
  const goals = await db
    .select()
    .from(s.boardGoals)
    .where(and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.planId, plan.id)))
    .orderBy(asc(s.boardGoals.number));
  const goalIds = goals.map((g) => g.id);
  const usedAreas = goals.map((g) => g.focusAreaId);
  const validInYear = (from: typeof s.focusAreas.validFrom, to: typeof s.focusAreas.validTo) =>
    and(lte(from, plan.year), or(isNull(to), gte(to, plan.year)));

  const [bearings, goalUnits, indicators, withHistory, areas, councilGoals, tree, liveUnitRows, earlierGoals, earlierIndicators] =
    await Promise.all([
      goalIds.length
        ? db
            .select({ goalId: s.boardGoalCouncilGoals.boardGoalId, id: s.boardGoalCouncilGoals.councilGoalId })
            .from(s.boardGoalCouncilGoals)
            .where(and(eq(s.boardGoalCouncilGoals.organizationId, org), inArray(s.boardGoalCouncilGoals.boardGoalId, goalIds)))
        : [],
      goalIds.length
        ? db
            .select({ goalId: s.boardGoalUnits.boardGoalId, id: s.boardGoalUnits.unitId })
            .from(s.boardGoalUnits)
            .where(and(eq(s.boardGoalUnits.organizationId, org), inArray(s.boardGoalUnits.boardGoalId, goalIds)))
            .orderBy(asc(s.boardGoalUnits.position))
        : [],
      indicatorsOfGoals(db, org, goalIds),
      goalsWithHistory(db, org, goalIds),
      db
        .select()
        .from(s.focusAreas)
        .where(
          and(
            eq(s.focusAreas.organizationId, org),
            or(and(isNull(s.focusAreas.archivedAt), validInYear(s.focusAreas.validFrom, s.focusAreas.validTo)), usedAreas.length ? inArray(s.focusAreas.id, usedAreas) : undefined),
          ),
        )
        .orderBy(asc(s.focusAreas.sortOrder), asc(s.focusAreas.number)),
      db
        .select()
        .from(s.councilGoals)
        .where(eq(s.councilGoals.organizationId, org))
        .orderBy(asc(s.councilGoals.sortOrder), asc(s.councilGoals.code)),
      loadUnitTree(db, org),
      db
        .select({ id: s.units.id })
        .from(s.units)
        .where(and(eq(s.units.organizationId, org), isNull(s.units.archivedAt))),
      db
        .select({ id: s.boardGoals.id, code: s.boardGoals.code, number: s.boardGoals.number, text: s.boardGoals.text, year: s.plans.year })
        .from(s.boardGoals)
        .innerJoin(s.plans, and(eq(s.plans.organizationId, org), eq(s.plans.id, s.boardGoals.planId)))
        .where(and(eq(s.boardGoals.organizationId, org), eq(s.plans.boardId, plan.boardId), lt(s.plans.year, plan.year)))
        .orderBy(desc(s.plans.year), asc(s.boardGoals.number)),
      db
        .select({ id: s.indicators.id, code: s.indicators.code, name: s.indicators.name, year: s.plans.year })
        .from(s.indicators)
        .innerJoin(s.boardGoals, and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, s.indicators.goalId)))
        .innerJoin(s.plans, and(eq(s.plans.organizationId, org), eq(s.plans.id, s.boardGoals.planId)))
        .where(and(eq(s.indicators.organizationId, org), eq(s.plans.boardId, plan.boardId), lt(s.plans.year, plan.year)))
        .orderBy(desc(s.plans.year), asc(s.indicators.code)),
    ]);
  const liveUnits = new Set(liveUnitRows.map((u) => u.id));

  // Focus areas in tree order: each top-level area followed by its sub-areas.
  const areaOptions: Option[] = [];
  const areaName = new Map(areas.map((a) => [a.id, a.number !== null ? `${a.number}. ${a.name}` : a.name]));
  for (const top of areas.filter((a) => a.parentId === null || !areaName.has(a.parentId))) {
    areaOptions.push({ id: top.id, label: areaName.get(top.id)!, archived: top.archivedAt !== null });
    for (const sub of areas.filter((a) => a.parentId === top.id)) {
      areaOptions.push({ id: sub.id, label: `${areaName.get(top.id)} › ${sub.name}`, archived: sub.archivedAt !== null });
    }
  }
  const usedCouncilGoals = new Set(bearings.map((b) => b.id));
  const councilGoalOptions = councilGoals
    .filter(
      (g) =>
        usedCouncilGoals.has(g.id) ||
        (g.archivedAt === null && g.validFrom <= plan.year && (g.validTo === null || g.validTo >= plan.year)),
    )
    .map((g) => ({ id: g.id, label: g.text, focusAreaId: g.focusAreaId, archived: g.archivedAt !== null }));

  const unitOptions: (Option & { depth: number })[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const u of tree.units.filter((x) => x.parentId === parentId)) {
      unitOptions.push({ id: u.id, label: u.name, depth, archived: !liveUnits.has(u.id) });
      visit(u.id, depth + 1);
    }
  };
  visit(null, 0);

  return {
    plan: {
      id: plan.id,
      code: plan.code,
      year: plan.year,
      boardId: plan.boardId,
      boardName: plan.boardName,
      archived: plan.archivedAt !== null,
    },
    goals: goals.map((g) => ({
      id: g.id,
      code: g.code,
      number: g.number,
      text: g.text,
      methodText: g.methodText,
      rule: g.rule,
      reportYearRow: g.reportYearRow,
      focusAreaId: g.focusAreaId,
      councilGoalIds: bearings.filter((b) => b.goalId === g.id).map((b) => b.id),
      unitIds: goalUnits.filter((u) => u.goalId === g.id).map((u) => u.id),
      continuesId: g.continuesId,
      archived: g.archivedAt !== null,
      deletable: !withHistory.has(g.id),
      indicators: indicators.filter((i) => i.goalId === g.id),
    })),
    options: {
      focusAreas: areaOptions,
      councilGoals: councilGoalOptions,
      units: unitOptions,
      earlierGoals: earlierGoals.map((g) => ({ id: g.id, label: `${g.year} · Mål ${g.number} (${g.code}): ${g.text}` })),
      earlierIndicators: earlierIndicators.map((i) => ({ id: i.id, label: `${i.year} · ${i.code}: ${i.name}` })),
    },
  };
}

// ---------------------------------------------------------------- writes

type GoalRow = typeof s.boardGoals.$inferSelect;

/** Checks what the goal refers to; ids outside the organization are "not found". */
async function checkGoal(db: Db, org: string, input: BoardGoalInput, plan: { id: string; year: number; boardId: string }, id: string | null) {
  const errors: Record<string, string[]> = {};
  const [area] = await db
    .select({ id: s.focusAreas.id })
    .from(s.focusAreas)
    .where(and(eq(s.focusAreas.organizationId, org), eq(s.focusAreas.id, input.focusAreaId)));
  if (!area) throw new NotFoundError('focus area');
  if (input.councilGoalIds.length) {
    const found = await db
      .select({ id: s.councilGoals.id })
      .from(s.councilGoals)
      .where(and(eq(s.councilGoals.organizationId, org), inArray(s.councilGoals.id, input.councilGoalIds)));
    if (found.length !== input.councilGoalIds.length) throw new NotFoundError('council goal');
  }
  const units = await db
    .select({ id: s.units.id })
    .from(s.units)
    .where(and(eq(s.units.organizationId, org), inArray(s.units.id, input.unitIds)));
  if (units.length !== input.unitIds.length) throw new NotFoundError('unit');
  if (input.continuesId) {
    const [earlier] = await db
      .select({ id: s.boardGoals.id, year: s.plans.year, boardId: s.plans.boardId })
      .from(s.boardGoals)
      .innerJoin(s.plans, and(eq(s.plans.organizationId, org), eq(s.plans.id, s.boardGoals.planId)))
      .where(and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, input.continuesId)));
    if (!earlier) throw new NotFoundError('goal');
    if (earlier.id === id || earlier.boardId !== plan.boardId || earlier.year >= plan.year) {
      errors.continuesId = ['Välj ett mål i en tidigare plan för samma nämnd.'];
    }
  }
  const sameNumber = await db
    .select({ id: s.boardGoals.id })
    .from(s.boardGoals)
    .where(and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.planId, plan.id), eq(s.boardGoals.number, input.number)));
  if (sameNumber.some((g) => g.id !== id)) errors.number = [`Planen har redan ett mål ${input.number}.`];
  throwIfErrors(errors);
}

async function writeLinks(db: Db, org: string, goalId: string, input: BoardGoalInput) {
  await db
    .delete(s.boardGoalCouncilGoals)
    .where(and(eq(s.boardGoalCouncilGoals.organizationId, org), eq(s.boardGoalCouncilGoals.boardGoalId, goalId)));
  await db.delete(s.boardGoalUnits).where(and(eq(s.boardGoalUnits.organizationId, org), eq(s.boardGoalUnits.boardGoalId, goalId)));
  if (input.councilGoalIds.length) {
    await db
      .insert(s.boardGoalCouncilGoals)
      .values(input.councilGoalIds.map((councilGoalId) => ({ organizationId: org, boardGoalId: goalId, councilGoalId })));
  }
  await db
    .insert(s.boardGoalUnits)
    .values(input.unitIds.map((unitId, position) => ({ organizationId: org, boardGoalId: goalId, unitId, position })));
}

async function readLinks(db: Db, org: string, goalId: string): Promise<{ councilGoalIds: string[]; unitIds: string[] }> {
  const [bearings, units] = await Promise.all([
    db
      .select({ id: s.boardGoalCouncilGoals.councilGoalId })
      .from(s.boardGoalCouncilGoals)
      .where(and(eq(s.boardGoalCouncilGoals.organizationId, org), eq(s.boardGoalCouncilGoals.boardGoalId, goalId))),
    db
      .select({ id: s.boardGoalUnits.unitId })
      .from(s.boardGoalUnits)
      .where(and(eq(s.boardGoalUnits.organizationId, org), eq(s.boardGoalUnits.boardGoalId, goalId)))
      .orderBy(asc(s.boardGoalUnits.position)),
  ]);
  return { councilGoalIds: bearings.map((b) => b.id).sort(), unitIds: units.map((u) => u.id) };
}

function goalFields(row: GoalRow, links: { councilGoalIds: string[]; unitIds: string[] }): BoardGoalInput {
  return {
    code: row.code,
    number: row.number,
    text: row.text,
    methodText: row.methodText,
    rule: row.rule,
    reportYearRow: row.reportYearRow,
    focusAreaId: row.focusAreaId,
    councilGoalIds: links.councilGoalIds,
    unitIds: links.unitIds,
    continuesId: row.continuesId,
  };
}

const dedupe = (ids: string[]) => [...new Set(ids)];

/** A duplicate code or goal number becomes a field error. */
async function withUniqueGoal<T>(number: number, write: () => Promise<T>): Promise<T> {
  try {
    return await withUniqueCode(write);
  } catch (error) {
    if (isUniqueViolation(error) && constraintOf(error) === 'board_goals_org_plan_number') {
      throw new ValidationError(FIX_FIELDS, { number: [`Planen har redan ett mål ${number}.`] });
    }
    throw error;
  }
}

async function loadGoal(db: Db, org: string, id: string): Promise<GoalRow> {
  const [row] = await db
    .select()
    .from(s.boardGoals)
    .where(and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, id)))
    .for('update');
  if (!row) throw new NotFoundError('goal');
  return row;
}

export async function createBoardGoal(
  db: Db,
  user: CurrentUser,
  input: BoardGoalInput & { planId: string },
): Promise<{ id: string; number: number }> {
  const org = authorizeInOwnOrganization(user, 'manage', 'goal');
  const { planId, ...raw } = input;
  const fields: BoardGoalInput = { ...raw, councilGoalIds: dedupe(raw.councilGoalIds).sort(), unitIds: dedupe(raw.unitIds) };
  return withUniqueGoal(fields.number, () =>
    db.transaction(async (t) => {
      const tx = t as unknown as Db;
      const plan = await loadPlan(tx, org, planId);
      await checkGoal(tx, org, fields, plan, null);
      const { councilGoalIds: _c, unitIds: _u, ...columns } = fields;
      const [row] = await tx
        .insert(s.boardGoals)
        .values({ organizationId: org, planId: plan.id, ...columns, sortOrder: fields.number })
        .returning({ id: s.boardGoals.id, number: s.boardGoals.number });
      await writeLinks(tx, org, row!.id, fields);
      await recordAudit(tx, {
        organizationId: org,
        actorId: user.id,
        action: 'board_goal.create',
        entityType: 'board_goal',
        entityId: row!.id,
        changes: { after: { planId: plan.id, ...fields } },
      });
      return row!;
    }),
  );
}

export async function updateBoardGoal(
  db: Db,
  user: CurrentUser,
  input: BoardGoalInput & { id: string },
): Promise<{ id: string; number: number }> {
  const org = authorizeInOwnOrganization(user, 'manage', 'goal');
  const { id, ...raw } = input;
  const fields: BoardGoalInput = { ...raw, councilGoalIds: dedupe(raw.councilGoalIds).sort(), unitIds: dedupe(raw.unitIds) };
  return withUniqueGoal(fields.number, () =>
    db.transaction(async (t) => {
      const tx = t as unknown as Db;
      const row = await loadGoal(tx, org, id);
      const before = goalFields(row, await readLinks(tx, org, id));
      const plan = await loadPlan(tx, org, row.planId);
      await checkGoal(tx, org, fields, plan, id);
      const { councilGoalIds: _c, unitIds: _u, ...columns } = fields;
      await tx
        .update(s.boardGoals)
        .set({ ...columns, sortOrder: fields.number })
        .where(and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, id)));
      await writeLinks(tx, org, id, fields);
      await recordAudit(tx, {
        organizationId: org,
        actorId: user.id,
        action: 'board_goal.update',
        entityType: 'board_goal',
        entityId: id,
        changes: changedFields(before, fields),
      });
      return { id, number: fields.number };
    }),
  );
}

/** Archives (out of current views; its history stays) or restores a goal. */
export async function setBoardGoalArchived(
  db: Db,
  user: CurrentUser,
  input: { id: string; archived: boolean },
): Promise<{ number: number }> {
  const org = authorizeInOwnOrganization(user, 'manage', 'goal');
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [row] = await tx
      .update(s.boardGoals)
      .set({ archivedAt: input.archived ? new Date() : null })
      .where(and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, input.id)))
      .returning({ id: s.boardGoals.id, number: s.boardGoals.number });
    if (!row) throw new NotFoundError('goal');
    await recordAudit(tx, {
      organizationId: org,
      actorId: user.id,
      action: input.archived ? 'board_goal.archive' : 'board_goal.restore',
      entityType: 'board_goal',
      entityId: row.id,
    });
    return { number: row.number };
  });
}

/** Deletes a goal without history, with its indicators (none of which has history). */
export async function deleteBoardGoal(db: Db, user: CurrentUser, input: { id: string }): Promise<{ number: number }> {
  const org = authorizeInOwnOrganization(user, 'manage', 'goal');
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const row = await loadGoal(tx, org, input.id);
    if ((await goalsWithHistory(tx, org, [row.id])).size > 0) {
      throw new ValidationError(
        'Målet har historik (bedömningar, värden eller återremisser) eller fortsätts av ett senare mål och kan inte tas bort. Arkivera det i stället.',
      );
    }
    const before = goalFields(row, await readLinks(tx, org, row.id));
    const removedIndicators = await tx
      .delete(s.indicators)
      .where(and(eq(s.indicators.organizationId, org), eq(s.indicators.goalId, row.id)))
      .returning({ id: s.indicators.id, code: s.indicators.code });
    await tx
      .delete(s.boardGoalCouncilGoals)
      .where(and(eq(s.boardGoalCouncilGoals.organizationId, org), eq(s.boardGoalCouncilGoals.boardGoalId, row.id)));
    await tx.delete(s.boardGoalUnits).where(and(eq(s.boardGoalUnits.organizationId, org), eq(s.boardGoalUnits.boardGoalId, row.id)));
    await tx.delete(s.boardGoals).where(and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, row.id)));
    await recordAudit(tx, {
      organizationId: org,
      actorId: user.id,
      action: 'board_goal.delete',
      entityType: 'board_goal',
      entityId: row.id,
      changes: { before: { planId: row.planId, ...before }, indicators: removedIndicators },
    });
    return { number: row.number };
  });
}
