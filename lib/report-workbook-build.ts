// The workbook (XLSX) of a board's plan year (lib/report-workbook-model.ts), built from the
// board's report and the year's history: the newest value per indicator and period, and
// every version of every report on the board's own assignments.
import { periodLabel, type PeriodKind } from './period';
import { boardGoalTitle } from './swedish-text';
import type { Colour } from './colour';
import type { Trend } from './trend';
import type { ReportStatus } from './assignment-status';
import type { ReportModel } from './report-model';
import type { WorkbookModel, WorkbookReportParts } from './report-workbook-model';
import { colourLabel, colourSymbol } from './colour';
import { trendArrow, trendLabel } from './trend';
import { areaParts, focusAreaHeading, REPORT_LEGEND, type ReportFocusArea } from './report-model';
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
    parts: workbookReportParts(report),
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

const areaLabel = (area: ReportFocusArea) => focusAreaHeading(area);

/** The report's items as rows, part by part (what an approval freezes with the workbook). */
export function workbookReportParts(report: ReportModel): WorkbookReportParts {
  const texts: WorkbookReportParts['texts'] = [];
  if (report.intro) texts.push({ part: 'Mål och uppdrag', heading: null, text: report.intro });
  for (const area of report.focusAreas) {
    for (const c of area.councilGoals) texts.push({ part: areaLabel(area), heading: 'Kommunfullmäktiges mål', text: c });
    for (const n of area.notes) texts.push({ part: areaLabel(area), heading: n.heading, text: n.body });
  }
  for (const section of report.sections) texts.push({ part: section.heading, heading: null, text: section.body });
  if (report.boardAssignments.intro) {
    texts.push({ part: 'Uppföljning av nämnds uppdrag till förvaltning', heading: null, text: report.boardAssignments.intro });
  }
  type UnitRow = { unit: string | null; unitStatus: ReportStatus | null; heading: string | null; body: string | null };
  const reportRows = <T>(reports: ReportModel['focusAreas'][number]['councilAssignments'][number]['reports'], base: T): (T & UnitRow)[] =>
    reports.length
      ? reports.map((r) => ({ ...base, unit: r.unitName, unitStatus: r.status, heading: r.heading, body: r.body }))
      : [{ ...base, unit: null, unitStatus: null, heading: null, body: null }];
  // Each målområde's goals and KF assignments in the plan's order of its parts (as the report shows them).
  const inOrder = report.focusAreas.map((area) => {
    const parts = areaParts(area);
    return {
      area,
      goals: parts.flatMap((p) => p.goals.map((i) => area.goals[i]!)),
      assignments: parts.flatMap((p) => p.councilAssignments.map((i) => area.councilAssignments[i]!)),
    };
  });
  return {
    texts,
    legend: [
      ...REPORT_LEGEND.colours.map((c) => ({ kind: 'Färg' as const, mark: colourSymbol(c.colour), word: colourLabel(c.colour), text: c.text })),
      ...REPORT_LEGEND.trends.map((t) => ({ kind: 'Trend' as const, mark: trendArrow(t.trend), word: trendLabel(t.trend), text: t.text })),
    ],
    goals: inOrder.flatMap(({ area, goals }) =>
      goals.map((g) => ({
        focusArea: areaLabel(area),
        subArea: g.subArea,
        title: g.title,
        text: g.text,
        bearings: g.bearings,
        methodText: g.methodText,
        addressedTo: g.addressedTo,
        colour: g.colour,
        chosenColourReason: g.chosenColour ? (g.chosenColour.justification ?? '') : null,
        forecastColour: g.forecastColour,
        analysis: g.analysis,
      })),
    ),
    indicators: inOrder.flatMap(({ goals }) =>
      goals.flatMap((g) =>
        g.indicators.map((i) => ({
          goalTitle: g.title,
          indicator: i.name,
          unitOfMeasure: i.unitOfMeasure,
          targetLabel: i.targetLabel,
          outcome: i.outcome,
          decimals: i.decimals,
          colour: i.colour,
          trend: i.trend,
          analysis: i.analysis,
          referenceNote: i.referenceNote,
          chosenColourReason: i.chosenColour ? (i.chosenColour.justification ?? '') : null,
          chosenTrendReason: i.chosenTrend ? (i.chosenTrend.justification ?? '') : null,
        })),
      ),
    ),
    councilAssignments: inOrder.flatMap(({ assignments }) =>
      assignments.flatMap((a) => reportRows(a.reports, { focusArea: a.focusAreaLabel, subArea: a.subArea ?? null, assignment: a.title, status: a.status })),
    ),
    boardAssignments: report.boardAssignments.groups.flatMap((group) =>
      group.assignments.flatMap((a) =>
        reportRows(a.followUp, { group: group.label, assignment: a.title, description: a.description, status: a.status }),
      ),
    ),
  };
}
