// The workbook (XLSX) of a board's plan year (lib/report-workbook-model.ts), built from the
// board's report and the year's history: the newest value per indicator and period, and
// every version of every report on the board's own assignments.
import { periodLabel, type PeriodKind } from './period';
import { boardGoalTitle } from './swedish-text';
import type { Colour } from './colour';
import type { Trend } from './trend';
import type { ReportStatus } from './assignment-status';
import type { ReportModel } from './report-model';
import type { WorkbookModel } from './report-workbook-model';
import { liveContent, type PeriodContent } from './period-content';
import { UnitTree } from './unit-tree';

export interface WorkbookValueRow {
  indicatorId: string;
  seq: number;
  outcome: number | null;
  colour: Colour;
  chosenColour: Colour | null;
  trend: Trend | null;
  chosenTrend: Trend | null;
  analysis: string | null;
  savedBy: string;
  savedAt: Date;
  year: number;
  kind: PeriodKind;
  endDate: string;
}

export interface WorkbookReportRow {
  assignmentId: string;
  unitId: string;
  seq: number;
  status: ReportStatus | null;
  heading: string | null;
  body: string | null;
  savedBy: string;
  savedAt: Date;
  year: number;
  kind: PeriodKind;
}

/** The board's live goals, indicators and own assignments in the period (what the workbook covers). */
export function workbookScope(content: PeriodContent, boardId: string) {
  const live = liveContent(content);
  const plan = live.plans.find((p) => p.boardId === boardId);
  const goals = live.goals.filter((g) => g.planId === plan?.id);
  const goalIds = new Set(goals.map((g) => g.id));
  const goalNumber = new Map(goals.map((g) => [g.id, g.number]));
  return {
    goals,
    indicators: live.indicators
      .filter((i) => goalIds.has(i.goalId))
      .sort((a, b) => (goalNumber.get(a.goalId) ?? 0) - (goalNumber.get(b.goalId) ?? 0)),
    assignments: live.assignments.filter((a) => a.issuer === 'board' && a.issuerBoardId === boardId),
  };
}

export function buildWorkbook(input: {
  content: PeriodContent;
  boardId: string;
  report: ReportModel;
  values: WorkbookValueRow[];
  reports: WorkbookReportRow[];
}): WorkbookModel {
  const { content, boardId, report, values, reports } = input;
  const { period } = content;
  const tree = new UnitTree(content.units);
  const { goals, indicators, assignments } = workbookScope(content, boardId);
  const goalTitle = new Map(goals.map((g) => [g.id, boardGoalTitle(tree.name(boardId), g.number)]));
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
        addressedTo: g.unitIds.map((u) => tree.name(u)).join(', '),
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
