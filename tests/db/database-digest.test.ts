// The authorization matrix trusts databaseDigest (tests/db/matrix/digest.ts) to notice any
// change a refused call might make. These tests keep that property from rotting: a digest
// must cover every table, and change when a single column of a single row changes, not only
// when rows come or go.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq, getTableName, is } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { Database } from '@/db/client';
import * as s from '@/db/schema';
import { engines } from './engines';
import { COUNTER_TABLES, databaseDigest } from './matrix/digest';

describe.each(engines)('databaseDigest on $name', (engine) => {
  let database: Database;
  let orgId: string;
  let userId: string;

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare();
    const [org] = await database.db.insert(s.organizations).values({ code: 'digest', name: 'Digestkommun' }).returning();
    orgId = org!.id;
    const [user] = await database.db
      .insert(s.users)
      .values([
        { organizationId: orgId, email: 'a@digest.example', name: 'A' },
        { organizationId: orgId, email: 'b@digest.example', name: 'B' },
      ])
      .returning();
    userId = user!.id;
  });

  afterAll(async () => {
    await database?.close();
  });

  it('covers every table of the schema but the attempt counters, and nothing of drizzle’s own', async () => {
    const tables = (Object.values(s) as unknown[]).filter((value): value is PgTable => is(value, PgTable)).map(getTableName);
    const digest = await databaseDigest(database.db);
    expect(Object.keys(digest).sort()).toEqual(tables.filter((name) => !COUNTER_TABLES.includes(name)).sort());
  });

  it('is the same when nothing changed', async () => {
    expect(await databaseDigest(database.db)).toEqual(await databaseDigest(database.db));
  });

  it('changes when one column of one row is updated (same row count), and comes back when it is undone', async () => {
    const db = database.db;
    const before = await databaseDigest(db);
    const [{ title: original }] = (await db.select({ title: s.users.title }).from(s.users).where(eq(s.users.id, userId))) as [{ title: string | null }];

    await db.update(s.users).set({ title: 'Ändrad titel' }).where(eq(s.users.id, userId));
    const after = await databaseDigest(db);
    expect(after).not.toEqual(before);
    expect(after.users).not.toBe(before.users);
    expect(after.users!.split(':')[0]).toBe(before.users!.split(':')[0]); // the row count alone would not see it
    expect({ ...after, users: undefined }).toEqual({ ...before, users: undefined }); // names the one table

    await db.update(s.users).set({ title: original }).where(eq(s.users.id, userId));
    expect(await databaseDigest(db)).toEqual(before);
  });

  it('changes when a nullable column goes from null to a value', async () => {
    const db = database.db;
    const before = await databaseDigest(db);
    await db.update(s.users).set({ title: '' }).where(eq(s.users.id, userId)); // '' is not null
    expect((await databaseDigest(db)).users).not.toBe(before.users);
    await db.update(s.users).set({ title: null }).where(eq(s.users.id, userId));
    expect(await databaseDigest(db)).toEqual(before);
  });

  it('changes when a row is added or removed', async () => {
    const db = database.db;
    const before = await databaseDigest(db);
    const [org] = await db.insert(s.organizations).values({ code: 'digest-2', name: 'Andra' }).returning();
    expect((await databaseDigest(db)).organizations).not.toBe(before.organizations);
    await db.delete(s.organizations).where(eq(s.organizations.id, org!.id));
    expect(await databaseDigest(db)).toEqual(before);
  });
});
