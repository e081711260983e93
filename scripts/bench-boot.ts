// `npm run bench:boot`: where a start on PGlite spends its time (issue 19), phase by phase,
// as db/boot.ts runs them: opening PGlite, applying the migrations, loading the demo, the
// start banner's check of the demo logins; on a fresh folder and then again on the same one.
// (`npm run bench` measures the whole start, spawn to first page.)
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { openDatabase } from '@/db/client';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { workingDemoLogins } from '@/db/demo/logins';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';

async function phases(dir: string): Promise<Record<string, number>> {
  const times: Record<string, number> = {};
  let t = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    times[name] = now - t;
    t = now;
  };
  const database = await openDatabase({ dataDir: dir });
  lap('open PGlite');
  let migrated = 0;
  await database.prepare(async (db) => {
    migrated = performance.now();
    await loadDemoIfEmpty(db, askersund, DEMO_PASSWORD);
  });
  times['migrate'] = migrated - t;
  t = migrated;
  lap('demo load (or the check that one is there)');
  await workingDemoLogins(database.db, askersund, DEMO_PASSWORD);
  lap('demo logins banner');
  await database.close();
  lap('close');
  return times;
}

async function main() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'malbild-bench-boot-'));
  try {
    const fresh = await phases(dir);
    const existing = await phases(dir);
    console.log('| phase | fresh folder ms | existing folder ms |\n| --- | ---: | ---: |');
    for (const name of Object.keys(fresh)) console.log(`| ${name} | ${fresh[name]!.toFixed(0)} | ${existing[name]!.toFixed(0)} |`);
    const sum = (r: Record<string, number>) => Object.values(r).reduce((a, b) => a + b, 0);
    console.log(`| in all | ${sum(fresh).toFixed(0)} | ${sum(existing).toFixed(0)} |`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
