import { describe, it, expect } from 'vitest';
import type { Target } from '@/lib/target';
import { computeTrend, trendArrow, trendLabel, type Trend } from '@/lib/trend';

function target(fields: Partial<Target> & Pick<Target, 'comparator'>): Target {
  return { value: null, low: null, high: null, direction: null, tolerance: null, ...fields };
}

const lt5 = target({ comparator: 'lt', value: 5 });
const lte25 = target({ comparator: 'lte', value: 25 });
const gt20 = target({ comparator: 'gt', value: 20 });
const gte100 = target({ comparator: 'gte', value: 100 });
const eq50 = target({ comparator: 'eq', value: 50 });
const between = target({ comparator: 'between', low: 10, high: 20 });
const notWorse = target({ comparator: 'not_worse' });
const notWorseLower = target({ comparator: 'not_worse', direction: 'lower' });

describe('computeTrend', () => {
  it.each<[string, Target, number | null, number | null, number | null, Trend | null]>([
    // the seed
    ['sick leave 1,86 this year vs 2,10 last year', lt5, 1.86, 2.1, null, 'better'],
    ['SFI 58 (2023) vs 78 (2021)', gte100, 58, 78, null, 'worse'],
    // lower is better
    ['lower: falling is better', lt5, 3, 4, null, 'better'],
    ['lower: rising is worse', lte25, 33, 25, null, 'worse'],
    ['lower: equal is same', lt5, 4, 4, null, 'same'],
    ['lower: within trend tolerance', lt5, 4.1, 4, 0.1, 'same'],
    ['lower: beyond trend tolerance', lt5, 4.2, 4, 0.1, 'worse'],
    // higher is better
    ['higher: rising is better', gt20, 16, 15, null, 'better'],
    ['higher: falling is worse', gt20, 14, 15, null, 'worse'],
    ['higher: equal is same', gte100, 58, 58, null, 'same'],
    ['higher: within trend tolerance', gt20, 14, 15, 1, 'same'],
    ['higher: beyond trend tolerance', gt20, 17, 15, 1, 'better'],
    ['higher: float noise is same', gt20, 0.1 + 0.2, 0.3, null, 'same'],
    ['higher: negative values', gt20, -1, -2, null, 'better'],
    // not_worse follows its direction
    ['not_worse higher: rising', notWorse, 82, 80, null, 'better'],
    ['not_worse higher: falling', notWorse, 79, 80, null, 'worse'],
    ['not_worse lower: falling', notWorseLower, 1.8, 2.1, null, 'better'],
    ['not_worse lower: rising', notWorseLower, 2.4, 2.1, null, 'worse'],
    // closer: eq
    ['eq: moving closer from below', eq50, 48, 45, null, 'better'],
    ['eq: moving away above', eq50, 56, 53, null, 'worse'],
    ['eq: crossing to the same distance', eq50, 53, 47, null, 'same'],
    ['eq: reaching the value', eq50, 50, 51, null, 'better'],
    ['eq: distance change within tolerance', eq50, 52, 53, 1, 'same'],
    // closer: between
    ['between: into the range', between, 12, 8, null, 'better'],
    ['between: out of the range', between, 22, 18, null, 'worse'],
    ['between: moving inside the range is same', between, 19, 11, null, 'same'],
    ['between: closer from above', between, 21, 25, null, 'better'],
    ['between: distance change within tolerance', between, 7, 8, 1, 'same'],
    // missing values
    ['no current value', lt5, null, 2.1, null, null],
    ['no earlier value', lt5, 1.86, null, null, null],
    ['no values', eq50, null, null, 1, null],
  ])('%s', (_name, t, current, earlier, tolerance, expected) => {
    expect(computeTrend(t, current, earlier, tolerance)).toBe(expected);
  });
});

describe('trend words', () => {
  it.each<[Trend, string, string]>([
    ['better', 'Bättre än året innan', '↑'],
    ['same', 'Oförändrat jämfört med året innan', '→'],
    ['worse', 'Sämre än året innan', '↓'],
  ])('%s is %j with arrow %j', (trend, label, arrow) => {
    expect(trendLabel(trend)).toBe(label);
    expect(trendArrow(trend)).toBe(arrow);
  });
});
