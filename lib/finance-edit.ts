// One row's figures typed into a finance table (the economist's form), as a new table:
// which row a form edits, and the table with that row's figures replaced. Pure.
import { z } from './zod';
import { parseSwedishNumber } from './swedish-number';
import { RESULT_LABELS, RESULT_ROWS, type Figures, type FinanceTable, type FinanceTables } from './finance-model';

/**
 * The row a form edits: a result row ("result:income"), a verksamhet by code
 * ("operations:45"), the Summa row ("operations:total", "investments:total"), a project by
 * its position ("investments:3") or its row in the project-cost table ("investments:3:totals").
 */
export type RowKey = string;

export const AMOUNT_ERROR = 'Ange ett belopp i hela tkr, till exempel −8 808.';

/** A typed amount in whole tkr ("−8 808", "-8808", "8 808 tkr"); empty is an empty cell. */
export const tkrField = z.string().max(40).transform((text, ctx) => {
  const cleaned = text.replace(/\s*tkr\s*$/i, '');
  const parsed = parseSwedishNumber(cleaned);
  if (!parsed.ok || (parsed.value !== null && !Number.isInteger(parsed.value))) {
    ctx.addIssue({ code: 'custom', message: AMOUNT_ERROR });
    return z.NEVER;
  }
  return parsed.value;
});

/** The table a row key belongs to, or null for an unknown key. */
export function tableOfRow(key: RowKey): FinanceTable | null {
  const [table] = key.split(':');
  return table === 'result' || table === 'operations' || table === 'investments' ? table : null;
}

/** The figures a row key points at, or null when the table has no such row. */
export function figuresOfRow(tables: FinanceTables, key: RowKey): Figures | null {
  const [table, id, part] = key.split(':');
  if (table === 'result' && tables.result) {
    return (RESULT_ROWS as readonly string[]).includes(id ?? '') ? tables.result.rows[id as (typeof RESULT_ROWS)[number]] : null;
  }
  if (table === 'operations' && tables.operations) {
    if (id === 'total') return tables.operations.total;
    return tables.operations.rows.find((r) => r.code === id) ?? null;
  }
  if (table === 'investments' && tables.investments) {
    if (id === 'total') return tables.investments.total;
    if (id === 'net') return tables.investments.net;
    const project = /^\d+$/.test(id ?? '') ? tables.investments.projects[Number(id)] : undefined;
    if (!project) return null;
    return part === 'totals' ? project.totals : part === undefined ? project : null;
  }
  return null;
}

/** The row's table with the row's four figures replaced; null when the row does not exist. */
export function withRowFigures(tables: FinanceTables, key: RowKey, figures: Figures): FinanceTables[FinanceTable] {
  const table = tableOfRow(key);
  if (!table || !tables[table]) return null;
  const copy = structuredClone(tables);
  const row = figuresOfRow(copy, key);
  if (!row) return null;
  Object.assign(row, figures);
  return copy[table];
}

export interface EditableRow {
  key: RowKey;
  /** "Driftredovisning: 92 Gemensamma verksamheter" */
  label: string;
  figures: Figures;
}

/** Every row a form can edit, in table order, with its label and figures as typed. */
export function editableRows(tables: FinanceTables): EditableRow[] {
  const rows: EditableRow[] = [];
  const pick = ({ outcome, forecast, budget, deviation }: Figures): Figures => ({ outcome, forecast, budget, deviation });
  if (tables.result) {
    for (const key of RESULT_ROWS) rows.push({ key: `result:${key}`, label: `Resultat: ${RESULT_LABELS[key]}`, figures: pick(tables.result.rows[key]) });
  }
  if (tables.operations) {
    for (const r of tables.operations.rows) rows.push({ key: `operations:${r.code}`, label: `Driftredovisning: ${r.code} ${r.name}`, figures: pick(r) });
    rows.push({ key: 'operations:total', label: `Driftredovisning: ${tables.operations.totalLabel}`, figures: pick(tables.operations.total) });
  }
  if (tables.investments) {
    const inv = tables.investments;
    rows.push({ key: 'investments:net', label: 'Investeringar: Nettoutgifter', figures: pick(inv.net) });
    inv.projects.forEach((p, i) => {
      rows.push({ key: `investments:${i}`, label: `Investeringar: ${p.name}`, figures: pick(p) });
      if (p.totals) rows.push({ key: `investments:${i}:totals`, label: `Projektkostnader: ${p.totals.name}`, figures: pick(p.totals) });
    });
    rows.push({ key: 'investments:total', label: 'Investeringar: Summa', figures: pick(inv.total) });
  }
  return rows;
}
