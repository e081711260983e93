// `npm run bench:js` (issue 19): the JavaScript each page makes a browser load, gzipped (the
// measure of scripts/bench.ts, scripts/bench-js-size.ts), for one or more builds side by side
// in one run, on the demo (PGlite, a fresh data folder per build). Run
// `node scripts/start.mjs --build-only` first.
//   BENCH_ROOTS   comma-separated app folders, each with its own build (default: this one);
//                 e.g. a checkout of the previous commit, built, beside this one: before, after
//   BENCH_PORT    port of the server (3360)
//   BENCH_DETAIL  1: also list every script of the first and the last build with its size
// The row "framework alone" is the scripts every page loads (Next.js's runtime, React,
// the root layout), the floor of any page.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import { openDatabase } from '@/db/client';
import * as s from '@/db/schema';
import { startSession } from '@/db/sessions';
import { askersund } from '@/db/demo/askersund';
import { jsGzipMeter, type ScriptSize } from './bench-js-size';

const PORT = Number(process.env.BENCH_PORT || 3360);
const BASE = `http://127.0.0.1:${PORT}`;
const AUTH_SECRET = 'malbild-bench-secret-0123456789abcdef0123456789abcdef';
const ROOTS = (process.env.BENCH_ROOTS || path.resolve(import.meta.dirname, '..')).split(',').map((r) => path.resolve(r));

type Who = 'admin' | 'director' | 'editor' | 'none';
const EMAILS: Record<Exclude<Who, 'none'>, string> = {
  admin: 'admin@askersund.example',
  director: 'kommundirektor@askersund.example',
  editor: 'hr-chef@askersund.example',
};

interface PageSpec {
  name: string;
  who: Who;
  /** A path, or a link to follow from another page: [page, pattern, further patterns…]. */
  url: string | [string, ...RegExp[]];
}

const PAGES: PageSpec[] = [
  { name: 'Logga in', who: 'none', url: '/logga-in' },
  { name: 'Tillgänglighet', who: 'none', url: '/tillganglighet' },
  { name: 'Översikt', who: 'director', url: '/' },
  { name: 'Avvikelser', who: 'director', url: '/avvikelser' },
  { name: 'Uppdrag', who: 'director', url: '/uppdrag' },
  { name: 'Uppdrag, ett', who: 'director', url: ['/uppdrag', /href="(\/uppdrag\/[^"]+)"/] },
  { name: 'Historik, mått', who: 'director', url: ['/', /href="(\/historik\/matt\/[^"]+)"/] },
  { name: 'Rapport', who: 'director', url: '/rapport' },
  { name: 'Attest', who: 'director', url: '/attest' },
  { name: 'Ekonomi', who: 'director', url: '/ekonomi' },
  { name: 'Min rapportering', who: 'editor', url: '/rapportering' },
  { name: 'Rapportera mått', who: 'editor', url: ['/rapportering', /href="(\/rapportering\/matt\/[^"]+)"/] },
  { name: 'Rapportera mål', who: 'editor', url: ['/rapportering', /href="(\/rapportering\/mal\/[^"]+)"/] },
  { name: 'Återrapportera uppdrag', who: 'admin', url: ['/uppdrag', /href="(\/uppdrag\/[^"]+)"/, /href="(\/rapportering\/uppdrag\/[^"]+)"/] },
  { name: 'Text till dokumentet', who: 'editor', url: ['/rapportering', /href="(\/rapportering\/text\/[^"]+)"/] },
  { name: 'Admin', who: 'admin', url: '/admin' },
  { name: 'Admin, mål och mått', who: 'admin', url: '/admin/mal' },
  { name: 'Admin, uppdrag', who: 'admin', url: '/admin/uppdrag' },
  { name: 'Admin, användare', who: 'admin', url: '/admin/anvandare' },
  { name: 'Admin, import', who: 'admin', url: '/admin/import' },
];

