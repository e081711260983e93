// Pure geometry for the indicator history chart: scales, ticks and SVG paths, no rendering.
import { scaleLinear, scalePoint } from 'd3-scale';
import { line } from 'd3-shape';

export type ChartPoint = { label: string; value: number | null };

export type ChartTarget = { kind: 'line'; value: number } | { kind: 'band'; low: number; high: number } | null;

export type ChartPadding = { top: number; right: number; bottom: number; left: number };

export interface ChartGeometryInput {
  points: ChartPoint[];
  target: ChartTarget;
  width: number;
  height: number;
  padding: ChartPadding;
}

export type TargetGeometry = { kind: 'line'; y: number } | { kind: 'band'; y1: number; y2: number } | null;

export interface ChartGeometry {
  /** The plot area inside the padding, in SVG user units. */
  plot: { left: number; right: number; top: number; bottom: number };
  /** One x position per input point, in input order. */
  xs: number[];
  /** The (niced) y domain, [low, high]; always contains every value and the target. */
  yDomain: [number, number];
  /** Ascending tick values with their y positions (4–6 ticks whenever d3 can make them). */
  yTicks: { value: number; y: number }[];
  /** How many decimals the tick labels need to be told apart (0 for whole numbers). */
  yTickDecimals: number;
  /** SVG path data for the outcome line; gaps where values are missing; '' when nothing to draw. */
  linePath: string;
  /** Each point's position, or null when its value is missing. */
  positions: ({ x: number; y: number } | null)[];
  /** Target line y, or band y1 (top, the high end) and y2 (bottom, the low end). */
  target: TargetGeometry;
}

const MIN_TICKS = 4;
const MAX_TICKS = 6;
/** Share of the data span added above and below so that lines do not touch the plot edges. */
const HEADROOM = 0.1;

function usable(value: number | null): value is number {
  return value !== null && Number.isFinite(value);
}

function targetValues(target: ChartTarget): number[] {
  if (target === null) return [];
  const values = target.kind === 'line' ? [target.value] : [target.low, target.high];
  return values.filter((v) => Number.isFinite(v));
}

/** The raw y extent with headroom, before nice(). */
function paddedExtent(values: number[]): [number, number] {
  if (values.length === 0) return [0, 1];
  const min = Math.min(...values);
  const max = Math.max(...values);
  if (min === max) {
    // A single level: centre it in a band that is wide enough to read.
    const half = min === 0 ? 1 : Math.abs(min) * 0.5;
    const low = min >= 0 && min - half < 0 ? 0 : min - half;
    return [low, max + half];
  }
  const pad = (max - min) * HEADROOM;
  // Do not invent a negative axis for data that cannot be negative in this chart.
  const low = min >= 0 && min - pad < 0 ? 0 : min - pad;
  const high = max <= 0 && max + pad > 0 ? 0 : max + pad;
  return [low, high];
}

/** The fewest decimals (at most 6) that show every tick exactly. */
export function tickDecimals(ticks: number[]): number {
  let decimals = 0;
  for (const tick of ticks) {
    let d = 0;
    while (d < 6 && Math.abs(Math.round(tick * 10 ** d) / 10 ** d - tick) > 1e-9 * Math.max(1, Math.abs(tick))) d++;
    decimals = Math.max(decimals, d);
  }
  return decimals;
}

export function chartGeometry(input: ChartGeometryInput): ChartGeometry {
  const { points, target, width, height, padding } = input;
  const plot = {
    left: padding.left,
    right: Math.max(padding.left, width - padding.right),
    top: padding.top,
    bottom: Math.max(padding.top, height - padding.bottom),
  };

  // The domain is the point index, so that two points with the same label stay apart.
  const x = scalePoint<string>()
    .domain(points.map((_, i) => String(i)))
    .range([plot.left, plot.right])
    .padding(0.5);
  const xs = points.map((_, i) => x(String(i)) ?? (plot.left + plot.right) / 2);

  const values = [...points.map((p) => p.value).filter(usable), ...targetValues(target)];
  const [low, high] = paddedExtent(values);

  // Find a tick count whose niced domain yields 4–6 ticks; d3 treats the count only as a hint.
  let y = scaleLinear().domain([low, high]).range([plot.bottom, plot.top]).nice(5);
  let ticks = y.ticks(5);
  const fits = (t: number[]) => t.length >= MIN_TICKS && t.length <= MAX_TICKS;
  if (!fits(ticks)) {
    const candidates = [4, 6, 3, 7, 8, 10].map((count) => {
      const scale = scaleLinear().domain([low, high]).range([plot.bottom, plot.top]).nice(count);
      return { scale, ticks: scale.ticks(count) };
    });
    // Otherwise keep every other tick of a too-dense set whose ends stay on the domain ends.
    const found =
      candidates.find((c) => fits(c.ticks)) ??
      candidates
        .filter((c) => c.ticks.length > MAX_TICKS && (c.ticks.length - 1) % 2 === 0)
        .map((c) => ({ scale: c.scale, ticks: c.ticks.filter((_, i) => i % 2 === 0) }))
        .find((c) => fits(c.ticks));
    if (found) {
      y = found.scale;
      ticks = found.ticks;
    }
  }
  const [d0 = low, d1 = high] = y.domain();
  const yDomain: [number, number] = [Math.min(d0, d1), Math.max(d0, d1)];

  const positions = points.map((p, i) => (usable(p.value) ? { x: xs[i] ?? 0, y: y(p.value) } : null));

  const path = line<{ x: number; y: number } | null>()
    .defined((p) => p !== null)
    .x((p) => p?.x ?? 0)
    .y((p) => p?.y ?? 0)(positions);

  let targetGeometry: TargetGeometry = null;
  if (target !== null && targetValues(target).length === (target.kind === 'line' ? 1 : 2)) {
    if (target.kind === 'line') {
      targetGeometry = { kind: 'line', y: y(target.value) };
    } else {
      const lo = Math.min(target.low, target.high);
      const hi = Math.max(target.low, target.high);
      targetGeometry = { kind: 'band', y1: y(hi), y2: y(lo) };
    }
  }

  return {
    plot,
    xs,
    yDomain,
    yTicks: ticks.map((value) => ({ value, y: y(value) })),
    yTickDecimals: tickDecimals(ticks),
    linePath: path ?? '',
    positions,
    target: targetGeometry,
  };
}
