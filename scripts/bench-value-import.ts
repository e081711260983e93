// Benchmark: parse, dry-run and apply a 10 000-row values file (10 000 indicators of one
// open period) against PostgreSQL. Run: npm run bench:import (BENCH_DATABASE_URL, else
// TEST_DATABASE_URL, else the local server; it creates and drops its own database).
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { findLoginCandidates, loadCurrentUser } from '@/db/users';
import { applyValueImport, dryRunValueImport, getValueTemplateRows } from '@/db/admin/value-import';
import { buildValuesTemplate, parseValuesWorkbook } from '@/lib/value-import';

const ROWS = 10_000;
const base = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

async function time<T>(label: string, fn: () => Promise<T>): Promise<T> {
  const start = performance.now();
  const result = await fn();
  console.log(`${label}: ${((performance.now() - start) / 1000).toFixed(2)} s`);
  return result;
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
    const [template] = await db.select().from(s.indicators).where(eq(s.indicators.code, 'KS-2024-M1-I1'));
    const { id: _id, createdAt: _c, ...rest } = template!;
    for (let i = 0; i < ROWS; i += 1000) {
      await db.insert(s.indicators).values(
        Array.from({ length: Math.min(1000, ROWS - i) }, (_, k) => ({ ...rest, code: `BENCH-${i + k}`, name: `Mått ${i + k}` })),
      );
    }
    const templateRows = (await getValueTemplateRows(db, user)).filter((r) => r.code.startsWith('BENCH-'));
    const file = await buildValuesTemplate(templateRows.map((r) => ({ ...r, outcome: 1.5 })));
    console.log(`${templateRows.length} rows, file ${(file.length / 1024).toFixed(0)} KB`);
    const parsed = await time('parse', () => parseValuesWorkbook(file));
    const dry = await time('dry run', () => dryRunValueImport(db, user, parsed.rows));
    console.log(`dry run: ${dry.changes.length} changes, ${dry.problems.length} problems`);
    const applied = await time('apply', () => applyValueImport(db, user, parsed.rows));
    console.log(`apply: ${applied.written} written`);
    const again = await time('apply again (nothing to write)', () => applyValueImport(db, user, parsed.rows));
    console.log(`again: ${again.written} written, ${again.unchanged} unchanged`);
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
