// "Min rapportering": everything a unit answers for in a period (indicators due, goals to
// assess, assignments to report on), what is done, and the unit's readiness. A fixed
// number of queries whatever the number of items.
import 'server-only';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { loadUnitTree, type UnitTree } from './unit-tree';
import { listOpenRevisions } from './revisions';
import { isLockedFor, isLockedForAny, loadPeriodLock } from './locks';
import { getPeriod, type PeriodDTO } from './queries/overview';
import type { CurrentUser } from '@/lib/current-user';
import { authorizeInOwnOrganization, can } from '@/lib/policy';
import { isDueInPeriod } from '@/lib/frequency';
import { boardGoalTitle } from '@/lib/swedish-text';
import type { Colour } from '@/lib/colour';
import { isOverdue, type ReportStatus } from '@/lib/assignment-status';

export interface ReportingItemDTO {
  kind: 'indicator' | 'goal' | 'assignment';
  id: string;
  /** For assignments: the responsible unit the report is for. */
  unitId: string;
  unitName: string;
  title: string;
  context: string;
  reported: boolean;
  colour: Colour | null;
  status: ReportStatus | null;
  overdue: boolean;
  canReport: boolean;
  href: string;
  /** The director's request for revision, while it stands. */
  sentBack: { comment: string; authorName: string; createdAt: string } | null;
}

export interface UnitReadinessDTO {
  unitId: string;
  unitName: string;
  ready: boolean;
  seq: number;
  locked: boolean;
  canChange: boolean;
}

export interface MyReportingDTO {
  period: PeriodDTO;
  scopeUnitNames: string[];
  items: ReportingItemDTO[];
  reportedCount: number;
  readiness: UnitReadinessDTO[];
}

/** The units a user reports for: an editor's granted units, or the unit an admin picked. */
export function reportingRoots(user: CurrentUser, pickedUnitId: string | null): string[] {
  if (user.roles.includes('admin')) return pickedUnitId ? [pickedUnitId] : [];
  return user.grantUnits.map((u) => u.id);
}

function descendants(tree: UnitTree, roots: string[]): Set<string> {
  return new Set(tree.units.filter((u) => tree.ancestry(u.id).some((a) => roots.includes(a))).map((u) => u.id));
}

