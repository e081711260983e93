// Targets (målvärden) and how an outcome is judged against one: the colour rule of DESIGN.md.
import type { Colour } from '@/lib/colour';

export type Comparator = 'lt' | 'lte' | 'gt' | 'gte' | 'eq' | 'between' | 'not_worse';

/** Which way is better; used by `not_worse`. */
export type Direction = 'higher' | 'lower';

export interface Target {
  comparator: Comparator;
  /** Used by lt, lte, gt, gte and eq. */
  value: number | null;
  /** Used by between. */
  low: number | null;
  high: number | null;
  /** Used by not_worse; null means 'higher'. */
  direction: Direction | null;
  /** Yellow band in the indicator's own unit; null means no yellow band (green or red only). */
  tolerance: number | null;
}

/** Float comparisons allow this much, so that 0.1 + 0.2 style errors never change a colour. */
export const EPSILON = 1e-9;

function isMissing(n: number | null): n is null {
  return n === null || !Number.isFinite(n);
}

/** A Swedish error message for a malformed target, or null when it is usable. */
export function validateTarget(target: Target): string | null {
  switch (target.comparator) {
    case 'lt':
    case 'lte':
    case 'gt':
    case 'gte':
    case 'eq':
      if (isMissing(target.value)) return 'Ange ett målvärde.';
      break;
    case 'between':
      if (isMissing(target.low) || isMissing(target.high)) {
        return 'Ange både lägsta och högsta värde.';
      }
      if (target.low > target.high) return 'Lägsta värdet får inte vara högre än det högsta.';
      break;
    case 'not_worse':
      break;
  }
  if (target.tolerance !== null && !(target.tolerance >= 0)) {
    return 'Toleransen får inte vara negativ.';
  }
  return null;
}

function assertValid(target: Target): void {
  const error = validateTarget(target);
  if (error !== null) throw new Error(`Invalid target (${target.comparator}): ${error}`);
}

/** The direction in which an outcome gets better. */
export function betterDirection(target: Target): 'higher' | 'lower' | 'closer' {
  switch (target.comparator) {
    case 'lt':
    case 'lte':
      return 'lower';
    case 'gt':
    case 'gte':
      return 'higher';
    case 'eq':
    case 'between':
      return 'closer';
    case 'not_worse':
      return target.direction ?? 'higher';
  }
}

/**
 * How far `x` lies from an `eq` value or outside a `between` range (0 inside it).
 * Throws for other comparators and for malformed targets.
 */
export function distanceFromTarget(target: Target, x: number): number {
  assertValid(target);
  if (target.comparator === 'eq') return Math.abs(x - (target.value as number));
  if (target.comparator === 'between') {
    return Math.max((target.low as number) - x, x - (target.high as number), 0);
  }
  throw new Error(`distanceFromTarget: comparator ${target.comparator} has no distance`);
}

/**
 * How much the outcome misses the target by (negative or zero when it is beaten), and whether
 * the target is met. Null when it cannot be judged (not_worse without a previous value).
 * Assumes a valid target.
 */
function judge(
  target: Target,
  outcome: number,
  previous: number | null,
): { met: boolean; miss: number } | null {
  const value = target.value as number;
  switch (target.comparator) {
    case 'lt': // equal to the value is a miss of 0
      return { met: outcome - value < -EPSILON, miss: outcome - value };
    case 'lte':
      return { met: outcome - value <= EPSILON, miss: outcome - value };
    case 'gt': // equal to the value is a miss of 0
      return { met: value - outcome < -EPSILON, miss: value - outcome };
    case 'gte':
      return { met: value - outcome <= EPSILON, miss: value - outcome };
    case 'eq':
    case 'between': {
      const miss = distanceFromTarget(target, outcome);
      return { met: miss <= EPSILON, miss };
    }
    case 'not_worse': {
      if (previous === null) return null;
      const miss = betterDirection(target) === 'lower' ? outcome - previous : previous - outcome;
      return { met: miss <= EPSILON, miss };
    }
  }
}

/**
 * The computed colour of an outcome against its target.
 * - No outcome: grey (ej mätt).
 * - not_worse with no previous value to compare with cannot be judged: grey.
 * - Met: green. Missed by at most the tolerance: yellow. Otherwise (or no tolerance): red.
 * Throws for a malformed target (see validateTarget).
 */
export function evaluateTarget(
  target: Target,
  outcome: number | null,
  previous: number | null = null,
): Colour {
  assertValid(target);
  if (outcome === null) return 'grey';
  const judgement = judge(target, outcome, previous);
  if (judgement === null) return 'grey';
  if (judgement.met) return 'green';
  if (target.tolerance !== null && judgement.miss <= target.tolerance + EPSILON) return 'yellow';
  return 'red';
}
