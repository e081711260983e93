// The kommundirektör's assignment monitor (/uppdrag) and an assignment's own page
// (/uppdrag/<id>): every assignment with its responsible units' newest reports in a period,
// compared with the previous period. A fixed number of queries whatever the number of
// assignments; filtering and sorting happen in memory (lib/assignment-filters.ts), never in
// SQL from user text. The list reads the texts the search looks in only when asked (texts).
import 'server-only';
import { and, asc, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { NotFoundError } from '@/lib/errors';
import { newestVersionsQuery } from './history';
import { builtOnce } from './prepared';
import { listPeriods } from './queries/periods';
import { isLockedFor, loadPeriodLock } from './locks';
import { loadUnitTree, type UnitTree } from './unit-tree';
import type { PeriodDTO } from './queries/overview';
import type { AssignmentHeadDTO, ReportVersionDTO } from './assignment-reports';
import type { CurrentUser } from '@/lib/current-user';
import { authorizeInOwnOrganization, can } from '@/lib/policy';
import { assignmentStatus, isOverdue, isOverdueTodayOnly, overdueDay, type ReportStatus } from '@/lib/assignment-status';
import { periodLabel } from '@/lib/period';
import { isLive } from '@/lib/live';
import { assignmentBoards } from '@/lib/overview-parts';
import type { AssignmentMonitorRow, AssignmentMonitorUnit } from '@/lib/assignment-filters';
import { todayInStockholm } from '@/lib/time-format';

export type { AssignmentMonitorRow, AssignmentMonitorUnit } from '@/lib/assignment-filters';

export interface MonitorPeriodDTO extends PeriodDTO {
  label: string;
}

export interface AssignmentMonitorDTO {
  period: MonitorPeriodDTO;
  /** The period just before this one in time (any kind), or null. */
  previousPeriod: MonitorPeriodDTO | null;
  /** Every non-archived assignment, in the organization's own order. */
  rows: AssignmentMonitorRow[];
  /** For the filter form: the units responsible for some assignment, in tree order. */
  unitOptions: { id: string; name: string }[];
  boardOptions: { id: string; name: string }[];
  /** For the filter form: the focus areas some assignment sits under, each målområde followed by its sub-areas. */
  focusAreaOptions: { id: string; name: string; depth: number }[];
  /** For the period picker: every period of the organization, newest first (read with the rest, issue 19). */
  periods: PeriodDTO[];
}

export interface MonitorOptions {
  /** Today as 'YYYY-MM-DD' (for "Försenat"); defaults to the current date. */
  today?: string;
}

export interface MonitorListOptions extends MonitorOptions {
  /**
   * Read the texts the search looks in (descriptions, diary numbers, the reports' headings and
   * bodies), which the list itself never shows: only when searching (issue 19). Without them
   * `description`, `diaryNumber`, `reportHeading` and `reportBody` are null; whether a report
   * changed since the last period is still decided on its body (compared as a hash in SQL).
   */
  texts?: boolean;
}

const today = () => todayInStockholm();

const periodColumns = {
  id: s.periods.id,
  year: s.periods.year,
  kind: s.periods.kind,
  endDate: s.periods.endDate,
  deadline: s.periods.deadline,
  state: s.periods.state,
};

const withLabel = (p: PeriodDTO): MonitorPeriodDTO => ({ ...p, label: periodLabel(p.kind, p.year) });

/** The period asked for and the one just before it in time, from all the organization's periods. */
function periodAndPrevious(periods: PeriodDTO[], periodId: string) {
  const period = periods.find((p) => p.id === periodId);
  if (!period) throw new NotFoundError('period');
  const previous = periods
    .filter((p) => p.endDate < period.endDate)
    .reduce<PeriodDTO | null>((best, p) => (best === null || p.endDate > best.endDate ? p : best), null);
  return { period: withLabel(period), previousPeriod: previous ? withLabel(previous) : null };
}

interface FocusAreaNode {
  id: string;
  number: number | null;
  name: string;
  parentId: string | null;
  sortOrder: number;
  archivedAt: Date | null;
}

/** The area's chain from the top-level målområde down to itself. */
function focusAreaChain(byId: Map<string, FocusAreaNode>, id: string): FocusAreaNode[] {
  const chain: FocusAreaNode[] = [];
  for (let a = byId.get(id); a && !chain.includes(a); a = a.parentId ? byId.get(a.parentId) : undefined) chain.unshift(a);
  return chain;
}

/** "Målområde 2 – De kommunala kärnverksamheterna: Social omsorg" */
function focusAreaLabel(chain: FocusAreaNode[]): string | null {
  const [top, ...subs] = chain;
  if (!top) return null;
  const head = top.number !== null ? `Målområde ${top.number} – ${top.name}` : top.name;
  return [head, ...subs.map((a) => a.name)].join(': ');
}

/** The focus areas some assignment sits under (or below), in tree order with their depth. */
function focusAreaOptions(areas: FocusAreaNode[], used: Set<string>): { id: string; name: string; depth: number }[] {
  const live = areas.filter((a) => a.archivedAt === null && used.has(a.id));
  const ids = new Set(live.map((a) => a.id));
  const out: { id: string; name: string; depth: number }[] = [];
  const visit = (parentId: string | null, depth: number) => {
    for (const a of live.filter((x) => (parentId === null ? x.parentId === null || !ids.has(x.parentId) : x.parentId === parentId))) {
      if (out.some((o) => o.id === a.id)) continue;
      out.push({ id: a.id, name: depth === 0 ? (focusAreaLabel([a]) ?? a.name) : a.name, depth });
      visit(a.id, depth + 1);
    }
  };
  visit(null, 0);
  return out;
}

const issuerNameOf = (tree: UnitTree, issuer: 'council' | 'board', boardId: string | null) =>
  issuer === 'council' ? 'Kommunfullmäktige' : tree.name(boardId ?? '');

/**
 * The list's reads, built once per database (db/prepared.ts): with and without the texts the
 * search looks in. The reports are those of the period and of the previous one (the period
 * again when there is none).
 */
const monitorQueries = builtOnce((db) => {
  const org = sql.placeholder('organizationId');
  const none = sql<null>`null`;
  const assignments = (texts: boolean) =>
    db
      .select({
        id: s.assignments.id,
        title: s.assignments.title,
        description: texts ? s.assignments.description : none,
        issuer: s.assignments.issuer,
        issuerBoardId: s.assignments.issuerBoardId,
        decisionDate: s.assignments.decisionDate,
        diaryNumber: texts ? s.assignments.diaryNumber : none,
        dueDate: s.assignments.dueDate,
        focusAreaId: s.assignments.focusAreaId,
        archivedAt: s.assignments.archivedAt,
      })
      .from(s.assignments)
      .where(eq(s.assignments.organizationId, org))
      .orderBy(asc(s.assignments.sortOrder), asc(s.assignments.code))
      .prepare(texts ? 'monitor_assignments_texts' : 'monitor_assignments');
  // The newest report per (period, assignment, unit), for this period and the previous one.
  const reports = (texts: boolean) =>
    newestVersionsQuery(
      db,
      'assignmentReports',
      org,
      {
        periodId: s.assignmentReports.periodId,
        assignmentId: s.assignmentReports.assignmentId,
        unitId: s.assignmentReports.unitId,
        status: s.assignmentReports.status,
        heading: texts ? s.assignmentReports.heading : none,
        body: texts ? s.assignmentReports.body : none,
        // "Changed since the last period" compares the bodies; the list needs only that.
        bodyHash: sql<string | null>`md5(${s.assignmentReports.body})`,
        createdAt: s.assignmentReports.createdAt,
      },
      inArray(s.assignmentReports.periodId, [sql.placeholder('periodId'), sql.placeholder('previousPeriodId')]),
    ).prepare(texts ? 'monitor_reports_texts' : 'monitor_reports');
  return {
    assignments: { list: assignments(false), search: assignments(true) },
    reports: { list: reports(false), search: reports(true) },
    assignmentUnits: db
      .select({ assignmentId: s.assignmentUnits.assignmentId, unitId: s.assignmentUnits.unitId })
      .from(s.assignmentUnits)
      .where(eq(s.assignmentUnits.organizationId, org))
      .orderBy(asc(s.assignmentUnits.assignmentId), asc(s.assignmentUnits.position))
      .prepare('monitor_assignment_units'),
    focusAreas: db
      .select({
        id: s.focusAreas.id,
        number: s.focusAreas.number,
        name: s.focusAreas.name,
        parentId: s.focusAreas.parentId,
        sortOrder: s.focusAreas.sortOrder,
        archivedAt: s.focusAreas.archivedAt,
      })
      .from(s.focusAreas)
      .where(eq(s.focusAreas.organizationId, org))
      .orderBy(asc(s.focusAreas.sortOrder), asc(s.focusAreas.name))
      .prepare('monitor_focus_areas'),
  };
});

export async function getAssignmentMonitor(
  db: Db,
  user: CurrentUser | null,
  periodId: string,
  options: MonitorListOptions = {},
): Promise<AssignmentMonitorDTO> {
  const org = authorizeInOwnOrganization(user, 'read', 'assignment');
  const variant = options.texts ? 'search' : 'list';
  const queries = monitorQueries(db);
  const allPeriods = await listPeriods(db, user);
  const { period, previousPeriod } = periodAndPrevious(allPeriods, periodId);

  const [assignments, assignmentUnits, reports, areas, tree] = await Promise.all([
    queries.assignments[variant].execute({ organizationId: org }),
    queries.assignmentUnits.execute({ organizationId: org }),
    queries.reports[variant].execute({ organizationId: org, periodId: period.id, previousPeriodId: previousPeriod?.id ?? period.id }),
    queries.focusAreas.execute({ organizationId: org }),
    loadUnitTree(db, org),
  ]);

  const unitsOf = new Map<string, string[]>();
  for (const au of assignmentUnits) unitsOf.set(au.assignmentId, [...(unitsOf.get(au.assignmentId) ?? []), au.unitId]);
  // The period's reports and the previous period's, each by assignment and unit.
  const currentReports = new Map<string, (typeof reports)[number]>();
  const earlierReports = new Map<string, (typeof reports)[number]>();
  for (const r of reports) (r.periodId === period.id ? currentReports : earlierReports).set(`${r.assignmentId}:${r.unitId}`, r);
  const areaById = new Map(areas.map((a) => [a.id, a]));
  const now = options.today ?? today();
  const day = overdueDay(period, now);

  const rows = assignments
    .filter((a) => isLive({ kind: 'assignment', archivedAt: a.archivedAt }, period))
    .map((a): AssignmentMonitorRow => {
    let changed = false;
    const units = (unitsOf.get(a.id) ?? []).map((unitId): AssignmentMonitorUnit => {
      const key = `${a.id}:${unitId}`;
      const current = currentReports.get(key);
      const before = earlierReports.get(key);
      if (current && (!before || before.status !== current.status || before.bodyHash !== current.bodyHash)) changed = true;
      return {
        id: unitId,
        name: tree.name(unitId),
        status: current?.status ?? null,
        reported: current !== undefined,
        reportHeading: current?.heading ?? null,
        reportBody: current?.body ?? null,
        lastReportedAt: current ? current.createdAt.toISOString() : null,
      };
    });
    const status = assignmentStatus(units.map((u) => u.status));
    const chain = a.focusAreaId ? focusAreaChain(areaById, a.focusAreaId) : [];
    return {
      id: a.id,
      title: a.title,
      description: a.description,
      issuer: a.issuer,
      issuerName: issuerNameOf(tree, a.issuer, a.issuerBoardId),
      decisionDate: a.decisionDate,
      diaryNumber: a.diaryNumber,
      dueDate: a.dueDate,
      focusAreaId: a.focusAreaId,
      focusAreaName: focusAreaLabel(chain),
      focusAreaPath: chain.map((c) => c.id),
      boardIds: assignmentBoards({ issuerBoardId: a.issuerBoardId, unitIds: unitsOf.get(a.id) ?? [] }, (u) => tree.boardOf(u)),
      units,
      status,
      overdue: isOverdue(status, a.dueDate, day),
      overdueToday: isOverdueTodayOnly(status, a.dueDate, period, now),
      reportedThisPeriod: units.length > 0 && units.every((u) => u.reported),
      missingUnits: units.filter((u) => !u.reported).map((u) => u.name),
      changedSinceLastPeriod: changed,
    };
  });

  const responsible = new Set(rows.flatMap((r) => r.units.map((u) => u.id)));
  return {
    period,
    previousPeriod,
    rows,
    unitOptions: tree.units.filter((u) => responsible.has(u.id)).map((u) => ({ id: u.id, name: u.name })),
    boardOptions: tree.units.filter((u) => u.kind === 'board').map((u) => ({ id: u.id, name: u.name })),
    focusAreaOptions: focusAreaOptions(areas, new Set(rows.flatMap((r) => r.focusAreaPath))),
    periods: allPeriods,
  };
}

// ---------------------------------------------------------------- one assignment's page

export interface AssignmentPageUnitDTO {
  id: string;
  name: string;
  /** The status of the unit's newest report in the period (null: none stated or no report). */
  status: ReportStatus | null;
  overdue: boolean;
  /** Late today but not at the period's end (open period only): the monitor's "Försenat i dag". */
  overdueToday: boolean;
  locked: boolean;
  canReport: boolean;
  /** The director may send the unit's report back for revision (lib/policy 'send_back'). */
  canSendBack: boolean;
  /** Every version the unit wrote in the period, newest first. */
  reports: ReportVersionDTO[];
  /** The unit's newest report in each earlier period, newest period first. */
  earlier: ReportVersionDTO[];
}

export interface AssignmentPageDTO {
  assignment: AssignmentHeadDTO & {
    groupLabel: string | null;
    archived: boolean;
    /** Late today but not at the period's end (open period only): the monitor's "Försenat i dag". */
    overdueToday: boolean;
  };
  period: MonitorPeriodDTO;
  units: AssignmentPageUnitDTO[];
}

/** An assignment with every responsible unit's reports in the period and earlier ones. */
export async function getAssignmentPage(
  db: Db,
  user: CurrentUser | null,
  assignmentId: string,
  periodId: string,
  options: MonitorOptions = {},
): Promise<AssignmentPageDTO> {
  const org = authorizeInOwnOrganization(user, 'read', 'assignment');
  const [[a], assignmentUnits, allPeriods, rows, areas, tree, lock] = await Promise.all([
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
        focusAreaId: s.assignments.focusAreaId,
        groupLabel: s.assignments.groupLabel,
        archivedAt: s.assignments.archivedAt,
      })
      .from(s.assignments)
      .where(and(eq(s.assignments.organizationId, org), eq(s.assignments.id, assignmentId))),
    db
      .select({ unitId: s.assignmentUnits.unitId })
      .from(s.assignmentUnits)
      .where(and(eq(s.assignmentUnits.organizationId, org), eq(s.assignmentUnits.assignmentId, assignmentId)))
      .orderBy(asc(s.assignmentUnits.position)),
    db.select(periodColumns).from(s.periods).where(eq(s.periods.organizationId, org)),
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
      })
      .from(s.assignmentReports)
      .innerJoin(s.users, and(eq(s.users.organizationId, org), eq(s.users.id, s.assignmentReports.authorId)))
      .where(and(eq(s.assignmentReports.organizationId, org), eq(s.assignmentReports.assignmentId, assignmentId)))
      .orderBy(desc(s.assignmentReports.seq)),
    db
      .select({
        id: s.focusAreas.id,
        number: s.focusAreas.number,
        name: s.focusAreas.name,
        parentId: s.focusAreas.parentId,
        sortOrder: s.focusAreas.sortOrder,
        archivedAt: s.focusAreas.archivedAt,
      })
      .from(s.focusAreas)
      .where(eq(s.focusAreas.organizationId, org)),
    loadUnitTree(db, org),
    loadPeriodLock(db, org, periodId),
  ]);
  if (!a) throw new NotFoundError('assignment');
  const { period } = periodAndPrevious(allPeriods, periodId);
  if (!lock) throw new NotFoundError('period');

  const periodOf = new Map(allPeriods.map((p) => [p.id, p]));
  const versions = rows.map(
    (r): ReportVersionDTO & { endDate: string } => {
      const p = periodOf.get(r.periodId)!;
      return {
        ...r,
        periodLabel: periodLabel(p.kind, p.year),
        unitName: tree.name(r.unitId),
        createdAt: r.createdAt.toISOString(),
        endDate: p.endDate,
      };
    },
  );
  const strip = ({ endDate: _endDate, ...v }: ReportVersionDTO & { endDate: string }): ReportVersionDTO => v;
  const now = options.today ?? today();
  const day = overdueDay(period, now);

  const units = assignmentUnits.map(({ unitId }): AssignmentPageUnitDTO => {
    const own = versions.filter((v) => v.unitId === unitId);
    const inPeriod = own.filter((v) => v.periodId === period.id); // newest first (by seq)
    const earlierByPeriod = new Map<string, ReportVersionDTO & { endDate: string }>();
    for (const v of own) {
      if (v.endDate < period.endDate && !earlierByPeriod.has(v.periodId)) earlierByPeriod.set(v.periodId, v);
    }
    const status = inPeriod[0]?.status ?? null;
    const locked = isLockedFor(lock, tree.boardOf(unitId));
    return {
      id: unitId,
      name: tree.name(unitId),
      status,
      overdue: isOverdue(status, a.dueDate, day),
      overdueToday: isOverdueTodayOnly(status, a.dueDate, period, now),
      locked,
      canReport: can(user, 'report', { kind: 'report', organizationId: org, unitIds: [unitId], locked }),
      canSendBack: can(user, 'send_back', { kind: 'report', organizationId: org, unitIds: [unitId], locked }),
      reports: inPeriod.map(strip),
      earlier: [...earlierByPeriod.values()].sort((x, y) => (x.endDate < y.endDate ? 1 : -1)).map(strip),
    };
  });
  const status = assignmentStatus(units.map((u) => u.status));
  const areaById = new Map(areas.map((x) => [x.id, x]));

  return {
    assignment: {
      id: a.id,
      title: a.title,
      description: a.description,
      issuer: a.issuer,
      issuerName: issuerNameOf(tree, a.issuer, a.issuerBoardId),
      decisionDate: a.decisionDate,
      diaryNumber: a.diaryNumber,
      dueDate: a.dueDate,
      focusAreaName: a.focusAreaId ? focusAreaLabel(focusAreaChain(areaById, a.focusAreaId)) : null,
      groupLabel: a.groupLabel,
      archived: a.archivedAt !== null,
      status,
      overdue: isOverdue(status, a.dueDate, day),
      overdueToday: isOverdueTodayOnly(status, a.dueDate, period, now),
    },
    period,
    units,
  };
}