async function startServer(root: string, dataDir: string): Promise<{ stop(): Promise<void> }> {
  const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '--port', String(PORT), '--hostname', '127.0.0.1'], {
    cwd: root,
    env: { ...process.env, DATABASE_URL: '', MALBILD_DATA_DIR: dataDir, AUTH_SECRET, AUTH_TRUST_HOST: 'true', NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server in ${root} exited:\n${log}`);
    try {
      const response = await fetch(`${BASE}/logga-in`);
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  return {
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** Session cookies for the demo's users, written into the (stopped) server's data folder. */
async function cookies(dataDir: string): Promise<Record<Who, string>> {
  const database = await openDatabase({ dataDir });
  try {
    const db = database.db;
    const [org] = await db.select({ id: s.organizations.id }).from(s.organizations).where(eq(s.organizations.code, askersund.organization.code));
    const result = { none: '' } as Record<Who, string>;
    for (const [who, email] of Object.entries(EMAILS)) {
      const [user] = await db
        .select({ id: s.users.id })
        .from(s.users)
        .where(and(eq(s.users.organizationId, org!.id), eq(s.users.email, email)));
      const sid = await startSession(db, org!.id, user!.id);
      const token = await encode({
        token: { sub: user!.id, uid: user!.id, org: org!.id, since: Date.now(), sid },
        secret: AUTH_SECRET,
        salt: 'authjs.session-token',
      });
      result[who as Who] = `authjs.session-token=${token}`;
    }
    return result;
  } finally {
    await database.close();
  }
}

async function html(url: string, cookie: string): Promise<string> {
  const response = await fetch(BASE + url, { headers: { cookie }, redirect: 'manual' });
  const body = await response.text();
  if (response.status !== 200) throw new Error(`${url}: HTTP ${response.status}`);
  return body;
}

async function measure(root: string): Promise<Map<string, ScriptSize[]>> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'malbild-bench-js-'));
  const result = new Map<string, ScriptSize[]>();
  try {
    await (await startServer(root, dataDir)).stop(); // creates the database and loads the demo
    const cookie = await cookies(dataDir);
    const server = await startServer(root, dataDir);
    try {
      const meter = jsGzipMeter(BASE);
      for (const page of PAGES) {
        const [start, ...links] = typeof page.url === 'string' ? [page.url] : page.url;
        let url = start;
        for (const link of links) {
          const found = link.exec(await html(url, cookie[page.who]));
          if (!found) throw new Error(`${page.name}: no link ${link} on ${url}`);
          url = found[1]!.replace(/&amp;/g, '&');
        }
        result.set(page.name, await meter.scriptsOf(await html(url, cookie[page.who])));
      }
    } finally {
      await server.stop();
    }
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
  return result;
}

const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
const sum = (scripts: ScriptSize[]) => scripts.reduce((a, b) => a + b.gzip, 0);

async function main() {
  const runs: Map<string, ScriptSize[]>[] = [];
  for (const root of ROOTS) runs.push(await measure(root));
  const label = (i: number) => (ROOTS.length === 1 ? 'JS gzip' : `${path.basename(ROOTS[i]!)}`);
  console.log(`| page | ${ROOTS.map((_, i) => label(i)).join(' | ')} |`);
  console.log(`| --- |${ROOTS.map(() => ' ---: |').join('')}`);
  for (const page of PAGES) console.log(`| ${page.name} | ${runs.map((r) => kb(sum(r.get(page.name)!))).join(' | ')} |`);
  const common = runs.map((r) => {
    const lists = [...r.values()];
    return lists[0]!.filter((script) => lists.every((l) => l.some((x) => x.src === script.src)));
  });
  console.log(`| framework alone (on every page) | ${common.map((c) => kb(sum(c))).join(' | ')} |`);
  console.log(`| largest page | ${runs.map((r) => kb(Math.max(...[...r.values()].map(sum)))).join(' | ')} |`);
  if (process.env.BENCH_DETAIL === '1') {
    for (const i of new Set([0, runs.length - 1])) {
      console.log(`\n${ROOTS[i]}: every script`);
      const seen = new Map<string, { gzip: number; pages: string[] }>();
      for (const [name, scripts] of runs[i]!) {
        for (const script of scripts) {
          const entry = seen.get(script.src) ?? { gzip: script.gzip, pages: [] };
          entry.pages.push(name);
          seen.set(script.src, entry);
        }
      }
      for (const [src, entry] of [...seen].sort((a, b) => b[1].gzip - a[1].gzip)) {
        console.log(`  ${kb(entry.gzip).padStart(9)}  ${src}  (${entry.pages.length === PAGES.length ? 'every page' : entry.pages.join(', ')})`);
      }
    }
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
