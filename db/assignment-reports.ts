// A responsible unit's återrapportering on an assignment for a period: the assignment,
// the unit's newest report and its earlier ones, the other units' reports, and the save.
import 'server-only';
import { and, asc, desc, eq } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { recordAudit } from './audit';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { appendVersion, newestVersions } from './history';
import { isLockedFor, loadPeriodLock } from './locks';
import { loadUnitTree } from './unit-tree';
import type { CurrentUser } from '@/lib/current-user';
import { authorize, authorizeInOwnOrganization, can } from '@/lib/policy';
import { assignmentStatus, isOverdue, overdueDay, type ReportStatus } from '@/lib/assignment-status';
import { periodLabel, type PeriodKind, type PeriodState } from '@/lib/period';
import type { AssignmentReportInput } from '@/lib/assignment-report-input';
import { ARCHIVED_MESSAGE, isLive } from '@/lib/live';
import { todayInStockholm } from '@/lib/time-format';

export interface ReportVersionDTO {
  seq: number;
  periodId: string;
  periodLabel: string;
  unitId: string;
  unitName: string;
  status: ReportStatus | null;
  cancelReason: string | null;
  heading: string | null;
  body: string | null;
  authorName: string;
  createdAt: string;
}

/** What an assignment's page and a unit's återrapportering page show of the assignment. */
export interface AssignmentHeadDTO {
  id: string;
  title: string;
  description: string | null;
  issuer: 'council' | 'board';
  issuerName: string;
  decisionDate: string | null;
  diaryNumber: string | null;
  dueDate: string | null;
  focusAreaName: string | null;
  /** Derived from every unit's newest report in this period. */
  status: ReportStatus | null;
  /** Overdue at the period's end (lib/assignment-status.ts). */
  overdue: boolean;
}

export interface AssignmentReportDTO {
  assignment: AssignmentHeadDTO & { units: { id: string; name: string }[] };
  unit: { id: string; name: string };
  period: { id: string; year: number; kind: PeriodKind; state: PeriodState; label: string };
  /** Live in the period (lib/live.ts): an archived assignment is not. */
  live: boolean;
  locked: boolean;
  canReport: boolean;
  latest: ReportVersionDTO | null;
  /** This unit's newest report in each earlier period, newest first. */
  earlier: ReportVersionDTO[];
  /** The other responsible units' newest reports in this period. */
  others: ReportVersionDTO[];
}

export async function getAssignmentReport(
  db: Db,
  user: CurrentUser | null,
  assignmentId: string,
  unitId: string,
  periodId: string,
): Promise<AssignmentReportDTO> {
  const org = authorizeInOwnOrganization(user, 'read', 'assignment');
  const [[a], units, periods, tree, lock] = await Promise.all([
    db
      .select({
        id: s.assignments.id,
        title: s.assignments.title,
        description: s.assignments.description,
        issuer: s.assignments.issuer,
        issuerBoardId: s.assignments.issuerBoardId,
        decisionDate: s.assignments.decisionDate,
        diaryNumber: s.assignments.diaryNumber,
        dueDate: s.assignments.dueDate,
        archivedAt: s.assignments.archivedAt,
        focusAreaName: s.focusAreas.name,
      })
      .from(s.assignments)
      .leftJoin(s.focusAreas, and(eq(s.focusAreas.organizationId, org), eq(s.focusAreas.id, s.assignments.focusAreaId)))
      .where(and(eq(s.assignments.organizationId, org), eq(s.assignments.id, assignmentId))),
    db
      .select({ id: s.assignmentUnits.unitId })
      .from(s.assignmentUnits)
      .where(and(eq(s.assignmentUnits.organizationId, org), eq(s.assignmentUnits.assignmentId, assignmentId)))
      .orderBy(asc(s.assignmentUnits.position)),
    db
      .select({ id: s.periods.id, year: s.periods.year, kind: s.periods.kind, state: s.periods.state, endDate: s.periods.endDate })
      .from(s.periods)
      .where(eq(s.periods.organizationId, org)),
    loadUnitTree(db, org),
    loadPeriodLock(db, org, periodId),
  ]);
  const period = periods.find((p) => p.id === periodId);
  if (!a || !period || !lock || !units.some((u) => u.id === unitId)) throw new NotFoundError('assignment report');

  const rows = await newestVersions(
    db,
    'assignmentReports',
    org,
    {
      seq: s.assignmentReports.seq,
      periodId: s.assignmentReports.periodId,
      unitId: s.assignmentReports.unitId,
      status: s.assignmentReports.status,
      cancelReason: s.assignmentReports.cancelReason,
      heading: s.assignmentReports.heading,
      body: s.assignmentReports.body,
      authorName: s.users.name,
      createdAt: s.assignmentReports.createdAt,
    },
    eq(s.assignmentReports.assignmentId, assignmentId),
    { withAuthor: true },
  );
  const periodOf = new Map(periods.map((p) => [p.id, p]));
  const versions: ReportVersionDTO[] = rows.map((r) => {
    const p = periodOf.get(r.periodId)!;
    return { ...r, periodLabel: periodLabel(p.kind, p.year), unitName: tree.name(r.unitId), createdAt: r.createdAt.toISOString() };
  });
  const endOf = (v: ReportVersionDTO) => periodOf.get(v.periodId)!.endDate;
  const thisPeriod = versions.filter((v) => v.periodId === periodId);
  const status = assignmentStatus(units.map((u) => thisPeriod.find((v) => v.unitId === u.id)?.status ?? null));
  const locked = isLockedFor(lock, tree.boardOf(unitId));
  const live = isLive({ kind: 'assignment', archivedAt: a.archivedAt }, period);

  return {
    assignment: {
      id: a.id,
      title: a.title,
      description: a.description,
      issuer: a.issuer,
      issuerName: a.issuer === 'council' ? 'Kommunfullmäktige' : tree.name(a.issuerBoardId ?? ''),
      decisionDate: a.decisionDate,
      diaryNumber: a.diaryNumber,
      dueDate: a.dueDate,
      focusAreaName: a.focusAreaName,
      units: units.map((u) => ({ id: u.id, name: tree.name(u.id) })),
      status,
      overdue: isOverdue(status, a.dueDate, overdueDay(period, todayInStockholm())),
    },
    unit: { id: unitId, name: tree.name(unitId) },
    period: { id: period.id, year: period.year, kind: period.kind, state: period.state, label: periodLabel(period.kind, period.year) },
    live,
    locked,
    canReport: live && can(user, 'report', { kind: 'report', organizationId: org, unitIds: [unitId], locked }),
    latest: thisPeriod.find((v) => v.unitId === unitId) ?? null,
    earlier: versions
      .filter((v) => v.unitId === unitId && v.periodId !== periodId && endOf(v) < period.endDate)
      .sort((x, y) => (endOf(x) < endOf(y) ? 1 : -1)),
    others: thisPeriod.filter((v) => v.unitId !== unitId),
  };
}

