// Status of an assignment (uppdrag), derived from the statuses its responsible units report.

export type ReportStatus = 'not_started' | 'in_progress' | 'done' | 'cancelled';

const LABELS: Record<ReportStatus, string> = {
  not_started: 'Ej påbörjat',
  in_progress: 'Pågår',
  done: 'Genomfört',
  cancelled: 'Avfört',
};

export const OVERDUE_LABEL = 'Försenat';
/** The monitor's separate signal for the current open period: late today, not at the period's end. */
export const OVERDUE_TODAY_LABEL = 'Försenat i dag';

export function reportStatusLabel(s: ReportStatus): string {
  return LABELS[s];
}

// How far a unit has come; null (no status reported) is the least advanced.
const PROGRESS_ORDER: (ReportStatus | null)[] = [null, 'not_started', 'in_progress', 'done'];

/**
 * One entry per responsible unit (null: that unit has not reported a status).
 * Any 'cancelled' → 'cancelled'; no units → null; otherwise the least advanced status,
 * so all 'done' → 'done' and any null → null.
 */
export function assignmentStatus(unitStatuses: (ReportStatus | null)[]): ReportStatus | null {
  if (unitStatuses.includes('cancelled')) return 'cancelled';
  if (unitStatuses.length === 0) return null;
  const least = Math.min(...unitStatuses.map((s) => PROGRESS_ORDER.indexOf(s)));
  return PROGRESS_ORDER[least] ?? null;
}

/**
 * "Försenat" is derived, never chosen: a due date is set, today is past it, and the assignment
 * is neither done nor cancelled. Dates are ISO 'YYYY-MM-DD' strings, which compare as text.
 */
export function isOverdue(status: ReportStatus | null, dueDate: string | null, today: string): boolean {
  if (dueDate === null) return false;
  if (status === 'done' || status === 'cancelled') return false;
  return today > dueDate;
}

/**
 * The day a period's views and its report judge "Försenat" on: the period's end date (a
 * report for delår 2024 says what was true on 2024-08-31, whenever it is read), or today
 * while the period has not ended yet.
 */
export function overdueDay(period: { endDate: string }, today: string): string {
  return period.endDate < today ? period.endDate : today;
}

/**
 * "Försenat i dag": only for an open period (the one still being reported on), the assignment
 * is late as of today but was not yet late at the period's end, so the period's own "Försenat"
 * (overdueDay) does not say it. A separate, labelled signal; never part of the period's views
 * or its report.
 */
export function isOverdueTodayOnly(
  status: ReportStatus | null,
  dueDate: string | null,
  period: { endDate: string; state: string },
  today: string,
): boolean {
  if (period.state !== 'open') return false;
  return isOverdue(status, dueDate, today) && !isOverdue(status, dueDate, overdueDay(period, today));
}
