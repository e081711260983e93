// The database engines the db/ tests run on: PGlite always, and a real PostgreSQL
// server when TEST_DATABASE_URL is set. Each open() gives a fresh, empty, migrated
// database; its close() removes it again.
import { randomBytes } from 'node:crypto';
import postgres from 'postgres';
import { openDatabase, type Database } from '@/db/client';

export interface TestEngine {
  name: string;
  open(): Promise<Database>;
}

const url = process.env.TEST_DATABASE_URL;

/** A new, empty database on the TEST_DATABASE_URL server; drop() removes it. */
export async function freshPostgresUrl(): Promise<{ url: string; drop(): Promise<void> }> {
  if (!url) throw new Error('TEST_DATABASE_URL is not set');
  // TEST_DATABASE_PREFIX: the names this run may use on a shared server (default malbild_test).
  const name = `${process.env.TEST_DATABASE_PREFIX ?? 'malbild_test'}_${randomBytes(6).toString('hex')}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const target = new URL(url);
  target.pathname = `/${name}`;
  return {
    url: target.toString(),
    async drop() {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end();
    },
  };
}

async function openFreshPostgres(): Promise<Database> {
  const fresh = await freshPostgresUrl();
  const database = await openDatabase({ url: fresh.url });
  return {
    ...database,
    async close() {
      await database.close();
      await fresh.drop();
    },
  };
}

export const engines: TestEngine[] = [
  { name: 'PGlite', open: () => openDatabase({ dataDir: 'memory://' }) },
  ...(url ? [{ name: 'PostgreSQL', open: openFreshPostgres }] : []),
];

export const hasPostgres = Boolean(url);
