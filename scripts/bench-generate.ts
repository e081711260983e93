// `npm run bench:generate`: a PostgreSQL database holding the demo (Askersund) and the
// generated large kommun of issue 19 (db/demo/generate.ts), plus BENCH_ORGS more
// organizations of the same shape ("national" data). Deterministic: the same settings give
// the same rows. Settings (environment):
//   BENCH_DB      database name (default malbild_bench); it is dropped and created again
//   BENCH_SERVER  postgres:// URL of the server (default BENCH_DATABASE_URL, TEST_DATABASE_URL
//                 or postgres://postgres@127.0.0.1:5432/postgres)
//   BENCH_SCALE   size of each generated kommun (1 = 20 boards, 600 goals a year, …)
//   BENCH_YEARS   years of history (10)
//   BENCH_ORGS    extra organizations beside the large kommun (0)
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { openDatabase } from '@/db/client';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { generateOrganization } from '@/db/demo/generate';
import { hashPassword } from '@/server/password';

export const BENCH_SERVER =
  process.env.BENCH_SERVER || process.env.BENCH_DATABASE_URL || process.env.TEST_DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/postgres';

export function benchDatabaseUrl(name = process.env.BENCH_DB || 'malbild_bench'): string {
  const url = new URL(BENCH_SERVER);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function generateBenchDatabase(): Promise<void> {
  const name = process.env.BENCH_DB || 'malbild_bench';
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`BENCH_DB must be a plain name: ${name}`);
  const scale = Number(process.env.BENCH_SCALE || 1);
  const years = Number(process.env.BENCH_YEARS || 10);
  const orgs = Number(process.env.BENCH_ORGS || 0);
  const admin = postgres(BENCH_SERVER, { max: 1, onnotice: () => {} });
  await admin.unsafe(`drop database if exists ${name} with (force)`);
  await admin.unsafe(`create database ${name}`);
  await admin.end();
  const database = await openDatabase({ url: benchDatabaseUrl(name), statementTimeoutMs: 600_000 });
  try {
    const started = performance.now();
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    const passwordHash = await hashPassword(DEMO_PASSWORD);
    for (let i = 0; i <= orgs; i++) {
      const t = performance.now();
      const code = i === 0 ? 'STOR' : `STOR${i}`;
      const org = await generateOrganization(database.db, { code, scale, years, passwordHash });
      console.log(
        `${code}: ${Object.entries(org.counts)
          .map(([k, v]) => `${k} ${v}`)
          .join(', ')} (${((performance.now() - t) / 1000).toFixed(1)} s)`,
      );
    }
    await database.db.execute('analyze');
    console.log(`Database ${name} ready in ${((performance.now() - started) / 1000).toFixed(1)} s (scale ${scale}, ${years} years, ${orgs + 1} generated organizations).`);
  } finally {
    await database.close();
  }
}

if (process.argv[1]?.endsWith('bench-generate.ts')) {
  generateBenchDatabase().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
