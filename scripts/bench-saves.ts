// The save part of the benchmarks (issue 19): editors saving indicator values through the
// real server action of a built app (`next start`), as the browser posts it (the form's
// Next-Action POST), and every acknowledged save looked up in the database afterwards.
// Used by scripts/bench.ts (the whole benchmark) and scripts/bench-save-latency.ts (the saves
// alone, optionally beside another checkout's build in the same run).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import type postgres from 'postgres';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { encode } from 'next-auth/jwt';
import type { Db } from '@/db/client';
import * as s from '@/db/schema';
import { startSession } from '@/db/sessions';

export const AUTH_SECRET = 'malbild-bench-secret-0123456789abcdef0123456789abcdef';

/**
 * BENCH_IDENTITY=1: the saves ask for an uncompressed answer (a browser asks for gzip, and
 * Next compresses even an action's few hundred bytes): what compressing costs per save.
 */
let ENCODING: Record<string, string> = process.env.BENCH_IDENTITY === '1' ? { 'accept-encoding': 'identity' } : {};

/** From now on, ask for uncompressed answers (true) or as a browser does (false). */
export function askIdentity(identity: boolean) {
  ENCODING = identity ? { 'accept-encoding': 'identity' } : {};
}

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}

/** A statement as MALBILD_SQL_LOG writes it, one JSON line each. */
export type LoggedStatement = { sql: string; params: unknown[] };

/** The statements a MALBILD_SQL_LOG file holds. */
export function loggedStatements(file: string): LoggedStatement[] {
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as LoggedStatement);
}

/**
 * Replays the reads (SELECT, WITH) among `statements` one by one on `client`: the sum of their
 * times, each statement's time the median of `times` runs; `onEach` sees each run.
 */
export async function replayReads(
  client: postgres.Sql,
  statements: LoggedStatement[],
  times = 1,
  onEach?: (ms: number, rows: number, sql: string) => void,
): Promise<number> {
  let total = 0;
  for (const statement of statements) {
    if (!/^\s*(select|with)\b/i.test(statement.sql)) continue;
    const runs: number[] = [];
    for (let i = 0; i < times; i++) {
      const t = performance.now();
      const rows = (await client.unsafe(statement.sql, statement.params as never[])).length;
      runs.push(performance.now() - t);
      onEach?.(runs.at(-1)!, rows, statement.sql);
    }
    total += percentile(runs, 50);
  }
  return total;
}

/** The one-minute load average, for every figure printed (the machine is shared). */
export const load1 = () => os.loadavg()[0]!.toFixed(1);

export interface Server {
  child: ChildProcess;
  base: string;
  startedMs: number;
  stop(): Promise<void>;
}

/**
 * Spawns `next start` of the build in `root` on `port` and waits for its login page.
 * `nodeArgs` go to node itself (e.g. --cpu-prof). With `processes` > 1, that many `next start`
 * processes behind the one port (scripts/bench-save-cluster.mjs, Node's cluster module).
 */
