// `npm run bench` (issue 19): in one run, against the built app (`next start`, run
// `node scripts/start.mjs --build-only` first) on the PostgreSQL database of
// `npm run bench:generate` (generated first when it does not exist):
//   - each main page, for the demo (Askersund) and the generated large kommun: server time
//     (median of sequential requests, to the last byte), the SQL it executes (its statements,
//     captured with MALBILD_SQL_LOG from one request and replayed one by one on a separate
//     connection: the sum of their times), the ratio of the two, statements, HTML bytes
//     (raw and gzipped), elements, and the JavaScript it loads (gzipped);
//   - the growth from demo to large (large / demo, page time and HTML bytes);
//   - saving indicator values through the real server action (the form's Next-Action POST, as
//     the browser sends it): one editor alone, then 50 editors back to back: saves/s,
//     p50/p95/p99, mean, conflicts; afterwards every acknowledged save is looked up in the
//     database (lost = acknowledged but absent; duplicated = more rows than acknowledged);
//   - cold start on PGlite (BENCH_COLD=0 skips it): a fresh data folder and an existing one,
//     from spawning `next start` to the first page.
// The machine is shared: compare ratios measured in one run, not absolute times.
// Settings: BENCH_PORT (3360), BENCH_EDITORS (50), BENCH_SAVES (saves per editor, 20; 0 skips the saves),
// BENCH_REQUESTS (timed requests per page, 7), BENCH_OUT (also write the table to this file),
// and those of scripts/bench-generate.ts (BENCH_DB, BENCH_SERVER, …). BENCH_ROOT: the built
// checkout whose server is measured (default this one), e.g. an earlier commit in a second
// worktree, so that two builds are measured by the same script back to back.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { gzipSync } from 'node:zlib';
import postgres from 'postgres';
import { and, eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import * as s from '@/db/schema';
import { askersund } from '@/db/demo/askersund';
import { BENCH_SERVER, benchDatabaseUrl, generateBenchDatabase } from './bench-generate';
import { jsGzipMeter } from './bench-js-size';
import { pagesOf } from './bench-pages';
import {
  cpuMeter,
  editorsOf,
  loggedStatements,
  percentile,
  replayReads,
  runSaves,
  saveActionId,
  SAVE_TABLE_HEADER,
  saveTableRow,
  SERVER_APP_NAME,
  startServer as startAppServer,
  statementsOfOneSave,
} from './bench-saves';

const PORT = Number(process.env.BENCH_PORT || 3360);
const EDITORS = Number(process.env.BENCH_EDITORS || 50);
const SAVES = Number(process.env.BENCH_SAVES ?? 20); // 0: pages only
const REQUESTS = Number(process.env.BENCH_REQUESTS || 7);
const ROOT = path.resolve(process.env.BENCH_ROOT || path.join(import.meta.dirname, '..'));
const BASE = `http://127.0.0.1:${PORT}`;

const out: string[] = [];
function print(line = '') {
  console.log(line);
  out.push(line);
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));
const kb = (bytes: number) => `${(bytes / 1024).toFixed(bytes < 10_240 ? 1 : 0)} KB`;
const median = (values: number[]) => percentile(values, 50);

// ---------------------------------------------------------------- the server

const startServer = (env: Record<string, string>, port = PORT) => startAppServer(ROOT, port, env);

async function get(url: string, cookie: string): Promise<{ ms: number; html: string; status: number }> {
  const t = performance.now();
  const response = await fetch(BASE + url, { headers: { cookie }, redirect: 'manual' });
  const html = await response.text();
  return { ms: performance.now() - t, html, status: response.status };
}

// ---------------------------------------------------------------- pages

interface PageFigures {
  statements: number;
  sqlMs: number;
  htmlBytes: number;
  gzipBytes: number;
  elements: number;
  jsGzip: number;
  pageMs: number;
}

/** The JavaScript a browser loads for the page, gzipped (scripts/bench-js-size.ts). */
const jsGzipOf = jsGzipMeter(BASE).gzipOf;

// ---------------------------------------------------------------- main

async function databaseExists(name: string): Promise<boolean> {
  const admin = postgres(BENCH_SERVER, { max: 1, onnotice: () => {} });
  try {
    const rows = await admin`select 1 from pg_database where datname = ${name}`;
    return rows.length > 0;
  } finally {
    await admin.end();
  }
}

