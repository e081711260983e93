import { describe, expect, it } from 'vitest';
import {
  judgeInCounty,
  median,
  placesWithinShare,
  rankInCounty,
  rankStatement,
  rankSummary,
  thresholdFor,
  valueAtPlace,
  type CountyValue,
} from '@/lib/kolada-rank';
import { OREBRO_LAN, UNEMPLOYMENT_2024 } from '../support/kolada-fixtures';

const lan: CountyValue[] = OREBRO_LAN.map((m) => ({ municipality: m.id, value: UNEMPLOYMENT_2024[m.id]! }));

describe('rank in the län', () => {
  it('places Askersund 9th of 12 with 8 kommuner lower: the seed sentence, computed', () => {
    const r = rankInCounty(lan, '1882', 'lowest_first')!;
    expect(r).toEqual({ rank: 9, count: 12, better: 8, share: 75 });
    expect(rankStatement({ better: r.better, count: r.count, order: 'lowest_first' }, 'Askersund')).toBe(
      '8 av 12 kommuner i länet har lägre värde än Askersund.',
    );
  });

  it('turns the order round when the highest value is best', () => {
    expect(rankInCounty(lan, '1882', 'highest_first')).toMatchObject({ rank: 4, better: 3 });
    expect(rankStatement({ better: 3, count: 12, order: 'highest_first' }, 'Askersund')).toBe(
      '3 av 12 kommuner i länet har högre värde än Askersund.',
    );
  });

  it('gives tied kommuner the same (best) place', () => {
    const tied: CountyValue[] = [
      { municipality: 'a', value: 1 },
      { municipality: 'b', value: 2 },
      { municipality: 'c', value: 2 },
      { municipality: 'd', value: 3 },
    ];
    expect(rankInCounty(tied, 'b', 'lowest_first')).toMatchObject({ rank: 2, better: 1 });
    expect(rankInCounty(tied, 'c', 'lowest_first')).toMatchObject({ rank: 2, better: 1 });
    expect(rankInCounty(tied, 'd', 'lowest_first')).toMatchObject({ rank: 4, better: 3 });
  });

  it('leaves kommuner without a value out of the count, and has no rank for a kommun without one', () => {
    const withNull: CountyValue[] = [...lan.slice(0, 11), { municipality: '1885', value: null }];
    expect(rankInCounty(withNull, '1882', 'lowest_first')).toMatchObject({ count: 11 });
    expect(rankInCounty(withNull, '1885', 'lowest_first')).toBeNull();
    expect(rankInCounty([], '1882', 'lowest_first')).toBeNull();
  });
});

describe('thresholds of rank targets', () => {
  it('"bland de 25 % lägsta" among 12 kommuner is place 3 at most; among 10, place 2', () => {
    expect(placesWithinShare(25, 12)).toBe(3);
    expect(placesWithinShare(25, 10)).toBe(2);
    expect(placesWithinShare(25, 3)).toBe(0);
    expect(placesWithinShare(50, 12)).toBe(6);
  });

  it('names the value at the limiting place', () => {
    expect(valueAtPlace(lan, 3, 'lowest_first')).toBe(16.4);
    expect(valueAtPlace(lan, 1, 'highest_first')).toBe(27.0);
    expect(valueAtPlace(lan, 13, 'lowest_first')).toBeNull();
    expect(thresholdFor('share', 25, lan, 'lowest_first')).toEqual({ place: 3, value: 16.4 });
    expect(thresholdFor('rank', 3, lan, 'lowest_first')).toEqual({ place: 3, value: 16.4 });
    expect(thresholdFor('rank', 40, lan, 'lowest_first')).toEqual({ place: 12, value: 27.0 });
    expect(thresholdFor('value', 25, lan, 'lowest_first')).toEqual({ place: null, value: null });
    expect(thresholdFor('share', 5, lan, 'lowest_first')).toEqual({ place: null, value: null });
  });

  it('judges the seed target "bland de 25 % lägsta" (≤ 25) as a share: 75, over the limit of place 3', () => {
    const { outcome, context } = judgeInCounty({
      values: lan,
      municipality: '1882',
      year: 2024,
      countyCode: '18',
      measure: 'share',
      order: 'lowest_first',
      decimals: 0,
      target: { comparator: 'lte', value: 25 },
    });
    expect(outcome).toBe(75);
    expect(context).toMatchObject({ rank: 9, count: 12, better: 8, thresholdPlace: 3, thresholdValue: 16.4, kommunValue: 21.4 });
    expect(rankSummary(context, 0)).toBe('Plats 9 av 12 i länet 2024. Gräns för målet: plats 3, värde 16,4.');
  });

  it('takes a strict target one place tighter, and rounds the share to the indicator\'s decimals', () => {
    const judged = (comparator: string, value: number, measure: 'rank' | 'share', decimals = 0) =>
      judgeInCounty({ values: lan, municipality: '1880', year: 2024, countyCode: '18', measure, order: 'lowest_first', decimals, target: { comparator, value } });
    expect(judged('lt', 3, 'rank').context.thresholdPlace).toBe(2);
    expect(judged('lte', 3, 'rank').context.thresholdPlace).toBe(3);
    expect(judged('gte', 3, 'rank').context.thresholdPlace).toBeNull();
    // Örebro 20,1 is 7th of 12: 58,33… %.
    expect(judged('lte', 25, 'share').outcome).toBe(58);
    expect(judged('lte', 25, 'share', 1).outcome).toBe(58.3);
    expect(judged('lte', 3, 'rank').outcome).toBe(7);
  });

  it('has no outcome when the kommun has no value', () => {
    const values = lan.map((v) => (v.municipality === '1882' ? { ...v, value: null } : v));
    const { outcome, context } = judgeInCounty({ values, municipality: '1882', year: 2024, countyCode: '18', measure: 'value', order: 'lowest_first', decimals: 1, target: { comparator: 'lt', value: 5 } });
    expect(outcome).toBeNull();
    expect(context.count).toBe(11);
    expect(rankSummary(context, 1)).toBe('Inget värde för 2024 i Kolada.');
  });
});

describe('median', () => {
  it('of odd and even counts, ignoring nulls', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, null, 2, 3])).toBe(2.5);
    expect(median([null])).toBeNull();
  });
});
