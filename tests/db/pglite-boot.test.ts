// A new PGlite database starts from the cached initialised cluster (db/pglite-template.ts)
// and ends up the same as one initialised by initdb; an unreadable cache is dropped, not
// trusted; and PGlite's one-script migrations write drizzle's own journal, so that drizzle's
// migrator (the PostgreSQL path) and PGlite's agree on what is applied.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { PGlite } from '@electric-sql/pglite';
import { drizzle } from 'drizzle-orm/pglite';
import { migrate } from 'drizzle-orm/pglite/migrator';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { openDatabase, type Database } from '@/db/client';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { readTemplate, templateFile } from '@/db/pglite-template';

const MIGRATIONS = path.join(process.cwd(), 'db', 'migrations');
const dirs: string[] = [];
const open: Database[] = [];

afterEach(async () => {
  for (const database of open.splice(0)) await database.close();
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function tempDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'malbild-pglite-boot-'));
  dirs.push(dir);
  return dir;
}

async function prepared(dataDir: string): Promise<Database> {
  const database = await openDatabase({ dataDir });
  open.push(database);
  await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => {}));
  return database;
}

/** What the database holds that a start depends on: its tables and columns, its journal, the demo. */
async function shape(database: Database) {
  const rows = async (query: ReturnType<typeof sql>) => ((await database.db.execute(query)) as unknown as { rows: unknown[] }).rows;
  const columns = await rows(
    sql`select table_schema, table_name, column_name, data_type from information_schema.columns
        where table_schema in ('public', 'drizzle') order by 1, 2, 3`,
  );
  const journal = await rows(sql`select hash, created_at::text from drizzle.__drizzle_migrations order by created_at`);
  const triggers = await rows(sql`select tgname from pg_trigger where not tgisinternal order by 1`);
  const organizations = await rows(sql`select code, name from organizations order by code`);
  return { columns, journal, triggers, organizations };
}

describe('a new PGlite database', () => {
  const file = templateFile()!;

  it('starts from the cached initialised cluster and ends up as one initialised by initdb', async () => {
    fs.rmSync(file, { force: true });
    const initialised = await prepared(tempDir()); // runs initdb and leaves the copy
    expect(fs.statSync(file).size).toBeGreaterThan(1_000_000);
    const copied = await prepared(tempDir());
    const expected = await shape(initialised);
    expect(expected.organizations).toEqual([{ code: askersund.organization.code, name: askersund.organization.name }]);
    expect(await shape(copied)).toEqual(expected);
  });

  it('drops an unreadable cached cluster and initialises the database with initdb', async () => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, 'not a tar file');
    const dir = tempDir();
    const database = await prepared(dir);
    expect((await shape(database)).organizations).toHaveLength(1);
    // The copy was made again from the new cluster.
    expect(fs.statSync(file).size).toBeGreaterThan(1_000_000);
    // And the folder, closed and opened again, holds the same.
    const before = await shape(database);
    await open.pop()!.close();
    expect(await shape(await prepared(dir))).toEqual(before);
  });
});

describe("PGlite's migrations in one script", () => {
  it("write drizzle's journal: drizzle's migrator then finds nothing to apply", async () => {
    const database = await prepared('memory://');
    const files = readMigrationFiles({ migrationsFolder: MIGRATIONS });
    const { journal } = await shape(database);
    expect(journal).toEqual(files.map((m) => ({ hash: m.hash, created_at: String(m.folderMillis) })));
    // drizzle's own migrator on the same database: no statement fails, no row is added.
    const client = (database.db as unknown as { $client: PGlite }).$client;
    await migrate(drizzle({ client }), { migrationsFolder: MIGRATIONS });
    expect((await shape(database)).journal).toEqual(journal);
    // A second start applies nothing again.
    await database.prepare();
    expect((await shape(database)).journal).toEqual(journal);
  });

  it("apply only what drizzle's migrator has not applied, and the result is the same", async () => {
    const dir = tempDir();
    const files = fs.readdirSync(MIGRATIONS).filter((f) => f.endsWith('.sql'));
    // An older installation: the first migrations only, applied by drizzle's migrator.
    const older = path.join(dir, 'migrations');
    fs.mkdirSync(path.join(older, 'meta'), { recursive: true });
    const journal = JSON.parse(fs.readFileSync(path.join(MIGRATIONS, 'meta', '_journal.json'), 'utf8')) as { entries: unknown[] };
    const keep = Math.ceil(files.length / 2);
    fs.writeFileSync(path.join(older, 'meta', '_journal.json'), JSON.stringify({ ...journal, entries: journal.entries.slice(0, keep) }));
    for (const f of files) fs.copyFileSync(path.join(MIGRATIONS, f), path.join(older, f));
    fs.mkdirSync(path.join(dir, 'data'));
    const client = await PGlite.create(path.join(dir, 'data', 'pg'), { loadDataDir: readTemplate() });
    await migrate(drizzle({ client }), { migrationsFolder: older });
    await client.close();
    // This version's start applies the rest.
    const upgraded = await prepared(path.join(dir, 'data'));
    const fresh = await prepared('memory://');
    expect(await shape(upgraded)).toEqual(await shape(fresh));
  });
});
