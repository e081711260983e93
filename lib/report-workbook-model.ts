// What the XLSX download holds for a board and a plan year: one sheet per kind, every row a
// fact with typed cells (numbers as numbers, dates as dates).
import type { Colour } from './colour';
import type { Trend } from './trend';
import type { ReportStatus } from './assignment-status';

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
