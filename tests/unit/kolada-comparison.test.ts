import { describe, expect, it } from 'vitest';
import { buildComparison } from '@/lib/kolada-comparison';
import { judgeInCounty, type RankContext } from '@/lib/kolada-rank';
import { OREBRO_LAN, UNEMPLOYMENT_2024 } from '../support/kolada-fixtures';

const values = OREBRO_LAN.map((m) => ({ municipality: m.id, value: UNEMPLOYMENT_2024[m.id]! }));

function context(year: number, group: (number | null)[] | null): RankContext {
  return judgeInCounty({
    values,
    municipality: '1882',
    municipalityName: 'Askersund',
    year,
    countyCode: '18',
    measure: 'value',
    order: 'lowest_first',
    decimals: 1,
    target: { comparator: 'lt', value: 20 },
    group: group && { title: 'Liknande kommuner', values: group },
  }).context;
}

describe('the comparison with the län and liknande kommuner', () => {
  it('keeps the län median and the group median (nulls left out) with the value', () => {
    const c = context(2024, [25.3, 23.9, null, 19.5]);
    expect(c).toMatchObject({ kommunValue: 21.4, countyMedian: 19.8, groupMedian: 23.9, groupTitle: 'Liknande kommuner' });
    expect(context(2024, null)).toMatchObject({ groupMedian: null, groupTitle: null });
  });

  it('has one row per year, oldest first, the newest version of a year winning', () => {
    const newest2024 = { ...context(2024, [1, 2]), kommunValue: 17 };
    const older2024 = context(2024, [1, 2]);
    const y2023 = context(2023, [1, 2]);
    const built = buildComparison([newest2024, null, older2024, y2023])!;
    expect(built.kommunName).toBe('Askersund');
    expect(built.groupTitle).toBe('Liknande kommuner');
    expect(built.rows.map((r) => [r.year, r.kommun, r.groupMedian])).toEqual([
      [2023, 21.4, 1.5],
      [2024, 17, 1.5],
    ]);
  });

  it('is absent for an indicator never fetched from Kolada', () => {
    expect(buildComparison([null, null])).toBeNull();
    expect(buildComparison([])).toBeNull();
  });
});
