// `npm run bench:report` (issue 19): the board's report pages of the generated large kommun
// (`npm run bench:generate`, BENCH_DB) against one or more builds side by side in one run
// (BENCH_ROOTS=<checkout>,<checkout>, each built with `node scripts/start.mjs --build-only`;
// default: this checkout). Per page and build: HTML bytes (raw and gzipped), of which the inline
// RSC (flight) payload, elements, the JavaScript it loads (gzipped, scripts/bench-js-size.ts), the SQL it executes (captured with MALBILD_SQL_LOG from one
// request and replayed one by one, five times, the builds alternating: the median of the sums), the page time (median of
// BENCH_REQUESTS sequential requests, to the last byte, the builds' requests alternating) and
// their ratio. The machine is shared: compare builds within one run, not absolute times.
// Settings: BENCH_PORT (3360; the n-th build listens on BENCH_PORT + BENCH_PORT_STEP·n, 10), BENCH_REQUESTS (9),
// BENCH_BOARD (the board's position by sort order, 1), BENCH_CPU_PROF=<folder> (a CPU profile
// of each build's timed requests), BENCH_HTML=<folder> (each page's HTML written there),
// BENCH_VERBOSE=1 (each statement's time and rows), BENCH_PAGE=<part of a page's name> (only those pages).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import postgres from 'postgres';
import { and, eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import * as s from '@/db/schema';
import { benchDatabaseUrl } from './bench-generate';
import { cookieFor, load1, loggedStatements, percentile, replayReads, startServer, type LoggedStatement, type Server } from './bench-saves';
import { jsGzipMeter } from './bench-js-size';

const PORT = Number(process.env.BENCH_PORT || 3360);
const PORT_STEP = Number(process.env.BENCH_PORT_STEP || 10);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 9);
const BOARD = Number(process.env.BENCH_BOARD || 1);
const ROOTS = (process.env.BENCH_ROOTS || path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const median = (values: number[]) => percentile(values, 50);
const kb = (bytes: number) => (bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0);
const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

/** The inline flight payload: the text of every `self.__next_f.push(…)` script. */
function flightBytes(html: string): number {
  let total = 0;
  for (const m of html.matchAll(/<script[^>]*>(self\.__next_f\.push[\s\S]*?)<\/script>/g)) total += Buffer.byteLength(m[1]!);
  return total;
}

async function get(base: string, url: string, cookie: string) {
  const t = performance.now();
  const response = await fetch(base + url, { headers: { cookie }, redirect: 'manual' });
  const html = await response.text();
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  return { ms: performance.now() - t, html };
}

async function main() {
  const url = benchDatabaseUrl();
  const database = await openDatabase({ url });
  const db = database.db;
  const replayClient = postgres(url, { max: 1, onnotice: () => {} });
  try {
    const [org] = await db.select().from(s.organizations).where(eq(s.organizations.code, 'STOR'));
    if (!org) throw new Error('no generated kommun (STOR): run npm run bench:generate');
    const [viewer] = await db
      .select({ id: s.users.id })
      .from(s.users)
      .innerJoin(s.roleGrants, and(eq(s.roleGrants.organizationId, org.id), eq(s.roleGrants.userId, s.users.id)))
      .where(and(eq(s.users.organizationId, org.id), eq(s.roleGrants.role, 'viewer')));
    const [open] = await db.select().from(s.periods).where(and(eq(s.periods.organizationId, org.id), eq(s.periods.state, 'open')));
    const [approved] = await db
      .select({ id: s.periods.id, boardId: s.approvals.boardId })
      .from(s.approvals)
      .innerJoin(s.periods, eq(s.periods.id, s.approvals.periodId))
      .where(and(eq(s.approvals.organizationId, org.id), eq(s.approvals.action, 'approved')))
      .limit(1);
    const boards = await db
      .select({ id: s.units.id })
      .from(s.units)
      .where(and(eq(s.units.organizationId, org.id), eq(s.units.kind, 'board')))
      .orderBy(s.units.sortOrder);
    const board = boards[BOARD - 1]!.id;
    const cookie = await cookieFor(db, org.id, viewer!.id);
    const pages = [
      { name: 'Rapport, en nämnd', url: `/rapport?period=${open!.id}&namnd=${board}` },
      { name: 'Rapport, hela dokumentet', url: `/rapport?period=${open!.id}&namnd=${board}&dokument=hela` },
      ...(approved ? [{ name: 'Rapport, attesterad period', url: `/rapport?period=${approved.id}&namnd=${approved.boardId}` }] : []),
    ];
    if (process.env.BENCH_PAGE) pages.splice(0, pages.length, ...pages.filter((p) => p.name.includes(process.env.BENCH_PAGE!)));
    type Figures = { html: number; gzip: number; flight: number; elements: number; js: number; statements: LoggedStatement[]; sqlTimes: number[]; times: number[] };
    const figures = new Map<string, Figures>();
    const key = (root: string, page: string) => `${root}\u0000${page}`;

    // Pass 1: each build with its SQL log: the statements, HTML and payload of one request.
    for (const [n, root] of ROOTS.entries()) {
      const log = path.join(os.tmpdir(), `malbild-bench-report-${process.pid}-${n}.jsonl`);
      const server = await startServer(root, PORT + PORT_STEP * n, { DATABASE_URL: url, MALBILD_SQL_LOG: log });
      try {
        for (const page of pages) {
          await get(server.base, page.url, cookie);
          fs.writeFileSync(log, '');
          const { html } = await get(server.base, page.url, cookie);
          if (process.env.BENCH_HTML) {
            fs.mkdirSync(process.env.BENCH_HTML, { recursive: true });
            fs.writeFileSync(path.join(process.env.BENCH_HTML, `${n}-${page.name.replace(/\W+/g, '-')}.html`), html);
          }
          figures.set(key(root, page.name), {
            html: Buffer.byteLength(html),
            gzip: gzipSync(html).length,
            flight: flightBytes(html),
            elements: (html.match(/<[a-zA-Z][^>]*>/g) ?? []).length,
            js: await jsGzipMeter(server.base).gzipOf(html),
            statements: loggedStatements(log),
            sqlTimes: [],
            times: [],
          });
        }
      } finally {
        await server.stop();
        fs.rmSync(log, { force: true });
      }
    }

    // The SQL of each page, the builds' statements replayed alternately (after a warm round).
    for (const page of pages) {
      for (let i = 0; i <= 5; i++) {
        for (const root of ROOTS) {
          const f = figures.get(key(root, page.name))!;
          const took = await replayReads(replayClient, f.statements, 1, (each, rows, sql) => {
            if (process.env.BENCH_VERBOSE) console.log(`${ms(each)} ms, ${rows} rows: ${sql.replace(/\s+/g, ' ').slice(0, 160)}`);
          });
          if (i > 0) f.sqlTimes.push(took);
        }
      }
    }

    // Pass 2: every build at once, their requests alternating.
    const prof = process.env.BENCH_CPU_PROF;
    const servers: Server[] = [];
    try {
      for (const [n, root] of ROOTS.entries()) {
        const args = prof ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(prof, String(n))}`] : [];
        servers.push(await startServer(root, PORT + PORT_STEP * n, { DATABASE_URL: url }, args));
      }
      for (const page of pages) {
        for (const server of servers) for (let i = 0; i < 2; i++) await get(server.base, page.url, cookie);
        for (let i = 0; i < REQUESTS; i++) {
          for (const [n, server] of servers.entries()) figures.get(key(ROOTS[n]!, page.name))!.times.push((await get(server.base, page.url, cookie)).ms);
        }
      }
    } finally {
      for (const server of servers) await server.stop();
    }

    console.log(`## Report pages, large kommun (board ${BOARD}), ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} cores, load ${load1()}\n`);
    console.log('| page | build | HTML KB | of it flight KB | gzip KB | elements | JS gzip KB | statements | SQL ms | page ms | page / SQL |');
    console.log('| --- | --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const page of pages) {
      for (const root of ROOTS) {
        const f = figures.get(key(root, page.name))!;
        const pageMs = median(f.times);
        const sqlMs = median(f.sqlTimes);
        console.log(
          `| ${page.name} | ${path.basename(root)} | ${kb(f.html)} | ${kb(f.flight)} | ${kb(f.gzip)} | ${f.elements} | ${kb(f.js)} | ${f.statements.length} | ${ms(sqlMs)} | ${ms(pageMs)} | ${(pageMs / sqlMs).toFixed(1)} |`,
        );
      }
    }
  } finally {
    await replayClient.end();
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
