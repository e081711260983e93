// Statements built once per database (issue 19). drizzle puts a query's SQL text together
// from its builder on every call: about half a millisecond of CPU for an ordinary select
// (measured on the large kommun: 0,87 ms for the periods of an organization against 0,31 ms
// prepared), more than the driver needs to send it and read the rows. A query whose shape
// never changes (its values are sql.placeholder(…)) is built here once per Db and run with
// its values; postgres.js then also keeps it prepared on each connection, so the server
// parses it once per connection rather than on every request.
import 'server-only';
import type { Db } from './client';

/**
 * The query `build` makes, built once per Db (a process has one per bundle, db/client.ts
 * getDb) and kept with it: `build` must give the same statement every time, with every value
 * that varies as a placeholder.
 */
export function builtOnce<Q>(build: (db: Db) => Q): (db: Db) => Q {
  const built = new WeakMap<Db, Q>();
  return (db) => {
    let query = built.get(db);
    if (!query) {
      query = build(db);
      built.set(db, query);
    }
    return query;
  };
}
