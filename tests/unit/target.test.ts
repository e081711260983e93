import { describe, it, expect } from 'vitest';
import type { Colour } from '@/lib/colour';
import {
  betterDirection,
  distanceFromTarget,
  evaluateTarget,
  validateTarget,
  type Target,
} from '@/lib/target';

function target(fields: Partial<Target> & Pick<Target, 'comparator'>): Target {
  return { value: null, low: null, high: null, direction: null, tolerance: null, ...fields };
}

const lt5 = target({ comparator: 'lt', value: 5 });
const lt5tol = target({ comparator: 'lt', value: 5, tolerance: 0.5 });
const lte25 = target({ comparator: 'lte', value: 25 });
const lte25tol = target({ comparator: 'lte', value: 25, tolerance: 5 });
const gt20 = target({ comparator: 'gt', value: 20 });
const gt20tol = target({ comparator: 'gt', value: 20, tolerance: 5 });
const gte100 = target({ comparator: 'gte', value: 100 });
const gte100tol = target({ comparator: 'gte', value: 100, tolerance: 10 });
const eq50 = target({ comparator: 'eq', value: 50 });
const eq50tol = target({ comparator: 'eq', value: 50, tolerance: 2 });
const between = target({ comparator: 'between', low: 10, high: 20 });
const betweenTol = target({ comparator: 'between', low: 10, high: 20, tolerance: 1 });
const notWorse = target({ comparator: 'not_worse' });
const notWorseTol = target({ comparator: 'not_worse', tolerance: 2 });
const notWorseLower = target({ comparator: 'not_worse', direction: 'lower' });
const notWorseLowerTol = target({ comparator: 'not_worse', direction: 'lower', tolerance: 2 });
const negative = target({ comparator: 'gte', value: -5, tolerance: 1 });
const negativeRange = target({ comparator: 'between', low: -3, high: -1 });

describe('evaluateTarget: DESIGN rule table', () => {
  it.each<[string, Target, number | null, number | null, Colour]>([
    // lt
    ['lt met', lt5, 4, null, 'green'],
    ['lt equal is a miss, no tolerance', lt5, 5, null, 'red'],
    ['lt equal is a miss of 0, tolerance', lt5tol, 5, null, 'yellow'],
    ['lt missed within tolerance', lt5tol, 5.5, null, 'yellow'],
    ['lt missed beyond tolerance', lt5tol, 5.51, null, 'red'],
    ['lt missed, no tolerance', lt5, 5.01, null, 'red'],
    ['lt no outcome', lt5, null, null, 'grey'],
    ['lt no outcome, tolerance', lt5tol, null, null, 'grey'],
    // lte
    ['lte met below', lte25, 24, null, 'green'],
    ['lte equal is met', lte25, 25, null, 'green'],
    ['lte missed, no tolerance', lte25, 26, null, 'red'],
    ['lte missed within tolerance', lte25tol, 30, null, 'yellow'],
    ['lte missed beyond tolerance', lte25tol, 30.5, null, 'red'],
    ['lte no outcome', lte25, null, null, 'grey'],
    // gt
    ['gt met', gt20, 21, null, 'green'],
    ['gt equal is a miss, no tolerance', gt20, 20, null, 'red'],
    ['gt equal is a miss of 0, tolerance', gt20tol, 20, null, 'yellow'],
    ['gt missed within tolerance', gt20tol, 15, null, 'yellow'],
    ['gt missed beyond tolerance', gt20tol, 14.9, null, 'red'],
    ['gt no outcome', gt20, null, null, 'grey'],
    // gte
    ['gte met above', gte100, 101, null, 'green'],
    ['gte equal is met', gte100, 100, null, 'green'],
    ['gte missed, no tolerance', gte100, 99.99, null, 'red'],
    ['gte missed within tolerance', gte100tol, 90, null, 'yellow'],
    ['gte missed beyond tolerance', gte100tol, 89, null, 'red'],
    ['gte no outcome', gte100tol, null, null, 'grey'],
    // eq
    ['eq equal is met', eq50, 50, null, 'green'],
    ['eq above, no tolerance', eq50, 50.1, null, 'red'],
    ['eq below, no tolerance', eq50, 49.9, null, 'red'],
    ['eq above within tolerance', eq50tol, 52, null, 'yellow'],
    ['eq below within tolerance', eq50tol, 48, null, 'yellow'],
    ['eq above beyond tolerance', eq50tol, 52.5, null, 'red'],
    ['eq below beyond tolerance', eq50tol, 47, null, 'red'],
    ['eq no outcome', eq50, null, null, 'grey'],
    // between
    ['between inside', between, 15, null, 'green'],
    ['between on the low edge', between, 10, null, 'green'],
    ['between on the high edge', between, 20, null, 'green'],
    ['between below, no tolerance', between, 9.9, null, 'red'],
    ['between above, no tolerance', between, 20.1, null, 'red'],
    ['between below within tolerance', betweenTol, 9, null, 'yellow'],
    ['between above within tolerance', betweenTol, 21, null, 'yellow'],
    ['between below beyond tolerance', betweenTol, 8.9, null, 'red'],
    ['between above beyond tolerance', betweenTol, 21.1, null, 'red'],
    ['between no outcome', between, null, null, 'grey'],
    ['between of width zero, on it', target({ comparator: 'between', low: 3, high: 3 }), 3, null, 'green'],
    // not_worse, higher is better (default)
    ['not_worse higher: better', notWorse, 81, 80, 'green'],
    ['not_worse higher: same', notWorse, 80, 80, 'green'],
    ['not_worse higher: worse, no tolerance', notWorse, 79, 80, 'red'],
    ['not_worse higher: worse within tolerance', notWorseTol, 78, 80, 'yellow'],
    ['not_worse higher: worse beyond tolerance', notWorseTol, 77, 80, 'red'],
    ['not_worse higher: no outcome', notWorse, null, 80, 'grey'],
    ['not_worse higher: no previous', notWorse, 80, null, 'grey'],
    ['not_worse explicit higher', target({ comparator: 'not_worse', direction: 'higher' }), 79, 80, 'red'],
    // not_worse, lower is better
    ['not_worse lower: better', notWorseLower, 1.8, 2.1, 'green'],
    ['not_worse lower: same', notWorseLower, 2.1, 2.1, 'green'],
    ['not_worse lower: worse, no tolerance', notWorseLower, 2.2, 2.1, 'red'],
    ['not_worse lower: worse within tolerance', notWorseLowerTol, 4.1, 2.1, 'yellow'],
    ['not_worse lower: worse beyond tolerance', notWorseLowerTol, 4.2, 2.1, 'red'],
    ['not_worse lower: no previous', notWorseLower, 2, null, 'grey'],
  ])('%s', (_name, t, outcome, previous, expected) => {
    expect(evaluateTarget(t, outcome, previous)).toBe(expected);
  });
});

