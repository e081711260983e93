import { describe, it, expect } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { ChartPoint, ChartTarget } from '@/lib/chart-geometry';
import { chartGeometry, tickDecimals } from '@/lib/chart-geometry';
import { IndicatorHistoryChart } from '@/components/indicator-history-chart';

const PADDING = { top: 20, right: 10, bottom: 30, left: 40 };
const WIDTH = 640;
const HEIGHT = 300;

function geometry(values: (number | null)[], target: ChartTarget = null) {
  const points: ChartPoint[] = values.map((value, i) => ({ label: `Delår ${2020 + i}`, value }));
  return chartGeometry({ points, target, width: WIDTH, height: HEIGHT, padding: PADDING });
}

function moveCount(path: string): number {
  return (path.match(/M/g) ?? []).length;
}

const CASES: { name: string; values: (number | null)[]; target: ChartTarget }[] = [
  { name: 'rising values, target above', values: [2.1, 1.86, 3.4], target: { kind: 'line', value: 5 } },
  { name: 'target far below the values', values: [95, 97, 96], target: { kind: 'line', value: 10 } },
  { name: 'band around values', values: [4, 4.5], target: { kind: 'band', low: 3, high: 6 } },
  { name: 'band given high before low', values: [4, 4.5], target: { kind: 'band', low: 8, high: 1 } },
  { name: 'negative values, target zero', values: [-2.4, -5117.5, -300], target: { kind: 'line', value: 0 } },
  { name: 'mixed signs', values: [-3, 0, 7], target: { kind: 'line', value: -10 } },
  { name: 'all null, line target', values: [null, null], target: { kind: 'line', value: 80 } },
  { name: 'all null, no target', values: [null, null, null], target: null },
  { name: 'single point', values: [6.59], target: { kind: 'line', value: 6.59 } },
  { name: 'single zero', values: [0], target: null },
  { name: 'all equal', values: [3, 3, 3], target: null },
  { name: 'tiny fractions', values: [0.0012, 0.0015], target: { kind: 'line', value: 0.001 } },
  { name: 'large numbers', values: [1_234_567, 1_300_000], target: { kind: 'band', low: 1_000_000, high: 1_250_000 } },
  { name: 'no points', values: [], target: { kind: 'line', value: 5 } },
  { name: 'no points, no target', values: [], target: null },
];

describe('chartGeometry', () => {
  it.each(CASES)('$name: the domain holds every value and the target', ({ values, target }) => {
    const g = geometry(values, target);
    const [low, high] = g.yDomain;
    expect(low).toBeLessThan(high);
    const expected = [
      ...values.filter((v): v is number => v !== null),
      ...(target === null ? [] : target.kind === 'line' ? [target.value] : [target.low, target.high]),
    ];
    for (const v of expected) {
      expect(v).toBeGreaterThanOrEqual(low);
      expect(v).toBeLessThanOrEqual(high);
    }
  });

  it.each(CASES)('$name: 4–6 ascending ticks inside the domain and the plot', ({ values, target }) => {
    const g = geometry(values, target);
    const ticks = g.yTicks.map((t) => t.value);
    expect(ticks.length).toBeGreaterThanOrEqual(4);
    expect(ticks.length).toBeLessThanOrEqual(6);
    for (let i = 1; i < ticks.length; i++) expect(ticks[i]!).toBeGreaterThan(ticks[i - 1]!);
    for (const t of g.yTicks) {
      expect(t.value).toBeGreaterThanOrEqual(g.yDomain[0]);
      expect(t.value).toBeLessThanOrEqual(g.yDomain[1]);
      expect(t.y).toBeGreaterThanOrEqual(g.plot.top - 1e-9);
      expect(t.y).toBeLessThanOrEqual(g.plot.bottom + 1e-9);
    }
    // Higher values are drawn higher up (smaller y).
    for (let i = 1; i < g.yTicks.length; i++) expect(g.yTicks[i]!.y).toBeLessThan(g.yTicks[i - 1]!.y);
  });

  it.each(CASES)('$name: points and target lie inside the plot area', ({ values, target }) => {
    const g = geometry(values, target);
    expect(g.xs).toHaveLength(values.length);
    expect(g.positions).toHaveLength(values.length);
    values.forEach((v, i) => {
      const p = g.positions[i];
      if (v === null) {
        expect(p).toBeNull();
        return;
      }
      expect(p).not.toBeNull();
      expect(p!.x).toBe(g.xs[i]);
      expect(p!.x).toBeGreaterThan(g.plot.left);
      expect(p!.x).toBeLessThan(g.plot.right);
      expect(p!.y).toBeGreaterThanOrEqual(g.plot.top);
      expect(p!.y).toBeLessThanOrEqual(g.plot.bottom);
    });
    if (target === null) {
      expect(g.target).toBeNull();
    } else if (target.kind === 'line') {
      expect(g.target).toEqual({ kind: 'line', y: expect.any(Number) });
    } else {
      expect(g.target?.kind).toBe('band');
      if (g.target?.kind === 'band') {
        expect(g.target.y1).toBeLessThanOrEqual(g.target.y2);
        expect(g.target.y1).toBeGreaterThanOrEqual(g.plot.top);
        expect(g.target.y2).toBeLessThanOrEqual(g.plot.bottom);
      }
    }
  });

  it('x positions are ascending, evenly spaced and keep duplicate labels apart', () => {
    const points = [
      { label: 'Delår 2024', value: 1 },
      { label: 'Delår 2024', value: 2 },
      { label: 'Helår 2024', value: 3 },
    ];
    const g = chartGeometry({ points, target: null, width: WIDTH, height: HEIGHT, padding: PADDING });
    const [a, b, c] = g.xs;
    expect(a).toBeLessThan(b!);
    expect(b).toBeLessThan(c!);
    expect(c! - b!).toBeCloseTo(b! - a!);
  });

  it.each([
    { values: [1, 2, 3], moves: 1 },
    { values: [1, null, 3], moves: 2 },
    { values: [1, 2, null, 4, 5], moves: 2 },
    { values: [1, null, 3, null, 5], moves: 3 },
    { values: [null, 2, 3, null], moves: 1 },
  ])('path for $values has $moves segment(s)', ({ values, moves }) => {
    expect(moveCount(geometry(values).linePath)).toBe(moves);
  });

  it('draws nothing for no points or only missing values', () => {
    expect(geometry([]).linePath).toBe('');
    expect(geometry([null, null]).linePath).toBe('');
    expect(geometry([]).xs).toEqual([]);
  });

  it('a single point sits in the middle and still has a path', () => {
    const g = geometry([6.59]);
    expect(g.xs[0]).toBeCloseTo((g.plot.left + g.plot.right) / 2);
    expect(moveCount(g.linePath)).toBe(1);
    expect(g.positions[0]).not.toBeNull();
  });

  it('keeps headroom: values do not touch the top edge', () => {
    const g = geometry([2.1, 1.86], { kind: 'line', value: 5 });
    expect(g.yDomain[1]).toBeGreaterThan(5);
    expect(g.target?.kind === 'line' && g.target.y).toBeGreaterThan(g.plot.top);
  });

  it('does not invent a negative axis for non-negative data', () => {
    expect(geometry([0.5, 9.8]).yDomain[0]).toBe(0);
    expect(geometry([0]).yDomain[0]).toBe(0);
  });

  it('the plot area is the size minus the padding', () => {
    expect(geometry([1]).plot).toEqual({ left: 40, right: 630, top: 20, bottom: 270 });
  });
});

