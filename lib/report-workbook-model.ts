// What the XLSX download holds for a board and a plan year: one sheet per kind, every row a
// fact with typed cells (numbers as numbers, dates as dates).
import type { Colour } from './colour';
import type { Trend } from './trend';
import type { ReportStatus } from './assignment-status';

/**
 * The report's own items (lib/report-model.ts) as rows, part by part: what the section says,
 * so the workbook holds every item of the report as data. Built from the same report model
 * the page and the DOCX show (the approval snapshot's for an approved period).
 */
export interface WorkbookReportParts {
  /** The section's texts in report order: the intro, each målområde's KF-mål and notes, the other sections, the assignments' intro. */
  texts: { part: string; heading: string | null; text: string }[];
  /** "Förklaring till måluppfyllelse": the legend as the report has it. */
  legend: { kind: 'Färg' | 'Trend'; mark: string; word: string; text: string }[];
  /** The goals as the report shows them. */
  goals: {
    focusArea: string;
    subArea: string | null;
    title: string;
    text: string;
    bearings: string[];
    methodText: string | null;
    addressedTo: string[];
    colour: Colour | null;
    /** The reporter chose the goal's colour: with this reason ("" when none was given); null when computed. */
    chosenColourReason: string | null;
    forecastColour: Colour | null;
    analysis: string | null;
  }[];
  /** The indicators as the report shows them (the period's outcome). */
  indicators: {
    goalTitle: string;
    indicator: string;
    unitOfMeasure: string | null;
    targetLabel: string;
    outcome: number | null;
    decimals: number;
    colour: Colour;
    trend: Trend | null;
    analysis: string | null;
    referenceNote: string | null;
    /** The reporter chose the colour (not the rule's): with this reason ("" when none was given); null when computed. */
    chosenColourReason: string | null;
    /** The reporter chose the arrow: with this reason ("" when none was given); null when computed. */
    chosenTrendReason: string | null;
  }[];
  /** The council's (KF) assignments in the report, one row per återrapportering (or one without). */
  councilAssignments: {
    focusArea: string;
    subArea: string | null;
    assignment: string;
    status: ReportStatus | null;
    unit: string | null;
    unitStatus: ReportStatus | null;
    heading: string | null;
    body: string | null;
  }[];
  /** The board's assignments to its administration, one row per follow-up (or one without). */
  boardAssignments: {
    group: string;
    assignment: string;
    description: string | null;
    status: ReportStatus | null;
    unit: string | null;
    unitStatus: ReportStatus | null;
    heading: string | null;
    body: string | null;
  }[];
}

export interface WorkbookModel {
  boardName: string;
  year: number;
  periodLabel: string;
  preliminary: boolean;
  /** Fixed document timestamp for an approved period (ISO), else null (now). */
  approvedAt: string | null;
  goals: {
    code: string;
    focusArea: string;
    title: string; // "Kommunstyrelsens mål 1"
    text: string;
    addressedTo: string; // "HR-avdelningen, …"
    rule: 'all' | 'majority' | 'manual';
    colour: Colour | null;
    forecastColour: Colour | null;
  }[];
  /** The report's items, part by part. */
  parts: WorkbookReportParts;
  /** Every indicator value of the plan year: the newest version per indicator and period. */
  indicatorValues: {
    goalTitle: string;
    code: string;
    indicator: string;
    unitOfMeasure: string | null;
    targetLabel: string;
    period: string; // "Delår 2024"
    periodEnd: string; // ISO date
    outcome: number | null;
    decimals: number;
    colour: Colour;
    trend: Trend | null;
    analysis: string | null;
    version: number;
    savedBy: string;
    savedAt: string; // ISO timestamp
  }[];
  /** Every report on the board's assignments: every version, by every unit, in every period. */
  assignmentReports: {
    code: string;
    assignment: string;
    issuer: string;
    group: string | null;
    dueDate: string | null; // ISO date
    unit: string;
    period: string;
    status: ReportStatus | null;
    heading: string | null;
    body: string | null;
    version: number;
    savedBy: string;
    savedAt: string;
  }[];
}
