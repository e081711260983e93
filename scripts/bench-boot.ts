// `npm run bench:boot`: where a start on PGlite spends its time (issue 19).
//  1. Phase by phase, as db/boot.ts runs them, in this process: opening PGlite, applying the
//     migrations, loading the demo, the start banner's check of the demo logins; on a new
//     folder without the cached initialised cluster (db/pglite-template.ts), on a new folder
//     with it, and on the existing folder. Wall time and CPU time: the machine is shared, and
//     CPU time is what a phase costs whatever the load.
//  2. The whole start of `next start` (spawn to the first page, /logga-in), for each build in
//     BENCH_ROOTS (comma-separated app folders, default this one: e.g. a built checkout of
//     the previous commit beside this one), fresh folder then existing folder, the builds
//     taking turns BENCH_ROUNDS times (3), so that all see the same load; medians.
//     BENCH_PORT (3360). BENCH_SPAWN=0 skips part 2.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '@/db/client';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { workingDemoLogins } from '@/db/demo/logins';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { templateFile } from '@/db/pglite-template';

const ROOT = path.resolve(import.meta.dirname, '..');
const PORT = Number(process.env.BENCH_PORT || 3360);
const ROUNDS = Number(process.env.BENCH_ROUNDS || 3);

interface Lap {
  wall: number;
  cpu: number;
}

async function phases(dir: string): Promise<Record<string, Lap>> {
  const times: Record<string, Lap> = {};
  let wall = performance.now();
  let cpu = process.cpuUsage();
  const lap = (name: string) => {
    const used = process.cpuUsage(cpu);
    times[name] = { wall: performance.now() - wall, cpu: (used.user + used.system) / 1000 };
    wall = performance.now();
    cpu = process.cpuUsage();
  };
  const database = await openDatabase({ dataDir: dir });
  lap('open PGlite');
  await database.prepare(async (db) => {
    lap('migrate');
    await loadDemoIfEmpty(db, askersund, DEMO_PASSWORD);
  });
  lap('demo load (or the check that one is there)');
  await workingDemoLogins(database.db, askersund, DEMO_PASSWORD);
  lap('demo logins banner (after the server serves)');
  await database.close();
  lap('close');
  return times;
}

/** CPU seconds a process has used (Linux: /proc/<pid>/stat, utime + stime in clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /, '').split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/** Spawn to first page: wall ms and the server's CPU seconds until then. */
function startServer(root: string, dataDir: string): Promise<{ wall: number; cpu: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(root, 'node_modules/next/dist/bin/next'), 'start', '--port', String(PORT), '--hostname', '127.0.0.1'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      MALBILD_DATA_DIR: dataDir,
      AUTH_SECRET: 'malbild-bench-secret-0123456789abcdef0123456789abcdef',
      AUTH_TRUST_HOST: 'true',
      NEXT_TELEMETRY_DISABLED: '1',
      NODE_ENV: 'production',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout!.on('data', (d) => (log += d));
  child.stderr!.on('data', (d) => (log += d));
  return (async () => {
    for (;;) {
      if (child.exitCode !== null) throw new Error(`the server in ${root} exited:\n${log}`);
      try {
        const response = await fetch(`http://127.0.0.1:${PORT}/logga-in`);
        await response.arrayBuffer();
        if (response.status === 200) break;
      } catch {
        // not listening yet
      }
      await new Promise((r) => setTimeout(r, 50));
    }
    const result = { wall: performance.now() - started, cpu: cpuSeconds(child.pid!) };
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGTERM');
    });
    return result;
  })();
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)]!;
const seconds = (ms: number) => (ms / 1000).toFixed(1).replace('.', ',');

async function main() {
  const file = templateFile();
  const cached = file && fs.existsSync(file) ? fs.readFileSync(file) : null;
  const dirs: string[] = [];
  const newDir = () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'malbild-bench-boot-'));
    dirs.push(dir);
    return dir;
  };
  try {
    // 1. Phases.
    if (file) fs.rmSync(file, { force: true });
    const withoutCopy = await phases(newDir()); // runs initdb and leaves the copy
    const dir = newDir();
    const withCopy = await phases(dir);
    const existing = await phases(dir);
    console.log(`Load average ${os.loadavg()[0]!.toFixed(1)}, ${os.cpus().length} cores. ms wall / ms CPU.\n`);
    console.log('| phase | new folder, no cached cluster | new folder | existing folder |\n| --- | ---: | ---: | ---: |');
    const cell = (l: Lap) => `${l.wall.toFixed(0)} / ${l.cpu.toFixed(0)}`;
    for (const name of Object.keys(withCopy)) console.log(`| ${name} | ${cell(withoutCopy[name]!)} | ${cell(withCopy[name]!)} | ${cell(existing[name]!)} |`);
    const sum = (r: Record<string, Lap>) => ({ wall: Object.values(r).reduce((a, b) => a + b.wall, 0), cpu: Object.values(r).reduce((a, b) => a + b.cpu, 0) });
    console.log(`| in all | ${cell(sum(withoutCopy))} | ${cell(sum(withCopy))} | ${cell(sum(existing))} |`);

    // 2. Spawn to first page.
    if (process.env.BENCH_SPAWN === '0') return;
    const roots = (process.env.BENCH_ROOTS || ROOT).split(',').map((r) => path.resolve(r));
    type Run = { wall: number; cpu: number };
    const results = roots.map(() => ({ fresh: [] as Run[], existing: [] as Run[] }));
    for (let round = 0; round < ROUNDS; round++) {
      for (const [i, root] of roots.entries()) {
        const folder = newDir();
        results[i]!.fresh.push(await startServer(root, folder));
        results[i]!.existing.push(await startServer(root, folder));
      }
    }
    console.log(`\nSpawn of next start to the first page (/logga-in): wall s, and the server's CPU s until then; median of ${ROUNDS}, load average ${os.loadavg()[0]!.toFixed(1)}:\n`);
    console.log(`| build | new folder wall s | new folder CPU s | existing folder wall s | existing folder CPU s |\n| --- | ---: | ---: | ---: | ---: |`);
    const both = (runs: Run[]) =>
      `${seconds(median(runs.map((r) => r.wall)))} (${runs.map((r) => seconds(r.wall)).join(' · ')}) | ${median(runs.map((r) => r.cpu)).toFixed(1).replace('.', ',')}`;
    for (const [i, root] of roots.entries()) console.log(`| ${root} | ${both(results[i]!.fresh)} | ${both(results[i]!.existing)} |`);
  } finally {
    for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
    // Leave the cache as it was found, or as this run made it.
    if (file && cached && !fs.existsSync(file)) fs.writeFileSync(file, cached);
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
