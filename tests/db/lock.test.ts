// The embedded database's folder belongs to one process at a time: a second live process
// is refused with a clear message, and a lock left by a killed process is taken over
// with the data intact. On a real server, concurrent boots migrate and load once.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import { DataDirLockedError, LOCK_FILE } from '@/db/lock';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import * as s from '@/db/schema';
import { freshPostgresUrl, hasPostgres } from './engines';

const children: ChildProcess[] = [];
const dirs: string[] = [];

afterEach(() => {
  for (const child of children.splice(0)) child.kill('SIGKILL');
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'malbild-lock-'));
  dirs.push(dir);
  return dir;
}

/** Starts hold-database.ts on `dir`; resolves with its output once it is ready or has exited. */
function holdDatabase(dir: string): Promise<{ child: ChildProcess; ready: boolean; output: string; code: number | null }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'tests/support/hold-database.ts', dir], {
    cwd: process.cwd(),
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  children.push(child);
  let output = '';
  return new Promise((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('ready ')) resolve({ child, ready: true, output, code: null });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('exit', (code) => resolve({ child, ready: false, output, code }));
  });
}

async function organizationCount(dir: string): Promise<number> {
  const database = await openDatabase({ dataDir: dir });
  try {
    await database.prepare();
    const [row] = (await database.db.select({ n: sql<number>`count(*)::int` }).from(s.organizations)) as [{ n: number }];
    return row.n;
  } finally {
    await database.close();
  }
}

// Each test starts child processes that open PGlite on a fresh folder on disk (7-10 s of
// initialisation each, 30 s and more under load): a budget of its own, well above the db
// project's 60 s.
describe('the embedded database folder lock', { timeout: 180_000 }, () => {
  it('refuses a second live process with a clear message; after kill -9 the next start takes over with the data intact', async () => {
    const dir = tempDir();
    const first = await holdDatabase(dir);
    expect(first.ready).toBe(true);
    const pid = first.child.pid!;
    expect(fs.readFileSync(path.join(dir, LOCK_FILE), 'utf8')).toBe(String(pid));

    // Another process is refused and says why.
    const second = await holdDatabase(dir);
    expect(second.ready).toBe(false);
    expect(second.code).toBe(3);
    expect(second.output).toContain(`används redan av en annan Målbild-process (PID ${pid})`);

    // So is this one.
    await expect(openDatabase({ dataDir: dir })).rejects.toBeInstanceOf(DataDirLockedError);

    // The owner is killed without a chance to clean up: its lock file stays behind.
    first.child.kill('SIGKILL');
    await new Promise((resolve) => first.child.once('exit', resolve));
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(true);

    expect(await organizationCount(dir)).toBe(1);
    // Closing released the lock.
    expect(fs.existsSync(path.join(dir, LOCK_FILE))).toBe(false);
  });

  it('takes over a lock file whose process is gone or which holds no PID', async () => {
    const dir = tempDir();
    const gone = spawn(process.execPath, ['-e', '']);
    await new Promise((resolve) => gone.once('exit', resolve));
    fs.writeFileSync(path.join(dir, LOCK_FILE), String(gone.pid));
    expect(await organizationCount(dir)).toBe(0);
    fs.writeFileSync(path.join(dir, LOCK_FILE), 'garbage');
    expect(await organizationCount(dir)).toBe(0);
  });
});

// Registered only when TEST_DATABASE_URL names a server (CI always does).
// Four servers migrate and one loads the demo (hashing its passwords) while the others wait.
for (const _ of hasPostgres ? [1] : []) describe('concurrent boots on a real server', { timeout: 180_000 }, () => {
  it('four servers starting at once migrate once and load the demo once', async () => {
    const fresh = await freshPostgresUrl();
    const databases = await Promise.all([1, 2, 3, 4].map(() => openDatabase({ url: fresh.url })));
    try {
      const loaded = await Promise.all(
        databases.map(async (database) => {
          let didLoad = false;
          await database.prepare(async (db) => {
            didLoad = await loadDemoIfEmpty(db, askersund, DEMO_PASSWORD);
          });
          return didLoad;
        }),
      );
      expect(loaded.filter(Boolean)).toHaveLength(1);
      const [row] = (await databases[0]!.db.select({ n: sql<number>`count(*)::int` }).from(s.indicators)) as [{ n: number }];
      expect(row.n).toBe(6);
    } finally {
      await Promise.all(databases.map((d) => d.close()));
      await fresh.drop();
    }
  });
});
