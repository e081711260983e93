// Fetching indicator values from Kolada (a fake v3 server on 127.0.0.1) on each engine:
// the dry run writes nothing, the fetch appends versions with their source, KPI and rank
// in the län and keeps the unit's analysis, a refetch with nothing new writes nothing, a
// value Kolada revises becomes a new version, and an outage writes nothing and says so.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, sql } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { getKoladaSettings, lastKoladaFetches, listKoladaIndicators, saveKoladaLink } from '@/db/kolada';
import { getIndicatorHistory, getIndicatorReport, saveIndicatorValue } from '@/db/indicator-values';
import { indicatorValueSchema } from '@/lib/indicator-value-schema';
import { runKoladaFetch } from '@/server/kolada-sync';
import { KoladaClient } from '@/server/kolada-client';
import { ForbiddenError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';
import { startFakeKolada, type FakeKolada } from '../support/fake-kolada';
import { UNEMPLOYMENT_2024 } from '../support/kolada-fixtures';

async function valueRows(db: Db): Promise<number> {
  const [r] = await db.select({ n: sql<number>`count(*)::int` }).from(s.indicatorValues);
  return r!.n;
}

describe.each(engines)('Kolada fetch on $name', { timeout: 120_000 }, (engine) => {
  let database: Database;
  let db: Db;
  let fake: FakeKolada;
  let admin: CurrentUser, hr: CurrentUser;
  let indicatorId: string;
  const client = () => new KoladaClient({ baseUrl: fake.url, minIntervalMs: 0, sleep: async () => {} });
  const fetch = (dryRun: boolean) => runKoladaFetch(db, admin, { kind: 'indicator', id: indicatorId }, { dryRun, client: client() });

  beforeAll(async () => {
    fake = await startFakeKolada({ pageSize: 5 });
    database = await engine.open();
    await database.prepare((d) => loadDemoIfEmpty(d, askersund, DEMO_PASSWORD).then(() => undefined));
    db = database.db;
    [admin, hr] = (await Promise.all([DEMO_EMAILS.admin, DEMO_EMAILS.hr].map((e) => demoUser(db, e)))) as [CurrentUser, CurrentUser];
    const [ind] = await db.select({ id: s.indicators.id }).from(s.indicators).where(eq(s.indicators.code, 'KS-2024-M4-I2'));
    indicatorId = ind!.id;
  });
  afterAll(async () => {
    await database?.close();
    await fake?.close();
  });

  it('the demo knows its kommun (Askersund, 1882)', async () => {
    expect(await getKoladaSettings(db, admin)).toMatchObject({ municipalityCode: '1882' });
  });

  it('only the admin links an indicator to a KPI', async () => {
    const link = { indicatorId, kpiId: 'X99001', gender: 'T' as const, municipalityCode: null, yearOffset: 0, measure: 'share' as const, order: 'lowest_first' as const };
    await expect(saveKoladaLink(db, hr, link)).rejects.toBeInstanceOf(ForbiddenError);
    await saveKoladaLink(db, admin, link);
    const listed = (await listKoladaIndicators(db, admin)).find((i) => i.id === indicatorId);
    expect(listed?.link).toMatchObject({ kpiId: 'X99001', measure: 'share' });
  });

  it('the dry run lists the change and writes nothing', async () => {
    const before = await valueRows(db);
    const result = await fetch(true);
    expect(result.ok).toBe(true);
    expect(result.changes).toEqual([
      expect.objectContaining({
        periodLabel: 'Delår 2024',
        year: 2024,
        from: 33,
        to: 75,
        colour: 'red',
        status: 'changed',
        statement: '8 av 12 kommuner i länet har lägre värde än Askersund.',
        summary: 'Plats 9 av 12 i länet 2024. Gräns för målet: plats 3, värde 16,4.',
      }),
    ]);
    expect(result.message).toBe('Hämtningen skulle spara ett värde.');
    expect(await valueRows(db)).toBe(before);
    expect((await lastKoladaFetches(db, admin)).last).toBeNull();
  });

  it('the fetch follows the pages, appends a version from Kolada and keeps the unit\'s analysis', async () => {
    fake.requests.length = 0;
    const result = await fetch(false);
    expect(result).toMatchObject({ ok: true, message: 'Hämtningen sparade ett värde.' });
    // /municipality (14 rows) and the KPI's 14 rows for 2024, five per page: 3 + 3 requests.
    expect(fake.requests.filter((r) => r.startsWith('/v3/data/kpi/X99001/year/2024'))).toHaveLength(3);
    const { versions } = await getIndicatorHistory(db, admin, indicatorId);
    const [newest, seed] = versions;
    expect(newest).toMatchObject({
      seq: 2,
      outcome: 75,
      computedColour: 'red',
      source: 'kolada',
      kpiId: 'X99001',
      analysis: '8 av 12 kommuner i länet har lägre arbetslöshet för gruppen utrikes födda än Askersund',
      koladaContext: expect.objectContaining({ rank: 9, count: 12, better: 8, thresholdPlace: 3, year: 2024, countyCode: '18' }),
    });
    expect(newest!.fetchedAt).not.toBeNull();
    expect(seed).toMatchObject({ seq: 1, outcome: 33, source: 'manual', kpiId: null });
    expect((await lastKoladaFetches(db, admin)).lastOk).toMatchObject({ ok: true, changed: 1 });
  });

  it('the unit writing its analysis under the fetched value keeps its source; a typed outcome is the unit\'s own', async () => {
    const [period] = await db.select({ id: s.periods.id }).from(s.periods).where(eq(s.periods.kind, 'delar'));
    const latest = (await getIndicatorReport(db, admin, indicatorId, period!.id)).latest!;
    const input = (outcome: string, baseSeq: number) =>
      indicatorValueSchema.parse({ indicatorId, periodId: period!.id, baseSeq, outcome, analysis: 'Ny analys.' });
    await saveIndicatorValue(db, admin, input('75', latest.seq));
    let newest = (await getIndicatorReport(db, admin, indicatorId, period!.id)).latest!;
    expect(newest).toMatchObject({ outcome: 75, analysis: 'Ny analys.', source: 'kolada', kpiId: 'X99001' });
    // Put the analysis back as the seed had it (a later Kolada version carries it on).
    await saveIndicatorValue(db, admin, indicatorValueSchema.parse({ indicatorId, periodId: period!.id, baseSeq: newest.seq, outcome: '75', analysis: latest.analysis! }));
    newest = (await getIndicatorReport(db, admin, indicatorId, period!.id)).latest!;
    expect(newest).toMatchObject({ source: 'kolada', analysis: latest.analysis });
  });

  it('a refetch with nothing new writes nothing', async () => {
    const before = await valueRows(db);
    const result = await fetch(false);
    expect(result.changes.map((c) => c.status)).toEqual(['unchanged']);
    expect(result.message).toBe('Inget att ändra: Kolada har inga nya värden.');
    expect(await valueRows(db)).toBe(before);
  });

  it('a value Kolada revises becomes a new version, the old one kept in history', async () => {
    const askersund = fake.data.data.find((r) => r.kpi === 'X99001' && r.municipality === '1882' && r.period === 2024)!;
    askersund.values[0]!.value = 17.0; // now 3 kommuner lower: place 4 of 12, 33 %
    try {
      fake.failNext(429, 1, 0); // and Kolada asks us to slow down once: retried
      const result = await fetch(false);
      expect(result.changes[0]).toMatchObject({ from: 75, to: 33, status: 'changed', statement: '3 av 12 kommuner i länet har lägre värde än Askersund.' });
      const { versions } = await getIndicatorHistory(db, admin, indicatorId);
      expect(versions.map((v) => [v.seq, v.outcome, v.source])).toEqual([
        [5, 33, 'kolada'],
        [4, 75, 'kolada'],
        [3, 75, 'kolada'],
        [2, 75, 'kolada'],
        [1, 33, 'manual'],
      ]);
      expect(versions[0]!.analysis).toBe('8 av 12 kommuner i länet har lägre arbetslöshet för gruppen utrikes födda än Askersund');
    } finally {
      askersund.values[0]!.value = UNEMPLOYMENT_2024['1882']!;
    }
  });

  it('an outage writes nothing, says so in Swedish, and is logged as failed; the last success stays', async () => {
    const before = await valueRows(db);
    const lastOk = (await lastKoladaFetches(db, admin)).lastOk;
    fake.down();
    try {
      const result = await fetch(false);
      expect(result).toMatchObject({ ok: false, message: 'Kolada kunde inte nås. Kontrollera nätverket och försök igen senare; inget har ändrats.' });
    } finally {
      fake.down(false);
    }
    expect(await valueRows(db)).toBe(before);
    const fetches = await lastKoladaFetches(db, admin);
    expect(fetches.last).toMatchObject({ ok: false });
    expect(fetches.lastOk).toEqual(lastOk);
  });

  it('a failure on a later page (after earlier pages arrived) writes nothing either', async () => {
    const before = await valueRows(db);
    const askersund = fake.data.data.find((r) => r.kpi === 'X99001' && r.municipality === '1882' && r.period === 2024)!;
    askersund.values[0]!.value = 30;
    try {
      // /municipality takes 3 pages of 5; the data's first page arrives, then Kolada fails for good.
      fake.failAfter(4, 500);
      const result = await fetch(false);
      expect(result).toMatchObject({ ok: false, message: 'Kolada svarar inte som det ska (fel 500). Försök igen senare; inget har ändrats.' });
      expect(fake.requests.at(-5)).toContain('/v3/data/kpi/X99001/year/2024');
    } finally {
      askersund.values[0]!.value = UNEMPLOYMENT_2024['1882']!;
      fake.failAfter(null);
    }
    expect(await valueRows(db)).toBe(before);
  });

  it('reports its steps while it works: each KPI counted, saving last', async () => {
    const steps: { done: number; total: number; step: string }[] = [];
    const result = await runKoladaFetch(db, admin, { kind: 'organization' }, { dryRun: false, client: client(), progress: (p) => steps.push(p) });
    expect(result.ok).toBe(true);
    expect(steps).toEqual([
      { done: 0, total: 1, step: 'Läser de kopplade måtten …' },
      { done: 0, total: 3, step: 'Hämtar länets kommuner från Kolada …' },
      { done: 1, total: 3, step: 'Hämtar nyckeltal 1 av 1 från Kolada (X99001) …' },
      { done: 2, total: 3, step: 'Sparar värdena …' },
    ]);
  });

  it('an editor cannot fetch', async () => {
    await expect(runKoladaFetch(db, hr, { kind: 'organization' }, { dryRun: true, client: client() })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('the whole organization: only linked indicators in open periods', async () => {
    const result = await runKoladaFetch(db, admin, { kind: 'organization' }, { dryRun: true, client: client() });
    expect(result.changes.map((c) => c.indicatorId)).toEqual([indicatorId]);
    const n = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(s.indicatorKoladaLinks)
      .where(and(eq(s.indicatorKoladaLinks.organizationId, admin.organizationId)));
    expect(n[0]!.n).toBe(1);
  });
});
