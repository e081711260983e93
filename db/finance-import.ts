// The finance import's database side (issue 16): the dry run (what each table would become
// and which differences it would leave) and the apply, all tables of the file in one
// transaction or nothing (db/finance.ts saveFinanceTables). Reading the file is
// lib/finance-import.ts.
import 'server-only';
import type { Db } from './client';
import { loadBoardFinance, saveFinanceTables } from './finance';
import type { CurrentUser } from '@/lib/current-user';
import { ImportProblemsError } from '@/lib/excel-import';
import { checkFinance, figuresKey, withExplanations } from '@/lib/finance-checks';
import { FINANCE_TABLE_LABELS, type FinanceTable, type FinanceTables } from '@/lib/finance-model';
import { importedTables, type ParsedFinance } from '@/lib/finance-import';
import { ForbiddenError } from '@/lib/errors';

export interface FinanceImportChange {
  table: FinanceTable;
  label: string;
  /** Rows in the file's table (projects and verksamheter; 5 for the result). */
  rows: number;
  unchanged: boolean;
}

export interface FinanceDryRun {
  rows: number;
  problems: ParsedFinance['problems'];
  changes: FinanceImportChange[];
  unchanged: number;
  /** The differences the board's tables would have after the import, unexplained ones first. */
  warningsAfter: { message: string; explained: boolean }[];
}

function rowCount(tables: Partial<FinanceTables>, t: FinanceTable): number {
  if (t === 'result') return 5;
  if (t === 'operations') return tables.operations?.rows.length ?? 0;
  return tables.investments?.projects.length ?? 0;
}

/** The chapter texts to keep (the file holds figures, not the chapters' texts). */
export async function currentTexts(db: Db, user: CurrentUser, boardId: string, periodId: string) {
  const f = await loadBoardFinance(db, user, boardId, periodId);
  return { result: f.tables.result?.text ?? '', investments: f.tables.investments?.text ?? '' };
}

export async function dryRunFinanceImport(
  db: Db,
  user: CurrentUser,
  input: { boardId: string; periodId: string },
  parsed: ParsedFinance,
): Promise<FinanceDryRun> {
  const current = await loadBoardFinance(db, user, input.boardId, input.periodId);
  if (!current.canWrite) throw new ForbiddenError();
  const tables = importedTables(parsed);
  const after: FinanceTables = { ...current.tables, ...parsed.tables };
  const changes = tables.map((t) => ({
    table: t,
    label: FINANCE_TABLE_LABELS[t],
    rows: rowCount(parsed.tables, t),
    unchanged: JSON.stringify(parsed.tables[t]) === JSON.stringify(current.tables[t]),
  }));
  const explanations = current.warnings.flatMap((w) =>
    w.explanation ? [{ ...w.explanation, key: w.key, figures: figuresKey(w) }] : [],
  );
  const warningsAfter = withExplanations(checkFinance(after), explanations)
    .map((w) => ({ message: w.message, explained: w.explanation !== null }))
    .sort((a, b) => Number(a.explained) - Number(b.explained));
  return {
    rows: parsed.rows,
    problems: parsed.problems,
    changes: parsed.problems.length ? [] : changes.filter((c) => !c.unchanged),
    unchanged: changes.filter((c) => c.unchanged).length,
    warningsAfter: parsed.problems.length ? [] : warningsAfter,
  };
}

/** Writes every changed table of the file as its next version, all or nothing. */
export async function applyFinanceImport(
  db: Db,
  user: CurrentUser,
  input: { boardId: string; periodId: string },
  parsed: ParsedFinance,
): Promise<{ written: FinanceTable[]; unchanged: number }> {
  if (parsed.problems.length) throw new ImportProblemsError(parsed.problems);
  const current = await loadBoardFinance(db, user, input.boardId, input.periodId);
  const changed = importedTables(parsed).filter((t) => JSON.stringify(parsed.tables[t]) !== JSON.stringify(current.tables[t]));
  const unchanged = importedTables(parsed).length - changed.length;
  if (changed.length === 0) return { written: [], unchanged };
  await saveFinanceTables(db, user, {
    ...input,
    tables: changed.map((t) => ({ table: t, data: parsed.tables[t], baseSeq: current.versions[t]?.seq ?? 0 })),
    reason: 'Import från Excel',
  });
  return { written: changed, unchanged };
}
