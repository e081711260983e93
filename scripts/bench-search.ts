// `npm run bench:search`: the search across a period's texts (db/text-search.ts, /sok) on the
// generated large kommun of `npm run bench:generate`, side by side in one run with the period
// loader every reading page runs (loadPeriodContent), as ratios: a common word (each item's
// newest version, and every version), a word in no text, and one board. Then EXPLAIN ANALYZE
// of the search's two statements (count and page), with any sequential scan named.
// Medians of BENCH_RUNS runs (default 7), the cases interleaved so the machine's load falls
// on all alike.
import { and, eq } from 'drizzle-orm';
import postgres from 'postgres';
import { openDatabase } from '@/db/client';
import * as s from '@/db/schema';
import { loadPeriodContent } from '@/db/period-content';
import { loadCurrentUser } from '@/db/users';
import { searchTexts } from '@/db/text-search';
import { benchDatabaseUrl } from './bench-generate';

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main() {
  const url = benchDatabaseUrl();
  const statements: { sql: string; params: unknown[] }[] = [];
  let capturing = false;
  const database = await openDatabase({ url, onQuery: (q, params) => capturing && statements.push({ sql: q, params }) });
  const client = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const db = database.db;
    const [org] = await db.select().from(s.organizations).where(eq(s.organizations.code, 'STOR'));
    if (!org) throw new Error('no generated kommun STOR: run npm run bench:generate first');
    const [period] = await db.select().from(s.periods).where(and(eq(s.periods.organizationId, org.id), eq(s.periods.state, 'open')));
    const [board] = await db.select().from(s.units).where(and(eq(s.units.organizationId, org.id), eq(s.units.kind, 'board'))).limit(1);
    const [grant] = await db.select().from(s.roleGrants).where(and(eq(s.roleGrants.organizationId, org.id), eq(s.roleGrants.role, 'director')));
    const user = (await loadCurrentUser(db, org.id, grant!.userId))!;
    const counts = await client.unsafe(
      `select (select count(*) from indicator_values where period_id = $1) as values,
              (select count(*) from goal_assessments where period_id = $1) as assessments,
              (select count(*) from assignment_reports where period_id = $1) as reports,
              (select count(*) from narrative_versions where period_id = $1) as narratives`,
      [period!.id],
    );
    console.log(`STOR, open period: ${JSON.stringify(counts[0])}`);

    const cases: [string, () => Promise<unknown>][] = [
      ['loadPeriodContent (every reading page)', () => loadPeriodContent(db, org.id, period!)],
      ['search "plan", newest versions', () => searchTexts(db, user, { periodId: period!.id, terms: ['plan'] })],
      ['search "plan", every version', () => searchTexts(db, user, { periodId: period!.id, terms: ['plan'], history: true })],
      ['search "plan", every version, last page', () => searchTexts(db, user, { periodId: period!.id, terms: ['plan'], history: true, page: 99999 })],
      ['search "sjukfrånvaro" (no text has it)', () => searchTexts(db, user, { periodId: period!.id, terms: ['sjukfrånvaro'] })],
      ['search "plan", one board', () => searchTexts(db, user, { periodId: period!.id, terms: ['plan'], boardId: board!.id })],
    ];
    const runs = Number(process.env.BENCH_RUNS || 7);
    const times = cases.map(() => [] as number[]);
    for (const [, run] of cases) await run(); // warm up
    for (let r = 0; r < runs; r++) {
      for (const [i, [, run]] of cases.entries()) {
        const t = performance.now();
        await run();
        times[i]!.push(performance.now() - t);
      }
    }
    const base = median(times[0]!);
    console.log(`\nmedian of ${runs} runs, ratio to loadPeriodContent:`);
    for (const [i, [name]] of cases.entries()) {
      const m = median(times[i]!);
      console.log(`${m.toFixed(1).padStart(9)} ms  ${(m / base).toFixed(2).padStart(5)}×  ${name}`);
    }
    const hits = await searchTexts(db, user, { periodId: period!.id, terms: ['plan'], history: true });
    console.log(`"plan", every version: ${hits.page.total} hits, ${hits.page.pages} pages`);

    statements.length = 0;
    capturing = true;
    await searchTexts(db, user, { periodId: period!.id, terms: ['plan'], history: true, page: 2 });
    capturing = false;
    console.log(`\n### searchTexts: ${statements.length} statements`);
    for (const statement of statements) {
      const rows = (await client.unsafe(`explain (analyze, buffers) ${statement.sql}`, statement.params as never[])) as { 'QUERY PLAN': string }[];
      const plan = rows.map((row) => row['QUERY PLAN']);
      const time = Number(/Execution Time: ([\d.]+)/.exec(plan.at(-1) ?? '')?.[1] ?? 0);
      const seqScans = plan.filter((line) => /Seq Scan/.test(line)).map((line) => line.trim().replace(/\s+\(cost.*$/, ''));
      const what = statement.sql.replace(/\s+/g, ' ').slice(0, 60);
      console.log(`${time.toFixed(2).padStart(8)} ms  ${what}${seqScans.length ? `  [${seqScans.join('; ')}]` : ''}`);
      if (process.env.BENCH_EXPLAIN_FULL) console.log(`${statement.sql}\n${plan.join('\n')}\n`);
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