export async function saveAssignmentReport(db: Db, user: CurrentUser, input: AssignmentReportInput): Promise<{ seq: number }> {
  const current = await getAssignmentReport(db, user, input.assignmentId, input.unitId, input.periodId);
  const org = user.organizationId;
  authorize(user, 'report', { kind: 'report', organizationId: org, unitIds: [input.unitId], locked: current.locked });
  if (!current.live) throw new ValidationError(ARCHIVED_MESSAGE);
  return appendVersion(db, {
    baseSeq: input.baseSeq,
    newestSeq: current.latest?.seq ?? 0,
    newer: async () => (await getAssignmentReport(db, user, input.assignmentId, input.unitId, input.periodId)).latest,
    write: async (tx, seq) => {
      await tx.insert(s.assignmentReports).values({
        organizationId: org,
        assignmentId: input.assignmentId,
        unitId: input.unitId,
        periodId: input.periodId,
        seq,
        status: input.status,
        cancelReason: input.status === 'cancelled' ? input.cancelReason : null,
        heading: input.heading || null,
        body: input.body,
        authorId: user.id,
      });
      await recordAudit(tx, {
        organizationId: org,
        actorId: user.id,
        action: 'assignment_report.save',
        entityType: 'assignment',
        entityId: input.assignmentId,
        changes: { unitId: input.unitId, periodId: input.periodId, seq, status: input.status },
      });
    },
  });
}

/** Every report version on an assignment, by every unit over all periods, newest first. */
export async function getAssignmentReportHistory(db: Db, user: CurrentUser | null, assignmentId: string) {
  const org = authorizeInOwnOrganization(user, 'read', 'assignment');
  const [[assignment], rows, tree] = await Promise.all([
    db
      .select({ id: s.assignments.id, title: s.assignments.title })
      .from(s.assignments)
      .where(and(eq(s.assignments.organizationId, org), eq(s.assignments.id, assignmentId))),
    db
      .select({
        seq: s.assignmentReports.seq,
        periodId: s.assignmentReports.periodId,
        unitId: s.assignmentReports.unitId,
        status: s.assignmentReports.status,
        cancelReason: s.assignmentReports.cancelReason,
        heading: s.assignmentReports.heading,
        body: s.assignmentReports.body,
        authorName: s.users.name,
        createdAt: s.assignmentReports.createdAt,
        year: s.periods.year,
        kind: s.periods.kind,
      })
      .from(s.assignmentReports)
      .innerJoin(s.users, and(eq(s.users.organizationId, org), eq(s.users.id, s.assignmentReports.authorId)))
      .innerJoin(s.periods, and(eq(s.periods.organizationId, org), eq(s.periods.id, s.assignmentReports.periodId)))
      .where(and(eq(s.assignmentReports.organizationId, org), eq(s.assignmentReports.assignmentId, assignmentId)))
      .orderBy(desc(s.periods.endDate), asc(s.assignmentReports.unitId), desc(s.assignmentReports.seq)),
    loadUnitTree(db, org),
  ]);
  if (!assignment) throw new NotFoundError('assignment');
  return {
    assignment,
    versions: rows.map(
      (r): ReportVersionDTO => ({
        seq: r.seq,
        periodId: r.periodId,
        periodLabel: periodLabel(r.kind, r.year),
        unitId: r.unitId,
        unitName: tree.name(r.unitId),
        status: r.status,
        cancelReason: r.cancelReason,
        heading: r.heading,
        body: r.body,
        authorName: r.authorName,
        createdAt: r.createdAt.toISOString(),
      }),
    ),
  };
}
