// Benchmark: the latency of saving an indicator value (the whole db/ path: read the
// context, judge, check the version, insert the history row and its audit event) against a
// real PostgreSQL server. Run: npm run bench:save  (uses BENCH_DATABASE_URL, else
// TEST_DATABASE_URL, else postgres://postgres@127.0.0.1:5432/postgres; it creates and
// drops its own database).
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { findLoginCandidates, loadCurrentUser } from '@/db/users';
import { saveIndicatorValue } from '@/db/indicator-values';
import { indicatorValueSchema } from '@/lib/indicator-value-schema';

const SAVES = Number(process.env.BENCH_SAVES || 300);
const base = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
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
    const [candidate] = await findLoginCandidates(db, 'hr-chef@askersund.example');
    const user = (await loadCurrentUser(db, candidate!.organizationId, candidate!.id))!;
    const [indicator] = await db.select().from(s.indicators).where(eq(s.indicators.code, 'KS-2024-M1-I2'));
    const [period] = await db.select().from(s.periods).where(eq(s.periods.kind, 'delar'));

    let seq = 1; // the demo's value is version 1
    const timings: number[] = [];
    for (let i = 0; i < SAVES + 20; i++) {
      const input = indicatorValueSchema.parse({
        indicatorId: indicator!.id,
        periodId: period!.id,
        baseSeq: seq,
        outcome: (6 + (i % 90) / 100).toFixed(2).replace('.', ','),
        analysis: `Version ${i}: sjukfrånvaron följs upp varje månad.`,
      });
      const start = performance.now();
      seq = (await saveIndicatorValue(db, user, input)).seq;
      if (i >= 20) timings.push(performance.now() - start); // the first 20 warm up
    }
    timings.sort((a, b) => a - b);
    const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
    console.log(
      `${SAVES} saves of one indicator value on PostgreSQL: median ${fmt(percentile(timings, 50))}, ` +
        `p95 ${fmt(percentile(timings, 95))}, max ${fmt(timings.at(-1)!)}`,
    );
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
