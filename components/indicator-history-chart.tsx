import { useId } from 'react';
import type { ChartPoint, ChartTarget } from '@/lib/chart-geometry';
import { chartGeometry } from '@/lib/chart-geometry';
import { formatNumber } from '@/lib/swedish-number';

const WIDTH = 640;
const HEIGHT = 300;
const PADDING = { top: 52, right: 24, bottom: 48, left: 64 };

// Colours chosen for contrast on white (WCAG AA for text, ≥ 4.5:1).
const INK = '#0f172a'; // slate-900, 17.9:1: outcome line, markers and value labels
const MUTED = '#475569'; // slate-600, 7.6:1: axis labels
const GRID = '#e2e8f0'; // slate-200: grid lines, decoration only
const AXIS = '#94a3b8'; // slate-400: axis line, decoration only
const TARGET = '#1d4ed8'; // blue-700, 6.7:1: target line, band outline and label

const FONT_SIZE = 12;
/** Rough width of one character at FONT_SIZE, for laying out the legend. */
const CHAR_WIDTH = 6.8;

function withUnit(text: string, unit: string | null | undefined): string {
  return unit ? `${text} ${unit}` : text;
}

/** "Delår 2024" as two lines ("Delår", "2024") so that many periods fit side by side. */
function labelLines(label: string): string[] {
  const cut = label.lastIndexOf(' ');
  return cut > 0 ? [label.slice(0, cut), label.slice(cut + 1)] : [label];
}

/** React's ids contain characters that do not work inside url(#…); keep a safe subset. */
function safeId(id: string): string {
  return `c${id.replace(/[^a-zA-Z0-9_-]/g, '')}`;
}

/**
 * An indicator's outcomes over the periods as a line chart, with the target drawn as a dashed line
 * (or a hatched band), value labels on every point and a table with the same figures below.
 * Renders on the server to plain SVG; no colour carries meaning alone.
 */
