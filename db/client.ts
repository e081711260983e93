// The database connection: PGlite (embedded Postgres, in-process) in a local folder when
// there is no DATABASE_URL, postgres.js against a real server when there is. Everything
// above this file sees one drizzle `Db` and cannot tell the two apart.
import fs from 'node:fs';
import path from 'node:path';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePostgres } from 'drizzle-orm/postgres-js';
import { readMigrationFiles } from 'drizzle-orm/migrator';
import { migrate as migratePostgres } from 'drizzle-orm/postgres-js/migrator';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import * as schema from './schema';
import { acquireDataDirLock } from './lock';
import { dropTemplate, readTemplate, saveTemplate } from './pglite-template';

export type Db = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Database {
  db: Db;
  engine: 'pglite' | 'postgres';
  /** The driver's client and the statement logger under `db`, for getDb() (see there). */
  connection: Connection;
  /**
   * Applies the committed migrations, then runs `afterMigrate` (the demo load), both
   * under one lock so that concurrent boots against one server cannot interleave.
   */
  prepare(afterMigrate?: (db: Db) => Promise<void>): Promise<void>;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** postgres:// URL of a real server; without it PGlite is used. */
  url?: string;
  /** PGlite: a folder, or 'memory://' for a throwaway in-memory database. */
  dataDir?: string;
  /** Called with every SQL statement drizzle runs and its parameters (tests count queries with it). */
  onQuery?: (sql: string, params: unknown[]) => void;
  /** postgres: a statement running longer is cancelled (the request fails instead of hanging). */
  statementTimeoutMs?: number;
}

/**
 * Bounds on a real server, so that an outage or a stuck statement fails a request within
 * seconds with "nothing was saved" instead of hanging: connecting gives up after
 * CONNECT_TIMEOUT_S, a statement is cancelled after STATEMENT_TIMEOUT_MS, and a transaction
 * left idle is ended after IDLE_IN_TRANSACTION_MS.
 */
export const CONNECT_TIMEOUT_S = 5;
export const STATEMENT_TIMEOUT_MS = 15_000;
const IDLE_IN_TRANSACTION_MS = 30_000;

/** Connections to a real server per process (MALBILD_DB_POOL, 1–100; 10 when unset or not such a number). */
export function poolSize(setting: string | undefined): number {
  const n = Number(setting);
  return Number.isInteger(n) && n >= 1 && n <= 100 ? n : 10;
}

// turbopackIgnore: resolved at run time from the project root, not traced into the bundle.
const MIGRATIONS_FOLDER = path.join(/*turbopackIgnore: true*/ process.cwd(), 'db', 'migrations');
/** pg_advisory_lock key held around migrations and the demo load ("målbild"). */
const MIGRATION_LOCK_KEY = 0x6d616c62;

export function defaultDataDir(): string {
  return path.resolve(
    /*turbopackIgnore: true*/ process.env.MALBILD_DATA_DIR || path.join(/*turbopackIgnore: true*/ process.cwd(), '.data'),
  );
}

export async function openDatabase(options: OpenOptions = {}): Promise<Database> {
  const logger = options.onQuery ? { logQuery: (query: string, params: unknown[]) => options.onQuery!(query, params) } : undefined;
  return options.url
    ? openPostgres(options.url, logger, options.statementTimeoutMs ?? STATEMENT_TIMEOUT_MS)
    : openPglite(options.dataDir ?? defaultDataDir(), logger);
}

type QueryLogger = { logQuery(query: string, params: unknown[]): void } | undefined;

type Connection =
  | { engine: 'pglite'; client: PGliteClient; logger: QueryLogger }
  | { engine: 'postgres'; client: import('postgres').Sql; logger: QueryLogger };

/**
 * The `db` of the databases this copy of this module opened, and its own drizzle over those
 * another copy opened (getDb()).
 */
const opened = new WeakSet<Db>();
const wrapped = new WeakMap<Database, Db>();

/** A drizzle `Db` over the connection, made with this copy of drizzle and of the schema. */
function drizzleOver(connection: Connection): Db {
  const { logger } = connection;
  const db = connection.engine === 'pglite' ? drizzlePglite({ client: connection.client, schema, logger }) : drizzlePostgres({ client: connection.client, schema, logger });
  return db as unknown as Db;
}

async function openPglite(dataDir: string, logger: QueryLogger): Promise<Database> {
  const { PGlite } = await import('@electric-sql/pglite');
  const inMemory = dataDir.startsWith('memory://');
  const release = inMemory ? () => {} : acquireDataDirLock(dataDir);
  let client: PGliteClient;
  try {
    client = await createPglite(PGlite, inMemory ? dataDir : path.join(dataDir, 'pg'));
  } catch (error) {
    release();
    throw error;
  }
  const connection: Connection = { engine: 'pglite', client, logger };
  const db = drizzleOver(connection);
  opened.add(db);
  return {
    db,
    engine: 'pglite',
    connection,
    async prepare(afterMigrate) {
      // One process owns the directory (the lock above), so nothing can interleave.
      await migratePgliteAtOnce(client);
      if (afterMigrate) await afterMigrate(db);
    },
    async close() {
      try {
        await client.close();
      } finally {
        release();
      }
    },
  };
}

type PGliteClass = typeof import('@electric-sql/pglite').PGlite;
type PGliteClient = import('@electric-sql/pglite').PGlite;

/**
 * A new database (nothing in the folder yet, or memory://) starts from the cached copy of
 * a freshly initialised cluster (db/pglite-template.ts) instead of running initdb; without
 * the copy it runs initdb and leaves the copy for the next one. An existing folder opens as is.
 */
