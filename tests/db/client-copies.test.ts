// getDb() in a second copy of db/client: Next.js bundles the module once per layer
// (instrumentation.ts opens the database with one copy, the pages and actions use another),
// and each copy puts its own drizzle over the one process-wide connection (see getDb()).
// Here the second copy is a fresh import of the module after vi.resetModules().
import { afterEach, describe, expect, it, vi } from 'vitest';
import { eq } from 'drizzle-orm';
import * as client from '@/db/client';
import * as s from '@/db/schema';
import { engines } from './engines';

const holder = globalThis as unknown as { __malbildDatabase?: Promise<client.Database> };

afterEach(() => {
  delete holder.__malbildDatabase;
});

describe.each(engines)('db/client copies ($name)', (engine) => {
  it('the copy that opened the database uses its db; another copy gets a db of its own over the same connection, made once', async () => {
    const database = await engine.open();
    try {
      await database.prepare();
      holder.__malbildDatabase = Promise.resolve(database);
      expect(await client.getDb()).toBe(database.db);

      vi.resetModules();
      const other = (await import('@/db/client')) as typeof client;
      expect(other).not.toBe(client);
      const db = await other.getDb();
      expect(db).not.toBe(database.db);
      expect(await other.getDb()).toBe(db);

      // The same connection: a row written through one is read through the other.
      await database.db.insert(s.organizations).values({ code: 'KOPIA', name: 'Kopians kommun' });
      const otherSchema = (await import('@/db/schema')) as typeof s;
      const rows = await db.select({ name: otherSchema.organizations.name }).from(otherSchema.organizations).where(eq(otherSchema.organizations.code, 'KOPIA'));
      expect(rows).toEqual([{ name: 'Kopians kommun' }]);
    } finally {
      await database.close();
    }
  });
});
