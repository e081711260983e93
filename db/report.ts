// The "Mål och uppdrag" section of a board's report for a period (lib/report-model.ts),
// and the workbook of the plan year (lib/report-workbook-model.ts). An approved period's
// report comes from the snapshot frozen at approval; an open one is built live and marked
// preliminary. A fixed number of queries whatever the size.
import 'server-only';
import { and, asc, desc, eq, gte, inArray, isNull, lte, or } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from './client';
import * as s from './schema';
import { NotFoundError } from '@/lib/errors';
import { loadUnitTree } from './unit-tree';
import { newestGoalAssessments, newestIndicatorValues } from './queries/newest-in-period';
import { getPeriod, type PeriodDTO } from './queries/periods';
import type { BoardSnapshot } from './queries/overview-parts';
import type { CurrentUser } from '@/lib/current-user';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { goalAttainment } from '@/lib/goal-rule';
import { assignmentStatus } from '@/lib/assignment-status';
import { periodLabel } from '@/lib/period';
import { boardGoalTitle, genitive } from '@/lib/swedish-text';
import type { ReportFocusArea, ReportModel, ReportUnitReport } from '@/lib/report-model';
import type { WorkbookModel } from '@/lib/report-workbook-model';

const SECTION_HEADINGS = { overall_perspective: 'Övergripande perspektiv' } as const;

/** The newest approval of a board's period: its snapshot when it is an approval. */
async function approvedSnapshot(db: Db, org: string, boardId: string, periodId: string) {
  const [row] = await db
    .select({ action: s.approvals.action, snapshot: s.approvals.snapshot, createdAt: s.approvals.createdAt })
    .from(s.approvals)
    .where(and(eq(s.approvals.organizationId, org), eq(s.approvals.boardId, boardId), eq(s.approvals.periodId, periodId)))
    .orderBy(desc(s.approvals.seq))
    .limit(1);
  return row?.action === 'approved' ? { snapshot: row.snapshot as BoardSnapshot | null, approvedAt: row.createdAt.toISOString() } : null;
}

async function boardOf(db: Db, org: string, boardId: string) {
  const [board] = await db
    .select({ id: s.units.id, name: s.units.name })
    .from(s.units)
    .where(and(eq(s.units.organizationId, org), eq(s.units.id, boardId), eq(s.units.kind, 'board')));
  if (!board) throw new NotFoundError('board');
  return board;
}

/** The report as it is to be shown: from the approval snapshot when approved, else live. */
export async function getBoardReport(db: Db, user: CurrentUser | null, boardId: string, periodId: string): Promise<ReportModel> {
  const org = authorizeInOwnOrganization(user, 'read', 'plan');
  const [period, board, approved] = await Promise.all([
    getPeriod(db, user, periodId),
    boardOf(db, org, boardId),
    approvedSnapshot(db, org, boardId, periodId),
  ]);
  if (approved?.snapshot?.report) return { ...approved.snapshot.report, preliminary: false, approvedAt: approved.approvedAt };
  const live = await buildLiveReport(db, org, board, period);
  return approved ? { ...live, preliminary: false, approvedAt: approved.approvedAt } : live;
}