async function main() {
  const dbName = process.env.BENCH_DB || 'malbild_bench';
  if (!(await databaseExists(dbName))) await generateBenchDatabase();
  const url = benchDatabaseUrl(dbName);
  const database = await openDatabase({ url });
  const db = database.db;
  const replayClient = postgres(url, { max: 1, onnotice: () => {} });
  const sqlLog = path.join(os.tmpdir(), `malbild-bench-sql-${process.pid}.jsonl`);
  try {
    // Who and what.
    const orgs = await db.select({ id: s.organizations.id, code: s.organizations.code }).from(s.organizations);
    const demoOrg = orgs.find((o) => o.code === askersund.organization.code)!;
    const largeOrg = orgs.find((o) => o.code === 'STOR')!;
    const pages = [...(await pagesOf(db, demoOrg.id, 'demo')), ...(await pagesOf(db, largeOrg.id, 'stor'))];
    const figures = new Map<string, PageFigures>();

    const actionId = saveActionId(ROOT);
    const [period] = await db.select().from(s.periods).where(and(eq(s.periods.organizationId, largeOrg.id), eq(s.periods.state, 'open')));
    const editors = await editorsOf(db, largeOrg.id, period!, EDITORS);
    // Pass 1: the statements each page runs, its HTML and its JavaScript, and those of one save.
    let saveStatements = 0;
    const capture = await startServer({ DATABASE_URL: url, MALBILD_SQL_LOG: sqlLog });
    try {
      for (const page of pages) {
        await get(page.url, page.cookie); // warm
        fs.writeFileSync(sqlLog, '');
        const { html, status } = await get(page.url, page.cookie);
        if (status !== 200) throw new Error(`${page.name}: HTTP ${status}`);
        const statements = loggedStatements(sqlLog);
        figures.set(page.name, {
          statements: statements.length,
          sqlMs: await replayReads(replayClient, statements, 3),
          htmlBytes: Buffer.byteLength(html),
          gzipBytes: gzipSync(html).length,
          elements: (html.match(/<[a-zA-Z][^>]*>/g) ?? []).length,
          jsGzip: await jsGzipOf(html),
          pageMs: 0,
        });
      }
    } finally {
      await capture.stop();
      fs.rmSync(sqlLog, { force: true });
    }
    saveStatements = (await statementsOfOneSave(ROOT, PORT, url, db, largeOrg.id, period!.id, editors[0]!)).length;

    // Pass 2: page times, then saves.
    const server = await startServer({ DATABASE_URL: url, PGAPPNAME: SERVER_APP_NAME });
    const meter = cpuMeter(db, server);
    let single;
    let load;
    let editorCount = 0;
    try {
      for (const page of pages) {
        await get(page.url, page.cookie);
        await get(page.url, page.cookie);
        const times: number[] = [];
        for (let i = 0; i < REQUESTS; i++) times.push((await get(page.url, page.cookie)).ms);
        figures.get(page.name)!.pageMs = median(times);
      }

      editorCount = editors.length;
      if (SAVES > 0) {
        await runSaves(db, server.base, actionId, largeOrg.id, period!.id, editors.slice(0, 1), 5); // warm
        single = await runSaves(db, server.base, actionId, largeOrg.id, period!.id, editors.slice(0, 1), 40, meter);
        await runSaves(db, server.base, actionId, largeOrg.id, period!.id, editors, 2); // warm the pool
        load = await runSaves(db, server.base, actionId, largeOrg.id, period!.id, editors, SAVES, meter);
      }
    } finally {
      await server.stop();
    }

    // Cold start on PGlite.
    let cold: { fresh: number; existing: number } | null = null;
    if (process.env.BENCH_COLD !== '0') {
      const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'malbild-bench-cold-'));
      try {
        const env = { DATABASE_URL: '', MALBILD_DATA_DIR: dir };
        const first = await startServer(env, PORT + 1);
        await first.stop();
        const second = await startServer(env, PORT + 1);
        await second.stop();
        cold = { fresh: first.startedMs, existing: second.startedMs };
      } finally {
        fs.rmSync(dir, { recursive: true, force: true });
      }
    }

    // The table.
    print(`## Målbild benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} cores, load ${os.loadavg()[0]!.toFixed(1)}`);
    print();
    print('| page | page ms | SQL ms | page / SQL | statements | HTML | HTML gzip | elements | JS gzip |');
    print('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
    for (const page of pages) {
      const f = figures.get(page.name)!;
      print(
        `| ${page.name} | ${ms(f.pageMs)} | ${ms(f.sqlMs)} | ${(f.pageMs / f.sqlMs).toFixed(1)} | ${f.statements} | ${kb(f.htmlBytes)} | ${kb(f.gzipBytes)} | ${f.elements} | ${kb(f.jsGzip)} |`,
      );
    }
    print();
    print('| growth demo → stor | page time | HTML bytes | statements |');
    print('| --- | ---: | ---: | ---: |');
    for (const page of pages.filter((p) => p.name.startsWith('demo '))) {
      const demo = figures.get(page.name)!;
      const large = figures.get(page.name.replace(/^demo /, 'stor '));
      if (!large) continue;
      print(
        `| ${page.name.slice(5)} | ${(large.pageMs / demo.pageMs).toFixed(1)}× | ${(large.htmlBytes / demo.htmlBytes).toFixed(1)}× | ${demo.statements} → ${large.statements} |`,
      );
    }
    if (single && load) {
    print();
    for (const line of SAVE_TABLE_HEADER) print(line);
    print(saveTableRow('1 editor alone', single!));
    print(saveTableRow(`${editorCount} editors at once`, load!));
    print(`\nStatements per save (the whole server action, session check included): ${saveStatements}.`);
    print(`\n${editorCount} editors at once / 1 editor alone: ${(load.perSecond / single.perSecond).toFixed(1)}× the saves per second.`);
    }
    if (cold) print(`\nCold start on PGlite (spawn to first page): fresh folder ${(cold.fresh / 1000).toFixed(1)} s, existing folder ${(cold.existing / 1000).toFixed(1)} s.`);
    if (process.env.BENCH_OUT) fs.writeFileSync(process.env.BENCH_OUT, `${out.join('\n')}\n`);
  } finally {
    await replayClient.end();
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