async function createPglite(PGlite: PGliteClass, dataDir: string): Promise<PGliteClient> {
  // New means nothing there at all: a folder holding anything (even a damaged cluster) is
  // left to PGlite as before, and only a folder this function created is removed below.
  const isNew = dataDir.startsWith('memory://') || !fs.existsSync(dataDir) || fs.readdirSync(dataDir).length === 0;
  if (!isNew) return PGlite.create(dataDir);
  const template = readTemplate();
  if (template) {
    try {
      return await PGlite.create(dataDir, { loadDataDir: template });
    } catch {
      // An unreadable copy: forget it and initialise as if there were none.
      dropTemplate();
      if (!dataDir.startsWith('memory://')) fs.rmSync(dataDir, { recursive: true, force: true });
    }
  }
  const client = await PGlite.create(dataDir);
  await saveTemplate(client);
  return client;
}

/**
 * drizzle's migrator, in one round trip: the same journal (drizzle.__drizzle_migrations, the
 * same hashes and timestamps, so either migrator sees the other's work), but the pending
 * migrations and their journal rows go to PGlite as one script in one transaction instead of
 * one statement at a time (0,8 s of CPU → 0,45 s for the current migrations on a new database).
 */
async function migratePgliteAtOnce(client: PGliteClient): Promise<void> {
  const migrations = readMigrationFiles({ migrationsFolder: MIGRATIONS_FOLDER });
  await client.exec(
    'CREATE SCHEMA IF NOT EXISTS "drizzle";\n' +
      'CREATE TABLE IF NOT EXISTS "drizzle"."__drizzle_migrations" (id SERIAL PRIMARY KEY, hash text NOT NULL, created_at bigint);',
  );
  const { rows } = await client.query<{ created_at: string | number }>(
    'select created_at from "drizzle"."__drizzle_migrations" order by created_at desc limit 1',
  );
  const last = rows[0] ? Number(rows[0].created_at) : null;
  const pending = migrations.filter((m) => last === null || last < m.folderMillis);
  if (!pending.length) return;
  const script = pending
    .flatMap((m) => [
      ...m.sql,
      // The hash is hex (sha256) and the timestamp a number: nothing here needs quoting.
      `insert into "drizzle"."__drizzle_migrations" ("hash", "created_at") values ('${m.hash.replace(/[^0-9a-f]/g, '')}', ${Number(m.folderMillis)})`,
    ])
    .join('\n;\n');
  await client.transaction(async (tx) => {
    await tx.exec(script);
  });
}

async function openPostgres(url: string, logger: QueryLogger, statementTimeoutMs: number): Promise<Database> {
  const { default: postgres } = await import('postgres');
  const client = postgres(url, {
    max: poolSize(process.env.MALBILD_DB_POOL),
    onnotice: () => {},
    connect_timeout: CONNECT_TIMEOUT_S,
    connection: { statement_timeout: statementTimeoutMs, idle_in_transaction_session_timeout: IDLE_IN_TRANSACTION_MS },
  });
  const connection: Connection = { engine: 'postgres', client, logger };
  const db = drizzleOver(connection);
  opened.add(db);
  return {
    db,
    engine: 'postgres',
    connection,
    async prepare(afterMigrate) {
      // drizzle's migrator takes no lock: hold an advisory lock on one dedicated connection.
      const lockClient = postgres(url, { max: 1, onnotice: () => {} });
      try {
        await lockClient`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`;
        try {
          const lockDb = drizzlePostgres({ client: lockClient, schema });
          await migratePostgres(lockDb, { migrationsFolder: MIGRATIONS_FOLDER });
          if (afterMigrate) await afterMigrate(lockDb as unknown as Db);
        } finally {
          await lockClient`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`;
        }
      } finally {
        await lockClient.end();
      }
    },
    async close() {
      await client.end();
    },
  };
}

// ---------------------------------------------------------------- the app's one instance

const holder = globalThis as unknown as { __malbildDatabase?: Promise<Database> };

/**
 * MALBILD_SQL_LOG names a file to which every statement is appended as a JSON line
 * ({ sql, params }): a diagnostic for the benchmark (scripts/bench.ts), which replays a
 * page's statements to measure its SQL time. Off unless set.
 */
function sqlLogFromEnvironment(): OpenOptions['onQuery'] {
  const file = process.env.MALBILD_SQL_LOG;
  if (!file) return undefined;
  return (sql, params) => fs.appendFileSync(file, `${JSON.stringify({ sql, params })}\n`);
}

/** The process-wide database, opened from the environment on first use. */
export function getDatabase(): Promise<Database> {
  holder.__malbildDatabase ??= openDatabase({ url: process.env.DATABASE_URL || undefined, onQuery: sqlLogFromEnvironment() }).catch((error) => {
    holder.__malbildDatabase = undefined;
    throw error;
  });
  return holder.__malbildDatabase;
}

/**
 * The process-wide database through this copy of drizzle. Next.js bundles this module (and
 * drizzle-orm and the schema with it) once per layer: instrumentation.ts opens the database
 * with its copy, the pages and actions run another. drizzle tells its objects apart with
 * `instanceof` first and a walk up the prototype chain after that; the other copy's `db` sees
 * every column, SQL chunk and table of this copy as foreign, and took the slow walk for each
 * cell of each row and each piece of each query: on a page that reads the whole generated
 * kommun (Min rapportering) a quarter of the server's CPU time (issue 19). So each copy puts
 * its own drizzle over the one connection (the pool or PGlite instance stays one per
 * process), made once.
 */
export async function getDb(): Promise<Db> {
  const database = await getDatabase();
  if (opened.has(database.db)) return database.db;
  let db = wrapped.get(database);
  if (!db) {
    db = drizzleOver(database.connection);
    wrapped.set(database, db);
  }
  return db;
}

