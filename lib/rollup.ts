// A focus area's (målområde's) rollup: how its goals and assignments are distributed.
import { COLOURS, type Colour } from '@/lib/colour';
import type { ReportStatus } from '@/lib/assignment-status';

export interface FocusAreaRollup {
  goals: Record<Colour, number>;
  total: number;
  /** Green goals. */
  met: number;
  /** "n av m mål uppfyllda". */
  metText: string;
  /** Assignments by status; 'none' counts assignments with no status yet. */
  assignments: Record<ReportStatus | 'none', number>;
  overdue: number;
}

export function focusAreaRollup(
  goalColours: Colour[],
  assignments: { status: ReportStatus | null; overdue: boolean }[],
): FocusAreaRollup {
  const goals = Object.fromEntries(COLOURS.map((c) => [c, 0])) as Record<Colour, number>;
  for (const colour of goalColours) goals[colour] += 1;

  const byStatus: Record<ReportStatus | 'none', number> = {
    not_started: 0,
    in_progress: 0,
    done: 0,
    cancelled: 0,
    none: 0,
  };
  for (const a of assignments) byStatus[a.status ?? 'none'] += 1;

  const total = goalColours.length;
  const met = goals.green;
  return {
    goals,
    total,
    met,
    metText: `${met} av ${total} mål uppfyllda`,
    assignments: byStatus,
    overdue: assignments.filter((a) => a.overdue).length,
  };
}

/** Change in met goals against last year; null when there is no rollup for last year. */
export function rollupChange(
  current: FocusAreaRollup,
  previous: FocusAreaRollup | null,
): { metDelta: number | null } {
  return { metDelta: previous === null ? null : current.met - previous.met };
}

/**
 * The sentence on the change against last year: "↑ 2 fler uppfyllda mål än Delår 2023 (1).",
 * "→ Lika många uppfyllda mål som Delår 2023 (3)."; null when there is nothing to compare.
 */
export function metChangeText(met: number, lastYearMet: number | null, lastYearLabel: string | null): string | null {
  if (lastYearMet === null) return null;
  const delta = met - lastYearMet;
  if (delta === 0) return `→ Lika många uppfyllda mål som ${lastYearLabel} (${lastYearMet}).`;
  return `${delta > 0 ? '↑' : '↓'} ${Math.abs(delta)} ${delta > 0 ? 'fler' : 'färre'} uppfyllda mål än ${lastYearLabel} (${lastYearMet}).`;
}