describe('tickDecimals', () => {
  it.each([
    [[0, 2, 4, 6], 0],
    [[0, 0.5, 1, 1.5], 1],
    [[1.8, 1.85, 1.9], 2],
    [[-0.001, 0, 0.001], 3],
    [[], 0],
  ])('%j needs %i decimals', (ticks, expected) => {
    expect(tickDecimals(ticks)).toBe(expected);
  });
});

describe('IndicatorHistoryChart', () => {
  const render = (props: Parameters<typeof IndicatorHistoryChart>[0]) =>
    renderToStaticMarkup(createElement(IndicatorHistoryChart, props));

  it('renders an accessible SVG, the target label and a table alternative', () => {
    const html = render({
      title: 'Sjukfrånvaro',
      points: [
        { label: 'Delår 2023', value: 2.1 },
        { label: 'Delår 2024', value: 1.86 },
        { label: 'Helår 2024', value: null },
      ],
      target: { kind: 'line', value: 5 },
      targetLabel: 'Lägre än 5,00',
      decimals: 2,
    });
    const labelledBy = /aria-labelledby="([^"]+)"/.exec(html)?.[1] ?? '';
    const [titleId, descId] = labelledBy.split(' ');
    expect(html).toContain('role="img"');
    expect(html).toContain(`<title id="${titleId}">Sjukfrånvaro</title>`);
    expect(html).toContain(
      `<desc id="${descId}">Utfall per period: Delår 2023 2,10; Delår 2024 1,86; Helår 2024 ej mätt. Målvärde: Lägre än 5,00.</desc>`,
    );
    expect(html).toContain('Mål: Lägre än 5,00');
    expect(html).toContain('stroke-dasharray');
    expect(html).toContain('<circle');
    expect(html).toContain('<caption');
    expect(html).toContain('Utfall per period</caption>');
    expect(html).toContain('Ej mätt');
    expect(html).toContain('viewBox="0 0 640 300"');
    expect(html).not.toContain('Inga rapporterade utfall');
  });

  it('uses Swedish number formatting with the unit and a minus sign', () => {
    const html = render({
      title: 'Resultat',
      points: [{ label: 'Helår 2024', value: -5117.5 }],
      target: { kind: 'band', low: -6000, high: -4000 },
      targetLabel: 'Mellan −6 000,0 och −4 000,0',
      decimals: 1,
      unitOfMeasure: 'tkr',
    });
    expect(html).toContain('Helår 2024 \u22125\u00a0117,5 tkr');
    expect(html).toContain('Utfall (tkr)');
    expect(html).toContain('url(#');
  });

  it('shows an empty state when there are no points', () => {
    const html = render({ title: 'Sjukfrånvaro', points: [], target: null, targetLabel: '', decimals: 2 });
    expect(html).toContain('Inga rapporterade utfall ännu.');
    expect(html).not.toContain('<svg');
  });
});
