// `npm run bench:profile` (issue 19): where the server spends its CPU on one page of the
// benchmark database (`npm run bench:generate`). Starts `next start` of a build (BENCH_ROOT,
// default this checkout) under `node --cpu-prof`, requests the page BENCH_REQUESTS times after
// a warm-up, and prints the self time of the timed requests summed per function and per source
// file, mapped back to the sources through the build's source maps (Next's own and external
// packages by their file under node_modules).
// Settings: BENCH_PAGE (part of a page's name as scripts/bench-pages.ts names them, e.g.
// "stor Rapport"; required), BENCH_ROOT, BENCH_PORT (3360), BENCH_REQUESTS (40), BENCH_TOP (40
// rows per table), BENCH_CPU_PROF=<folder> (keep the profile there).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { performance } from 'node:perf_hooks';
import { SourceMap } from 'node:module';
import { eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import * as s from '@/db/schema';
import { askersund } from '@/db/demo/askersund';
import { benchDatabaseUrl } from './bench-generate';
import { pagesOf } from './bench-pages';
import { load1, percentile, startServer } from './bench-saves';

const PORT = Number(process.env.BENCH_PORT || 3360);
const REQUESTS = Number(process.env.BENCH_REQUESTS || 40);
const TOP = Number(process.env.BENCH_TOP || 40);
const ROOT = path.resolve(process.env.BENCH_ROOT || path.resolve(import.meta.dirname, '..'));

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  startTime: number;
  samples: number[];
  timeDeltas: number[];
}

/** Monotonic microseconds, the clock V8's profiles use. */
const nowMicros = () => Number(process.hrtime.bigint() / 1000n);

const maps = new Map<string, SourceMap | null>();
function mapOf(file: string): SourceMap | null {
  if (!maps.has(file)) {
    const map = `${file}.map`;
    maps.set(file, fs.existsSync(map) ? new SourceMap(JSON.parse(fs.readFileSync(map, 'utf8'))) : null);
  }
  return maps.get(file)!;
}

