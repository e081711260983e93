// The one loader of a period's content (lib/period-content.ts): the structure of the
// period's year with its archive marks, and the newest version of every value,
// assessment, report, text, readiness and approval in the period, with the revision
// requests that still stand. A fixed number of queries whatever the size, run together
// (four fewer for a page that shows no written texts, three fewer for a read of the goals
// alone: ContentScope).
// Every screen and file of a period reads through this and builds itself with a pure
// function of the content; what is live is decided by lib/live.ts alone.
import 'server-only';
import { and, asc, eq, gt, inArray, notExists, or, sql, type Placeholder } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { newestVersions } from './history';
import type { Period } from '@/lib/period';
import type { PeriodContent } from '@/lib/period-content';
import type { RankContext } from '@/lib/kolada-rank';

/**
 * The revision requests of a period that no later save of their item has answered (of one
 * item, when given). The values may be placeholders, for a query built once (db/prepared.ts).
 */
export function openRevisionRows(
  db: Db,
  org: string | Placeholder,
  periodId: string | Placeholder,
  item?: { kind: 'indicator' | 'goal' | 'narrative' | 'assignment' | Placeholder; id: string | Placeholder },
) {
  const savedAfter = (table: typeof s.indicatorValues | typeof s.goalAssessments, item: typeof s.indicatorValues.indicatorId | typeof s.goalAssessments.goalId) =>
    notExists(
      db
        .select({ one: sql`1` })
        .from(table)
        .where(
          and(
            eq(table.organizationId, s.revisionRequests.organizationId),
            eq(item, s.revisionRequests.itemId),
            eq(table.periodId, s.revisionRequests.periodId),
            gt(table.createdAt, s.revisionRequests.createdAt),
          ),
        ),
    );
  return db
    .select({
      itemKind: s.revisionRequests.itemKind,
      itemId: s.revisionRequests.itemId,
      unitId: s.revisionRequests.unitId,
      comment: s.revisionRequests.comment,
      createdAt: s.revisionRequests.createdAt,
      authorName: s.users.name,
    })
    .from(s.revisionRequests)
    .innerJoin(s.users, and(eq(s.users.organizationId, org), eq(s.users.id, s.revisionRequests.authorId)))
    .where(
      and(
        eq(s.revisionRequests.organizationId, org),
        eq(s.revisionRequests.periodId, periodId),
        item ? and(eq(s.revisionRequests.itemKind, item.kind), eq(s.revisionRequests.itemId, item.id)) : undefined,
        or(
          and(eq(s.revisionRequests.itemKind, 'indicator'), savedAfter(s.indicatorValues, s.indicatorValues.indicatorId)),
          and(eq(s.revisionRequests.itemKind, 'goal'), savedAfter(s.goalAssessments, s.goalAssessments.goalId)),
          and(
            eq(s.revisionRequests.itemKind, 'narrative'),
            notExists(
              db
                .select({ one: sql`1` })
                .from(s.narrativeVersions)
                .where(
                  and(
                    eq(s.narrativeVersions.organizationId, s.revisionRequests.organizationId),
                    eq(s.narrativeVersions.partId, s.revisionRequests.itemId),
                    eq(s.narrativeVersions.periodId, s.revisionRequests.periodId),
                    gt(s.narrativeVersions.createdAt, s.revisionRequests.createdAt),
                  ),
                ),
            ),
          ),
          and(
            eq(s.revisionRequests.itemKind, 'assignment'),
            notExists(
              db
                .select({ one: sql`1` })
                .from(s.assignmentReports)
                .where(
                  and(
                    eq(s.assignmentReports.organizationId, s.revisionRequests.organizationId),
                    eq(s.assignmentReports.assignmentId, s.revisionRequests.itemId),
                    eq(s.assignmentReports.unitId, s.revisionRequests.unitId),
                    eq(s.assignmentReports.periodId, s.revisionRequests.periodId),
                    gt(s.assignmentReports.createdAt, s.revisionRequests.createdAt),
                  ),
                ),
            ),
          ),
        ),
      ),
    )
    .orderBy(asc(s.revisionRequests.createdAt));
}

