// The Swedish words for a structured target (målvärde): the comparator names the
// administration shows, and a suggested display label ("Lägre än 5,00") that the admin
// may accept or rewrite. The label is only ever shown; targets are judged from the data.
import type { Comparator, Direction, Target } from './target';
import { formatNumber } from './swedish-number';

export const COMPARATORS: readonly Comparator[] = ['lt', 'lte', 'gt', 'gte', 'eq', 'between', 'not_worse'];

const COMPARATOR_LABELS: Record<Comparator, string> = {
  lt: 'Lägre än',
  lte: 'Högst',
  gt: 'Högre än',
  gte: 'Minst',
  eq: 'Lika med',
  between: 'Inom intervall',
  not_worse: 'Inte sämre än föregående år',
};

const DIRECTION_LABELS: Record<Direction, string> = {
  higher: 'Högre är bättre',
  lower: 'Lägre är bättre',
};

export function comparatorLabel(comparator: Comparator): string {
  return COMPARATOR_LABELS[comparator];
}

export function directionLabel(direction: Direction): string {
  return DIRECTION_LABELS[direction];
}

const present = (n: number | null): n is number => n !== null && Number.isFinite(n);

/**
 * A suggested display label for a target, with the indicator's number of decimals:
 * lt 5 with 2 decimals → "Lägre än 5,00"; between 3 and 5 → "Mellan 3 och 5".
 * Empty when the target lacks the numbers it needs.
 */
export function suggestTargetLabel(target: Omit<Target, 'tolerance'>, decimals: number): string {
  const n = (x: number) => formatNumber(x, decimals);
  switch (target.comparator) {
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
    case 'eq':
      return present(target.value) ? `${COMPARATOR_LABELS[target.comparator]} ${n(target.value)}` : '';
    case 'between':
      return present(target.low) && present(target.high) ? `Mellan ${n(target.low)} och ${n(target.high)}` : '';
    case 'not_worse':
      return (target.direction ?? 'higher') === 'lower'
        ? 'Samma nivå som föregående år eller lägre'
        : 'Samma nivå som föregående år eller högre';
  }
}
