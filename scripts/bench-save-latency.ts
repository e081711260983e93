// `npm run bench:save` (issue 19): saving indicator values, alone and under load, on the
// large generated kommun (the database of `npm run bench:generate`, generated first when
// missing), against the built app (`node scripts/start.mjs --build-only` first). In one run:
//   - the statements one save runs (the whole server action, session check included);
//   - one editor alone, then BENCH_EDITORS editors back to back, through the real server
//     action over HTTP (`next start`): saves/s, p50/p95/p99, mean, conflicts, and every
//     acknowledged save looked up in the database (lost, duplicated);
//   - the same save without Next.js: the session check and the action run in this process
//     against the same database, one caller and BENCH_EDITORS at once — what the database
//     path alone allows, so the rest is the cost of the HTTP request and Next's action;
//   - with BENCH_BASELINE=<another checkout, built>: its server measured the same way in
//     the same run, the two alternating BENCH_ROUNDS times, and the ratio.
// Settings: BENCH_PORT (3360), BENCH_EDITORS (50), BENCH_SAVES (saves per editor, 20),
// BENCH_ROUNDS (1), BENCH_CPU_PROF (a folder: the servers run with --cpu-prof into it),
// BENCH_IN_PROCESS=0 skips the in-process part, BENCH_THIS (another built checkout measured as
// "this"), BENCH_PROCESSES (n > 1: this build also measured as n `next start` processes behind
// one port, scripts/bench-save-cluster.mjs, in the same rounds), BENCH_IDENTITY=also (this build
// also measured with the saves asking for uncompressed answers: what gzip costs), BENCH_ENVS
// (e.g. "MALBILD_DB_POOL=5;MALBILD_COMPRESS=off": this build also measured with each of those
// settings of its server, in the same rounds), and those of
// scripts/bench-generate.ts.
// The machine is shared: compare figures from one run; the load average is printed with each.
import path from 'node:path';
import os from 'node:os';
import { performance } from 'node:perf_hooks';
import postgres from 'postgres';
import { and, eq } from 'drizzle-orm';
import { openDatabase, type Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadSessionUser } from '@/db/sessions';
import { sessionLimitsFrom } from '@/lib/session-lifetime';
import { runAction } from '@/server/action';
import { saveIndicatorValueAction } from '@/app/(inloggad)/rapportering/matt/[indicatorId]/save-indicator-value';
import { BENCH_SERVER, benchDatabaseUrl, generateBenchDatabase } from './bench-generate';
import {
  askIdentity,
  copyEditors,
  cpuMeter,
  runFloor,
  SERVER_APP_NAME,
  editorsOf,
  load1,
  newestSeq,
  percentile,
  runSaves,
  saveActionId,
  SAVE_TABLE_HEADER,
  saveTableRow,
  startServer,
  statementsOfOneSave,
  type Editor,
  type SaveFigures,
} from './bench-saves';

const PORT = Number(process.env.BENCH_PORT || 3360);
const EDITORS = Number(process.env.BENCH_EDITORS || 50);
const SAVES = Number(process.env.BENCH_SAVES || 20);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 1);
const ROOT = process.env.BENCH_THIS ? path.resolve(process.env.BENCH_THIS) : path.resolve(import.meta.dirname, '..');
const BASELINE = process.env.BENCH_BASELINE ? path.resolve(process.env.BENCH_BASELINE) : null;
const PROCESSES = Number(process.env.BENCH_PROCESSES || 1);
const CPU_PROF = process.env.BENCH_CPU_PROF ? path.resolve(process.env.BENCH_CPU_PROF) : null;

async function databaseExists(name: string): Promise<boolean> {
  const admin = postgres(BENCH_SERVER, { max: 1, onnotice: () => {} });
  try {
    return (await admin`select 1 from pg_database where datname = ${name}`).length > 0;
  } finally {
    await admin.end();
  }
}

