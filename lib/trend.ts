// Trend: whether an outcome is better, the same or worse than an earlier one.
// It compares goodness, not numbers: sick leave falling is 'better'.
import { betterDirection, distanceFromTarget, EPSILON, type Target } from '@/lib/target';

export type Trend = 'better' | 'same' | 'worse';

/** A number that grows as the outcome gets better. */
function goodness(target: Target, x: number): number {
  switch (betterDirection(target)) {
    case 'higher':
      return x;
    case 'lower':
      return -x;
    case 'closer':
      return -distanceFromTarget(target, x);
  }
}

/**
 * Compares `current` with `earlier` (same period kind last year, or the baseline).
 * 'same' when the difference in values (or in distances, for eq/between) is within
 * `trendTolerance` (null means 0). Null when either value is missing.
 */
export function computeTrend(
  target: Target,
  current: number | null,
  earlier: number | null,
  trendTolerance: number | null,
): Trend | null {
  if (current === null || earlier === null) return null;
  const gain = goodness(target, current) - goodness(target, earlier);
  if (Math.abs(gain) <= (trendTolerance ?? 0) + EPSILON) return 'same';
  return gain > 0 ? 'better' : 'worse';
}

const LABELS: Record<Trend, string> = {
  better: 'Bättre än året innan',
  same: 'Oförändrat jämfört med året innan',
  worse: 'Sämre än året innan',
};

const ARROWS: Record<Trend, string> = {
  better: '↑',
  same: '→',
  worse: '↓',
};

export function trendLabel(t: Trend): string {
  return LABELS[t];
}

export function trendArrow(t: Trend): string {
  return ARROWS[t];
}