describe('evaluateTarget: the seed', () => {
  it.each<[string, Target, number | null, number | null, Colour]>([
    ['sjukfrånvaro exkl. AME 1,86 vs lägre än 5,00', lt5, 1.86, null, 'green'],
    ['sjukfrånvaro AME 6,59 vs lägre än 7,00', target({ comparator: 'lt', value: 7 }), 6.59, null, 'green'],
    ['HME 2024 not measured, baseline 80', notWorse, null, 80, 'grey'],
    ['HME 80 vs baseline 80', notWorse, 80, 80, 'green'],
    ['HME 79 vs baseline 80', notWorse, 79, 80, 'red'],
    ['arbete eller studier 15 vs >20', gt20, 15, null, 'red'],
    ['SFI 58 vs 100', gte100, 58, null, 'red'],
    ['rank 33 vs 25 lägsta', lte25, 33, null, 'red'],
  ])('%s', (_name, t, outcome, previous, expected) => {
    expect(evaluateTarget(t, outcome, previous)).toBe(expected);
  });

  it('uses no previous value by default', () => {
    expect(evaluateTarget(notWorse, 80)).toBe('grey');
    expect(evaluateTarget(lt5, 1.86)).toBe('green');
  });
});

describe('evaluateTarget: edges', () => {
  it.each<[string, Target, number | null, number | null, Colour]>([
    ['float noise does not break equality (eq)', target({ comparator: 'eq', value: 0.3 }), 0.1 + 0.2, null, 'green'],
    ['float noise does not break equality (gte)', target({ comparator: 'gte', value: 0.3 }), 0.1 + 0.2, null, 'green'],
    ['float noise: lt on its value is still a miss', target({ comparator: 'lt', value: 0.3 }), 0.1 + 0.2, null, 'red'],
    ['float noise: just on the tolerance edge', target({ comparator: 'lte', value: 0.1, tolerance: 0.2 }), 0.1 + 0.2, null, 'yellow'],
    ['float noise: between edge', target({ comparator: 'between', low: 0.3, high: 1 }), 0.1 + 0.2, null, 'green'],
    ['negative value met', negative, -4, null, 'green'],
    ['negative value equal', negative, -5, null, 'green'],
    ['negative value within tolerance', negative, -6, null, 'yellow'],
    ['negative value beyond tolerance', negative, -6.5, null, 'red'],
    ['negative range inside', negativeRange, -2, null, 'green'],
    ['negative range below', negativeRange, -3.5, null, 'red'],
    ['negative range above', negativeRange, 0, null, 'red'],
    ['not_worse negative values', notWorse, -3, -2, 'red'],
    ['zero tolerance: only an exact lt edge is yellow', target({ comparator: 'lt', value: 5, tolerance: 0 }), 5, null, 'yellow'],
    ['zero tolerance: any real miss is red', target({ comparator: 'gte', value: 5, tolerance: 0 }), 4.99, null, 'red'],
    ['outcome 0 against lt 0', target({ comparator: 'lt', value: 0 }), 0, null, 'red'],
  ])('%s', (_name, t, outcome, previous, expected) => {
    expect(evaluateTarget(t, outcome, previous)).toBe(expected);
  });

  it.each<[string, Target]>([
    ['lt without value', target({ comparator: 'lt' })],
    ['gte without value', target({ comparator: 'gte' })],
    ['eq without value', target({ comparator: 'eq' })],
    ['between without high', target({ comparator: 'between', low: 1 })],
    ['between with low > high', target({ comparator: 'between', low: 5, high: 1 })],
    ['negative tolerance', target({ comparator: 'lt', value: 5, tolerance: -1 })],
  ])('throws for a malformed target: %s', (_name, t) => {
    expect(() => evaluateTarget(t, 1)).toThrow(Error);
    expect(() => evaluateTarget(t, null)).toThrow(Error);
  });
});