export async function getMyReporting(
  db: Db,
  user: CurrentUser | null,
  periodId: string,
  roots: string[],
): Promise<MyReportingDTO> {
  const org = authorizeInOwnOrganization(user, 'read', 'unit');
  const [period, tree, lock] = await Promise.all([getPeriod(db, user, periodId), loadUnitTree(db, org), loadPeriodLock(db, org, periodId)]);
  const knownRoots = roots.filter((r) => tree.get(r));
  const scope = [...descendants(tree, knownRoots)];
  const empty = { period, scopeUnitNames: knownRoots.map((r) => tree.name(r)), items: [], reportedCount: 0, readiness: [] };
  if (!scope.length || !lock) return empty;

  const [indicators, goals, assignments, readiness, revisions] = await Promise.all([
    db
      .select({
        id: s.indicators.id,
        name: s.indicators.name,
        unitId: s.indicators.responsibleUnitId,
        frequency: s.indicators.frequency,
        yearlyPeriodKind: s.indicators.yearlyPeriodKind,
        goalNumber: s.boardGoals.number,
        boardId: s.plans.boardId,
      })
      .from(s.indicators)
      .innerJoin(s.boardGoals, and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, s.indicators.goalId)))
      .innerJoin(s.plans, and(eq(s.plans.organizationId, org), eq(s.plans.id, s.boardGoals.planId)))
      .where(
        and(
          eq(s.indicators.organizationId, org),
          eq(s.plans.year, period.year),
          inArray(s.indicators.responsibleUnitId, scope),
          isNull(s.indicators.archivedAt),
          isNull(s.boardGoals.archivedAt),
        ),
      )
      .orderBy(asc(s.boardGoals.number), asc(s.indicators.sortOrder)),
    db
      .selectDistinctOn([s.boardGoals.id], {
        id: s.boardGoals.id,
        number: s.boardGoals.number,
        text: s.boardGoals.text,
        unitId: s.boardGoalUnits.unitId,
        boardId: s.plans.boardId,
      })
      .from(s.boardGoalUnits)
      .innerJoin(s.boardGoals, and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, s.boardGoalUnits.boardGoalId)))
      .innerJoin(s.plans, and(eq(s.plans.organizationId, org), eq(s.plans.id, s.boardGoals.planId)))
      .where(
        and(
          eq(s.boardGoalUnits.organizationId, org),
          eq(s.plans.year, period.year),
          inArray(s.boardGoalUnits.unitId, scope),
          isNull(s.boardGoals.archivedAt),
        ),
      )
      .orderBy(s.boardGoals.id, asc(s.boardGoalUnits.position)),
    db
      .select({
        id: s.assignments.id,
        title: s.assignments.title,
        issuer: s.assignments.issuer,
        dueDate: s.assignments.dueDate,
        unitId: s.assignmentUnits.unitId,
      })
      .from(s.assignmentUnits)
      .innerJoin(s.assignments, and(eq(s.assignments.organizationId, org), eq(s.assignments.id, s.assignmentUnits.assignmentId)))
      .where(and(eq(s.assignmentUnits.organizationId, org), inArray(s.assignmentUnits.unitId, scope), isNull(s.assignments.archivedAt)))
      .orderBy(asc(s.assignments.sortOrder)),
    db
      .selectDistinctOn([s.readinessEvents.unitId], {
        unitId: s.readinessEvents.unitId,
        ready: s.readinessEvents.ready,
        seq: s.readinessEvents.seq,
      })
      .from(s.readinessEvents)
      .where(
        and(
          eq(s.readinessEvents.organizationId, org),
          eq(s.readinessEvents.periodId, periodId),
          inArray(s.readinessEvents.unitId, knownRoots),
        ),
      )
      .orderBy(s.readinessEvents.unitId, desc(s.readinessEvents.seq)),
    listOpenRevisions(db, user, periodId, scope),
  ]);
  const sentBack = (kind: ReportingItemDTO['kind'], id: string, unitId: string | null) => {
    const r = revisions.find((x) => x.itemKind === kind && x.itemId === id && (unitId === null || x.unitId === unitId));
    return r ? { comment: r.comment, authorName: r.authorName, createdAt: r.createdAt } : null;
  };

  const dueIndicators = indicators.filter((i) => isDueInPeriod(i.frequency, i.yearlyPeriodKind, period.kind));
  const [values, assessments, reports] = await Promise.all([
    dueIndicators.length
      ? db
          .selectDistinctOn([s.indicatorValues.indicatorId], {
            id: s.indicatorValues.indicatorId,
            colour: s.indicatorValues.computedColour,
            chosen: s.indicatorValues.chosenColour,
          })
          .from(s.indicatorValues)
          .where(
            and(
              eq(s.indicatorValues.organizationId, org),
              eq(s.indicatorValues.periodId, periodId),
              inArray(
                s.indicatorValues.indicatorId,
                dueIndicators.map((i) => i.id),
              ),
            ),
          )
          .orderBy(s.indicatorValues.indicatorId, desc(s.indicatorValues.seq))
      : [],
    goals.length
      ? db
          .selectDistinctOn([s.goalAssessments.goalId], {
            id: s.goalAssessments.goalId,
            colour: s.goalAssessments.computedColour,
            chosen: s.goalAssessments.chosenColour,
          })
          .from(s.goalAssessments)
          .where(
            and(
              eq(s.goalAssessments.organizationId, org),
              eq(s.goalAssessments.periodId, periodId),
              inArray(
                s.goalAssessments.goalId,
                goals.map((g) => g.id),
              ),
            ),
          )
          .orderBy(s.goalAssessments.goalId, desc(s.goalAssessments.seq))
      : [],
    assignments.length
      ? db
          .selectDistinctOn([s.assignmentReports.assignmentId, s.assignmentReports.unitId], {
            assignmentId: s.assignmentReports.assignmentId,
            unitId: s.assignmentReports.unitId,
            status: s.assignmentReports.status,
          })
          .from(s.assignmentReports)
          .where(
            and(
              eq(s.assignmentReports.organizationId, org),
              eq(s.assignmentReports.periodId, periodId),
              inArray(
                s.assignmentReports.assignmentId,
                assignments.map((a) => a.id),
              ),
            ),
          )
          .orderBy(s.assignmentReports.assignmentId, s.assignmentReports.unitId, desc(s.assignmentReports.seq))
      : [],
  ]);

  const valueOf = new Map(values.map((v) => [v.id, v]));
  const assessmentOf = new Map(assessments.map((a) => [a.id, a]));
  const reportOf = new Map(reports.map((r) => [`${r.assignmentId}:${r.unitId}`, r]));
  const q = `?period=${periodId}`;
  const today = new Date().toISOString().slice(0, 10);
  const reportable = (kind: 'value' | 'goal' | 'report', unitId: string, boardId: string | null) =>
    can(user, 'report', { kind, organizationId: org, unitIds: [unitId], locked: isLockedFor(lock, boardId) });

  const items: ReportingItemDTO[] = [
    ...dueIndicators.map((i): ReportingItemDTO => {
      const v = valueOf.get(i.id);
      return {
        kind: 'indicator',
        id: i.id,
        unitId: i.unitId,
        unitName: tree.name(i.unitId),
        title: i.name,
        context: `Mått under ${boardGoalTitle(tree.name(i.boardId), i.goalNumber)}`,
        reported: v !== undefined,
        colour: v ? (v.chosen ?? v.colour) : null,
        status: null,
        overdue: false,
        canReport: reportable('value', i.unitId, i.boardId),
        href: `/rapportering/matt/${i.id}${q}`,
        sentBack: sentBack('indicator', i.id, null),
      };
    }),
    ...goals.map((g): ReportingItemDTO => {
      const a = assessmentOf.get(g.id);
      return {
        kind: 'goal',
        id: g.id,
        unitId: g.unitId,
        unitName: tree.name(g.unitId),
        title: `${boardGoalTitle(tree.name(g.boardId), g.number)}: ${g.text}`,
        context: 'Bedömning av målet',
        reported: a !== undefined,
        colour: a ? (a.chosen ?? a.colour) : null,
        status: null,
        overdue: false,
        canReport: reportable('goal', g.unitId, g.boardId),
        href: `/rapportering/mal/${g.id}${q}`,
        sentBack: sentBack('goal', g.id, null),
      };
    }),
    ...assignments.map((a): ReportingItemDTO => {
      const r = reportOf.get(`${a.id}:${a.unitId}`);
      return {
        kind: 'assignment',
        id: a.id,
        unitId: a.unitId,
        unitName: tree.name(a.unitId),
        title: a.title,
        context: a.issuer === 'council' ? 'Uppdrag från kommunfullmäktige' : 'Uppdrag från nämnden',
        reported: r !== undefined,
        colour: null,
        status: r?.status ?? null,
        overdue: isOverdue(r?.status ?? null, a.dueDate, today),
        canReport: reportable('report', a.unitId, tree.boardOf(a.unitId)),
        href: `/rapportering/uppdrag/${a.id}/${a.unitId}${q}`,
        sentBack: sentBack('assignment', a.id, a.unitId),
      };
    }),
  ].sort((x, y) => Number(!x.sentBack) - Number(!y.sentBack) || Number(x.reported) - Number(y.reported)); // sent back, then missing, first

  const readyOf = new Map(readiness.map((r) => [r.unitId, r]));
  return {
    period,
    scopeUnitNames: knownRoots.map((r) => tree.name(r)),
    items,
    reportedCount: items.filter((i) => i.reported).length,
    readiness: knownRoots.map((unitId) => {
      // A unit outside every board (an external body) belongs to the boards it reports to.
      const own = tree.boardOf(unitId);
      const inScope = descendants(tree, [unitId]);
      const boards = own
        ? [own]
        : [...new Set([...dueIndicators, ...goals].filter((x) => inScope.has(x.unitId)).map((x) => x.boardId))];
      const locked = isLockedForAny(lock, boards);
      return {
        unitId,
        unitName: tree.name(unitId),
        ready: readyOf.get(unitId)?.ready ?? false,
        seq: readyOf.get(unitId)?.seq ?? 0,
        locked,
        canChange: can(user, 'report', { kind: 'unit', organizationId: org, unitIds: [unitId], locked }),
      };
    }),
  };
}
