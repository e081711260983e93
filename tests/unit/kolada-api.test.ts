import { describe, expect, it } from 'vitest';
import { chunkIds, countyOf, dataRowSchema, kommunerInCounty, kpiIdSchema, pageSchema, valueFor } from '@/lib/kolada-response';
import { backoffMs, DEFAULT_RETRY, isRetryableStatus, retryAfterMs } from '@/lib/kolada-retry';
import { koladaYear } from '@/lib/kolada-link';
import { koladaLinkSchema } from '@/lib/kolada-link-schema';
import { OREBRO_LAN, REGIONS } from '../support/kolada-fixtures';

describe('Kolada v3 shapes', () => {
  it('reads a data row with a null value and missing genders', () => {
    const page = pageSchema(dataRowSchema).parse({
      values: [
        { kpi: 'N00090', municipality: '1884', period: 2024, values: [{ gender: 'T', value: 5.5, count: 1, status: '' }] },
        { kpi: 'N00090', municipality: '1863', period: 2024, values: [{ gender: 'T', value: null, count: 0, status: 'Saknas' }] },
      ],
      count: 2,
      next_url: null,
      previous_url: null,
    });
    expect(valueFor(page.values[0]!, 'T')).toBe(5.5);
    expect(valueFor(page.values[0]!, 'K')).toBeNull();
    expect(valueFor(page.values[1]!, 'T')).toBeNull();
    expect(page.next_url).toBeNull();
  });

  it('refuses a row in another shape rather than reading a wrong value', () => {
    expect(dataRowSchema.safeParse({ kpi: 'N00090', municipality: '1882', period: '2024', values: [] }).success).toBe(false);
    expect(dataRowSchema.safeParse({ kpi: 'N00090', municipality: '1882', period: 2024, values: [{ gender: 'X', value: 1 }] }).success).toBe(false);
  });

  it('chunks ids to at most 25 per call', () => {
    const ids = Array.from({ length: 60 }, (_, i) => `N${String(i).padStart(5, '0')}`);
    expect(chunkIds(ids).map((c) => c.length)).toEqual([25, 25, 10]);
    expect(chunkIds([])).toEqual([]);
  });

  it('finds the 12 kommuner of Örebro län (county 18), not the region or the country', () => {
    const found = kommunerInCounty([...REGIONS, ...OREBRO_LAN, { id: '0180', title: 'Stockholm', type: 'K' }], countyOf('1882'));
    expect(found).toHaveLength(12);
    expect(found.map((m) => m.id)).toContain('1882');
    expect(found.map((m) => m.id)).not.toContain('0018');
  });

  it('accepts KPI ids like N00090 (and lower-case), nothing else', () => {
    expect(kpiIdSchema.parse(' n00090 ')).toBe('N00090');
    expect(kpiIdSchema.safeParse('N0009').success).toBe(false);
    expect(kpiIdSchema.safeParse('N00090,N00091').success).toBe(false);
  });
});

describe('period → Kolada year', () => {
  it('is the period year plus the offset', () => {
    expect(koladaYear(2024, 0)).toBe(2024);
    expect(koladaYear(2024, -1)).toBe(2023);
  });

  it('the link form refuses future years and a malformed kommun', () => {
    const base = { indicatorId: '00000000-0000-4000-8000-000000000000', kpiId: 'N00090', gender: 'T', municipalityCode: '', yearOffset: '0', measure: 'value', order: 'lowest_first' };
    expect(koladaLinkSchema.parse(base)).toMatchObject({ municipalityCode: null, yearOffset: 0 });
    expect(koladaLinkSchema.safeParse({ ...base, yearOffset: '1' }).success).toBe(false);
    expect(koladaLinkSchema.safeParse({ ...base, municipalityCode: '188' }).success).toBe(false);
    expect(koladaLinkSchema.parse({ ...base, municipalityCode: '1880' }).municipalityCode).toBe('1880');
  });
});

describe('retry rules', () => {
  it('retries 429 and 5xx only', () => {
    expect([429, 500, 502, 503].every(isRetryableStatus)).toBe(true);
    expect([400, 404, 200].some(isRetryableStatus)).toBe(false);
  });

  it('honours Retry-After in seconds or as a date, and backs off exponentially without it', () => {
    const now = Date.parse('2026-11-30T12:00:00Z');
    expect(retryAfterMs('3', now)).toBe(3000);
    expect(retryAfterMs('Mon, 30 Nov 2026 12:00:05 GMT', now)).toBe(5000);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
    expect([1, 2, 3].map((a) => backoffMs(a, DEFAULT_RETRY, null))).toEqual([500, 1000, 2000]);
    expect(backoffMs(1, DEFAULT_RETRY, 3000)).toBe(3000);
    expect(backoffMs(1, DEFAULT_RETRY, 600_000)).toBe(DEFAULT_RETRY.maxDelayMs);
  });
});
