// A new PGlite database starts from a copy of a freshly initialised cluster instead of
// running initdb again. Initialising is PGlite's initdb in WebAssembly: about 3,7 s of CPU
// (10–26 s on the shared 2-core machine); loading the same cluster from a tar file with
// PGlite's own `loadDataDir` is about 0,9 s. The copy is a cache, not data: the cluster
// exactly as initdb leaves it (no migrations, no demo), kept per PGlite version in
// node_modules/.cache/malbild/ and written by the first database initialised without it
// (or by `node scripts/start.mjs` while it builds). A copy that cannot be read is ignored.
import fs from 'node:fs';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

/** The cache file for the installed PGlite version, or null when that version cannot be read. */
export function templateFile(root = /*turbopackIgnore: true*/ process.cwd()): string | null {
  try {
    const pkg = path.join(/*turbopackIgnore: true*/ root, 'node_modules', '@electric-sql', 'pglite', 'package.json');
    const { version } = JSON.parse(fs.readFileSync(pkg, 'utf8')) as { version?: unknown };
    if (typeof version !== 'string' || !/^[\w.-]+$/.test(version)) return null;
    return path.join(/*turbopackIgnore: true*/ root, 'node_modules', '.cache', 'malbild', `pglite-${version}-initdb.tar`);
  } catch {
    return null;
  }
}

/** The cached cluster as a Blob for PGlite's `loadDataDir`, or undefined when there is none. */
export function readTemplate(file = templateFile()): Blob | undefined {
  if (!file) return undefined;
  try {
    return new Blob([fs.readFileSync(file)]);
  } catch {
    return undefined;
  }
}

/** Forgets a cached cluster that PGlite could not load. */
export function dropTemplate(file = templateFile()): void {
  if (file) fs.rmSync(file, { force: true });
}

/**
 * Stores the cluster of `pg`, which must be exactly as initdb left it (nothing written
 * yet). Written to a temporary name and renamed, so that processes racing here (test files
 * in parallel) never read half a file. A failure to write only means no cache.
 */
export async function saveTemplate(pg: PGlite, file = templateFile()): Promise<void> {
  if (!file) return;
  try {
    const tar = Buffer.from(await (await pg.dumpDataDir('none')).arrayBuffer());
    fs.mkdirSync(path.dirname(file), { recursive: true });
    const temporary = `${file}.${process.pid}.tmp`;
    fs.writeFileSync(temporary, tar);
    fs.renameSync(temporary, file);
  } catch {
    // no cache: the next new database runs initdb again
  }
}

/** Initialises a cluster in memory and stores it, unless the cache already holds one (scripts/start.mjs, while it builds). */
export async function createTemplate(file = templateFile()): Promise<void> {
  if (!file || fs.existsSync(file)) return;
  const { PGlite } = await import('@electric-sql/pglite');
  const pg = await PGlite.create('memory://');
  try {
    await saveTemplate(pg, file);
  } finally {
    await pg.close();
  }
}
