// A digest of the whole content of the database: every row of every table in the public
// schema. The authorization matrix takes one before and one after each call that must not
// change anything, so a refused UPDATE (same row count, other content) is caught as surely
// as a refused INSERT or DELETE.
//
// One SQL statement per digest, built once per connection from information_schema: per
// table its row count and the md5 of all its rows as text, in a fixed order. Comparing the
// per-table results (rather than one hash of everything) names the table that changed.
import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '@/db/client';

/** table name → "<row count>:<md5 of all rows>". */
export type Digest = Record<string, string>;

/**
 * Counters of attempts, not data: the API's calls per token and minute (issue 17), which count
 * refused calls too, by design (a refused call must still count against the rate limit).
 */
export const COUNTER_TABLES = ['api_rate_windows'];

/** drizzle's own bookkeeping (it lives in the "drizzle" schema by default, excluded anyway), and the counters. */
const IGNORED = new Set(['__drizzle_migrations', ...COUNTER_TABLES]);

const statements = new WeakMap<Db, Promise<SQL>>();

/** postgres.js returns the rows as an array, PGlite as { rows }. */
function rowsOf<T>(result: unknown): T[] {
  return (Array.isArray(result) ? result : (result as { rows: T[] }).rows) as T[];
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

async function buildStatement(db: Db): Promise<SQL> {
  const tables = rowsOf<{ table_name: string }>(
    await db.execute(sql`
      select table_name from information_schema.tables
      where table_schema = 'public' and table_type = 'BASE TABLE'
      order by table_name`),
  )
    .map((row) => row.table_name)
    .filter((name) => !IGNORED.has(name));
  if (tables.length === 0) throw new Error('no tables in the public schema: is the database migrated?');
  const parts = tables.map(
    (name) =>
      `select ${quoteLiteral(name)} as t, count(*) || ':' || md5(coalesce(string_agg(r::text, ',' order by r::text), '')) as d ` +
      `from public.${quoteIdent(name)} r`,
  );
  return sql.raw(parts.join('\nunion all\n'));
}

/** The content of every table of the public schema, as one comparable value. */
export async function databaseDigest(db: Db): Promise<Digest> {
  let statement = statements.get(db);
  if (!statement) {
    statement = buildStatement(db);
    statements.set(db, statement);
    statement.catch(() => statements.delete(db));
  }
  const rows = rowsOf<{ t: string; d: string }>(await db.execute(await statement));
  return Object.fromEntries(rows.map((row) => [row.t, row.d]));
}

/** The tables whose content differs between two digests (sorted); [] when nothing changed. */
export function changedTables(before: Digest, after: Digest): string[] {
  const names = new Set([...Object.keys(before), ...Object.keys(after)]);
  return [...names].filter((name) => before[name] !== after[name]).sort();
}
