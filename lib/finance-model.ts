// The board's finance tables for one period (issue 16), as stored and as shown.
//
// Amounts are whole tkr (thousands of kronor) held as integers: the reports, the
// ekonomisystem exports and the seed all give whole tkr, so an integer is exact and never a
// float sum. Negative is a cost or a deficit, as the seed writes it. Every figure is kept as
// typed (imported or entered), errors included; what is computed from them (Avvikelse, Summa,
// varav, cross-table) is checked in lib/finance-checks.ts, never stored.
import { z } from './zod';

/** An amount in whole tkr; null when the table leaves the cell empty. */
export const tkrSchema = z.number().int().min(-1e12).max(1e12).nullable();
export type Tkr = z.infer<typeof tkrSchema>;

/** The four figures of a row as typed: Utfall, Prognos, Budget, Avvikelse. */
export const figuresSchema = z.object({
  outcome: tkrSchema,
  forecast: tkrSchema,
  budget: tkrSchema,
  deviation: tkrSchema,
});
export type Figures = z.infer<typeof figuresSchema>;

const label = z.string().trim().min(1).max(300);
const note = z.string().max(20_000);

export const RESULT_ROWS = ['income', 'costs', 'staffCosts', 'capitalCosts', 'result'] as const;
export type ResultRowKey = (typeof RESULT_ROWS)[number];
export const RESULT_LABELS: Record<ResultRowKey, string> = {
  income: 'Intäkter',
  costs: 'Kostnader',
  staffCosts: 'varav personalkostnader',
  capitalCosts: 'varav kapitalkostnader',
  result: 'Resultat',
};

/** Delårsresultat och prognos: the result summary and the chapter's text (Markdown). */
export const resultSummarySchema = z.object({
  text: note,
  rows: z.object({
    income: figuresSchema,
    costs: figuresSchema,
    staffCosts: figuresSchema,
    capitalCosts: figuresSchema,
    result: figuresSchema,
  }),
});
export type ResultSummary = z.infer<typeof resultSummarySchema>;

/** "Verksamhetsanalys driftbudget": the intäkt/kostnad split of a row's prognos and budget. */
export const operationNoteSchema = z.object({
  number: z.string().trim().max(20),
  /** The note's own heading as written ("22 Näringslivsbefrämjande åtgärder"). */
  heading: z.string().trim().max(300),
  forecastIncome: tkrSchema,
  forecastCost: tkrSchema,
  budgetIncome: tkrSchema,
  budgetCost: tkrSchema,
  netDeviation: tkrSchema,
  text: note,
});
export type OperationNote = z.infer<typeof operationNoteSchema>;

export const operationRowSchema = figuresSchema.extend({
  /** The verksamhet's code ("45"), unique within the table. */
  code: z.string().trim().min(1).max(20),
  name: label,
  note: operationNoteSchema.nullable(),
});
export type OperationRow = z.infer<typeof operationRowSchema>;

/** Driftredovisning per verksamhet with its Summa row as typed. */
export const operationsSchema = z.object({
  totalLabel: label,
  rows: z.array(operationRowSchema).max(5_000),
  total: figuresSchema,
});
export type Operations = z.infer<typeof operationsSchema>;

export const subItemSchema = z.object({ name: label, outcome: tkrSchema });
export type SubItem = z.infer<typeof subItemSchema>;

/** The second table ("Investeringsredovisning …, tkr"): the year again and the project totals. */
export const projectTotalsSchema = figuresSchema.extend({
  /** The project's name in that table as written ("Expl Gustavslund"). */
  name: label,
  costToDate: tkrSchema,
  totalForecast: tkrSchema,
  totalBudget: tkrSchema,
  accumulatedDeviation: tkrSchema,
});
export type ProjectTotals = z.infer<typeof projectTotalsSchema>;

/** "Investeringsanalys": the block repeating the year's figures with the analysis. */
export const projectAnalysisSchema = z.object({
  number: z.string().trim().max(20),
  heading: z.string().trim().max(300),
  forecast: tkrSchema,
  budget: tkrSchema,
  deviation: tkrSchema,
  text: note,
});
export type ProjectAnalysis = z.infer<typeof projectAnalysisSchema>;

export const projectSchema = figuresSchema.extend({
  name: label,
  /** The analysis number shown in the table's "analys" column. */
  analysisNumber: z.string().trim().max(20),
  subItems: z.array(subItemSchema).max(500),
  totals: projectTotalsSchema.nullable(),
  analysis: projectAnalysisSchema.nullable(),
});
export type Project = z.infer<typeof projectSchema>;

/** Investeringar: the chapter's text, Nettoutgifter, the projects and the Summa row as typed. */
export const investmentsSchema = z.object({
  text: note,
  net: figuresSchema,
  projects: z.array(projectSchema).max(2_000),
  total: figuresSchema,
});
export type Investments = z.infer<typeof investmentsSchema>;

export const FINANCE_TABLES = ['result', 'operations', 'investments'] as const;
export type FinanceTable = (typeof FINANCE_TABLES)[number];
export const FINANCE_TABLE_LABELS: Record<FinanceTable, string> = {
  result: 'Delårsresultat och prognos',
  operations: 'Driftredovisning',
  investments: 'Investeringar',
};

export const FINANCE_SCHEMAS = {
  result: resultSummarySchema,
  operations: operationsSchema,
  investments: investmentsSchema,
} as const;

export interface FinanceTables {
  result: ResultSummary | null;
  operations: Operations | null;
  investments: Investments | null;
}

export const emptyFigures = (): Figures => ({ outcome: null, forecast: null, budget: null, deviation: null });

/** All three tables as one value (the demo, the approval snapshot's finance part). */
export const financeTablesSchema = z.object({
  result: resultSummarySchema.nullable(),
  operations: operationsSchema.nullable(),
  investments: investmentsSchema.nullable(),
});