export function IndicatorHistoryChart(props: {
  title: string;
  points: ChartPoint[];
  target: ChartTarget;
  targetLabel: string;
  decimals: number;
  unitOfMeasure?: string | null;
  /** What the values and the line are called (the finance page charts a forecast against a budget). */
  words?: { value: string; missing: string; target: string };
}) {
  const { title, points, target, targetLabel, decimals, unitOfMeasure } = props;
  const words = props.words ?? { value: 'Utfall', missing: 'Ej mätt', target: 'Målvärde' };
  const baseId = safeId(useId());
  const titleId = `${baseId}-title`;
  const descId = `${baseId}-desc`;
  const hatchId = `${baseId}-hatch`;

  if (points.length === 0) {
    return (
      <div className="space-y-1">
        <p className="font-medium text-slate-900">{title}</p>
        <p className="text-sm text-slate-600">Inga rapporterade {words.value.toLowerCase()} ännu.</p>
      </div>
    );
  }

  const geometry = chartGeometry({ points, target, width: WIDTH, height: HEIGHT, padding: PADDING });
  const { plot } = geometry;

  const formatValue = (value: number) => formatNumber(value, decimals);
  const outcomes = points
    .map((p) => `${p.label} ${p.value === null ? words.missing.toLowerCase() : withUnit(formatValue(p.value), unitOfMeasure)}`)
    .join('; ');
  const targetText = targetLabel.trim() === '' ? `Inget ${words.target.toLowerCase()}.` : `${words.target}: ${targetLabel}.`;
  const description = `${words.value} per period: ${outcomes}. ${targetText}`;

  // Value labels go above a point, or below it when the line comes down to it from both sides;
  // when neither fits they go beside the point, away from the nearer edge.
  const valueLabel = (i: number, x: number, y: number): { x: number; y: number; anchor: 'middle' | 'start' | 'end' } => {
    const neighbours = [geometry.positions[i - 1], geometry.positions[i + 1]].filter((p) => p != null);
    const inValley = neighbours.length > 0 && neighbours.every((p) => p.y < y);
    const above = y - 10;
    const below = y + 20;
    // Above may reach a little into the top padding, which is free up to the legend.
    const fitsAbove = above >= plot.top - 8;
    const fitsBelow = below <= plot.bottom - 4;
    if (inValley ? fitsBelow : !fitsAbove && fitsBelow) return { x, y: below, anchor: 'middle' };
    if (!inValley && fitsAbove) return { x, y: above, anchor: 'middle' };
    const toRight = x < (plot.left + plot.right) / 2;
    return { x: toRight ? x + 9 : x - 9, y: y + 4, anchor: toRight ? 'start' : 'end' };
  };

  const legendY = 18;
  const outcomeLegendText = words.value;
  const targetLegendX = plot.left + 30 + outcomeLegendText.length * CHAR_WIDTH + 24;

  return (
    <figure className="space-y-3">
      <figcaption className="font-medium text-slate-900">{title}</figcaption>
      <svg
        role="img"
        aria-labelledby={`${titleId} ${descId}`}
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        width="100%"
        className="block h-auto w-full"
        fontSize={FONT_SIZE}
      >
        <title id={titleId}>{title}</title>
        <desc id={descId}>{description}</desc>
        <defs>
          <pattern id={hatchId} width={8} height={8} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
            <line x1={0} y1={0} x2={0} y2={8} stroke={TARGET} strokeWidth={2} strokeOpacity={0.3} />
          </pattern>
        </defs>

        {/* Legend: a solid line with circles for the outcome, a dashed line (or hatched box) for the target. */}
        <g>
          <line x1={plot.left} x2={plot.left + 24} y1={legendY} y2={legendY} stroke={INK} strokeWidth={2} />
          <circle cx={plot.left + 12} cy={legendY} r={4} fill={INK} />
          <text x={plot.left + 30} y={legendY} dy="0.32em" fill={INK}>
            {outcomeLegendText}
          </text>
          {targetLabel.trim() !== '' && (
            <>
              {geometry.target?.kind === 'line' && (
                <line
                  x1={targetLegendX}
                  x2={targetLegendX + 24}
                  y1={legendY}
                  y2={legendY}
                  stroke={TARGET}
                  strokeWidth={2}
                  strokeDasharray="6 4"
                />
              )}
              {geometry.target?.kind === 'band' && (
                <rect
                  x={targetLegendX}
                  y={legendY - 7}
                  width={24}
                  height={14}
                  fill={`url(#${hatchId})`}
                  stroke={TARGET}
                  strokeWidth={1.5}
                  strokeDasharray="4 3"
                />
              )}
              <text x={targetLegendX + (geometry.target ? 30 : 0)} y={legendY} dy="0.32em" fill={TARGET}>
                {`${words.target === 'Målvärde' ? 'Mål' : words.target}: ${targetLabel}`}
              </text>
            </>
          )}
        </g>

        {unitOfMeasure && (
          <text x={plot.left - 8} y={plot.top - 16} textAnchor="end" fill={MUTED}>
            {unitOfMeasure}
          </text>
        )}

        {/* Y axis: grid lines and tick labels; the zero line is drawn darker. */}
        <g>
          {geometry.yTicks.map((tick) => (
            <g key={tick.value}>
              <line
                x1={plot.left}
                x2={plot.right}
                y1={tick.y}
                y2={tick.y}
                stroke={tick.value === 0 ? AXIS : GRID}
                strokeWidth={1}
              />
              <text x={plot.left - 8} y={tick.y} dy="0.32em" textAnchor="end" fill={MUTED}>
                {formatNumber(tick.value, geometry.yTickDecimals)}
              </text>
            </g>
          ))}
          <line x1={plot.left} x2={plot.left} y1={plot.top} y2={plot.bottom} stroke={AXIS} strokeWidth={1} />
        </g>

        {/* X axis: one (possibly two-line) label per period. */}
        <g>
          <line x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} stroke={AXIS} strokeWidth={1} />
          {points.map((point, i) => {
            const x = geometry.xs[i] ?? 0;
            return (
              <text key={i} x={x} y={plot.bottom + 18} textAnchor="middle" fill={MUTED}>
                {labelLines(point.label).map((line, j) => (
                  <tspan key={j} x={x} dy={j === 0 ? 0 : '1.2em'}>
                    {line}
                  </tspan>
                ))}
              </text>
            );
          })}
        </g>

        {/* Target: a dashed line, or a hatched band with dashed edges. */}
        {geometry.target?.kind === 'line' && (
          <line
            x1={plot.left}
            x2={plot.right}
            y1={geometry.target.y}
            y2={geometry.target.y}
            stroke={TARGET}
            strokeWidth={2}
            strokeDasharray="6 4"
          />
        )}
        {geometry.target?.kind === 'band' && (
          <g>
            <rect
              x={plot.left}
              y={geometry.target.y1}
              width={plot.right - plot.left}
              height={Math.max(0, geometry.target.y2 - geometry.target.y1)}
              fill={`url(#${hatchId})`}
            />
            {[geometry.target.y1, geometry.target.y2].map((y, i) => (
              <line
                key={i}
                x1={plot.left}
                x2={plot.right}
                y1={y}
                y2={y}
                stroke={TARGET}
                strokeWidth={1.5}
                strokeDasharray="6 4"
              />
            ))}
          </g>
        )}

        {/* Outcome: a solid line (with gaps for periods not measured), circles and value labels. */}
        {geometry.linePath !== '' && (
          <path
            d={geometry.linePath}
            fill="none"
            stroke={INK}
            strokeWidth={2}
            strokeLinejoin="round"
            strokeLinecap="round"
          />
        )}
        {points.map((point, i) =>
          point.value === null ? (
            <text key={i} x={geometry.xs[i] ?? 0} y={plot.bottom - 8} textAnchor="middle" fill={MUTED} fontSize={11}>
              {words.missing}
            </text>
          ) : null,
        )}
        {points.map((point, i) => {
          const position = geometry.positions[i];
          if (!position || point.value === null) return null;
          const label = valueLabel(i, position.x, position.y);
          return (
            <g key={i}>
              <circle cx={position.x} cy={position.y} r={4.5} fill={INK} stroke="#ffffff" strokeWidth={1.5} />
              <text
                x={label.x}
                y={label.y}
                textAnchor={label.anchor}
                fill={INK}
                fontWeight={600}
                stroke="#ffffff"
                strokeWidth={3}
                strokeLinejoin="round"
                paintOrder="stroke"
              >
                {formatValue(point.value)}
              </text>
            </g>
          );
        })}
      </svg>

      <table className="w-full max-w-md border-collapse text-left text-sm">
        <caption className="pb-1 text-left font-medium text-slate-900">{words.value} per period</caption>
        <thead>
          <tr className="border-b border-slate-300 text-slate-700">
            <th scope="col" className="py-1.5 pr-3 font-semibold">
              Period
            </th>
            <th scope="col" className="py-1.5 text-right font-semibold">
              {unitOfMeasure ? `${words.value} (${unitOfMeasure})` : words.value}
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((point, i) => (
            <tr key={i} className="border-b border-slate-100">
              <th scope="row" className="py-1.5 pr-3 font-normal">
                {point.label}
              </th>
              <td className="py-1.5 text-right tabular-nums">
                {point.value === null ? (
                  <>
                    <span aria-hidden="true">–</span> <span className="text-slate-600">{words.missing}</span>
                  </>
                ) : (
                  formatValue(point.value)
                )}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </figure>
  );
}
