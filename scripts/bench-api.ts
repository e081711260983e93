// Benchmark: the REST API v1 over HTTP (issue 17): p50/p95 of a value write (POST
// /api/v1/values, with an Idempotency-Key) and of a rollup read (GET
// /api/v1/periods/{id}/rollups), against `next start` on a fresh PostgreSQL database
// holding the demo. Run: npm run bench:api  (needs a build: node scripts/start.mjs
// --build-only; uses BENCH_DATABASE_URL, else TEST_DATABASE_URL, else
// postgres://postgres@127.0.0.1:5432/postgres, and creates and drops its own database).
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { findLoginCandidates, loadCurrentUser } from '@/db/users';
import { createApiToken } from '@/db/api-tokens';

const CALLS = Number(process.env.BENCH_CALLS || 300);
const WARMUP = 20;
const PORT = Number(process.env.BENCH_PORT || 3399);
const base = process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

function summary(label: string, timings: number[]): string {
  const sorted = [...timings].sort((a, b) => a - b);
  const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
  return `${label}: n=${sorted.length}, median ${fmt(percentile(sorted, 50))}, p95 ${fmt(percentile(sorted, 95))}, max ${fmt(sorted.at(-1)!)}`;
}

async function waitFor(url: string, ms: number): Promise<void> {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no answer from ${url}`);
}

async function main() {
  const name = `malbild_bench_api_${randomBytes(4).toString('hex')}`;
  const admin = postgres(base, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const url = new URL(base);
  url.pathname = `/${name}`;
  const database = await openDatabase({ url: url.toString() });
  let server: ReturnType<typeof spawn> | undefined;
  try {
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    const db = database.db;
    const [candidate] = await findLoginCandidates(db, 'admin@askersund.example');
    const user = (await loadCurrentUser(db, candidate!.organizationId, candidate!.id))!;
    const [hr] = await db.select({ id: s.units.id }).from(s.units).where(eq(s.units.code, 'KS-KLF-HR'));
    const [indicator] = await db.select({ id: s.indicators.id }).from(s.indicators).where(eq(s.indicators.code, 'KS-2024-M1-I2'));
    const [period] = await db.select({ id: s.periods.id }).from(s.periods).where(eq(s.periods.kind, 'delar'));
    const { secret } = await createApiToken(db, user, { name: 'Benchmark', scope: 'write', unitIds: [hr!.id], expiresOn: '2099-12-31' });

    server = spawn(process.execPath, ['scripts/start.mjs'], {
      env: {
        ...process.env,
        DATABASE_URL: url.toString(),
        PORT: String(PORT),
        HOST: '127.0.0.1',
        MALBILD_API_RATE_LIMIT: '1000000', // the limit is not what is measured
        NODE_ENV: 'production',
      },
      stdio: 'ignore',
    });
    const origin = `http://127.0.0.1:${PORT}`;
    await waitFor(`${origin}/api/v1/openapi.json`, 120_000);
    const headers = { authorization: `Bearer ${secret}` };

    let seq = 1; // the demo's value is version 1
    const writes: number[] = [];
    for (let i = 0; i < CALLS + WARMUP; i++) {
      const body = JSON.stringify({
        indicatorId: indicator!.id,
        periodId: period!.id,
        baseSeq: seq,
        outcome: (6 + (i % 90) / 100).toFixed(2).replace('.', ','),
        analysis: `Version ${i}: sjukfrånvaron följs upp varje månad.`,
      });
      const start = performance.now();
      const response = await fetch(`${origin}/api/v1/values`, {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'idempotency-key': `bench-${i}` },
        body,
      });
      const answer = (await response.json()) as { seq: number };
      if (response.status !== 201) throw new Error(`write ${i}: ${response.status} ${JSON.stringify(answer)}`);
      if (i >= WARMUP) writes.push(performance.now() - start);
      seq = answer.seq;
    }

    const reads: number[] = [];
    for (let i = 0; i < CALLS + WARMUP; i++) {
      const start = performance.now();
      const response = await fetch(`${origin}/api/v1/periods/${period!.id}/rollups`, { headers });
      await response.json();
      if (response.status !== 200) throw new Error(`read ${i}: ${response.status}`);
      if (i >= WARMUP) reads.push(performance.now() - start);
    }

    // Eight clients reading at once.
    const parallel: number[] = [];
    await Promise.all(
      Array.from({ length: 8 }, async () => {
        for (let i = 0; i < Math.ceil(CALLS / 8); i++) {
          const start = performance.now();
          const response = await fetch(`${origin}/api/v1/periods/${period!.id}/rollups`, { headers });
          await response.json();
          parallel.push(performance.now() - start);
        }
      }),
    );

    console.log(summary('POST /api/v1/values (one client)', writes));
    console.log(summary('GET /api/v1/periods/{id}/rollups (one client)', reads));
    console.log(summary('GET /api/v1/periods/{id}/rollups (8 clients at once)', parallel));
  } finally {
    if (server?.pid) server.kill('SIGTERM');
    await new Promise((r) => setTimeout(r, 1000));
    await database.close();
    await admin.unsafe(`drop database if exists ${name} with (force)`);
    await admin.end();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