export async function startServer(root: string, port: number, env: Record<string, string>, nodeArgs: string[] = [], processes = 1): Promise<Server> {
  const started = performance.now();
  const nextArgs = ['start', '--port', String(port), '--hostname', '127.0.0.1'];
  const argv =
    processes > 1
      ? [path.join(import.meta.dirname, 'bench-save-cluster.mjs'), String(processes), ...nextArgs]
      : [...nodeArgs, path.join(root, 'node_modules/next/dist/bin/next'), ...nextArgs];
  const child = spawn(process.execPath, argv, {
    cwd: root,
    env: {
      ...process.env,
      AUTH_SECRET,
      AUTH_TRUST_HOST: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
      // The cluster's workers get the node arguments this way (each its own profile).
      ...(processes > 1 && nodeArgs.length ? { NODE_OPTIONS: [process.env.NODE_OPTIONS ?? '', ...nodeArgs].join(' ').trim() } : {}),
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  const stop = () =>
    new Promise<void>((resolve) => {
      if (child.exitCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
  const base = `http://127.0.0.1:${port}`;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server exited:\n${log}`);
    try {
      if (processes > 1 && !log.includes(`cluster: all ${processes} listening`)) throw new Error('not every process listens yet');
      const response = await fetch(`${base}/logga-in`);
      await response.arrayBuffer();
      if (response.status === 200) break;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 100));
  }
  return { child, base, stop, startedMs: performance.now() - started };
}

/** A session cookie for the user, as a login would give (a server-side session and its JWT). */
export async function cookieFor(db: Db, organizationId: string, userId: string): Promise<string> {
  const sid = await startSession(db, organizationId, userId);
  const token = await encode({
    token: { sub: userId, uid: userId, org: organizationId, since: Date.now(), sid },
    secret: AUTH_SECRET,
    salt: 'authjs.session-token',
  });
  return `authjs.session-token=${token}`;
}

/** The id of the reporting form's save action in the build in `root`. */
export function saveActionId(root: string): string {
  const manifest = JSON.parse(fs.readFileSync(path.join(root, '.next/server/server-reference-manifest.json'), 'utf8')) as {
    node: Record<string, { exportedName?: string; filename?: string }>;
  };
  const hit = Object.entries(manifest.node).find(([, entry]) => entry.exportedName === 'saveIndicatorValueForm');
  if (!hit) throw new Error(`saveIndicatorValueForm is not in the build in ${root}: run node scripts/start.mjs --build-only there`);
  return hit[0];
}

export interface Editor {
  cookie: string;
  items: { indicatorId: string; seq: number }[];
}

export interface SaveOutcome {
  ms: number;
  kind: 'ok' | 'conflict' | 'error';
  seq?: number;
  detail?: string;
}

export async function saveOnce(
  base: string,
  actionId: string,
  periodId: string,
  editor: Editor,
  item: Editor['items'][number],
  outcome: string,
): Promise<SaveOutcome> {
  const form = new FormData();
  // React's encoding of (previousState, formData): the form's fields under the prefix "_1_".
  for (const [k, v] of Object.entries({
    indicatorId: item.indicatorId,
    periodId,
    baseSeq: String(item.seq),
    outcome,
    analysis: 'Utfallet följs upp varje månad; åtgärder pågår.',
  })) {
    form.append(`_1_${k}`, v);
  }
  form.append('0', '[null,"$K1"]');
  const t = performance.now();
  const response = await fetch(`${base}/rapportering/matt/${item.indicatorId}?period=${periodId}`, {
    method: 'POST',
    headers: { cookie: editor.cookie, 'next-action': actionId, accept: 'text/x-component', ...ENCODING },
    body: form,
  });
  const body = await response.text();
  const elapsed = performance.now() - t;
  if (/"status":"ok"/.test(body)) {
    const seq = Number(/"seq":(\d+)/.exec(body)?.[1]);
    return { ms: elapsed, kind: 'ok', seq };
  }
  if (/"code":"conflict"/.test(body)) return { ms: elapsed, kind: 'conflict' };
  return { ms: elapsed, kind: 'error', detail: `${response.status} ${body.slice(0, 300)}` };
}

export async function newestSeq(db: Db, organizationId: string, periodId: string, indicatorId: string): Promise<number> {
  const [row] = await db
    .select({ seq: sql<number>`coalesce(max(${s.indicatorValues.seq}), 0)::int` })
    .from(s.indicatorValues)
    .where(and(eq(s.indicatorValues.organizationId, organizationId), eq(s.indicatorValues.periodId, periodId), eq(s.indicatorValues.indicatorId, indicatorId)));
  return row!.seq;
}

/**
 * Up to `count` editors of the organization, each with a session cookie and up to three
 * indicators of their unit that are reported every period of `periodId`'s year.
 */
export async function editorsOf(db: Db, organizationId: string, period: { id: string; year: number }, count: number): Promise<Editor[]> {
  const editorRows = await db
    .select({ id: s.users.id, unitId: s.roleGrants.unitId })
    .from(s.users)
    .innerJoin(s.roleGrants, and(eq(s.roleGrants.organizationId, organizationId), eq(s.roleGrants.userId, s.users.id)))
    .where(and(eq(s.users.organizationId, organizationId), eq(s.roleGrants.role, 'editor')))
    .orderBy(s.users.email);
  const editors: Editor[] = [];
  for (const row of editorRows.slice(0, count)) {
    const indicators = await db
      .select({ id: s.indicators.id })
      .from(s.indicators)
      .innerJoin(s.boardGoals, and(eq(s.boardGoals.organizationId, organizationId), eq(s.boardGoals.id, s.indicators.goalId)))
      .innerJoin(s.plans, and(eq(s.plans.organizationId, organizationId), eq(s.plans.id, s.boardGoals.planId)))
      .where(
        and(
          eq(s.indicators.organizationId, organizationId),
          eq(s.plans.year, period.year),
          eq(s.indicators.responsibleUnitId, row.unitId!),
          eq(s.indicators.frequency, 'every_period'),
        ),
      )
      .orderBy(s.indicators.code)
      .limit(3);
    const items = [];
    for (const i of indicators) items.push({ indicatorId: i.id, seq: await newestSeq(db, organizationId, period.id, i.id) });
    if (items.length) editors.push({ cookie: await cookieFor(db, organizationId, row.id), items });
  }
  return editors;
}

/** The editors' own copies (their items' base versions move as they save). */
export const copyEditors = (editors: Editor[]): Editor[] => editors.map((e) => ({ cookie: e.cookie, items: e.items.map((i) => ({ ...i })) }));

export interface SaveFigures {
  saves: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  mean: number;
  conflicts: number;
  errors: number;
  lost: number;
  duplicated: number;
  /** The one-minute load average when the run ended. */
  load: string;
  /** CPU time per acknowledged save (ms): the app server, its PostgreSQL backends, this benchmark's process. */
  cpu: { app: number; db: number; client: number } | null;
}

/** CPU time (ms, user + system) of a process and of its children (a cluster's workers), from /proc (Linux); null elsewhere. */
export function processCpuMs(pid: number): number | null {
  const own = ownCpuMs(pid);
  if (own === null) return null;
  let total = own;
  for (const child of childPids(pid)) total += processCpuMs(child) ?? 0;
  return total;
}

function ownCpuMs(pid: number): number | null {
  try {
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after "pid (comm) ".
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / CLOCK_TICKS;
  } catch {
    return null;
  }
}

/** The living children of a process (field 4 of stat is the parent's pid). */
function childPids(pid: number): number[] {
  const children: number[] = [];
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const fields = fs.readFileSync(`/proc/${entry}/stat`, 'utf8').split(') ')[1]!.split(' ');
      if (Number(fields[1]) === pid) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}
const CLOCK_TICKS = 100;

/** The app server's process and the PostgreSQL backends of its connections (by their application_name). */
export interface CpuMeter {
  serverPid: number;
  backendPids(): Promise<number[]>;
}

/** The application_name of the app server's connections in a benchmark (postgres.js reads PGAPPNAME). */
export const SERVER_APP_NAME = 'malbild-bench-server';

export function cpuMeter(db: Db, server: Server): CpuMeter {
  return {
    serverPid: server.child.pid!,
    async backendPids() {
      const rows = (await db.execute(sql`select pid from pg_stat_activity where application_name = ${SERVER_APP_NAME} and datname = current_database()`)) as unknown as
        | { pid: number }[]
        | { rows: { pid: number }[] };
      return (Array.isArray(rows) ? rows : rows.rows).map((r) => Number(r.pid));
    },
  };
}

async function cpuSnapshot(meter: CpuMeter) {
  const backends = new Map<number, number>();
  for (const pid of await meter.backendPids()) backends.set(pid, ownCpuMs(pid) ?? 0);
  const client = process.cpuUsage();
  return { app: processCpuMs(meter.serverPid), backends, client: (client.user + client.system) / 1000 };
}

/** Each editor saves `count` values back to back, round robin over its indicators. */
export async function runSaves(
  db: Db,
  base: string,
  actionId: string,
  organizationId: string,
  periodId: string,
  editors: Editor[],
  count: number,
  meter?: CpuMeter,
): Promise<SaveFigures> {
  const before = meter ? await cpuSnapshot(meter) : null;
  const results: SaveOutcome[] = [];
  const acknowledged: { indicatorId: string; seq: number; outcome: number }[] = [];
  const started = performance.now();
  await Promise.all(
    editors.map(async (editor, e) => {
      for (let i = 0; i < count; i++) {
        const item = editor.items[i % editor.items.length]!;
        const outcome = (100 + ((e * 37 + i * 11) % 800)) / 10;
        const result = await saveOnce(base, actionId, periodId, editor, item, outcome.toFixed(1).replace('.', ','));
        results.push(result);
        if (result.kind === 'ok') {
          acknowledged.push({ indicatorId: item.indicatorId, seq: result.seq!, outcome });
          item.seq = result.seq!;
        } else {
          item.seq = await newestSeq(db, organizationId, periodId, item.indicatorId);
        }
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const load = load1();
  let cpu: SaveFigures['cpu'] = null;
  if (meter && before && acknowledged.length) {
    const after = await cpuSnapshot(meter);
    let dbMs = 0;
    for (const [pid, ms] of after.backends) dbMs += ms - (before.backends.get(pid) ?? 0);
    cpu = {
      app: before.app !== null && after.app !== null ? (after.app - before.app) / acknowledged.length : NaN,
      db: dbMs / acknowledged.length,
      client: (after.client - before.client) / acknowledged.length,
    };
  }
  // Every acknowledged save is in the database, once, with its outcome.
  const ids = [...new Set(acknowledged.map((a) => a.indicatorId))];
  const rows = ids.length
    ? await db
        .select({ indicatorId: s.indicatorValues.indicatorId, seq: s.indicatorValues.seq, outcome: s.indicatorValues.outcome })
        .from(s.indicatorValues)
        .where(and(eq(s.indicatorValues.organizationId, organizationId), eq(s.indicatorValues.periodId, periodId), inArray(s.indicatorValues.indicatorId, ids)))
    : [];
  const stored = new Map(rows.map((r) => [`${r.indicatorId}:${r.seq}`, r.outcome]));
  const lost = acknowledged.filter((a) => !stored.has(`${a.indicatorId}:${a.seq}`) || Math.abs(stored.get(`${a.indicatorId}:${a.seq}`)! - a.outcome) > 1e-9).length;
  const keys = acknowledged.map((a) => `${a.indicatorId}:${a.seq}`);
  const duplicated = keys.length - new Set(keys).size;
  const times = results.map((r) => r.ms);
  const errors = results.filter((r) => r.kind === 'error');
  if (errors.length) console.error(`${errors.length} saves failed, e.g. ${errors[0]!.detail}`);
  return {
    saves: acknowledged.length,
    perSecond: acknowledged.length / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    mean: times.reduce((a, b) => a + b, 0) / times.length,
    conflicts: results.filter((r) => r.kind === 'conflict').length,
    errors: errors.length,
    lost,
    duplicated,
    load,
    cpu,
  };
}

/** The statements one save runs (the whole server action, session check included), from a server started with MALBILD_SQL_LOG. */
export async function statementsOfOneSave(
  root: string,
  port: number,
  url: string,
  db: Db,
  organizationId: string,
  periodId: string,
  editor: Editor,
): Promise<{ sql: string; params: unknown[] }[]> {
  const sqlLog = path.join(os.tmpdir(), `malbild-bench-save-sql-${process.pid}-${port}.jsonl`);
  const server = await startServer(root, port, { DATABASE_URL: url, MALBILD_SQL_LOG: sqlLog });
  try {
    const actionId = saveActionId(root);
    const item = editor.items[0]!;
    // One save to warm (the session's first touch, the module loads), then the counted one.
    for (let i = 0; i < 2; i++) {
      fs.writeFileSync(sqlLog, '');
      item.seq = await newestSeq(db, organizationId, periodId, item.indicatorId);
      const saved = await saveOnce(server.base, actionId, periodId, editor, item, i ? '50,5' : '49,5');
      if (saved.kind !== 'ok') throw new Error(`the probe save failed: ${saved.detail ?? saved.kind}`);
      item.seq = saved.seq!;
    }
    return fs
      .readFileSync(sqlLog, 'utf8')
      .split('\n')
      .filter(Boolean)
      .map((line) => JSON.parse(line) as { sql: string; params: unknown[] });
  } finally {
    await server.stop();
    fs.rmSync(sqlLog, { force: true });
  }
}

const ms = (x: number) => (x >= 100 ? x.toFixed(0) : x.toFixed(1));

export const SAVE_TABLE_HEADER = [
  '| saves (stor, server action over HTTP) | saves | saves/s | p50 ms | p95 ms | p99 ms | mean ms | p95 / mean | conflicts | errors | lost | duplicated | CPU ms/save: app · db · bench | load |',
  '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |',
];

export function saveTableRow(name: string, r: SaveFigures): string {
  return `| ${name} | ${r.saves} | ${r.perSecond.toFixed(1)} | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${ms(r.mean)} | ${(r.p95 / r.mean).toFixed(1)} | ${r.conflicts} | ${r.errors} | ${r.lost} | ${r.duplicated} | ${r.cpu ? `${r.cpu.app.toFixed(1)} · ${r.cpu.db.toFixed(1)} · ${r.cpu.client.toFixed(1)}` : '–'} | ${r.load} |`;
}

/**
 * Next's floor for this action: the same POST (proxy, routing, the multipart body, the
 * action's decoding and its Flight answer) with an argument that is no form, which the
 * action answers at once without the session check or the database. `callers` at once,
 * `count` each; app CPU per request.
 */
export async function runFloor(base: string, actionId: string, path: string, cookie: string, callers: number, count: number, meter: CpuMeter) {
  const before = await cpuSnapshot(meter);
  const times: number[] = [];
  const started = performance.now();
  await Promise.all(
    Array.from({ length: callers }, async () => {
      for (let i = 0; i < count; i++) {
        const form = new FormData();
        form.append('0', '[null,"no form"]');
        const t = performance.now();
        const post = () => fetch(base + path, { method: 'POST', headers: { cookie, 'next-action': actionId, accept: 'text/x-component', ...ENCODING }, body: form });
        // A kept-alive connection the server has just closed (seen behind the cluster under
        // load) is reset: this request changes nothing, so it is sent once more.
        const response = await post().catch(post);
        const body = await response.text();
        if (!body.includes('"code":"invalid"')) throw new Error(`the floor request got ${response.status} ${body.slice(0, 200)}`);
        times.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const after = await cpuSnapshot(meter);
  const n = callers * count;
  return {
    requests: n,
    perSecond: n / seconds,
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    appCpuMs: after.app !== null && before.app !== null ? (after.app - before.app) / n : NaN,
    clientCpuMs: (after.client - before.client) / n,
    load: load1(),
  };
}
