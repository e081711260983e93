import type { Trend } from '@/lib/trend';
import { trendArrow, trendLabel } from '@/lib/trend';

/** The trend as an arrow with its meaning as the accessible name (and a tooltip). */
export function TrendArrow({ trend }: { trend: Trend | null }) {
  if (!trend) {
    return (
      <span className="text-slate-600" role="img" aria-label="Ingen trend: inget tidigare värde">
        –
      </span>
    );
  }
  const label = trendLabel(trend);
  return (
    <span role="img" aria-label={label} title={label} className="text-lg font-semibold leading-none">
      {trendArrow(trend)}
    </span>
  );
}