/** The newest approval row of every board's period (with the snapshot it froze). */
export function newestApprovalRows(db: Db, org: string, periodId: string) {
  return newestVersions(
    db,
    'approvals',
    org,
    {
      boardId: s.approvals.boardId,
      seq: s.approvals.seq,
      action: s.approvals.action,
      reason: s.approvals.reason,
      snapshot: s.approvals.snapshot,
      authorName: s.users.name,
      createdAt: s.approvals.createdAt,
    },
    eq(s.approvals.periodId, periodId),
    { withAuthor: true },
  );
}

/** What a caller needs of the period: the whole organization, or one board's plan. */
export interface ContentScope {
  /**
   * Only this board's plan, with its goals, indicators and their values and assessments
   * (filtered in SQL). Units, focus areas, assignments, texts, readiness and approvals stay
   * whole: they are small, and a board's view needs the kommun's tree and assignments.
   */
  boardId?: string | null;
  /**
   * false: leave out the period's written texts — the plans' text blocks, the report
   * template's chapters and parts, and their narratives (texts, chapters, chapterParts and
   * narratives come back empty, and their four statements are not run). For a page that
   * shows none of them (Avvikelser); default true.
   */
  texts?: boolean;
  /**
   * false: leave out the assignments, their units and their reports (assignments,
   * assignmentUnits and reports come back empty, and their three statements are not run).
   * For a read that looks only at the goals (last year's goals in the overview); default true.
   */
  assignments?: boolean;
}

/**
 * Everything the period's surfaces show, for the whole organization or one board's plan
 * (unfiltered by liveness: ask liveContent).
 */
