// `npm run bench:sso`: the database work of a single sign-on login (issue 17), db/sso.ts
// loginWithSso, on a fresh database with the demo: a returning person (linked, groups mapped
// to grants, nothing to change), a returning person whose groups changed (grants rewritten),
// and a first login that creates the user. On PostgreSQL when BENCH_DATABASE_URL names a
// server where a database may be created and dropped, else on in-memory PGlite.
import { performance } from 'node:perf_hooks';
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { loginWithSso } from '@/db/sso';

const ISSUER = 'http://127.0.0.1:4100';

function quantiles(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b);
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]!;
  return { n: sorted.length, p50: at(0.5), p95: at(0.95), max: sorted.at(-1)! };
}

async function time(n: number, run: (i: number) => Promise<unknown>) {
  const ms: number[] = [];
  for (let i = 0; i < n; i++) {
    const t = performance.now();
    await run(i);
    ms.push(performance.now() - t);
  }
  return quantiles(ms);
}

async function main() {
  const url = process.env.BENCH_DATABASE_URL;
  let database: Database;
  let drop = async () => {};
  if (url) {
    const name = `malbild_bench_${randomBytes(6).toString('hex')}`;
    const admin = postgres(url, { max: 1, onnotice: () => {} });
    await admin.unsafe(`create database ${name}`);
    const target = new URL(url);
    target.pathname = `/${name}`;
    database = await openDatabase({ url: target.toString() });
    drop = async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    };
  } else {
    database = await openDatabase({ dataDir: 'memory://' });
  }
  try {
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    const db = database.db;
    const [org] = await db.select({ id: s.organizations.id }).from(s.organizations);
    const [hr] = await db.select({ id: s.units.id }).from(s.units).where(eq(s.units.code, 'KS-KLF-HR'));
    await db.insert(s.signInSettings).values({ organizationId: org!.id, unknownPeople: 'create' });
    await db.insert(s.ssoGroupMappings).values([
      { organizationId: org!.id, groupName: 'lasare', role: 'viewer' },
      { organizationId: org!.id, groupName: 'hr', role: 'editor', unitId: hr!.id },
    ]);
    const person = { issuer: ISSUER, subject: 'karin', email: 'kommundirektor@askersund.example', name: 'Karin', groups: ['lasare'] };
    await loginWithSso(db, org!.id, person); // linked, grants set
    const rows = {
      'returning, nothing to change': await time(200, () => loginWithSso(db, org!.id, person)),
      'returning, groups changed': await time(200, (i) => loginWithSso(db, org!.id, { ...person, groups: i % 2 ? ['lasare'] : ['hr'] })),
      'first login, user created': await time(200, (i) =>
        loginWithSso(db, org!.id, { ...person, subject: `ny-${i}`, email: `ny-${i}@askersund.example`, groups: ['lasare'] }),
      ),
    };
    console.log(`loginWithSso on ${url ? 'PostgreSQL' : 'PGlite (memory)'}, ms`);
    console.log('| case | n | p50 | p95 | max |\n| --- | ---: | ---: | ---: | ---: |');
    for (const [name, q] of Object.entries(rows)) console.log(`| ${name} | ${q.n} | ${q.p50.toFixed(1)} | ${q.p95.toFixed(1)} | ${q.max.toFixed(1)} |`);
  } finally {
    await database.close();
    await drop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