/** "file:line function" of a profile frame, through the source map when the file has one. */
function place(frame: ProfileNode['callFrame']): { file: string; fn: string } {
  if (!frame.url) return { file: frame.functionName || '(native)', fn: frame.functionName || '(anonymous)' };
  if (!frame.url.startsWith('file://') && !frame.url.startsWith('/')) return { file: frame.url, fn: `${frame.functionName || '(anonymous)'} ${frame.url}:${frame.lineNumber + 1}` };
  const file = frame.url.startsWith('file://') ? fileURLToPath(frame.url) : frame.url;
  const map = file.startsWith('/') ? mapOf(file) : null;
  const original = map?.findEntry(frame.lineNumber, frame.columnNumber);
  if (original && 'originalSource' in original && original.originalSource) {
    const source = decodeURIComponent(original.originalSource)
      .replace(/^.*\[project\]\//, '')
      .replace(/^turbopack:\/\/\//, '')
      .replace(/^(\.\.\/)+/, '');
    return { file: source, fn: `${frame.functionName || (original as { name?: string }).name || '(anonymous)'} ${source}:${original.originalLine + 1}` };
  }
  const short = file.includes('/node_modules/') ? `node_modules/${file.split('/node_modules/').at(-1)}` : path.relative(ROOT, file);
  return { file: short, fn: `${frame.functionName || '(anonymous)'} ${short}:${frame.lineNumber + 1}` };
}

/** What a source file belongs to, for the summary. */
function partOf(file: string): string {
  if (/^(app|components|lib|db|server)\//.test(file)) return `the app (${file.split('/')[0]}/)`;
  if (/react-server-dom-[a-z]+-server/.test(file)) return 'React: RSC payload (server)';
  if (/react-server-dom-[a-z]+-client/.test(file)) return 'React: RSC payload read for the HTML';
  if (/react-dom-server/.test(file)) return 'React: HTML';
  if (/drizzle-orm|node_modules\/src\//.test(file)) return 'drizzle-orm';
  if (/node_modules\/postgres\//.test(file)) return 'postgres.js';
  if (/next|turbopack/.test(file)) return 'Next.js';
  if (file === '(garbage collector)') return 'garbage collector';
  if (file.startsWith('node:') || !file.includes('/')) return 'Node.js (streams, sockets, zlib, natives)';
  return 'other packages';
}

function table(title: string, totals: Map<string, number>, all: number) {
  console.log(`\n| ${title} | ms per request | share |\n| --- | ---: | ---: |`);
  for (const [key, micros] of [...totals].sort((a, b) => b[1] - a[1]).slice(0, TOP)) {
    console.log(`| ${key.replaceAll('|', '\\|')} | ${(micros / 1000 / REQUESTS).toFixed(2)} | ${((100 * micros) / all).toFixed(1)} % |`);
  }
}

async function main() {
  const wanted = process.env.BENCH_PAGE;
  if (!wanted) throw new Error('BENCH_PAGE: part of a page name, e.g. "stor Rapport"');
  const url = benchDatabaseUrl();
  const database = await openDatabase({ url });
  let page;
  try {
    const orgs = await database.db.select({ id: s.organizations.id, code: s.organizations.code }).from(s.organizations);
    const demo = orgs.find((o) => o.code === askersund.organization.code)!;
    const [large] = await database.db.select({ id: s.organizations.id }).from(s.organizations).where(eq(s.organizations.code, 'STOR'));
    const pages = [...(await pagesOf(database.db, demo.id, 'demo')), ...(await pagesOf(database.db, large!.id, 'stor'))];
    page = pages.find((p) => p.name.includes(wanted));
    if (!page) throw new Error(`no page named like "${wanted}": ${pages.map((p) => p.name).join(', ')}`);
  } finally {
    await database.close();
  }

  const dir = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : fs.mkdtempSync(path.join(os.tmpdir(), 'malbild-profile-'));
  fs.mkdirSync(dir, { recursive: true });
  const before = new Set(fs.readdirSync(dir));
  const server = await startServer(ROOT, PORT, { DATABASE_URL: url }, ['--cpu-prof', `--cpu-prof-dir=${dir}`]);
  const times: number[] = [];
  let from = 0;
  let to = 0;
  try {
    const get = async () => {
      const t = performance.now();
      const response = await fetch(server.base + page.url, { headers: { cookie: page.cookie }, redirect: 'manual' });
      await response.text();
      if (response.status !== 200) throw new Error(`${page.url}: HTTP ${response.status}`);
      return performance.now() - t;
    };
    for (let i = 0; i < 5; i++) await get();
    from = nowMicros();
    for (let i = 0; i < REQUESTS; i++) times.push(await get());
    to = nowMicros();
  } finally {
    await server.stop();
  }
  const file = fs.readdirSync(dir).find((f) => f.endsWith('.cpuprofile') && !before.has(f));
  if (!file) throw new Error(`no profile written in ${dir}`);
  const profile = JSON.parse(fs.readFileSync(path.join(dir, file), 'utf8')) as Profile;

  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const places = new Map<number, { file: string; fn: string }>();
  const placeOf = (id: number) => {
    if (!places.has(id)) places.set(id, place(byId.get(id)!.callFrame));
    return places.get(id)!;
  };
  /** The app's own sources (not node_modules, not Next's): their time with what they call. */
  const own = (file: string) => /^(app|components|lib|db|server)\//.test(file);
  const byFunction = new Map<string, number>();
  const byFile = new Map<string, number>();
  const byPart = new Map<string, number>();
  const inclusive = new Map<string, number>();
  let at = profile.startTime;
  let all = 0;
  for (const [i, id] of profile.samples.entries()) {
    const delta = profile.timeDeltas[i] ?? 0;
    at += delta;
    if (at < from || at > to) continue;
    const frame = byId.get(id)!.callFrame;
    if (frame.functionName === '(idle)') continue;
    const where = placeOf(id);
    byFunction.set(where.fn, (byFunction.get(where.fn) ?? 0) + delta);
    byFile.set(where.file, (byFile.get(where.file) ?? 0) + delta);
    byPart.set(partOf(where.file), (byPart.get(partOf(where.file)) ?? 0) + delta);
    const seen = new Set<string>();
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const p = placeOf(n);
      if (own(p.file) && !seen.has(p.fn)) {
        seen.add(p.fn);
        inclusive.set(p.fn, (inclusive.get(p.fn) ?? 0) + delta);
      }
    }
    all += delta;
  }
  if (all === 0) throw new Error('no samples in the timed window (the clocks differ?)');
  console.log(`## CPU profile: ${page.name} (${path.basename(ROOT)}), ${REQUESTS} requests, load ${load1()}\n`);
  console.log(`Median page time ${percentile(times, 50).toFixed(1)} ms; CPU busy (not idle) ${(all / 1000 / REQUESTS).toFixed(1)} ms per request.`);
  table('part', byPart, all);
  table('file', byFile, all);
  table('function', byFunction, all);
  table("the app's functions with what they call (inclusive)", inclusive, all);
  if (!process.env.BENCH_CPU_PROF) fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
