// `npm run bench:page-cpu` (issue 19): the server's CPU per request of a few pages of the
// generated large kommun (`npm run bench:generate`, BENCH_DB), for one or more builds side by
// side in one run (BENCH_ROOTS=<checkout>,<checkout>, each built with
// `node scripts/start.mjs --build-only`; default: this checkout). Per page and build: the CPU
// milliseconds of the `next start` process per request (user + system from /proc) and the
// wall time of a request, each the median over BENCH_ROUNDS runs of BENCH_REQUESTS sequential
// requests, the builds taking turns run by run (so that both see the same load on a shared
// machine). The pages: the public accessibility statement (a bare page: no session, no
// header), the administration's index (an empty signed-in page: the session, the frames and
// the header, a static list) and the pages of issue 19 with little SQL.
// Where the CPU goes on one page: `npm run bench:profile`.
// Settings: BENCH_PORT (3360; the n-th build listens on BENCH_PORT + n), BENCH_REQUESTS (25),
// BENCH_ROUNDS (12), BENCH_PAGE (a regular expression: only the pages whose name it matches).
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import * as s from '@/db/schema';
import { benchDatabaseUrl } from './bench-generate';
import { load1, percentile, processCpuMs, startServer, type Server } from './bench-saves';
import { pagesOf, type Page } from './bench-pages';

const PORT = Number(process.env.BENCH_PORT || 3360);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 25);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 12);
const ROOTS = (process.env.BENCH_ROOTS || path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));

async function get(base: string, page: Page): Promise<number> {
  const t = performance.now();
  const response = await fetch(base + page.url, { headers: { cookie: page.cookie }, redirect: 'manual' });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${page.name}: HTTP ${response.status}`);
  return performance.now() - t;
}

/** The bare page, the empty signed-in page, and the large kommun's pages with little SQL (scripts/bench-pages.ts). */
async function pagesOfLargeKommun(): Promise<Page[]> {
  const database = await openDatabase({ url: benchDatabaseUrl() });
  try {
    const [org] = await database.db.select().from(s.organizations).where(eq(s.organizations.code, 'STOR'));
    if (!org) throw new Error('no generated kommun (STOR): run npm run bench:generate');
    const main = await pagesOf(database.db, org.id, 'stor');
    const named = (name: string) => main.find((page) => page.name === `stor ${name}`)!;
    const pages: Page[] = [
      { name: 'Tillgänglighet (no session)', url: '/tillganglighet', cookie: '' },
      { name: 'Administration (empty signed-in page)', url: '/admin', cookie: named('Uppdrag, administration').cookie },
      named('Rapportera mått'),
      named('Uppdrag'),
      named('Uppdrag, administration'),
    ];
    const only = process.env.BENCH_PAGE ? new RegExp(process.env.BENCH_PAGE) : null;
    return pages.filter((page) => !only || only.test(page.name));
  } finally {
    await database.close();
  }
}

async function main() {
  const url = benchDatabaseUrl();
  const pages = await pagesOfLargeKommun();
  const servers: Server[] = [];
  try {
    for (const [n, root] of ROOTS.entries()) {
      servers.push(await startServer(root, PORT + n, { DATABASE_URL: url }));
    }
    // Warm: every page of every build, a few times (module loads, the JIT, prepared statements).
    for (const server of servers) for (const page of pages) for (let i = 0; i < 20; i++) await get(server.base, page);

    const cpu = new Map<string, number[]>();
    const wall = new Map<string, number[]>();
    const key = (n: number, page: Page) => `${n}\u0000${page.name}`;
    for (const page of pages) {
      for (let round = 0; round < ROUNDS; round++) {
        for (const [n, server] of servers.entries()) {
          const pid = server.child.pid!;
          const before = processCpuMs(pid)!;
          const times: number[] = [];
          for (let i = 0; i < REQUESTS; i++) times.push(await get(server.base, page));
          const after = processCpuMs(pid)!;
          (cpu.get(key(n, page)) ?? cpu.set(key(n, page), []).get(key(n, page))!).push((after - before) / REQUESTS);
          (wall.get(key(n, page)) ?? wall.set(key(n, page), []).get(key(n, page))!).push(...times);
        }
      }
    }

    console.log(`## Server CPU per request, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} cores, load ${load1()}`);
    console.log();
    console.log(`Medians over ${ROUNDS} runs of ${REQUESTS} sequential requests per page and build, the builds taking turns run by run.`);
    console.log(ROOTS.map((r, n) => `build ${n}: ${r}`).join('; '));
    console.log();
    console.log(`| page | ${ROOTS.map((_, n) => `CPU ms/request (${n}) | wall ms (${n})`).join(' | ')} |`);
    console.log(`| --- | ${ROOTS.map(() => '---: | ---:').join(' | ')} |`);
    for (const page of pages) {
      const cells = ROOTS.map((_, n) => {
        const c = cpu.get(key(n, page))!;
        return `${percentile(c, 50).toFixed(1)} | ${percentile(wall.get(key(n, page))!, 50).toFixed(1)}`;
      });
      console.log(`| ${page.name} | ${cells.join(' | ')} |`);
    }
  } finally {
    for (const server of servers) await server.stop();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
