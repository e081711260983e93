import type { Colour } from '@/lib/colour';
import { colourLabel, colourSymbol } from '@/lib/colour';

const STYLES: Record<Colour, string> = {
  green: 'bg-green-100 text-green-900 ring-green-700/40',
  yellow: 'bg-amber-100 text-amber-900 ring-amber-700/40',
  red: 'bg-red-100 text-red-900 ring-red-700/40',
  grey: 'bg-slate-100 text-slate-800 ring-slate-500/40',
};

/** A colour with its symbol and word: the colour never carries the meaning alone. */
export function StatusBadge({ colour, prefix }: { colour: Colour; prefix?: string }) {
  const label = colourLabel(colour);
  return (
    <span
      className={`inline-flex items-center gap-1.5 whitespace-nowrap rounded-full px-2.5 py-0.5 text-sm font-medium ring-1 ring-inset ${STYLES[colour]}`}
    >
      <span aria-hidden="true">{colourSymbol(colour)}</span>
      <span>{prefix ? `${prefix}: ${label}` : label}</span>
    </span>
  );
}