describe('validateTarget', () => {
  it.each<[string, Target, string | null]>([
    ['lt with value', lt5, null],
    ['lt without value', target({ comparator: 'lt' }), 'Ange ett målvärde.'],
    ['lte without value', target({ comparator: 'lte' }), 'Ange ett målvärde.'],
    ['gt without value', target({ comparator: 'gt' }), 'Ange ett målvärde.'],
    ['gte without value', target({ comparator: 'gte' }), 'Ange ett målvärde.'],
    ['eq without value', target({ comparator: 'eq' }), 'Ange ett målvärde.'],
    ['value NaN', target({ comparator: 'gt', value: NaN }), 'Ange ett målvärde.'],
    ['value 0 is a value', target({ comparator: 'gt', value: 0 }), null],
    ['between complete', between, null],
    ['between equal ends', target({ comparator: 'between', low: 2, high: 2 }), null],
    ['between without low', target({ comparator: 'between', high: 2 }), 'Ange både lägsta och högsta värde.'],
    ['between without high', target({ comparator: 'between', low: 2 }), 'Ange både lägsta och högsta värde.'],
    ['between low > high', target({ comparator: 'between', low: 3, high: 2 }), 'Lägsta värdet får inte vara högre än det högsta.'],
    ['not_worse needs no value', notWorse, null],
    ['not_worse lower', notWorseLowerTol, null],
    ['tolerance 0', target({ comparator: 'lt', value: 5, tolerance: 0 }), null],
    ['negative tolerance', target({ comparator: 'lt', value: 5, tolerance: -0.1 }), 'Toleransen får inte vara negativ.'],
  ])('%s', (_name, t, expected) => {
    expect(validateTarget(t)).toBe(expected);
  });
});

describe('betterDirection', () => {
  it.each<[Target, 'higher' | 'lower' | 'closer']>([
    [lt5, 'lower'],
    [lte25, 'lower'],
    [gt20, 'higher'],
    [gte100, 'higher'],
    [eq50, 'closer'],
    [between, 'closer'],
    [notWorse, 'higher'],
    [target({ comparator: 'not_worse', direction: 'higher' }), 'higher'],
    [notWorseLower, 'lower'],
  ])('%o is better when %s', (t, expected) => {
    expect(betterDirection(t)).toBe(expected);
  });
});

describe('distanceFromTarget', () => {
  it.each<[Target, number, number]>([
    [eq50, 50, 0],
    [eq50, 47, 3],
    [eq50, 53, 3],
    [between, 15, 0],
    [between, 10, 0],
    [between, 7, 3],
    [between, 24, 4],
  ])('%o to %s is %s', (t, x, expected) => {
    expect(distanceFromTarget(t, x)).toBeCloseTo(expected, 9);
  });

  it('throws for comparators without a distance', () => {
    expect(() => distanceFromTarget(lt5, 1)).toThrow(Error);
  });
});
