// Goal attainment computed from the colours of a goal's indicators, by the goal's rule.
import type { Colour } from '@/lib/colour';

export type GoalRule = 'all' | 'majority' | 'manual';

function count(colours: Colour[], colour: Colour): number {
  return colours.filter((c) => c === colour).length;
}

/**
 * The suggested colour of a goal (DESIGN.md, goal rule table). Grey indicators are "not measured".
 * - all: grey if none measured; green if every indicator is measured and green; red if every
 *   measured indicator is red; otherwise yellow (so green + grey is yellow, red + grey is red).
 * - majority: grey if none measured; green if more than half of ALL indicators are green; red if
 *   more than half of all are red; otherwise yellow.
 * - manual: null, the reporter chooses.
 */
export function goalAttainment(rule: GoalRule, indicatorColours: Colour[]): Colour | null {
  if (rule === 'manual') return null;

  const total = indicatorColours.length;
  const green = count(indicatorColours, 'green');
  const red = count(indicatorColours, 'red');
  const measured = total - count(indicatorColours, 'grey');
  if (measured === 0) return 'grey';

  if (rule === 'all') {
    if (green === total) return 'green';
    if (red === measured) return 'red';
    return 'yellow';
  }

  if (green > total / 2) return 'green';
  if (red > total / 2) return 'red';
  return 'yellow';
}
