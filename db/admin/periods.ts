// The administration of periods (admin only): create, change the end date and the
// reporting deadline, open (draft → open), close (open → closed), reopen a closed period
// with a reason, and delete a draft that nothing refers to. A period that anything
// refers to (values, assessments, reports, readiness, revision requests, approvals, text
// blocks) is never deleted. Every change is an audit event.
import 'server-only';
import { and, asc, desc, eq, sql, type SQL } from 'drizzle-orm';
import type { Db } from '../client';
import * as s from '../schema';
import { recordAudit } from '../audit';
import { NotFoundError, ValidationError, isUniqueViolation } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import { authorize, authorizeInOwnOrganization } from '@/lib/policy';
import { periodLabel, type PeriodKind, type PeriodState } from '@/lib/period';

export interface AdminPeriodDTO {
  id: string;
  year: number;
  kind: PeriodKind;
  endDate: string;
  deadline: string | null;
  state: PeriodState;
  /** Something refers to the period (history, approvals, text blocks): it can never be deleted. */
  referenced: boolean;
}

/** The tables whose rows refer to a period. */
const REFERRING = [
  s.indicatorValues,
  s.goalAssessments,
  s.assignmentReports,
  s.readinessEvents,
  s.revisionRequests,
  s.approvals,
  s.textBlocks,
] as const;

/** SQL that is true when any row of REFERRING points at the period row in the outer query. */
function referencedSql(): SQL<boolean> {
  const checks = REFERRING.map(
    (t) =>
      sql`exists (select 1 from ${t} where ${t.organizationId} = ${s.periods.organizationId} and ${t.periodId} = ${s.periods.id})`,
  );
  return sql<boolean>`(${sql.join(checks, sql` or `)})`;
}

const adminPeriodColumns = {
  id: s.periods.id,
  year: s.periods.year,
  kind: s.periods.kind,
  endDate: s.periods.endDate,
  deadline: s.periods.deadline,
  state: s.periods.state,
};

/** Every period of the organization, newest first, with whether anything refers to it (one query). */
export async function listAdminPeriods(db: Db, user: CurrentUser | null): Promise<AdminPeriodDTO[]> {
  const org = authorizeInOwnOrganization(user, 'manage', 'period');
  const rows = await db
    .select({ ...adminPeriodColumns, referenced: referencedSql() })
    .from(s.periods)
    .where(eq(s.periods.organizationId, org))
    .orderBy(desc(s.periods.year), desc(s.periods.endDate), asc(s.periods.kind));
  return rows.map((r) => ({ ...r, referenced: Boolean(r.referenced) }));
}

/** The rules for the dates: the end date lies in the period's year; the deadline is not before it. */
function checkDates(year: number, endDate: string, deadline: string | null) {
  const errors: Record<string, string[]> = {};
  if (Number(endDate.slice(0, 4)) !== year) errors.endDate = [`Slutdatumet ska ligga under ${year}.`];
  if (deadline !== null && deadline < endDate) errors.deadline = ['Sista dag för rapportering kan inte ligga före slutdatumet.'];
  if (Object.keys(errors).length) throw new ValidationError('Datumen behöver rättas. Se markeringarna vid fälten.', errors);
}

async function periodRow(db: Db, org: string, periodId: string) {
  const [row] = await db
    .select(adminPeriodColumns)
    .from(s.periods)
    .where(and(eq(s.periods.organizationId, org), eq(s.periods.id, periodId)));
  if (!row) throw new NotFoundError('period');
  return row;
}

export interface PeriodChangeDTO {
  id: string;
  label: string;
}

export async function createPeriod(
  db: Db,
  user: CurrentUser,
  input: { year: number; kind: PeriodKind; endDate: string; deadline: string | null },
): Promise<PeriodChangeDTO> {
  authorize(user, 'manage', { kind: 'period', organizationId: user.organizationId });
  const org = user.organizationId;
  checkDates(input.year, input.endDate, input.deadline);
  const label = periodLabel(input.kind, input.year);
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .insert(s.periods)
        .values({ organizationId: org, year: input.year, kind: input.kind, endDate: input.endDate, deadline: input.deadline, state: 'draft' })
        .returning({ id: s.periods.id });
      await recordAudit(tx as unknown as Db, {
        organizationId: org,
        actorId: user.id,
        action: 'period.create',
        entityType: 'period',
        entityId: row!.id,
        changes: { year: input.year, kind: input.kind, endDate: input.endDate, deadline: input.deadline, state: 'draft' },
      });
      return { id: row!.id, label };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ValidationError(`${label} finns redan.`, { kind: [`Det finns redan en period ${label}.`] });
    }
    throw error;
  }
}

