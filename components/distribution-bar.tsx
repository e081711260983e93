import { COLOURS, colourLabel, colourSymbol, type Colour } from '@/lib/colour';

const FILL: Record<Colour, string> = {
  green: 'bg-green-600',
  yellow: 'bg-amber-400',
  red: 'bg-red-600',
  grey: 'bg-slate-300',
};

/** Goals by colour as a bar, with the counts written out beside it (the text is the alternative). */
export function DistributionBar({ counts, label }: { counts: Record<Colour, number>; label: string }) {
  const total = COLOURS.reduce((sum, c) => sum + counts[c], 0);
  const text = COLOURS.filter((c) => counts[c] > 0)
    .map((c) => `${colourLabel(c)}: ${counts[c]}`)
    .join(', ');
  return (
    <div>
      {total > 0 && (
        <div role="img" aria-label={`${label}: ${text}`} className="flex h-4 w-full max-w-md overflow-hidden rounded border border-slate-400">
          {COLOURS.filter((c) => counts[c] > 0).map((c) => (
            <span
              key={c}
              className={`${FILL[c]} flex items-center justify-center border-r border-white text-[10px] font-bold leading-none text-white last:border-r-0`}
              style={{ width: `${(counts[c] / total) * 100}%` }}
            >
              <span aria-hidden="true" className={c === 'yellow' || c === 'grey' ? 'text-slate-900' : ''}>
                {colourSymbol(c)}
              </span>
            </span>
          ))}
        </div>
      )}
      <ul className="mt-1 flex flex-wrap gap-x-4 text-sm" aria-label={label}>
        {COLOURS.map((c) => (
          <li key={c}>
            <span aria-hidden="true">{colourSymbol(c)} </span>
            {colourLabel(c)}: {counts[c]}
          </li>
        ))}
      </ul>
    </div>
  );
}
