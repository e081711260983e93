// Benchmark: the full export of an organization (time, size) and its import into an empty
// database, for the demo (with Delår 2024 approved, so its DOCX is built) and for a
// generated kommun with about 10 000 indicator values (db/demo/generate.ts; BENCH_SCALE,
// default 0.18 (10 260 values), and BENCH_YEARS, default 10, set its size). Against PostgreSQL
// (BENCH_DATABASE_URL, else TEST_DATABASE_URL, else the local server); it creates and
// drops its own databases. BENCH_EXPORT_OUT=<folder> keeps the ZIP files.
// Run: npm run bench:export
import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { eq, sql } from 'drizzle-orm';
import { openDatabase, type Database } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { generateOrganization } from '@/db/demo/generate';
import { findLoginCandidates, loadCurrentUser } from '@/db/users';
import { approvePeriod, getApprovalState } from '@/db/approvals';
import { exportOrganization } from '@/db/org-export';
import { importOrganization } from '@/db/org-import';
import { hashPassword } from '@/server/password';

const base = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';
const RUNS = 3;

async function fresh(): Promise<{ database: Database; drop(): Promise<void> }> {
  const name = `malbild_bench_${randomBytes(4).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString(), statementTimeoutMs: 600_000 });
  return {
    database,
    async drop() {
      await database.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function user(database: Database, email: string) {
  const [candidate] = await findLoginCandidates(database.db, email);
  return (await loadCurrentUser(database.db, candidate!.organizationId, candidate!.id))!;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const mb = (n: number) => `${(n / 1_000_000).toFixed(2)} MB`;

async function measure(label: string, database: Database, adminEmail: string) {
  const admin = await user(database, adminEmail);
  const [values] = await database.db
    .select({ n: sql<number>`count(*)::int` })
    .from(s.indicatorValues)
    .where(eq(s.indicatorValues.organizationId, admin.organizationId));
  const times: number[] = [];
  const reading: number[] = [];
  let result;
  for (let i = 0; i < RUNS; i++) {
    const start = performance.now();
    let packing = 0;
    result = await exportOrganization(database.db, admin, (p) => {
      if (p.step === 'Packar ZIP-filen' && !packing) packing = performance.now();
    });
    times.push(performance.now() - start);
    reading.push(packing - start);
  }
  const rows = result!.manifest.tables.reduce((sum, t) => sum + t.rows, 0);
  if (process.env.BENCH_EXPORT_OUT) {
    fs.mkdirSync(process.env.BENCH_EXPORT_OUT, { recursive: true });
    fs.writeFileSync(path.join(process.env.BENCH_EXPORT_OUT, `${label}.zip`), result!.zip);
  }
  const target = await fresh();
  try {
    await target.database.prepare();
    const start = performance.now();
    await importOrganization(target.database.db, result!.zip);
    const importMs = performance.now() - start;
    console.log(
      `${label}: ${values!.n} indicator values, ${rows} rows in ${result!.manifest.tables.length} tables, ` +
        `${result!.manifest.reports.length} DOCX; export median ${(median(times) / 1000).toFixed(2)} s ` +
        `(runs ${times.map((t) => (t / 1000).toFixed(2)).join(', ')} s; reading, CSV and DOCX before packing: median ${(median(reading) / 1000).toFixed(2)} s), ZIP ${mb(result!.zip.length)}; ` +
        `import into an empty database ${(importMs / 1000).toFixed(2)} s`,
    );
  } finally {
    await target.drop();
  }
}

async function main() {
  const source = await fresh();
  try {
    const { database } = source;
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    const director = await user(database, 'kommundirektor@askersund.example');
    const [period] = await database.db.select().from(s.periods).where(eq(s.periods.kind, 'delar'));
    const [ks] = await database.db.select().from(s.units).where(eq(s.units.code, 'KS'));
    const { seq } = await getApprovalState(database.db, director, ks!.id, period!.id);
    await approvePeriod(database.db, director, { boardId: ks!.id, periodId: period!.id, baseSeq: seq });
    await measure('demo', database, 'admin@askersund.example');

    const scale = Number(process.env.BENCH_SCALE || 0.18);
    const years = Number(process.env.BENCH_YEARS || 10);
    const generated = await generateOrganization(database.db, { code: 'TIOTUSEN', scale, years, passwordHash: await hashPassword(DEMO_PASSWORD) });
    await measure(`generated (scale ${scale}, ${years} years)`, database, generated.admin.email);
  } finally {
    await source.drop();
  }
}

main().then(
  () => process.exit(0),
  (error) => {
    console.error(error);
    process.exit(1);
  },
);