export async function loadPeriodContent(db: Db, org: string, period: Period, scope: ContentScope = {}): Promise<PeriodContent> {
  const ofYear = and(
    eq(s.plans.organizationId, org),
    eq(s.plans.year, period.year),
    scope.boardId ? eq(s.plans.boardId, scope.boardId) : undefined,
  );
  // The scope's goals and indicators, as subqueries for the history tables.
  const scopedGoals = scope.boardId
    ? db
        .select({ id: s.boardGoals.id })
        .from(s.boardGoals)
        .innerJoin(s.plans, and(ofYear, eq(s.plans.id, s.boardGoals.planId)))
        .where(eq(s.boardGoals.organizationId, org))
    : null;
  const scopedIndicators = scope.boardId
    ? db
        .select({ id: s.indicators.id })
        .from(s.indicators)
        .innerJoin(s.boardGoals, and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, s.indicators.goalId)))
        .innerJoin(s.plans, and(ofYear, eq(s.plans.id, s.boardGoals.planId)))
        .where(eq(s.indicators.organizationId, org))
    : null;
  // The written texts' reads, or no rows without running them (scope.texts false).
  const ifTexts = <T,>(read: () => Promise<T[]>): Promise<T[]> => (scope.texts === false ? Promise.resolve([]) : read());
  const ifAssignments = <T,>(read: () => Promise<T[]>): Promise<T[]> => (scope.assignments === false ? Promise.resolve([]) : read());
  const [
    units,
    focusAreas,
    councilGoals,
    plans,
    goals,
    bearings,
    goalUnits,
    indicators,
    assignments,
    assignmentUnits,
    values,
    assessments,
    reports,
    texts,
    readiness,
    revisions,
    approvals,
    chapters,
    chapterParts,
    narratives,
  ] = await Promise.all([
    db
      .select({ id: s.units.id, name: s.units.name, kind: s.units.kind, parentId: s.units.parentId })
      .from(s.units)
      .where(eq(s.units.organizationId, org))
      .orderBy(asc(s.units.sortOrder), asc(s.units.name)),
    db
      .select({
        id: s.focusAreas.id,
        number: s.focusAreas.number,
        name: s.focusAreas.name,
        parentId: s.focusAreas.parentId,
        validFrom: s.focusAreas.validFrom,
        validTo: s.focusAreas.validTo,
        archivedAt: s.focusAreas.archivedAt,
      })
      .from(s.focusAreas)
      .where(eq(s.focusAreas.organizationId, org))
      .orderBy(asc(s.focusAreas.sortOrder), asc(s.focusAreas.name)),
    db
      .select({
        id: s.councilGoals.id,
        focusAreaId: s.councilGoals.focusAreaId,
        text: s.councilGoals.text,
        phrase: s.councilGoals.phrase,
        validFrom: s.councilGoals.validFrom,
        validTo: s.councilGoals.validTo,
        archivedAt: s.councilGoals.archivedAt,
      })
      .from(s.councilGoals)
      .where(eq(s.councilGoals.organizationId, org))
      .orderBy(asc(s.councilGoals.sortOrder)),
    db
      .select({ id: s.plans.id, code: s.plans.code, boardId: s.plans.boardId, year: s.plans.year, archivedAt: s.plans.archivedAt })
      .from(s.plans)
      .where(ofYear),
    db
      .select({
        id: s.boardGoals.id,
        code: s.boardGoals.code,
        planId: s.boardGoals.planId,
        planYear: s.plans.year,
        planArchivedAt: s.plans.archivedAt,
        boardId: s.plans.boardId,
        focusAreaId: s.boardGoals.focusAreaId,
        number: s.boardGoals.number,
        text: s.boardGoals.text,
        methodText: s.boardGoals.methodText,
        rule: s.boardGoals.rule,
        reportYearRow: s.boardGoals.reportYearRow,
        archivedAt: s.boardGoals.archivedAt,
      })
      .from(s.boardGoals)
      .innerJoin(s.plans, and(ofYear, eq(s.plans.id, s.boardGoals.planId)))
      .where(eq(s.boardGoals.organizationId, org))
      .orderBy(asc(s.boardGoals.number)),
    db
      .select({ goalId: s.boardGoalCouncilGoals.boardGoalId, councilGoalId: s.boardGoalCouncilGoals.councilGoalId })
      .from(s.boardGoalCouncilGoals)
      .innerJoin(s.boardGoals, and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, s.boardGoalCouncilGoals.boardGoalId)))
      .innerJoin(s.plans, and(ofYear, eq(s.plans.id, s.boardGoals.planId)))
      .innerJoin(s.councilGoals, and(eq(s.councilGoals.organizationId, org), eq(s.councilGoals.id, s.boardGoalCouncilGoals.councilGoalId)))
      .where(eq(s.boardGoalCouncilGoals.organizationId, org))
      .orderBy(asc(s.councilGoals.sortOrder)),
    db
      .select({ goalId: s.boardGoalUnits.boardGoalId, unitId: s.boardGoalUnits.unitId })
      .from(s.boardGoalUnits)
      .innerJoin(s.boardGoals, and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, s.boardGoalUnits.boardGoalId)))
      .innerJoin(s.plans, and(ofYear, eq(s.plans.id, s.boardGoals.planId)))
      .where(eq(s.boardGoalUnits.organizationId, org))
      .orderBy(asc(s.boardGoalUnits.position)),
    db
      .select({
        id: s.indicators.id,
        code: s.indicators.code,
        goalId: s.indicators.goalId,
        planYear: s.plans.year,
        planArchivedAt: s.plans.archivedAt,
        goalArchivedAt: s.boardGoals.archivedAt,
        name: s.indicators.name,
        unitOfMeasure: s.indicators.unitOfMeasure,
        decimals: s.indicators.decimals,
        comparator: s.indicators.comparator,
        targetValue: s.indicators.targetValue,
        targetLow: s.indicators.targetLow,
        targetHigh: s.indicators.targetHigh,
        direction: s.indicators.direction,
        tolerance: s.indicators.tolerance,
        targetLabel: s.indicators.targetLabel,
        trendTolerance: s.indicators.trendTolerance,
        frequency: s.indicators.frequency,
        yearlyPeriodKind: s.indicators.yearlyPeriodKind,
        baselineValue: s.indicators.baselineValue,
        baselineYear: s.indicators.baselineYear,
        responsibleUnitId: s.indicators.responsibleUnitId,
        continuesId: s.indicators.continuesId,
        archivedAt: s.indicators.archivedAt,
      })
      .from(s.indicators)
      .innerJoin(s.boardGoals, and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, s.indicators.goalId)))
      .innerJoin(s.plans, and(ofYear, eq(s.plans.id, s.boardGoals.planId)))
      .where(eq(s.indicators.organizationId, org))
      .orderBy(asc(s.boardGoals.number), asc(s.indicators.sortOrder)),
    ifAssignments(() =>
      db
        .select({
          id: s.assignments.id,
          code: s.assignments.code,
          issuer: s.assignments.issuer,
          issuerBoardId: s.assignments.issuerBoardId,
          decisionDate: s.assignments.decisionDate,
          diaryNumber: s.assignments.diaryNumber,
          title: s.assignments.title,
          description: s.assignments.description,
          focusAreaId: s.assignments.focusAreaId,
          dueDate: s.assignments.dueDate,
          groupLabel: s.assignments.groupLabel,
          archivedAt: s.assignments.archivedAt,
        })
        .from(s.assignments)
        .where(eq(s.assignments.organizationId, org))
        .orderBy(asc(s.assignments.sortOrder), asc(s.assignments.code)),
    ),
    ifAssignments(() =>
      db
        .select({ assignmentId: s.assignmentUnits.assignmentId, unitId: s.assignmentUnits.unitId })
        .from(s.assignmentUnits)
        .where(eq(s.assignmentUnits.organizationId, org))
        .orderBy(asc(s.assignmentUnits.position)),
    ),
    newestVersions(
      db,
      'indicatorValues',
      org,
      {
        indicatorId: s.indicatorValues.indicatorId,
        seq: s.indicatorValues.seq,
        outcome: s.indicatorValues.outcome,
        referenceNote: s.indicatorValues.referenceNote,
        analysis: s.indicatorValues.analysis,
        computedColour: s.indicatorValues.computedColour,
        chosenColour: s.indicatorValues.chosenColour,
        colourJustification: s.indicatorValues.colourJustification,
        computedTrend: s.indicatorValues.computedTrend,
        chosenTrend: s.indicatorValues.chosenTrend,
        trendJustification: s.indicatorValues.trendJustification,
        koladaContext: s.indicatorValues.koladaContext,
      },
      and(eq(s.indicatorValues.periodId, period.id), scopedIndicators ? inArray(s.indicatorValues.indicatorId, scopedIndicators) : undefined),
    ),
    newestVersions(
      db,
      'goalAssessments',
      org,
      {
        goalId: s.goalAssessments.goalId,
        seq: s.goalAssessments.seq,
        computedColour: s.goalAssessments.computedColour,
        chosenColour: s.goalAssessments.chosenColour,
        justification: s.goalAssessments.justification,
        forecastColour: s.goalAssessments.forecastColour,
        analysis: s.goalAssessments.analysis,
      },
      and(eq(s.goalAssessments.periodId, period.id), scopedGoals ? inArray(s.goalAssessments.goalId, scopedGoals) : undefined),
    ),
    ifAssignments(() =>
      newestVersions(
        db,
        'assignmentReports',
        org,
        {
          assignmentId: s.assignmentReports.assignmentId,
          unitId: s.assignmentReports.unitId,
          seq: s.assignmentReports.seq,
          status: s.assignmentReports.status,
          heading: s.assignmentReports.heading,
          body: s.assignmentReports.body,
          createdAt: s.assignmentReports.createdAt,
        },
        eq(s.assignmentReports.periodId, period.id),
      ),
    ),
    ifTexts(() =>
      newestVersions(
        db,
        'textBlockVersions',
        org,
        {
          textBlockId: s.textBlockVersions.textBlockId,
          planId: s.textBlocks.planId,
          slot: s.textBlocks.slot,
          focusAreaId: s.textBlocks.focusAreaId,
          seq: s.textBlockVersions.seq,
          heading: s.textBlockVersions.heading,
          body: s.textBlockVersions.body,
        },
        eq(s.textBlocks.periodId, period.id),
        { withTextBlock: true },
      ),
    ),
    newestVersions(
      db,
      'readinessEvents',
      org,
      { unitId: s.readinessEvents.unitId, seq: s.readinessEvents.seq, ready: s.readinessEvents.ready, comment: s.readinessEvents.comment },
      eq(s.readinessEvents.periodId, period.id),
    ),
    openRevisionRows(db, org, period.id),
    newestApprovalRows(db, org, period.id),
    ifTexts(() =>
      db
        .select({ id: s.reportChapters.id, kind: s.reportChapters.kind, title: s.reportChapters.title, archivedAt: s.reportChapters.archivedAt })
        .from(s.reportChapters)
        .where(and(eq(s.reportChapters.organizationId, org), eq(s.reportChapters.periodKind, period.kind)))
        .orderBy(asc(s.reportChapters.sortOrder), asc(s.reportChapters.createdAt)),
    ),
    ifTexts(() =>
      db
        .select({
          id: s.reportChapterParts.id,
          chapterId: s.reportChapterParts.chapterId,
          heading: s.reportChapterParts.heading,
          unitId: s.reportChapterParts.unitId,
          archivedAt: s.reportChapterParts.archivedAt,
        })
        .from(s.reportChapterParts)
        .innerJoin(
          s.reportChapters,
          and(eq(s.reportChapters.organizationId, org), eq(s.reportChapters.id, s.reportChapterParts.chapterId), eq(s.reportChapters.periodKind, period.kind)),
        )
        .where(eq(s.reportChapterParts.organizationId, org))
        .orderBy(asc(s.reportChapterParts.sortOrder), asc(s.reportChapterParts.createdAt)),
    ),
    ifTexts(() =>
      newestVersions(
        db,
        'narrativeVersions',
        org,
        {
          partId: s.narrativeVersions.partId,
          seq: s.narrativeVersions.seq,
          body: s.narrativeVersions.body,
          authorName: s.users.name,
          createdAt: s.narrativeVersions.createdAt,
        },
        eq(s.narrativeVersions.periodId, period.id),
        { withAuthor: true },
      ),
    ),
  ]);

  const group = <T>(rows: T[], key: (row: T) => string, value: (row: T) => string) => {
    const map = new Map<string, string[]>();
    for (const row of rows) {
      const values = map.get(key(row));
      if (values) values.push(value(row));
      else map.set(key(row), [value(row)]);
    }
    return map;
  };
  const bearingsOf = group(bearings, (b) => b.goalId, (b) => b.councilGoalId);
  const unitsOfGoal = group(goalUnits, (u) => u.goalId, (u) => u.unitId);
  const unitsOfAssignment = group(assignmentUnits, (u) => u.assignmentId, (u) => u.unitId);

  return {
    period,
    units,
    focusAreas,
    councilGoals,
    plans,
    goals: goals.map((g) => ({ ...g, councilGoalIds: bearingsOf.get(g.id) ?? [], unitIds: unitsOfGoal.get(g.id) ?? [] })),
    indicators: indicators.map(({ comparator, targetValue, targetLow, targetHigh, direction, tolerance, ...i }) => ({
      ...i,
      target: { comparator, value: targetValue, low: targetLow, high: targetHigh, direction, tolerance },
    })),
    assignments: assignments.map((a) => ({ ...a, unitIds: unitsOfAssignment.get(a.id) ?? [] })),
    // jsonb: the fetch wrote it as lib/kolada-rank.ts' RankContext (db/kolada.ts).
    values: values.map((v) => ({ ...v, koladaContext: (v.koladaContext ?? null) as RankContext | null })),
    assessments,
    reports: reports.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    texts: texts.map(({ textBlockId: _id, ...t }) => t),
    readiness,
    revisions: revisions.map((r) => ({ ...r, createdAt: r.createdAt.toISOString() })),
    approvals: approvals.map((a) => ({ ...a, createdAt: a.createdAt.toISOString(), snapshot: a.action === 'approved' ? a.snapshot : null })),
    chapters,
    chapterParts,
    narratives: narratives.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })),
  };
}
