// Benchmark (issue 16): import and check a driftredovisning of 500 rows and 200 projects
// (each with two sub-items and a project-cost row) against PostgreSQL: build the file, parse
// it, the dry run (every check against the board's tables), the apply (all tables in one
// transaction) and the page's read with its checks. Run: npm run bench:finance
// (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server; it creates and drops
// its own database).
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { and, eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { findLoginCandidates, loadCurrentUser } from '@/db/users';
import { applyFinanceImport, dryRunFinanceImport } from '@/db/finance-import';
import { loadBoardFinance } from '@/db/finance';
import { financeTemplate, parseFinanceWorkbook } from '@/lib/finance-import';
import { checkFinance } from '@/lib/finance-checks';
import type { FinanceTables, Operations, Investments } from '@/lib/finance-model';

const OPERATION_ROWS = 500;
const PROJECTS = 200;
const base = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

async function time<T>(label: string, fn: () => Promise<T> | T): Promise<T> {
  const start = performance.now();
  const result = await fn();
  console.log(`${label}: ${(performance.now() - start).toFixed(0)} ms`);
  return result;
}

/** Deterministic tables of the given size; one row in ten has an analysis note, one project in 20 an error. */
function bigTables(): FinanceTables {
  const rows: Operations['rows'] = Array.from({ length: OPERATION_ROWS }, (_, i) => {
    const forecast = -1000 - i * 7;
    const budget = -1000 - i * 6;
    return {
      code: String(1000 + i),
      name: `Verksamhet ${i}`,
      outcome: Math.round(forecast * 0.66),
      forecast,
      budget,
      deviation: forecast - budget,
      note: i % 10 === 0 ? { number: String(i / 10 + 1), heading: '', forecastIncome: 100, forecastCost: forecast - 100, budgetIncome: 100, budgetCost: budget - 100, netDeviation: forecast - budget, text: 'Analys.' } : null,
    };
  });
  const sum = (k: 'outcome' | 'forecast' | 'budget' | 'deviation', list: { [key: string]: unknown }[]) => list.reduce((a, r) => a + (r[k] as number), 0);
  const projects: Investments['projects'] = Array.from({ length: PROJECTS }, (_, i) => {
    const outcome = -200 - i;
    const forecast = -400 - i;
    const budget = -380 - i;
    return {
      name: `Projekt ${i}`,
      analysisNumber: '',
      outcome,
      forecast,
      budget,
      deviation: forecast - budget,
      subItems: [
        { name: `Delpost ${i}a`, outcome: -100 },
        { name: `Delpost ${i}b`, outcome: outcome + 100 + (i % 20 === 0 ? 1 : 0) },
      ],
      totals: { name: `Projekt ${i}`, outcome, forecast, budget, deviation: forecast - budget, costToDate: outcome * 3, totalForecast: forecast * 3, totalBudget: budget * 3, accumulatedDeviation: (forecast - budget) * 3 },
      analysis: null,
    };
  });
  const figures = (list: { [key: string]: unknown }[]) => ({
    outcome: sum('outcome', list),
    forecast: sum('forecast', list),
    budget: sum('budget', list),
    deviation: sum('deviation', list),
  });
  return {
    result: null,
    operations: { totalLabel: 'Summa Benchnämnden', rows, total: figures(rows) },
    investments: { text: '', net: figures(projects), projects, total: figures(projects) },
  };
}

async function main() {
  const name = `malbild_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  try {
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    const db = database.db;
    const [candidate] = await findLoginCandidates(db, 'admin@askersund.example');
    const user = (await loadCurrentUser(db, candidate!.organizationId, candidate!.id))!;
    const [board] = await db.select({ id: s.units.id }).from(s.units).where(eq(s.units.code, 'KS'));
    const [period] = await db.select({ id: s.periods.id }).from(s.periods).where(and(eq(s.periods.year, 2024), eq(s.periods.kind, 'delar')));
    const input = { boardId: board!.id, periodId: period!.id };

    const file = await time('build the file', () => financeTemplate(bigTables()));
    console.log(`${OPERATION_ROWS} verksamheter, ${PROJECTS} projekt (${PROJECTS * 2} delposter), file ${(file.length / 1024).toFixed(0)} KB`);
    const parsed = await time('parse', () => parseFinanceWorkbook(new Uint8Array(file)));
    console.log(`parse: ${parsed.rows} rows, ${parsed.problems.length} problems`);
    const warnings = await time('check (pure)', () => checkFinance({ result: null, operations: null, investments: null, ...parsed.tables }));
    console.log(`check: ${warnings.length} warnings`);
    const dry = await time('dry run (read + check)', () => dryRunFinanceImport(db, user, input, parsed));
    console.log(`dry run: ${dry.changes.length} tables change, ${dry.warningsAfter.length} warnings after`);
    const applied = await time('apply (one transaction)', () => applyFinanceImport(db, user, input, parsed));
    console.log(`apply: ${applied.written.join(', ')}`);
    const page = await time('page read with checks', () => loadBoardFinance(db, user, input.boardId, input.periodId));
    console.log(`page: ${page.warnings.length} warnings`);
    const total = performance.now();
    const again = await parseFinanceWorkbook(new Uint8Array(file));
    await dryRunFinanceImport(db, user, input, again);
    await applyFinanceImport(db, user, input, again);
    console.log(`parse + dry run + apply (nothing to write) end to end: ${(performance.now() - total).toFixed(0)} ms`);
  } finally {
    await database.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
