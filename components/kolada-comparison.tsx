// The kommun against the län's median and "liknande kommuner" over the years (Kolada's own
// values), as a line chart and, below it, the same figures as a table. Every series has its
// own line style, marker shape and word, so colour never carries the meaning alone.
import { useId } from 'react';
import { scaleLinear } from 'd3-scale';
import type { Comparison } from '@/lib/kolada-comparison';
import { formatNumber, formatOutcome } from '@/lib/swedish-number';

const WIDTH = 640;
const HEIGHT = 260;
const PAD = { top: 64, right: 24, bottom: 36, left: 56 };

type Key = 'kommun' | 'countyMedian' | 'groupMedian';

const STYLE: Record<Key, { stroke: string; dash?: string; marker: 'circle' | 'square' | 'triangle' }> = {
  kommun: { stroke: '#0f172a', marker: 'circle' },
  countyMedian: { stroke: '#1d4ed8', dash: '6 4', marker: 'square' },
  groupMedian: { stroke: '#9a3412', dash: '2 3', marker: 'triangle' },
};

function Marker({ kind, x, y, fill }: { kind: 'circle' | 'square' | 'triangle'; x: number; y: number; fill: string }) {
  if (kind === 'circle') return <circle cx={x} cy={y} r={4} fill={fill} />;
  if (kind === 'square') return <rect x={x - 4} y={y - 4} width={8} height={8} fill={fill} />;
  return <path d={`M${x},${y - 5} L${x + 5},${y + 4} L${x - 5},${y + 4} Z`} fill={fill} />;
}

export function KoladaComparison({ comparison, decimals }: { comparison: Comparison; decimals: number }) {
  const id = useId().replace(/[^a-zA-Z0-9_-]/g, '');
  const { rows, kommunName, groupTitle } = comparison;
  const series: { key: Key; name: string }[] = [
    { key: 'kommun', name: kommunName },
    { key: 'countyMedian', name: 'Länets median' },
    ...(groupTitle ? [{ key: 'groupMedian' as const, name: `${groupTitle} (median)` }] : []),
  ];
  const values = rows.flatMap((r) => series.map((s) => r[s.key])).filter((v): v is number => v !== null);
  const lo = Math.min(0, ...values);
  const hi = Math.max(...values, 1);
  const y = scaleLinear().domain([lo, hi]).nice().range([HEIGHT - PAD.bottom, PAD.top]);
  const x = (i: number) => (rows.length === 1 ? (PAD.left + WIDTH - PAD.right) / 2 : PAD.left + (i * (WIDTH - PAD.left - PAD.right)) / (rows.length - 1));
  const format = (v: number | null) => formatOutcome(v, Math.max(decimals, 1));
  const description = rows
    .map((r) => `${r.year}: ${series.map((s) => `${s.name} ${r[s.key] === null ? 'saknas' : format(r[s.key])}`).join(', ')}`)
    .join('; ');

  return (
    <figure className="space-y-3">
      <figcaption className="font-medium text-slate-900">Jämförelse i Kolada: {kommunName}, länet och liknande kommuner</figcaption>
      <svg role="img" aria-labelledby={`${id}-t ${id}-d`} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} width="100%" className="block h-auto w-full" fontSize={12}>
        <title id={`${id}-t`}>Jämförelse i Kolada</title>
        <desc id={`${id}-d`}>{description}</desc>
        <g>
          {/* One legend row per series: long group names never run out of the picture. */}
          {series.map((s, i) => {
            const lx = PAD.left;
            const ly = 10 + i * 16;
            return (
              <g key={s.key}>
                <line x1={lx} x2={lx + 24} y1={ly} y2={ly} stroke={STYLE[s.key].stroke} strokeWidth={2} strokeDasharray={STYLE[s.key].dash} />
                <Marker kind={STYLE[s.key].marker} x={lx + 12} y={ly} fill={STYLE[s.key].stroke} />
                <text x={lx + 30} y={ly} dy="0.32em" fill={STYLE[s.key].stroke}>
                  {s.name.length > 70 ? `${s.name.slice(0, 69)}…` : s.name}
                </text>
              </g>
            );
          })}
        </g>
        {y.ticks(5).map((t) => (
          <g key={t}>
            <line x1={PAD.left} x2={WIDTH - PAD.right} y1={y(t)} y2={y(t)} stroke="#e2e8f0" />
            <text x={PAD.left - 8} y={y(t)} dy="0.32em" textAnchor="end" fill="#475569">
              {formatNumber(t)}
            </text>
          </g>
        ))}
        {rows.map((r, i) => (
          <text key={r.year} x={x(i)} y={HEIGHT - PAD.bottom + 18} textAnchor="middle" fill="#475569">
            {r.year}
          </text>
        ))}
        {series.map((s) => {
          const pts = rows.map((r, i) => ({ x: x(i), v: r[s.key] })).filter((p): p is { x: number; v: number } => p.v !== null);
          return (
            <g key={s.key}>
              {pts.length > 1 && (
                <polyline
                  points={pts.map((p) => `${p.x},${y(p.v)}`).join(' ')}
                  fill="none"
                  stroke={STYLE[s.key].stroke}
                  strokeWidth={2}
                  strokeDasharray={STYLE[s.key].dash}
                />
              )}
              {pts.map((p) => (
                <Marker key={p.x} kind={STYLE[s.key].marker} x={p.x} y={y(p.v)} fill={STYLE[s.key].stroke} />
              ))}
            </g>
          );
        })}
      </svg>
      <div role="region" aria-label="Jämförelsen som tabell" tabIndex={0} className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <caption className="sr-only">Jämförelse i Kolada per år</caption>
          <thead>
            <tr className="border-b border-slate-300">
              <th scope="col" className="px-2 py-1 font-semibold">År</th>
              {series.map((s) => (
                <th key={s.key} scope="col" className="px-2 py-1 font-semibold">{s.name}</th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.year} className="border-b border-slate-100">
                <th scope="row" className="px-2 py-1 font-medium">{r.year}</th>
                {series.map((s) => (
                  <td key={s.key} className="px-2 py-1">{format(r[s.key])}</td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </figure>
  );
}
