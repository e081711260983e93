// The shape of the demo data set (db/demo/askersund.ts). Items refer to each other by
// `code`; the loader (db/demo/load.ts) turns codes into ids. Long texts are Markdown.
import type { Comparator, Direction } from '@/lib/target';
import type { GoalRule } from '@/lib/goal-rule';
import type { Colour } from '@/lib/colour';
import type { Trend } from '@/lib/trend';
import type { ReportStatus } from '@/lib/assignment-status';
import type { FinanceTables } from '@/lib/finance-model';

export type Role = 'admin' | 'director' | 'viewer' | 'editor';
export type PeriodKind = 'T1' | 'delar' | 'helar';

export interface DemoUnit {
  code: string;
  kind: 'board' | 'department' | 'unit' | 'external';
  name: string;
  parent?: string; // code
}

export interface DemoUser {
  email: string;
  name: string;
  title: string;
  role: Role;
  units?: string[]; // codes, for editors
}

export interface DemoPeriod {
  year: number;
  kind: PeriodKind;
  endDate: string; // YYYY-MM-DD
  deadline?: string;
  state: 'draft' | 'open' | 'closed';
}

export interface DemoFocusArea {
  code: string;
  number?: number; // top-level areas only
  name: string;
  parent?: string; // code, for sub-areas
  validFrom: number;
}

export interface DemoCouncilGoal {
  code: string;
  focusArea: string; // code
  text: string;
  phrase?: string; // "om en attraktiv arbetsgivare och en god arbetsmiljö"
  validFrom: number;
}

export interface DemoIndicatorValue {
  outcome: number | null;
  referenceNote?: string;
  analysis?: string; // the seed's comment in the Måluppfyllelse column
  chosenTrend?: Trend; // the reporter's arrow where there is no earlier value
  trendJustification?: string;
  chosenColour?: Colour;
  colourJustification?: string;
}

export interface DemoIndicator {
  code: string;
  name: string;
  unitOfMeasure?: string;
  decimals: number;
  comparator: Comparator;
  targetValue?: number;
  targetLow?: number;
  targetHigh?: number;
  direction?: Direction;
  targetLabel: string;
  tolerance?: number;
  trendTolerance?: number;
  frequency: 'every_period' | 'yearly';
  yearlyPeriodKind?: PeriodKind;
  baselineValue?: number;
  baselineYear?: number;
  source: 'manual' | 'kolada' | 'other';
  sourceRef?: string;
  responsibleUnit: string; // code
  /** The value reported in the demo's open period (delår 2024), if the seed gives one. */
  value?: DemoIndicatorValue;
}

export interface DemoGoal {
  code: string;
  number: number;
  focusArea: string; // code (a målområde or a sub-area)
  text: string;
  methodText?: string;
  rule: GoalRule;
  /** The report's table has the seed's "År | 2024 | 2024" row under a "Mål | Utfall" header. */
  yearRow?: boolean;
  bearsOn: string[]; // council goal codes
  units: string[]; // "Adressering", unit codes in order
  indicators: DemoIndicator[];
}

export interface DemoAssignmentReport {
  unit: string; // the code of the responsible unit that reports (one of the assignment's units)
  status?: ReportStatus; // only where the seed's own words say it
  heading?: string;
  body: string;
}

export interface DemoAssignment {
  code: string;
  issuer: 'council' | 'board';
  issuerBoard?: string; // unit code, with issuer 'board'
  decisionDate?: string; // YYYY-MM-DD, only where the seed gives it
  title: string;
  description?: string;
  focusArea?: string; // code
  groupLabel?: string;
  units: string[]; // responsible unit codes
  reports: DemoAssignmentReport[]; // in the open period
}

export interface DemoTextBlock {
  slot: 'goals_intro' | 'focus_area_note' | 'overall_perspective' | 'assignments_intro';
  focusArea?: string; // code, with slot 'focus_area_note'
  heading?: string;
  body: string;
}

/** A chapter of the report template (issue 15), with its parts' texts in the reporting period. */
export interface DemoChapter {
  title: string;
  kind: 'narrative' | 'goals' | 'overall_perspective' | 'board_assignments' | 'finance_result' | 'investments';
  /** heading null: the chapter's opening text; unit: the code of the unit that writes it. */
  parts?: { heading: string | null; unit: string; body: string }[];
}

export interface DemoData {
  organization: { code: string; name: string };
  /** The kommun's code in Kolada (issue 18), e.g. "1882". */
  municipalityCode?: string;
  units: DemoUnit[];
  users: DemoUser[];
  periods: DemoPeriod[];
  focusAreas: DemoFocusArea[];
  councilGoals: DemoCouncilGoal[];
  plan: { code: string; board: string; year: number };
  /** The period the demo's values, reports and texts belong to. */
  reportingPeriod: { year: number; kind: PeriodKind };
  goals: DemoGoal[];
  assignments: DemoAssignment[];
  textBlocks: DemoTextBlock[];
  /** The report template for the reporting period's kind, with the texts of its parts. */
  chapters?: DemoChapter[];
  /** The plan's board's finance tables for the reporting period (issue 16), as the seed has them. */
  finance?: FinanceTables;
}
