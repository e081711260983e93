// The administration of plans (verksamhetsplaner, admin only): one plan per board and
// year with a code unique in the organization. A plan with goals or text blocks is
// archived, never deleted; a plan with neither may be deleted. Every change is an audit event.
import 'server-only';
import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../client';
import * as s from '../schema';
import { recordAudit } from '../audit';
import { NotFoundError, ValidationError, isUniqueViolation } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import { authorize, authorizeInOwnOrganization } from '@/lib/policy';

export interface AdminPlanDTO {
  id: string;
  code: string;
  year: number;
  board: { id: string; name: string };
  archived: boolean;
  /** Goals or text blocks refer to the plan: it can only be archived, never deleted. */
  hasHistory: boolean;
}

export interface PlansPageDTO {
  plans: AdminPlanDTO[];
  /** The boards a new plan can be for (units of kind 'board', not archived). */
  boards: { id: string; name: string }[];
}

const hasHistorySql = () =>
  sql<boolean>`(exists (select 1 from ${s.boardGoals} where ${s.boardGoals.organizationId} = ${s.plans.organizationId} and ${s.boardGoals.planId} = ${s.plans.id})
    or exists (select 1 from ${s.textBlocks} where ${s.textBlocks.organizationId} = ${s.plans.organizationId} and ${s.textBlocks.planId} = ${s.plans.id}))`;

/** The organization's plans (newest year first) and its boards (two queries). */
export async function getPlansPage(db: Db, user: CurrentUser | null): Promise<PlansPageDTO> {
  const org = authorizeInOwnOrganization(user, 'manage', 'plan');
  const [plans, boards] = await Promise.all([
    db
      .select({
        id: s.plans.id,
        code: s.plans.code,
        year: s.plans.year,
        boardId: s.plans.boardId,
        boardName: s.units.name,
        archivedAt: s.plans.archivedAt,
        hasHistory: hasHistorySql(),
      })
      .from(s.plans)
      .innerJoin(s.units, and(eq(s.units.organizationId, org), eq(s.units.id, s.plans.boardId)))
      .where(eq(s.plans.organizationId, org))
      .orderBy(desc(s.plans.year), asc(s.units.sortOrder), asc(s.units.name)),
    db
      .select({ id: s.units.id, name: s.units.name })
      .from(s.units)
      .where(and(eq(s.units.organizationId, org), eq(s.units.kind, 'board'), isNull(s.units.archivedAt)))
      .orderBy(asc(s.units.sortOrder), asc(s.units.name)),
  ]);
  return {
    plans: plans.map((p) => ({
      id: p.id,
      code: p.code,
      year: p.year,
      board: { id: p.boardId, name: p.boardName },
      archived: p.archivedAt !== null,
      hasHistory: Boolean(p.hasHistory),
    })),
    boards,
  };
}

/** The name of the unique constraint a write broke, from either driver (drizzle wraps the driver's error). */
function brokenConstraint(error: unknown): string | null {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    const c = e as { code?: string; constraint?: string; constraint_name?: string };
    if (c.code === '23505') return c.constraint_name ?? c.constraint ?? null;
  }
  return null;
}

/** A unique violation on a plan as a Swedish field error. */
function uniqueError(error: unknown): ValidationError | null {
  if (!isUniqueViolation(error)) return null;
  if (brokenConstraint(error) === 'plans_org_board_year') {
    return new ValidationError('Nämnden har redan en plan för året.', { year: ['Nämnden har redan en verksamhetsplan för det här året.'] });
  }
  return new ValidationError('Koden används redan.', { code: ['Koden används redan.'] });
}

export interface PlanChangeDTO {
  id: string;
  code: string;
}

