import { describe, it, expect } from 'vitest';
import { formatNumber, formatOutcome, parseSwedishNumber } from '@/lib/swedish-number';

const ERROR = 'Ange ett tal, till exempel 1,86.';

describe('parseSwedishNumber', () => {
  it.each([
    ['', null],
    ['   ', null],
    ['\u00a0', null],
    ['1,86', 1.86],
    ['1.86', 1.86],
    ['6,59', 6.59],
    ['6,59 %', 6.59],
    ['6,59%', 6.59],
    ['6,59\u00a0%', 6.59],
    ['80', 80],
    ['+80', 80],
    ['0', 0],
    ['0,5', 0.5],
    ['-2,4', -2.4],
    ['\u22122,4', -2.4],
    ['-0', 0],
    ['\u22120,0', 0],
    ['5 117,5', 5117.5],
    ['5\u00a0117,5', 5117.5],
    ['5\u202f117,5', 5117.5],
    ['\u22125\u00a0117,5', -5117.5],
    ['1 234 567', 1234567],
    ['1234567', 1234567],
    ['  42  ', 42],
    ['007', 7],
  ])('parses %j as %s', (input, expected) => {
    expect(parseSwedishNumber(input)).toEqual({ ok: true, value: expected });
  });

  it('gives -0 as plain 0', () => {
    const result = parseSwedishNumber('-0');
    expect(result.ok && Object.is(result.value, 0)).toBe(true);
  });

  it.each([
    'abc',
    '1,86a',
    'x1',
    '1,2,3',
    '1.2.3',
    '1,2.3',
    '--1',
    '-',
    '\u2212',
    '+-1',
    '- 1',
    'Infinity',
    '-Infinity',
    'NaN',
    '1e5',
    '0x10',
    '%',
    '5 %%',
    '% 5',
    '1,',
    ',5',
    '12 34',
    '1  234',
    '1 2345',
    '1.234,5',
    '1_000',
    '1' + '0'.repeat(400),
  ])('rejects %j', (input) => {
    expect(parseSwedishNumber(input)).toEqual({ ok: false, error: ERROR });
  });
});

describe('formatNumber', () => {
  it.each<[number, number | undefined, string]>([
    [-5117.5, 1, '\u22125\u00a0117,5'],
    [5117.5, 1, '5\u00a0117,5'],
    [1.86, 2, '1,86'],
    [5, 2, '5,00'],
    [6.59, 2, '6,59'],
    [80, 0, '80'],
    [58, undefined, '58'],
    [1.86, undefined, '1,86'],
    [1.5, undefined, '1,5'],
    [1.2345, undefined, '1,23'],
    [0.1 + 0.2, undefined, '0,3'],
    [1000, undefined, '1\u00a0000'],
    [1234567.891, undefined, '1\u00a0234\u00a0567,89'],
    [-2.4, undefined, '\u22122,4'],
    [-0.001, 2, '0,00'],
    [-0, undefined, '0'],
    [2.345, 0, '2'],
  ])('formats %s with %s decimals as %j', (value, decimals, expected) => {
    expect(formatNumber(value, decimals)).toBe(expected);
  });

  it.each(['1,86', '\u22125\u00a0117,5', '1\u00a0234\u00a0567,89'])(
    'reads back its own output %j',
    (text) => {
      const parsed = parseSwedishNumber(text);
      expect(parsed.ok && formatNumber(parsed.value as number)).toBe(text);
    },
  );
});

describe('formatOutcome', () => {
  it.each<[number | null, number, string]>([
    [null, 2, '–'],
    [1.86, 2, '1,86'],
    [15, 0, '15'],
    [0, 1, '0,0'],
    [-5117.5, 1, '\u22125\u00a0117,5'],
  ])('formats %s with %s decimals as %j', (value, decimals, expected) => {
    expect(formatOutcome(value, decimals)).toBe(expected);
  });
});