/** The report built from the current data (what an approval freezes). */
export async function buildLiveReport(db: Db, org: string, board: { id: string; name: string }, period: PeriodDTO): Promise<ReportModel> {
  const validInYear = (from: AnyPgColumn, to: AnyPgColumn) => and(lte(from, period.year), or(isNull(to), gte(to, period.year)));
  const [plan] = await db
    .select({ id: s.plans.id })
    .from(s.plans)
    .where(and(eq(s.plans.organizationId, org), eq(s.plans.boardId, board.id), eq(s.plans.year, period.year), isNull(s.plans.archivedAt)));
  const planId = plan?.id ?? '00000000-0000-0000-0000-000000000000';

  const [areas, councilGoals, goals, bearings, goalUnits, indicators, values, assessments, texts, assignments, assignmentUnits, reports, tree] =
    await Promise.all([
      db
        .select({ id: s.focusAreas.id, number: s.focusAreas.number, name: s.focusAreas.name, parentId: s.focusAreas.parentId })
        .from(s.focusAreas)
        .where(and(eq(s.focusAreas.organizationId, org), isNull(s.focusAreas.archivedAt), validInYear(s.focusAreas.validFrom, s.focusAreas.validTo)))
        .orderBy(asc(s.focusAreas.sortOrder)),
      db
        .select({ id: s.councilGoals.id, focusAreaId: s.councilGoals.focusAreaId, text: s.councilGoals.text, phrase: s.councilGoals.phrase })
        .from(s.councilGoals)
        .where(
          and(eq(s.councilGoals.organizationId, org), isNull(s.councilGoals.archivedAt), validInYear(s.councilGoals.validFrom, s.councilGoals.validTo)),
        )
        .orderBy(asc(s.councilGoals.sortOrder)),
      db
        .select()
        .from(s.boardGoals)
        .where(and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.planId, planId), isNull(s.boardGoals.archivedAt)))
        .orderBy(asc(s.boardGoals.number)),
      db
        .select({ goalId: s.boardGoalCouncilGoals.boardGoalId, councilGoalId: s.boardGoalCouncilGoals.councilGoalId })
        .from(s.boardGoalCouncilGoals)
        .where(eq(s.boardGoalCouncilGoals.organizationId, org)),
      db
        .select({ goalId: s.boardGoalUnits.boardGoalId, unitId: s.boardGoalUnits.unitId })
        .from(s.boardGoalUnits)
        .where(eq(s.boardGoalUnits.organizationId, org))
        .orderBy(asc(s.boardGoalUnits.position)),
      db
        .select({
          id: s.indicators.id,
          goalId: s.indicators.goalId,
          name: s.indicators.name,
          targetLabel: s.indicators.targetLabel,
          decimals: s.indicators.decimals,
          unitOfMeasure: s.indicators.unitOfMeasure,
        })
        .from(s.indicators)
        .innerJoin(s.boardGoals, and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, s.indicators.goalId)))
        .where(and(eq(s.indicators.organizationId, org), eq(s.boardGoals.planId, planId), isNull(s.indicators.archivedAt)))
        .orderBy(asc(s.indicators.sortOrder)),
      newestIndicatorValues(db, org, period.id),
      newestGoalAssessments(db, org, period.id),
      db
        .selectDistinctOn([s.textBlockVersions.textBlockId], {
          slot: s.textBlocks.slot,
          focusAreaId: s.textBlocks.focusAreaId,
          heading: s.textBlockVersions.heading,
          body: s.textBlockVersions.body,
        })
        .from(s.textBlockVersions)
        .innerJoin(s.textBlocks, and(eq(s.textBlocks.organizationId, org), eq(s.textBlocks.id, s.textBlockVersions.textBlockId)))
        .where(and(eq(s.textBlockVersions.organizationId, org), eq(s.textBlocks.planId, planId), eq(s.textBlocks.periodId, period.id)))
        .orderBy(s.textBlockVersions.textBlockId, desc(s.textBlockVersions.seq)),
      db
        .select()
        .from(s.assignments)
        .where(and(eq(s.assignments.organizationId, org), isNull(s.assignments.archivedAt)))
        .orderBy(asc(s.assignments.sortOrder)),
      db
        .select({ assignmentId: s.assignmentUnits.assignmentId, unitId: s.assignmentUnits.unitId })
        .from(s.assignmentUnits)
        .where(eq(s.assignmentUnits.organizationId, org))
        .orderBy(asc(s.assignmentUnits.position)),
      db
        .selectDistinctOn([s.assignmentReports.assignmentId, s.assignmentReports.unitId], {
          assignmentId: s.assignmentReports.assignmentId,
          unitId: s.assignmentReports.unitId,
          status: s.assignmentReports.status,
          heading: s.assignmentReports.heading,
          body: s.assignmentReports.body,
        })
        .from(s.assignmentReports)
        .where(and(eq(s.assignmentReports.organizationId, org), eq(s.assignmentReports.periodId, period.id)))
        .orderBy(s.assignmentReports.assignmentId, s.assignmentReports.unitId, desc(s.assignmentReports.seq)),
      loadUnitTree(db, org),
    ]);

  const areaById = new Map(areas.map((a) => [a.id, a]));
  const topOf = (id: string): string => {
    const parent = areaById.get(id)?.parentId;
    return parent && areaById.has(parent) ? topOf(parent) : id;
  };
  const subName = (id: string) => {
    const a = areaById.get(id);
    return a?.parentId ? a.name : null;
  };
  const councilGoal = new Map(councilGoals.map((c) => [c.id, c]));
  const valueOf = new Map(values.map((v) => [v.indicatorId, v]));
  const assessmentOf = new Map(assessments.map((a) => [a.goalId, a]));
  const reportOf = new Map(reports.map((r) => [`${r.assignmentId}:${r.unitId}`, r]));
  const unitsOf = (assignmentId: string) => assignmentUnits.filter((u) => u.assignmentId === assignmentId).map((u) => u.unitId);
  const unitReports = (assignmentId: string): ReportUnitReport[] =>
    unitsOf(assignmentId).flatMap((unitId) => {
      const r = reportOf.get(`${assignmentId}:${unitId}`);
      return r ? [{ unitName: tree.name(unitId), status: r.status, heading: r.heading, body: r.body }] : [];
    });
  const statusOf = (assignmentId: string) => assignmentStatus(unitsOf(assignmentId).map((u) => reportOf.get(`${assignmentId}:${u}`)?.status ?? null));
  const areaLabel = (focusAreaId: string | null) => {
    if (!focusAreaId) return '';
    const top = areaById.get(topOf(focusAreaId));
    const sub = subName(focusAreaId);
    return `${top?.number != null ? `Målområde ${top.number} – ` : ''}${top?.name ?? ''}${sub ? `: ${sub}` : ''}`;
  };
  // A council assignment belongs in this board's report when one of its responsible units is in the board.
  const councilAssignments = assignments.filter((a) => a.issuer === 'council' && unitsOf(a.id).some((u) => tree.boardOf(u) === board.id));

  const focusAreas: ReportFocusArea[] = areas
    .filter((a) => a.parentId === null)
    .map((area) => ({
      number: area.number,
      name: area.name,
      councilGoals: councilGoals.filter((c) => topOf(c.focusAreaId) === area.id).map((c) => c.text),
      notes: texts
        .filter((t) => t.slot === 'focus_area_note' && t.focusAreaId && topOf(t.focusAreaId) === area.id)
        .map((t) => ({ heading: t.heading, body: t.body })),
      goals: goals
        .filter((g) => topOf(g.focusAreaId) === area.id)
        .map((g) => {
          const inds = indicators
            .filter((i) => i.goalId === g.id)
            .map((i) => {
              const v = valueOf.get(i.id);
              return {
                name: i.name,
                targetLabel: i.targetLabel,
                decimals: i.decimals,
                unitOfMeasure: i.unitOfMeasure,
                outcome: v?.outcome ?? null,
                colour: v ? (v.chosenColour ?? v.computedColour) : ('grey' as const),
                trend: v ? (v.chosenTrend ?? v.computedTrend) : null,
                analysis: v?.analysis ?? null,
                referenceNote: v?.referenceNote ?? null,
              };
            });
          const assessed = assessmentOf.get(g.id);
          return {
            title: boardGoalTitle(board.name, g.number),
            text: g.text,
            bearings: bearings
              .filter((b) => b.goalId === g.id)
              .map((b) => councilGoal.get(b.councilGoalId))
              .flatMap((c) => (c ? [c.phrase ?? `om ${c.text.replace(/\.$/, '').toLowerCase()}`] : [])),
            methodText: g.methodText,
            addressedTo: goalUnits.filter((u) => u.goalId === g.id).map((u) => tree.name(u.unitId)),
            subArea: subName(g.focusAreaId),
            colour: assessed?.chosenColour ?? assessed?.computedColour ?? goalAttainment(g.rule, inds.map((i) => i.colour)),
            forecastColour: assessed?.forecastColour ?? null,
            analysis: assessed?.analysis ?? null,
            indicators: inds,
          };
        }),
      councilAssignments: councilAssignments
        .filter((a) => a.focusAreaId && topOf(a.focusAreaId) === area.id)
        .map((a) => ({ focusAreaLabel: areaLabel(a.focusAreaId), title: a.title, status: statusOf(a.id), reports: unitReports(a.id) })),
    }));

  const boardAssignments = assignments.filter((a) => a.issuer === 'board' && a.issuerBoardId === board.id);
  const groupLabels = [...new Set(boardAssignments.map((a) => a.groupLabel ?? 'Uppdrag'))];
  const text = (slot: string) => texts.find((t) => t.slot === slot) ?? null;
  return {
    version: 1,
    boardName: board.name,
    boardGenitive: genitive(board.name),
    period: { year: period.year, kind: period.kind, label: periodLabel(period.kind, period.year), endDate: period.endDate },
    preliminary: true,
    approvedAt: null,
    intro: text('goals_intro')?.body ?? null,
    focusAreas,
    sections: (['overall_perspective'] as const).flatMap((slot) => {
      const t = text(slot);
      return t ? [{ heading: t.heading ?? SECTION_HEADINGS[slot], body: t.body }] : [];
    }),
    boardAssignments: {
      intro: text('assignments_intro')?.body ?? null,
      groups: groupLabels.map((label) => ({
        label,
        assignments: boardAssignments
          .filter((a) => (a.groupLabel ?? 'Uppdrag') === label)
          .map((a) => ({ title: a.title, description: a.description, status: statusOf(a.id), followUp: unitReports(a.id) })),
      })),
    },
  };
}

