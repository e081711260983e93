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
// BENCH_CPU_PROF=<folder>: each build runs with --cpu-prof into <folder>/<n>, and the self time
// of its profile is summed per package or file and per function (BENCH_TOP lines each).
// Settings: BENCH_PORT (3360; the n-th build listens on BENCH_PORT + n), BENCH_REQUESTS (25),
// BENCH_ROUNDS (12), BENCH_PAGE (a regular expression: only the pages whose name it matches).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { and, eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import * as s from '@/db/schema';
import { benchDatabaseUrl } from './bench-generate';
import { cookieFor, load1, percentile, processCpuMs, startServer, type Server } from './bench-saves';

const PORT = Number(process.env.BENCH_PORT || 3360);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 25);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 12);
const TOP = Number(process.env.BENCH_TOP || 25);
const ROOTS = (process.env.BENCH_ROOTS || path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));
const PROF = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null;

interface Page {
  name: string;
  url: string;
  cookie: string;
}

async function get(base: string, page: Page): Promise<number> {
  const t = performance.now();
  const response = await fetch(base + page.url, { headers: { cookie: page.cookie }, redirect: 'manual' });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`${page.name}: HTTP ${response.status}`);
  return performance.now() - t;
}

async function pagesOfLargeKommun(): Promise<Page[]> {
  const database = await openDatabase({ url: benchDatabaseUrl() });
  const db = database.db;
  try {
    const [org] = await db.select().from(s.organizations).where(eq(s.organizations.code, 'STOR'));
    if (!org) throw new Error('no generated kommun (STOR): run npm run bench:generate');
    const userWith = async (role: 'admin' | 'viewer' | 'editor') => {
      const [row] = await db
        .select({ id: s.users.id, unitId: s.roleGrants.unitId })
        .from(s.users)
        .innerJoin(s.roleGrants, and(eq(s.roleGrants.organizationId, org.id), eq(s.roleGrants.userId, s.users.id)))
        .where(and(eq(s.users.organizationId, org.id), eq(s.roleGrants.role, role)))
        .orderBy(s.users.email)
        .limit(1);
      return row!;
    };
    const [admin, viewer, editor] = [await userWith('admin'), await userWith('viewer'), await userWith('editor')];
    const [period] = await db.select().from(s.periods).where(and(eq(s.periods.organizationId, org.id), eq(s.periods.state, 'open')));
    const [indicator] = await db
      .select({ id: s.indicators.id })
      .from(s.indicators)
      .innerJoin(s.boardGoals, and(eq(s.boardGoals.organizationId, org.id), eq(s.boardGoals.id, s.indicators.goalId)))
      .innerJoin(s.plans, and(eq(s.plans.organizationId, org.id), eq(s.plans.id, s.boardGoals.planId)))
      .where(and(eq(s.indicators.organizationId, org.id), eq(s.plans.year, period!.year), eq(s.indicators.responsibleUnitId, editor.unitId!)))
      .limit(1);
    const adminCookie = await cookieFor(db, org.id, admin.id);
    const viewerCookie = await cookieFor(db, org.id, viewer.id);
    const editorCookie = await cookieFor(db, org.id, editor.id);
    const p = `period=${period!.id}`;
    const pages: Page[] = [
      { name: 'Tillgänglighet (no session)', url: '/tillganglighet', cookie: '' },
      { name: 'Administration (empty signed-in page)', url: '/admin', cookie: adminCookie },
      { name: 'Rapportera mått', url: `/rapportering/matt/${indicator!.id}?${p}`, cookie: editorCookie },
      { name: 'Uppdrag', url: `/uppdrag?${p}`, cookie: viewerCookie },
      { name: 'Uppdrag, administration', url: '/admin/uppdrag', cookie: adminCookie },
    ];
    const only = process.env.BENCH_PAGE ? new RegExp(process.env.BENCH_PAGE) : null;
    return pages.filter((page) => !only || only.test(page.name));
  } finally {
    await database.close();
  }
}

// ---------------------------------------------------------------- the profile

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}

interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** What a script URL belongs to: a package of node_modules, the app's own chunk, or node itself. */
function ownerOf(url: string): string {
  if (!url) return '(native)';
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (pkg) {
    const rest = url.slice(url.lastIndexOf(pkg[1]!) + pkg[1]!.length);
    if (pkg[1] === 'next') return `next${rest.replace(/\/[^/]*$/, '').replace(/^\/dist/, '')}`;
    return pkg[1]!;
  }
  if (url.startsWith('node:')) return url;
  const next = url.match(/\.next\/(.*)$/);
  if (next) return `.next/${next[1]!.replace(/\/[^/]*$/, '')}`;
  return url;
}

/**
 * The profiles of `dir` from the end of the warm-up (the first second without work) on:
 * the busy time, and self time summed per owner and per function, in ms (idle left out).
 */
function summarizeProfiles(dir: string): { total: number; owners: [string, number][]; functions: [string, number][] } {
  const owners = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.cpuprofile'))) {
    const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Profile;
    const byId = new Map(profile.nodes.map((n) => [n.id, n]));
    const isIdle = (i: number) => byId.get(profile.samples[i]!)!.callFrame.functionName === '(idle)';
    let start = 0;
    for (let i = 0, idle = 0; i < profile.samples.length; i++) {
      idle = isIdle(i) ? idle + (profile.timeDeltas[i] ?? 0) / 1000 : 0;
      if (idle >= 1000) {
        start = i;
        break;
      }
    }
    for (let i = start; i < profile.samples.length; i++) {
      if (isIdle(i)) continue;
      const dt = (profile.timeDeltas[i] ?? 0) / 1000;
      const { functionName, url, lineNumber } = byId.get(profile.samples[i]!)!.callFrame;
      total += dt;
      const owner = functionName === '(garbage collector)' ? '(gc)' : ownerOf(url);
      owners.set(owner, (owners.get(owner) ?? 0) + dt);
      const fn = `${functionName || '(anonymous)'} ${url ? `${path.basename(url)}:${lineNumber + 1}` : ''} [${owner}]`;
      functions.set(fn, (functions.get(fn) ?? 0) + dt);
    }
  }
  const sorted = (m: Map<string, number>) => [...m].sort((a, b) => b[1] - a[1]);
  return { total, owners: sorted(owners), functions: sorted(functions) };
}

// ---------------------------------------------------------------- main

async function main() {
  const url = benchDatabaseUrl();
  const pages = await pagesOfLargeKommun();
  const servers: Server[] = [];
  try {
    for (const [n, root] of ROOTS.entries()) {
      const args = PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.join(PROF, String(n))}`] : [];
      servers.push(await startServer(root, PORT + n, { DATABASE_URL: url }, args));
    }
    // Warm: every page of every build, a few times (module loads, the JIT, prepared statements).
    for (const server of servers) for (const page of pages) for (let i = 0; i < 20; i++) await get(server.base, page);
    // A second of idleness: where a profile's warm-up ends (summarizeProfiles drops what comes before).
    await new Promise((resolve) => setTimeout(resolve, 1500));

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
  if (PROF) {
    for (const n of ROOTS.keys()) {
      const dir = path.join(PROF, String(n));
      if (!fs.existsSync(dir)) continue;
      const { total, owners, functions } = summarizeProfiles(dir);
      const requests = pages.length * ROUNDS * REQUESTS;
      console.log(`\n### Profile of build ${n}: ${total.toFixed(0)} ms busy after the warm-up, ${(total / requests).toFixed(1)} ms a request\n`);
      for (const [owner, t] of owners.slice(0, TOP)) console.log(`${t.toFixed(0).padStart(8)} ms ${((100 * t) / total).toFixed(1).padStart(5)} %  ${owner}`);
      console.log();
      for (const [fn, t] of functions.slice(0, TOP)) console.log(`${t.toFixed(0).padStart(8)} ms ${((100 * t) / total).toFixed(1).padStart(5)} %  ${fn}`);
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
