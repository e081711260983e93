// `npm run bench:explain`: EXPLAIN ANALYZE of every statement the period loader
// (db/period-content.ts loadPeriodContent) runs for the open period of the generated large
// kommun, whole and scoped to one board, on the database of `npm run bench:generate`. Prints
// each statement's time, its plan's top line and any sequential scan, so a missing index
// shows. BENCH_EXPLAIN_FULL=1 prints whole plans.
import { and, eq } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase } from '@/db/client';
import * as s from '@/db/schema';
import { loadPeriodContent } from '@/db/period-content';
import { benchDatabaseUrl } from './bench-generate';

async function main() {
  const url = benchDatabaseUrl();
  const statements: { sql: string; params: unknown[] }[] = [];
  let capturing = false;
  const database = await openDatabase({ url, onQuery: (q, params) => capturing && statements.push({ sql: q, params }) });
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const db = database.db;
    const [org] = await db.select().from(s.organizations).where(eq(s.organizations.code, 'STOR'));
    const [period] = await db.select().from(s.periods).where(and(eq(s.periods.organizationId, org!.id), eq(s.periods.state, 'open')));
    const [board] = await db.select().from(s.units).where(and(eq(s.units.organizationId, org!.id), eq(s.units.kind, 'board'))).limit(1);
    const runs: [string, () => Promise<unknown>][] = [
      ['whole kommun', () => loadPeriodContent(db, org!.id, period!)],
      ['one board', () => (loadPeriodContent as (...a: unknown[]) => Promise<unknown>)(db, org!.id, period!, { boardId: board!.id })],
    ];
    for (const [name, run] of runs) {
      statements.length = 0;
      capturing = true;
      await run();
      capturing = false;
      console.log(`\n### loadPeriodContent, ${name}: ${statements.length} statements`);
      let total = 0;
      for (const statement of statements) {
        const rows = (await client.unsafe(`explain (analyze, buffers) ${statement.sql}`, statement.params as never[])) as { 'QUERY PLAN': string }[];
        const plan = rows.map((r) => r['QUERY PLAN']);
        const time = Number(/Execution Time: ([\d.]+)/.exec(plan.at(-1) ?? '')?.[1] ?? 0);
        total += time;
        const from = /from "(\w+)"/.exec(statement.sql)?.[1];
        const seqScans = plan.filter((line) => /Seq Scan/.test(line)).map((line) => line.trim().replace(/\s+\(cost.*$/, ''));
        console.log(`${time.toFixed(2).padStart(8)} ms  ${from}${seqScans.length ? `  [${seqScans.join('; ')}]` : ''}`);
        if (process.env.BENCH_EXPLAIN_FULL) console.log(`${statement.sql}\n${plan.join('\n')}\n`);
      }
      console.log(`${total.toFixed(2).padStart(8)} ms  in all`);
    }
  } finally {
    await client.end();
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