/** One build's saves over HTTP: one editor alone, then every editor at once. */
async function measureBuild(
  root: string,
  label: string,
  url: string,
  db: Db,
  organizationId: string,
  periodId: string,
  editors: Editor[],
  processes = 1,
  identity = false,
  env: Record<string, string> = {},
): Promise<{ single: SaveFigures; load: SaveFigures; floor: Awaited<ReturnType<typeof runFloor>> }> {
  const nodeArgs = CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${path.join(CPU_PROF, label.replace(/\W+/g, '-'))}`] : [];
  const server = await startServer(root, PORT, { DATABASE_URL: url, PGAPPNAME: SERVER_APP_NAME, ...env }, nodeArgs, processes);
  const meter = cpuMeter(db, server);
  if (identity) askIdentity(true);
  try {
    const actionId = saveActionId(root);
    const mine = copyEditors(editors);
    for (const editor of mine) for (const item of editor.items) item.seq = await newestSeq(db, organizationId, periodId, item.indicatorId);
    await runSaves(db, server.base, actionId, organizationId, periodId, mine.slice(0, 1), 5); // warm
    const single = await runSaves(db, server.base, actionId, organizationId, periodId, mine.slice(0, 1), 40, meter);
    await runSaves(db, server.base, actionId, organizationId, periodId, mine, 2); // warm the pool
    const load = await runSaves(db, server.base, actionId, organizationId, periodId, mine, SAVES, meter);
    const path = `/rapportering/matt/${mine[0]!.items[0]!.indicatorId}?period=${periodId}`;
    await runFloor(server.base, actionId, path, mine[0]!.cookie, mine.length, 2, meter);
    const floor = await runFloor(server.base, actionId, path, mine[0]!.cookie, mine.length, SAVES, meter);
    return { single, load, floor };
  } finally {
    if (identity) askIdentity(false);
    await server.stop();
  }
}

/**
 * The save without Next.js: per save, the session check and user re-read (loadSessionUser)
 * and the action (runAction), as server/form-action.ts runs them, in this process (without
 * the cookie's decryption); `callers` at once, `count` saves each.
 */
async function inProcess(db: Db, organizationId: string, periodId: string, callers: { userId: string; sessionId: string; items: { indicatorId: string; seq: number }[] }[], count: number) {
  const limits = sessionLimitsFrom(process.env);
  const times: number[] = [];
  let saves = 0;
  let conflicts = 0;
  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  await Promise.all(
    callers.map(async (caller, c) => {
      for (let i = 0; i < count; i++) {
        const item = caller.items[i % caller.items.length]!;
        const t = performance.now();
        const user = await loadSessionUser(db, { organizationId, userId: caller.userId, sessionId: caller.sessionId, since: Date.now() - 1000 }, new Date(), limits);
        if (!user) throw new Error('session refused');
        const result = await runAction(
          saveIndicatorValueAction,
          user,
          {
            indicatorId: item.indicatorId,
            periodId,
            baseSeq: String(item.seq),
            outcome: ((100 + ((c * 37 + i * 11) % 800)) / 10).toFixed(1).replace('.', ','),
            analysis: 'Utfallet följs upp varje månad; åtgärder pågår.',
          },
          db,
        );
        times.push(performance.now() - t);
        if (result.status === 'ok') {
          saves++;
          item.seq = (result.data as { seq: number }).seq;
        } else if (result.code === 'conflict') {
          conflicts++;
          item.seq = await newestSeq(db, organizationId, periodId, item.indicatorId);
        } else throw new Error(`in-process save failed: ${JSON.stringify(result)}`);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  const cpuMs = (cpu.user + cpu.system) / 1000 / Math.max(1, saves);
  return { saves, perSecond: saves / seconds, p50: percentile(times, 50), p95: percentile(times, 95), conflicts, cpuMs, load: load1() };
}

async function main() {
  const dbName = process.env.BENCH_DB || 'malbild_bench';
  if (!(await databaseExists(dbName))) await generateBenchDatabase();
  const url = benchDatabaseUrl(dbName);
  const database = await openDatabase({ url });
  const db = database.db;
  try {
    const [org] = await db.select({ id: s.organizations.id }).from(s.organizations).where(eq(s.organizations.code, 'STOR'));
    const [period] = await db
      .select({ id: s.periods.id, year: s.periods.year })
      .from(s.periods)
      .where(and(eq(s.periods.organizationId, org!.id), eq(s.periods.state, 'open')));
    const editors = await editorsOf(db, org!.id, period!, EDITORS);
    const builds: { root: string; label: string; processes?: number; identity?: boolean; env?: Record<string, string> }[] = [
      ...(BASELINE ? [{ root: BASELINE, label: 'baseline' }] : []),
      { root: ROOT, label: 'this' },
      ...(PROCESSES > 1 ? [{ root: ROOT, label: `this, ${PROCESSES} processes`, processes: PROCESSES }] : []),
      ...(process.env.BENCH_IDENTITY === 'also' ? [{ root: ROOT, label: 'this, answers not compressed', identity: true }] : []),
      ...(process.env.BENCH_ENVS ?? '')
        .split(';')
        .filter(Boolean)
        .map((setting) => ({
          root: ROOT,
          label: `this, ${setting}`,
          env: Object.fromEntries(setting.split(',').map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)])),
        })),
    ];

    const lines: string[] = [`## Saves, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${os.cpus().length} cores`, ''];
    for (const build of builds) {
      if (build.processes || build.identity || build.env) continue;
      const statements = await statementsOfOneSave(build.root, PORT, url, db, org!.id, period!.id, copyEditors(editors)[0]!);
      lines.push(`Statements per save (${build.label}: ${build.root}): ${statements.length}`);
      for (const st of statements) lines.push(`    ${st.sql.replace(/\s+/g, ' ').slice(0, 160)}`);
    }
    lines.push('', ...SAVE_TABLE_HEADER);
    const figures = new Map<string, { single: SaveFigures[]; load: SaveFigures[] }>(builds.map((b) => [b.label, { single: [], load: [] }]));
    const floors: string[] = [];
    for (let round = 1; round <= ROUNDS; round++) {
      for (const build of builds) {
        const r = await measureBuild(build.root, build.label, url, db, org!.id, period!.id, editors, build.processes, build.identity, build.env);
        figures.get(build.label)!.single.push(r.single);
        figures.get(build.label)!.load.push(r.load);
        for (const line of [saveTableRow(`${build.label}, round ${round}: 1 editor alone`, r.single), saveTableRow(`${build.label}, round ${round}: ${editors.length} editors at once`, r.load)]) {
          console.log(line);
          lines.push(line);
        }
        const f = r.floor;
        floors.push(
          `| ${build.label}, round ${round} | ${f.requests} | ${f.perSecond.toFixed(1)} | ${f.p50.toFixed(1)} | ${f.p95.toFixed(1)} | ${f.appCpuMs.toFixed(1)} · ${f.clientCpuMs.toFixed(1)} | ${f.load} |`,
        );
      }
    }
    lines.push(
      '',
      `| Next's floor: the same action POST answered at once (no session check, no database), ${editors.length} at once | requests | per s | p50 ms | p95 ms | CPU ms/request: app · bench | load |`,
      '| --- | ---: | ---: | ---: | ---: | ---: | ---: |',
      ...floors,
    );
    if (BASELINE) {
      const sum = (xs: SaveFigures[], f: (x: SaveFigures) => number) => xs.reduce((a, x) => a + f(x), 0) / xs.length;
      const a = figures.get('this')!;
      const b = figures.get('baseline')!;
      lines.push(
        '',
        `This / baseline (mean of ${ROUNDS} round(s)): saves/s at ${editors.length} editors ${(sum(a.load, (x) => x.perSecond) / sum(b.load, (x) => x.perSecond)).toFixed(2)}×, ` +
          `p95 at ${editors.length} editors ${(sum(a.load, (x) => x.p95) / sum(b.load, (x) => x.p95)).toFixed(2)}×, ` +
          `one editor's p95 ${(sum(a.single, (x) => x.p95) / sum(b.single, (x) => x.p95)).toFixed(2)}×.`,
      );
    }

    if (process.env.BENCH_IN_PROCESS !== '0') {
      // The same users, each with a server-side session of their own, without Next.js.
      const grants = await db
        .select({ id: s.users.id })
        .from(s.users)
        .innerJoin(s.roleGrants, and(eq(s.roleGrants.organizationId, org!.id), eq(s.roleGrants.userId, s.users.id)))
        .where(and(eq(s.users.organizationId, org!.id), eq(s.roleGrants.role, 'editor')))
        .orderBy(s.users.email);
      const callers = [];
      for (const [i, editor] of copyEditors(editors).entries()) {
        const [session] = await db.insert(s.sessions).values({ organizationId: org!.id, userId: grants[i]!.id }).returning({ id: s.sessions.id });
        for (const item of editor.items) item.seq = await newestSeq(db, org!.id, period!.id, item.indicatorId);
        callers.push({ userId: grants[i]!.id, sessionId: session!.id, items: editor.items });
      }
      await inProcess(db, org!.id, period!.id, callers.slice(0, 1), 5);
      const one = await inProcess(db, org!.id, period!.id, callers.slice(0, 1), 40);
      const many = await inProcess(db, org!.id, period!.id, callers, SAVES);
      lines.push('', '| in this process, without Next.js (this checkout) | saves | saves/s | p50 ms | p95 ms | conflicts | CPU ms/save in this process | load |', '| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
      for (const [name, r] of [['1 caller alone', one], [`${callers.length} callers at once`, many]] as const) {
        lines.push(`| ${name} | ${r.saves} | ${r.perSecond.toFixed(1)} | ${r.p50.toFixed(1)} | ${r.p95.toFixed(1)} | ${r.conflicts} | ${r.cpuMs.toFixed(1)} | ${r.load} |`);
      }
    }
    console.log(`\n${lines.join('\n')}`);
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