/** The workbook for a board's plan year: goals, every indicator value, every assignment report. */
export async function getBoardWorkbook(db: Db, user: CurrentUser | null, boardId: string, periodId: string): Promise<WorkbookModel> {
  const report = await getBoardReport(db, user, boardId, periodId);
  const org = user!.organizationId;
  const period = await getPeriod(db, user, periodId);
  const [plan] = await db
    .select({ id: s.plans.id })
    .from(s.plans)
    .where(and(eq(s.plans.organizationId, org), eq(s.plans.boardId, boardId), eq(s.plans.year, period.year)));
  const planId = plan?.id ?? '00000000-0000-0000-0000-000000000000';
  const [goals, indicators, tree, assignments] = await Promise.all([
    db.select().from(s.boardGoals).where(and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.planId, planId))).orderBy(asc(s.boardGoals.number)),
    db
      .select({
        id: s.indicators.id,
        code: s.indicators.code,
        goalId: s.indicators.goalId,
        name: s.indicators.name,
        unitOfMeasure: s.indicators.unitOfMeasure,
        targetLabel: s.indicators.targetLabel,
        decimals: s.indicators.decimals,
      })
      .from(s.indicators)
      .innerJoin(s.boardGoals, and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, s.indicators.goalId)))
      .where(and(eq(s.indicators.organizationId, org), eq(s.boardGoals.planId, planId)))
      .orderBy(asc(s.boardGoals.number), asc(s.indicators.sortOrder)),
    loadUnitTree(db, org),
    db
      .select()
      .from(s.assignments)
      .where(and(eq(s.assignments.organizationId, org), eq(s.assignments.issuer, 'board'), eq(s.assignments.issuerBoardId, boardId)))
      .orderBy(asc(s.assignments.sortOrder)),
  ]);
  const goalTitle = new Map(goals.map((g) => [g.id, boardGoalTitle(tree.name(boardId), g.number)]));
  const [values, goalUnits, reports] = await Promise.all([
    indicators.length
      ? db
          .selectDistinctOn([s.indicatorValues.indicatorId, s.indicatorValues.periodId], {
            indicatorId: s.indicatorValues.indicatorId,
            seq: s.indicatorValues.seq,
            outcome: s.indicatorValues.outcome,
            colour: s.indicatorValues.computedColour,
            chosenColour: s.indicatorValues.chosenColour,
            trend: s.indicatorValues.computedTrend,
            chosenTrend: s.indicatorValues.chosenTrend,
            analysis: s.indicatorValues.analysis,
            savedBy: s.users.name,
            savedAt: s.indicatorValues.createdAt,
            year: s.periods.year,
            kind: s.periods.kind,
            endDate: s.periods.endDate,
          })
          .from(s.indicatorValues)
          .innerJoin(s.users, and(eq(s.users.organizationId, org), eq(s.users.id, s.indicatorValues.authorId)))
          .innerJoin(s.periods, and(eq(s.periods.organizationId, org), eq(s.periods.id, s.indicatorValues.periodId)))
          .where(
            and(
              eq(s.indicatorValues.organizationId, org),
              inArray(
                s.indicatorValues.indicatorId,
                indicators.map((i) => i.id),
              ),
              eq(s.periods.year, period.year),
            ),
          )
          .orderBy(s.indicatorValues.indicatorId, s.indicatorValues.periodId, desc(s.indicatorValues.seq))
      : [],
    db.select({ goalId: s.boardGoalUnits.boardGoalId, unitId: s.boardGoalUnits.unitId }).from(s.boardGoalUnits).where(eq(s.boardGoalUnits.organizationId, org)).orderBy(asc(s.boardGoalUnits.position)),
    assignments.length
      ? db
          .select({
            assignmentId: s.assignmentReports.assignmentId,
            unitId: s.assignmentReports.unitId,
            seq: s.assignmentReports.seq,
            status: s.assignmentReports.status,
            heading: s.assignmentReports.heading,
            body: s.assignmentReports.body,
            savedBy: s.users.name,
            savedAt: s.assignmentReports.createdAt,
            year: s.periods.year,
            kind: s.periods.kind,
          })
          .from(s.assignmentReports)
          .innerJoin(s.users, and(eq(s.users.organizationId, org), eq(s.users.id, s.assignmentReports.authorId)))
          .innerJoin(s.periods, and(eq(s.periods.organizationId, org), eq(s.periods.id, s.assignmentReports.periodId)))
          .where(
            and(
              eq(s.assignmentReports.organizationId, org),
              inArray(
                s.assignmentReports.assignmentId,
                assignments.map((a) => a.id),
              ),
            ),
          )
          .orderBy(asc(s.periods.endDate), asc(s.assignmentReports.seq))
      : [],
  ]);
  const reportGoals = report.focusAreas.flatMap((a) => a.goals.map((g) => ({ ...g, area: a })));
  const indicatorOf = new Map(indicators.map((i) => [i.id, i]));
  const assignmentOf = new Map(assignments.map((a) => [a.id, a]));
  return {
    boardName: report.boardName,
    year: period.year,
    periodLabel: report.period.label,
    preliminary: report.preliminary,
    approvedAt: report.approvedAt,
    goals: goals.map((g) => {
      const shown = reportGoals.find((r) => r.title === goalTitle.get(g.id));
      return {
        code: g.code,
        focusArea: shown ? `${shown.area.number != null ? `Målområde ${shown.area.number} – ` : ''}${shown.area.name}` : '',
        title: goalTitle.get(g.id)!,
        text: shown?.text ?? g.text,
        addressedTo: goalUnits.filter((u) => u.goalId === g.id).map((u) => tree.name(u.unitId)).join(', '),
        rule: g.rule,
        colour: shown?.colour ?? null,
        forecastColour: shown?.forecastColour ?? null,
      };
    }),
    indicatorValues: values
      .map((v) => {
        const i = indicatorOf.get(v.indicatorId)!;
        return {
          goalTitle: goalTitle.get(i.goalId) ?? '',
          code: i.code,
          indicator: i.name,
          unitOfMeasure: i.unitOfMeasure,
          targetLabel: i.targetLabel,
          period: periodLabel(v.kind, v.year),
          periodEnd: v.endDate,
          outcome: v.outcome,
          decimals: i.decimals,
          colour: v.chosenColour ?? v.colour,
          trend: v.chosenTrend ?? v.trend,
          analysis: v.analysis,
          version: v.seq,
          savedBy: v.savedBy,
          savedAt: v.savedAt.toISOString(),
        };
      })
      .sort((a, b) => a.code.localeCompare(b.code) || a.periodEnd.localeCompare(b.periodEnd)),
    assignmentReports: reports.map((r) => {
      const a = assignmentOf.get(r.assignmentId)!;
      return {
        code: a.code,
        assignment: a.title,
        issuer: tree.name(boardId),
        group: a.groupLabel,
        dueDate: a.dueDate,
        unit: tree.name(r.unitId),
        period: periodLabel(r.kind, r.year),
        status: r.status,
        heading: r.heading,
        body: r.body,
        version: r.seq,
        savedBy: r.savedBy,
        savedAt: r.savedAt.toISOString(),
      };
    }),
  };
}