/** Sets the end date and the reporting deadline; the audit event holds both before and after. */
export async function updatePeriodDates(
  db: Db,
  user: CurrentUser,
  input: { periodId: string; endDate: string; deadline: string | null },
): Promise<PeriodChangeDTO> {
  authorize(user, 'manage', { kind: 'period', organizationId: user.organizationId });
  const org = user.organizationId;
  return db.transaction(async (tx) => {
    const [before] = await tx
      .select(adminPeriodColumns)
      .from(s.periods)
      .where(and(eq(s.periods.organizationId, org), eq(s.periods.id, input.periodId)))
      .for('update');
    if (!before) throw new NotFoundError('period');
    checkDates(before.year, input.endDate, input.deadline);
    await tx
      .update(s.periods)
      .set({ endDate: input.endDate, deadline: input.deadline })
      .where(and(eq(s.periods.organizationId, org), eq(s.periods.id, input.periodId)));
    const changes: Record<string, unknown> = {};
    if (before.endDate !== input.endDate) changes.endDate = { before: before.endDate, after: input.endDate };
    if (before.deadline !== input.deadline) changes.deadline = { before: before.deadline, after: input.deadline };
    await recordAudit(tx as unknown as Db, {
      organizationId: org,
      actorId: user.id,
      action: 'period.update',
      entityType: 'period',
      entityId: input.periodId,
      changes,
    });
    return { id: input.periodId, label: periodLabel(before.kind, before.year) };
  });
}

const TRANSITIONS = {
  open: { from: 'draft', to: 'open', action: 'period.open', wrong: 'Bara en period i utkast kan öppnas.' },
  close: { from: 'open', to: 'closed', action: 'period.close', wrong: 'Bara en öppen period kan stängas.' },
  reopen: { from: 'closed', to: 'open', action: 'period.reopen_closed', wrong: 'Bara en stängd period kan öppnas igen.' },
} as const;

/** Moves a period from one state to the next; refused unless it is in the expected state. */
async function transition(
  db: Db,
  user: CurrentUser,
  periodId: string,
  step: keyof typeof TRANSITIONS,
  reason: string | null,
): Promise<PeriodChangeDTO> {
  authorize(user, 'manage', { kind: 'period', organizationId: user.organizationId });
  const org = user.organizationId;
  const { from, to, action, wrong } = TRANSITIONS[step];
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(s.periods)
      .set({ state: to })
      .where(and(eq(s.periods.organizationId, org), eq(s.periods.id, periodId), eq(s.periods.state, from)))
      .returning({ year: s.periods.year, kind: s.periods.kind });
    if (!row) {
      await periodRow(tx as unknown as Db, org, periodId); // NotFoundError for another organization's period
      throw new ValidationError(wrong);
    }
    await recordAudit(tx as unknown as Db, {
      organizationId: org,
      actorId: user.id,
      action,
      entityType: 'period',
      entityId: periodId,
      changes: { state: { before: from, after: to }, ...(reason !== null ? { reason } : {}) },
    });
    return { id: periodId, label: periodLabel(row.kind, row.year) };
  });
}

/** Draft → open: the units can start reporting. */
export function openPeriod(db: Db, user: CurrentUser, input: { periodId: string }) {
  return transition(db, user, input.periodId, 'open', null);
}

/** Open → closed: nobody can report on the period any more. */
export function closePeriod(db: Db, user: CurrentUser, input: { periodId: string }) {
  return transition(db, user, input.periodId, 'close', null);
}

/** Closed → open again, with a reason (audited). */
export function reopenClosedPeriod(db: Db, user: CurrentUser, input: { periodId: string; reason: string }) {
  return transition(db, user, input.periodId, 'reopen', input.reason);
}

/** Deletes a draft that nothing refers to; anything else is refused. */
export async function deletePeriod(db: Db, user: CurrentUser, input: { periodId: string }): Promise<PeriodChangeDTO> {
  authorize(user, 'manage', { kind: 'period', organizationId: user.organizationId });
  const org = user.organizationId;
  const refused = () => new ValidationError('Perioden kan inte tas bort: bara ett utkast som inget hänvisar till kan tas bort.');
  try {
    return await db.transaction(async (tx) => {
      const [row] = await tx
        .select({ ...adminPeriodColumns, referenced: referencedSql() })
        .from(s.periods)
        .where(and(eq(s.periods.organizationId, org), eq(s.periods.id, input.periodId)))
        .for('update');
      if (!row) throw new NotFoundError('period');
      if (row.state !== 'draft' || row.referenced) throw refused();
      await tx.delete(s.periods).where(and(eq(s.periods.organizationId, org), eq(s.periods.id, input.periodId)));
      await recordAudit(tx as unknown as Db, {
        organizationId: org,
        actorId: user.id,
        action: 'period.delete',
        entityType: 'period',
        entityId: input.periodId,
        changes: { year: row.year, kind: row.kind, endDate: row.endDate, deadline: row.deadline },
      });
      return { id: input.periodId, label: periodLabel(row.kind, row.year) };
    });
  } catch (error) {
    // A row that came to refer to the period meanwhile: the foreign key refuses the delete.
    if (hasCode(error, '23503')) throw refused();
    throw error;
  }
}

function hasCode(error: unknown, code: string): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === code) return true;
  }
  return false;
}
