// No lost updates under real concurrency (DESIGN.md, "History, periods, locks"): many
// saves based on the same version, run at once against a real PostgreSQL server, store
// exactly one new version; every other one is a ConflictError. The same holds for the
// very first write of an item. The server test is registered only when TEST_DATABASE_URL
// names a server; the embedded database runs the same saves interleaved on one connection.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import { openDatabase, type Database, type Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { getIndicatorReport, saveIndicatorValue } from '@/db/indicator-values';
import { ConflictError } from '@/lib/errors';
import { indicatorValueSchema } from '@/lib/indicator-value-schema';
import type { CurrentUser } from '@/lib/current-user';
import { demoUser, DEMO_EMAILS } from './demo-users';
import { freshPostgresUrl, hasPostgres } from './engines';

const WRITERS = 50;

async function valueRows(db: Db, indicatorId: string, periodId: string) {
  return db
    .select({ seq: s.indicatorValues.seq, outcome: s.indicatorValues.outcome })
    .from(s.indicatorValues)
    .where(and(eq(s.indicatorValues.indicatorId, indicatorId), eq(s.indicatorValues.periodId, periodId)))
    .orderBy(s.indicatorValues.seq);
}

async function saveAuditCount(db: Db, indicatorId: string): Promise<number> {
  const [row] = (await db
    .select({ n: sql<number>`count(*)::int` })
    .from(s.auditEvents)
    .where(and(eq(s.auditEvents.action, 'indicator_value.save'), eq(s.auditEvents.entityId, indicatorId)))) as [{ n: number }];
  return row.n;
}

/** WRITERS saves of distinct outcomes, all on `baseSeq`, started together. */
function saveAllAtOnce(db: Db, user: CurrentUser, indicatorId: string, periodId: string, baseSeq: number) {
  return Promise.allSettled(
    Array.from({ length: WRITERS }, (_, i) =>
      saveIndicatorValue(
        db,
        user,
        indicatorValueSchema.parse({
          indicatorId,
          periodId,
          baseSeq,
          // All below the target: green, so no analysis is needed and no rule refuses any of them.
          outcome: `1,${String(i).padStart(2, '0')}`,
        }),
      ),
    ),
  );
}

interface Opened {
  database: Database;
  drop(): Promise<void>;
}

async function openFreshServer(): Promise<Opened> {
  const fresh = await freshPostgresUrl();
  return { database: await openDatabase({ url: fresh.url }), drop: fresh.drop };
}

async function openEmbedded(): Promise<Opened> {
  return { database: await openDatabase({ dataDir: 'memory://' }), drop: async () => {} };
}

function concurrentSaves(open: () => Promise<Opened>) {
  let database: Database;
  let drop: () => Promise<void>;
  let hr: CurrentUser;
  let periodId: string;

  beforeAll(async () => {
    ({ database, drop } = await open());
    await database.prepare(async (db) => {
      await loadDemoIfEmpty(db, askersund, DEMO_PASSWORD);
    });
    hr = await demoUser(database.db, DEMO_EMAILS.hr);
    const [period] = await database.db
      .select({ id: s.periods.id })
      .from(s.periods)
      .where(and(eq(s.periods.organizationId, hr.organizationId), eq(s.periods.kind, 'delar')));
    periodId = period!.id;
  });

  afterAll(async () => {
    await database?.close();
    await drop?.();
  });

  it(`${WRITERS} saves on the same newest version of KS-2024-M1-I2: exactly one is stored, the rest conflict`, async () => {
    const db = database.db;
    const [indicator] = await db
      .select({ id: s.indicators.id })
      .from(s.indicators)
      .where(and(eq(s.indicators.organizationId, hr.organizationId), eq(s.indicators.code, 'KS-2024-M1-I2')));
    const indicatorId = indicator!.id;
    const report = await getIndicatorReport(db, hr, indicatorId, periodId);
    const baseSeq = report.latest!.seq;
    expect(baseSeq).toBe(1);
    const before = await valueRows(db, indicatorId, periodId);
    const auditBefore = await saveAuditCount(db, indicatorId);

    const results = await saveAllAtOnce(db, hr, indicatorId, periodId, baseSeq);

    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(WRITERS - 1);
    for (const r of rejected) expect(r.reason).toBeInstanceOf(ConflictError);
    const winner = fulfilled[0]!.value;
    expect(winner.seq).toBe(baseSeq + 1);
    // Every loser is shown the version that won.
    for (const r of rejected) {
      expect((r.reason as ConflictError<{ seq: number; outcome: number }>).newer).toMatchObject({
        seq: baseSeq + 1,
        outcome: winner.value.outcome,
      });
    }

    const after = await valueRows(db, indicatorId, periodId);
    expect(after).toHaveLength(before.length + 1);
    expect(after.at(-1)).toEqual({ seq: baseSeq + 1, outcome: winner.value.outcome });
    expect(await saveAuditCount(db, indicatorId)).toBe(auditBefore + 1);
  });

  it(`${WRITERS} first writes (base 0) on an indicator with no value yet: exactly one is stored, the rest conflict`, async () => {
    const db = database.db;
    const org = hr.organizationId;
    const [goal] = await db
      .select({ id: s.boardGoals.id })
      .from(s.boardGoals)
      .where(and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.code, 'KS-2024-M1')));
    const [hrUnit] = await db
      .select({ id: s.units.id })
      .from(s.units)
      .where(and(eq(s.units.organizationId, org), eq(s.units.code, 'KS-KLF-HR')));
    const [indicator] = await db
      .insert(s.indicators)
      .values({
        organizationId: org,
        code: 'KS-2024-M1-I3',
        goalId: goal!.id,
        name: 'Korttidssjukfrånvaro, procent',
        unitOfMeasure: 'procent',
        decimals: 2,
        comparator: 'lt',
        targetValue: 5,
        targetLabel: 'Lägre än 5,00',
        responsibleUnitId: hrUnit!.id,
        sortOrder: 3,
      })
      .returning({ id: s.indicators.id });
    const indicatorId = indicator!.id;
    const report = await getIndicatorReport(db, hr, indicatorId, periodId);
    expect(report).toMatchObject({ due: true, canReport: true, latest: null });
    expect(await valueRows(db, indicatorId, periodId)).toEqual([]);

    const results = await saveAllAtOnce(db, hr, indicatorId, periodId, 0);

    const fulfilled = results.filter((r) => r.status === 'fulfilled');
    const rejected = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(fulfilled).toHaveLength(1);
    expect(rejected).toHaveLength(WRITERS - 1);
    for (const r of rejected) expect(r.reason).toBeInstanceOf(ConflictError);
    const winner = fulfilled[0]!.value;
    expect(winner.seq).toBe(1);

    expect(await valueRows(db, indicatorId, periodId)).toEqual([{ seq: 1, outcome: winner.value.outcome }]);
    expect(await saveAuditCount(db, indicatorId)).toBe(1);
  });
}

// The real test: 50 transactions on a pool of 10 connections against one server.
// Budget: 50 saves at once per test (4 s under load), on both engines.
for (const _ of hasPostgres ? [1] : []) describe('concurrent saves on a real server', { timeout: 120_000 }, () => concurrentSaves(openFreshServer));

// The embedded database has one connection, but the saves still interleave between their
// read of the newest version and their insert: the unique key settles it there too.
// Budget: as above.
describe('interleaved saves on the embedded database', { timeout: 120_000 }, () => concurrentSaves(openEmbedded));
