import { describe, expect, it } from 'vitest';
import { comparatorLabel, COMPARATORS, suggestTargetLabel } from '@/lib/target-label';
import type { Target } from '@/lib/target';

const t = (fields: Partial<Omit<Target, 'tolerance'>> & Pick<Target, 'comparator'>) => ({
  value: null,
  low: null,
  high: null,
  direction: null,
  ...fields,
});

describe('suggestTargetLabel', () => {
  it('names the comparator and formats the value with the decimals', () => {
    expect(suggestTargetLabel(t({ comparator: 'lt', value: 5 }), 2)).toBe('Lägre än 5,00');
    expect(suggestTargetLabel(t({ comparator: 'lte', value: 25 }), 0)).toBe('Högst 25');
    expect(suggestTargetLabel(t({ comparator: 'gt', value: 20 }), 0)).toBe('Högre än 20');
    expect(suggestTargetLabel(t({ comparator: 'gte', value: 80.5 }), 1)).toBe('Minst 80,5');
    expect(suggestTargetLabel(t({ comparator: 'eq', value: 100 }), 0)).toBe('Lika med 100');
    expect(suggestTargetLabel(t({ comparator: 'lt', value: -2.4 }), 1)).toBe('Lägre än −2,4');
  });

  it('describes a range and "not worse than last year" by direction', () => {
    expect(suggestTargetLabel(t({ comparator: 'between', low: 3, high: 5 }), 1)).toBe('Mellan 3,0 och 5,0');
    expect(suggestTargetLabel(t({ comparator: 'not_worse' }), 0)).toBe('Samma nivå som föregående år eller högre');
    expect(suggestTargetLabel(t({ comparator: 'not_worse', direction: 'lower' }), 0)).toBe('Samma nivå som föregående år eller lägre');
  });

  it('suggests nothing while the numbers are missing', () => {
    expect(suggestTargetLabel(t({ comparator: 'lt' }), 2)).toBe('');
    expect(suggestTargetLabel(t({ comparator: 'between', low: 3 }), 0)).toBe('');
  });

  it('has Swedish words for every comparator', () => {
    expect(COMPARATORS.map(comparatorLabel)).toEqual([
      'Lägre än',
      'Högst',
      'Högre än',
      'Minst',
      'Lika med',
      'Inom intervall',
      'Inte sämre än föregående år',
    ]);
  });
});
