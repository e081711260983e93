// The daily scheduled Kolada fetch (issue 18), through pg-boss against the fake Kolada
// server: the schedule the admin saves becomes pg-boss' cron in Swedish time, a run queued
// through pg-boss writes the values as the admin's fetch does and is logged as the
// schedule's, an outage writes nothing and the job is retried with backoff until Kolada is
// back, two runs never overlap, and turning the schedule off removes the cron.
//
// Only on PostgreSQL (TEST_DATABASE_URL): pg-boss is a job queue in a real PostgreSQL server
// (its own schema, a connection pool of the `pg` driver, row locks with SKIP LOCKED), which
// embedded PGlite cannot serve; the app does not run the schedule on PGlite either, and
// /admin/kolada says to use `npm run kolada:sync` from cron there.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, sql } from 'drizzle-orm';
import { openDatabase, type Database, type Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { lastScheduledKoladaFetch, saveKoladaLink } from '@/db/kolada';
import { getKoladaSchedule, saveKoladaSchedule } from '@/db/kolada-schedule';
import { getIndicatorHistory } from '@/db/indicator-values';
import { KoladaScheduler } from '@/server/kolada-schedule';
import { KoladaClient } from '@/server/kolada-client';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { scheduleQueueName } from '@/lib/kolada-schedule';
import type { CurrentUser } from '@/lib/current-user';
import { freshPostgresUrl, hasPostgres } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';
import { startFakeKolada, type FakeKolada } from '../support/fake-kolada';

async function until<T>(what: string, read: () => Promise<T>, done: (v: T) => boolean, timeoutMs = 60_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  for (;;) {
    const v = await read();
    if (done(v)) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${JSON.stringify(v)})`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

async function scheduledFetches(db: Db, org: string) {
  return db
    .select({ ok: s.koladaFetches.ok, message: s.koladaFetches.message, changed: s.koladaFetches.changed })
    .from(s.koladaFetches)
    .where(and(eq(s.koladaFetches.organizationId, org), eq(s.koladaFetches.trigger, 'schedule')))
    .orderBy(desc(s.koladaFetches.createdAt));
}

async function valueRows(db: Db): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(s.indicatorValues);
  return r!.n;
}

for (const _ of hasPostgres ? [1] : []) {
  describe('the scheduled Kolada fetch on PostgreSQL (pg-boss)', { timeout: 180_000 }, () => {
    let fresh: Awaited<ReturnType<typeof freshPostgresUrl>>;
    let database: Database;
    let db: Db;
    let fake: FakeKolada;
    let scheduler: KoladaScheduler;
    let admin: CurrentUser, hr: CurrentUser;
    let indicatorId: string;
    let org: string;
    const options = () => ({
      url: fresh.url,
      db,
      client: () => new KoladaClient({ baseUrl: fake.url, minIntervalMs: 0, sleep: async () => {} }),
      retryLimit: 5,
      retryDelaySeconds: 1,
      pollingIntervalSeconds: 0.5,
    });

    beforeAll(async () => {
      fake = await startFakeKolada({ pageSize: 5 });
      fresh = await freshPostgresUrl();
      database = await openDatabase({ url: fresh.url });
      await database.prepare((d) => loadDemoIfEmpty(d, askersund, DEMO_PASSWORD).then(() => undefined));
      db = database.db;
      [admin, hr] = (await Promise.all([DEMO_EMAILS.admin, DEMO_EMAILS.hr].map((e) => demoUser(db, e)))) as [CurrentUser, CurrentUser];
      org = admin.organizationId;
      const [ind] = await db.select({ id: s.indicators.id }).from(s.indicators).where(eq(s.indicators.code, 'KS-2024-M4-I2'));
      indicatorId = ind!.id;
      await saveKoladaLink(db, admin, { indicatorId, kpiId: 'X99001', gender: 'T', municipalityCode: null, yearOffset: 0, measure: 'share', order: 'lowest_first' });
      scheduler = await KoladaScheduler.start(options());
    });
    afterAll(async () => {
      await scheduler?.stop();
      await database?.close();
      await fresh?.drop();
      await fake?.close();
    });

    it('keeps pg-boss in its own schema, out of the app\'s', async () => {
      const rows = (await db.execute(
        sql`select distinct table_schema from information_schema.tables where table_name in ('job', 'queue', 'schedule', 'version')`,
      )) as unknown as { table_schema: string }[];
      expect([...rows].map((r) => r.table_schema)).toEqual(['pgboss']);
    });

    it('only the admin saves the schedule; a save based on an older version is refused', async () => {
      await expect(saveKoladaSchedule(db, hr, { enabled: true, timeOfDay: '06:30', basedOn: null })).rejects.toBeInstanceOf(ForbiddenError);
      const first = await saveKoladaSchedule(db, admin, { enabled: true, timeOfDay: '05:00', basedOn: null });
      const second = await saveKoladaSchedule(db, admin, { enabled: true, timeOfDay: '06:30', basedOn: first.id });
      await expect(saveKoladaSchedule(db, admin, { enabled: false, timeOfDay: '07:00', basedOn: first.id })).rejects.toBeInstanceOf(ConflictError);
      expect(await getKoladaSchedule(db, admin)).toMatchObject({ id: second.id, enabled: true, timeOfDay: '06:30', actorName: admin.name });
      // Both versions are kept, and the audit log names who saved them.
      const versions = await db.select({ t: s.koladaSchedules.timeOfDay }).from(s.koladaSchedules).where(eq(s.koladaSchedules.organizationId, org));
      expect(versions.map((v) => v.t).sort()).toEqual(['05:00', '06:30']);
      const audits = await db.select({ a: s.auditEvents.actorId }).from(s.auditEvents).where(eq(s.auditEvents.action, 'kolada.schedule'));
      expect(audits).toEqual([{ a: admin.id }, { a: admin.id }]);
      // The history is append-only: the database refuses to change a saved version.
      await expect(db.update(s.koladaSchedules).set({ timeOfDay: '01:00' }).where(eq(s.koladaSchedules.id, first.id))).rejects.toThrow();
    });

    it('puts the saved schedule in force as a daily cron in Swedish time', async () => {
      await scheduler.apply(org, await getKoladaSchedule(db, admin));
      expect(await scheduler.schedules()).toEqual([{ name: scheduleQueueName(org), cron: '30 6 * * *', timezone: 'Europe/Stockholm' }]);
    });

    it('a run through pg-boss fetches as the admin, writes the value and is logged as the schedule\'s', async () => {
      const id = await scheduler.enqueue(org);
      expect(id).not.toBeNull();
      await until('the job to complete', () => scheduler.jobState(org, id!), (state) => state === 'completed');
      const { versions } = await getIndicatorHistory(db, admin, indicatorId);
      expect(versions[0]).toMatchObject({ outcome: 75, source: 'kolada', kpiId: 'X99001', authorName: admin.name });
      expect(await scheduledFetches(db, org)).toEqual([{ ok: true, message: 'Hämtningen sparade ett värde.', changed: 1 }]);
      expect(await lastScheduledKoladaFetch(db, admin)).toMatchObject({ ok: true, trigger: 'schedule', message: 'Hämtningen sparade ett värde.' });
    });

    it('an outage writes nothing, is logged, and pg-boss retries with backoff until Kolada answers again', async () => {
      const before = await valueRows(db);
      const askersundRow = fake.data.data.find((r) => r.kpi === 'X99001' && r.municipality === '1882' && r.period === 2024)!;
      const original = askersundRow.values[0]!.value;
      askersundRow.values[0]!.value = 17.0; // Kolada revised the value: 3 of 12 lower
      fake.down();
      try {
        const id = await scheduler.enqueue(org);
        const job = await until('a failed attempt', () => scheduledFetches(db, org), (rows) => rows[0]?.ok === false);
        expect(job[0]!.message).toBe('Kolada kunde inte nås. Kontrollera nätverket och försök igen senare; inget har ändrats.');
        expect(await scheduler.jobState(org, id!)).toMatch(/^(retry|active)$/);
        expect(await valueRows(db)).toBe(before);
        fake.down(false);
        await until('the retried job to complete', () => scheduler.jobState(org, id!), (state) => state === 'completed');
      } finally {
        fake.down(false);
        askersundRow.values[0]!.value = original;
      }
      expect(await valueRows(db)).toBe(before + 1);
      const { versions } = await getIndicatorHistory(db, admin, indicatorId);
      expect(versions[0]).toMatchObject({ outcome: 33, source: 'kolada' });
      expect((await scheduledFetches(db, org))[0]).toMatchObject({ ok: true, changed: 1 });
    });

    it('never runs two fetches of one organization at once, even with two servers working the queue (the singleton queue)', async () => {
      // A second server process: its own pg-boss and worker on the same queue.
      const other = await KoladaScheduler.start(options());
      fake.slow(150);
      try {
        const ids = [await scheduler.enqueue(org), await scheduler.enqueue(org)];
        let most = 0;
        await until(
          'both jobs to complete',
          async () => {
            const states = await Promise.all(ids.map((id) => scheduler.jobState(org, id!)));
            most = Math.max(most, states.filter((st) => st === 'active').length);
            return states;
          },
          (states) => states.every((st) => st === 'completed'),
        );
        expect(most).toBe(1);
      } finally {
        fake.slow(0);
        await other.stop();
      }
    });

    it('at the saved time of day (Swedish time), pg-boss\' cron starts the run by itself', async () => {
      const stockholm = new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', hour: '2-digit', minute: '2-digit', second: '2-digit' });
      // Not in the last seconds of a minute: the cron must still be due when pg-boss looks.
      while (Number(stockholm.format(new Date()).slice(6)) > 50) await new Promise((r) => setTimeout(r, 1000));
      const now = stockholm.format(new Date()).slice(0, 5);
      const current = await getKoladaSchedule(db, admin);
      const saved = await saveKoladaSchedule(db, admin, { enabled: true, timeOfDay: now, basedOn: current!.id });
      await scheduler.apply(org, saved);
      const before = (await scheduledFetches(db, org)).length;
      // A server whose pg-boss looks at its crons every second (the default is every 30 s).
      const ticking = await KoladaScheduler.start({ ...options(), cronIntervalSeconds: 1 });
      try {
        const rows = await until('the cron to start a run', () => scheduledFetches(db, org), (r) => r.length > before);
        expect(rows[0]).toMatchObject({ ok: true, message: 'Inget att ändra: Kolada har inga nya värden.' });
      } finally {
        await ticking.stop();
      }
      // Back to the morning.
      await scheduler.apply(org, await saveKoladaSchedule(db, admin, { enabled: true, timeOfDay: '06:30', basedOn: saved.id }));
    });

    it('a schedule turned off leaves pg-boss\' cron, and a queued run does nothing', async () => {
      const current = await getKoladaSchedule(db, admin);
      const off = await saveKoladaSchedule(db, admin, { enabled: false, timeOfDay: '06:30', basedOn: current!.id });
      await scheduler.apply(org, off);
      expect(await scheduler.schedules()).toEqual([]);
      const before = (await scheduledFetches(db, org)).length;
      expect(await scheduler.run(org)).toBe('off');
      expect((await scheduledFetches(db, org)).length).toBe(before);
    });

    it('a schedule saved by an admin who is no longer one does not run, and says so', async () => {
      const current = await getKoladaSchedule(db, admin);
      await saveKoladaSchedule(db, admin, { enabled: true, timeOfDay: '06:30', basedOn: current!.id });
      await db.delete(s.roleGrants).where(and(eq(s.roleGrants.userId, admin.id), eq(s.roleGrants.role, 'admin')));
      const before = await valueRows(db);
      expect(await scheduler.run(org)).toBe('refused');
      expect(await valueRows(db)).toBe(before);
      expect((await scheduledFetches(db, org))[0]).toMatchObject({ ok: false, message: expect.stringContaining('är inte längre systemförvaltare') });
    });

    it('a new scheduler (a server restart) puts the saved schedules in force again', async () => {
      await scheduler.stop();
      scheduler = await KoladaScheduler.start(options());
      expect(await scheduler.schedules()).toEqual([{ name: scheduleQueueName(org), cron: '30 6 * * *', timezone: 'Europe/Stockholm' }]);
    });
  });
}
