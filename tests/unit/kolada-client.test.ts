// The client against the fake Kolada server on 127.0.0.1: paging, retries, errors.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { KoladaClient, KoladaError } from '@/server/kolada-client';
import { startFakeKolada, type FakeKolada } from '../support/fake-kolada';

let fake: FakeKolada;
const sleeps: number[] = [];
const client = () => new KoladaClient({ baseUrl: fake.url, minIntervalMs: 0, sleep: async (ms) => void sleeps.push(ms) });

beforeAll(async () => {
  fake = await startFakeKolada();
});
afterAll(() => fake.close());
beforeEach(() => {
  fake.requests.length = 0;
  fake.pageSize = 5000;
  fake.down(false);
  fake.failNext(200, 0);
  sleeps.length = 0;
});

describe('Kolada client', () => {
  it('follows next_url across pages and asks for 5000 per page', async () => {
    fake.pageSize = 5;
    const rows = await client().dataForYears(['X99001'], [2024]);
    expect(rows).toHaveLength(14); // 12 kommuner, the län and the country
    expect(fake.requests).toHaveLength(3);
    expect(fake.requests[0]).toBe('/v3/data/kpi/X99001/year/2024?per_page=5000');
    expect(fake.requests[2]).toContain('page=3');
  });

  it('sends at most 25 KPIs per call', async () => {
    const ids = Array.from({ length: 30 }, (_, i) => `N${String(i).padStart(5, '0')}`);
    await client().dataForYears(ids, [2024]);
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[0]!.split('/')[4]!.split(',')).toHaveLength(25);
  });

  it('retries a 429 after the Retry-After it names, and a 500 with backoff', async () => {
    fake.failNext(429, 1, 2);
    expect(await client().municipalities()).toHaveLength(14);
    expect(sleeps).toEqual([2000]);
    sleeps.length = 0;
    fake.failNext(500, 2);
    expect(await client().searchKpis('arbetslöshet')).toHaveLength(1);
    expect(sleeps).toEqual([500, 1000]);
  });

  it('gives up after four attempts with a Swedish message', async () => {
    fake.failNext(503, 4);
    const error = await client().municipalities().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(KoladaError);
    expect((error as KoladaError).userMessage).toBe('Kolada svarar inte som det ska (fel 503). Försök igen senare; inget har ändrats.');
    expect(fake.requests).toHaveLength(4);
  });

  it('says so in Swedish when Kolada cannot be reached', async () => {
    const offline = new KoladaClient({ baseUrl: 'http://127.0.0.1:9/v3', minIntervalMs: 0, sleep: async () => {} });
    await expect(offline.municipalities()).rejects.toMatchObject({
      userMessage: 'Kolada kunde inte nås. Kontrollera nätverket och försök igen senare; inget har ändrats.',
    });
  });

  it('throttles: requests leave at least minIntervalMs apart', async () => {
    const waits: number[] = [];
    const throttled = new KoladaClient({ baseUrl: fake.url, minIntervalMs: 200, sleep: async (ms) => void waits.push(ms) });
    await Promise.all([throttled.municipalities(), throttled.municipalities(), throttled.municipalities()]);
    expect(waits).toHaveLength(2);
    expect(waits[1]!).toBeGreaterThan(waits[0]!);
  });
});