export async function createPlan(
  db: Db,
  user: CurrentUser,
  input: { boardId: string; year: number; code: string },
): Promise<PlanChangeDTO> {
  authorize(user, 'manage', { kind: 'plan', organizationId: user.organizationId });
  const org = user.organizationId;
  try {
    return await db.transaction(async (tx) => {
      const [board] = await tx
        .select({ kind: s.units.kind, archivedAt: s.units.archivedAt })
        .from(s.units)
        .where(and(eq(s.units.organizationId, org), eq(s.units.id, input.boardId)));
      if (!board) throw new NotFoundError('board');
      if (board.kind !== 'board' || board.archivedAt) {
        throw new ValidationError('Välj en nämnd.', { boardId: ['En verksamhetsplan hör till en nämnd eller styrelse.'] });
      }
      const [row] = await tx
        .insert(s.plans)
        .values({ organizationId: org, boardId: input.boardId, year: input.year, code: input.code })
        .returning({ id: s.plans.id });
      await recordAudit(tx as unknown as Db, {
        organizationId: org,
        actorId: user.id,
        action: 'plan.create',
        entityType: 'plan',
        entityId: row!.id,
        changes: { code: input.code, boardId: input.boardId, year: input.year },
      });
      return { id: row!.id, code: input.code };
    });
  } catch (error) {
    throw uniqueError(error) ?? error;
  }
}

/** Changes a plan's code (its board and year stay: goals and texts hang on them). */
export async function updatePlan(db: Db, user: CurrentUser, input: { planId: string; code: string }): Promise<PlanChangeDTO> {
  authorize(user, 'manage', { kind: 'plan', organizationId: user.organizationId });
  const org = user.organizationId;
  try {
    return await db.transaction(async (tx) => {
      const [before] = await tx
        .select({ code: s.plans.code })
        .from(s.plans)
        .where(and(eq(s.plans.organizationId, org), eq(s.plans.id, input.planId)))
        .for('update');
      if (!before) throw new NotFoundError('plan');
      await tx.update(s.plans).set({ code: input.code }).where(and(eq(s.plans.organizationId, org), eq(s.plans.id, input.planId)));
      await recordAudit(tx as unknown as Db, {
        organizationId: org,
        actorId: user.id,
        action: 'plan.update',
        entityType: 'plan',
        entityId: input.planId,
        changes: { code: { before: before.code, after: input.code } },
      });
      return { id: input.planId, code: input.code };
    });
  } catch (error) {
    throw uniqueError(error) ?? error;
  }
}

/** Archives (archived: true) or restores a plan. */
export async function setPlanArchived(
  db: Db,
  user: CurrentUser,
  input: { planId: string; archived: boolean },
): Promise<PlanChangeDTO> {
  authorize(user, 'manage', { kind: 'plan', organizationId: user.organizationId });
  const org = user.organizationId;
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(s.plans)
      .set({ archivedAt: input.archived ? new Date() : null })
      .where(and(eq(s.plans.organizationId, org), eq(s.plans.id, input.planId)))
      .returning({ id: s.plans.id, code: s.plans.code });
    if (!row) throw new NotFoundError('plan');
    await recordAudit(tx as unknown as Db, {
      organizationId: org,
      actorId: user.id,
      action: input.archived ? 'plan.archive' : 'plan.restore',
      entityType: 'plan',
      entityId: row.id,
    });
    return row;
  });
}

/** Deletes a plan that has no goals and no text blocks; anything else must be archived. */
export async function deletePlan(db: Db, user: CurrentUser, input: { planId: string }): Promise<PlanChangeDTO> {
  authorize(user, 'manage', { kind: 'plan', organizationId: user.organizationId });
  const org = user.organizationId;
  const refused = () => new ValidationError('Planen har mål eller texter och kan inte tas bort. Arkivera den i stället.');
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ code: s.plans.code, boardId: s.plans.boardId, year: s.plans.year, hasHistory: hasHistorySql() })
        .from(s.plans)
        .where(and(eq(s.plans.organizationId, org), eq(s.plans.id, input.planId)))
        .for('update');
      if (!row) throw new NotFoundError('plan');
      if (row.hasHistory) throw refused();
      await tx.delete(s.plans).where(and(eq(s.plans.organizationId, org), eq(s.plans.id, input.planId)));
      await recordAudit(tx as unknown as Db, {
        organizationId: org,
        actorId: user.id,
        action: 'plan.delete',
        entityType: 'plan',
        entityId: input.planId,
        changes: { code: row.code, boardId: row.boardId, year: row.year },
      });
      return { id: input.planId, code: row.code };
    });
  } catch (error) {
    // A goal or text block added meanwhile: the foreign key refuses the delete.
    for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
      if ((e as { code?: string }).code === '23503') throw refused();
    }
    throw error;
  }
}
