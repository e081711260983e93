import { OVERDUE_LABEL, OVERDUE_TODAY_LABEL, reportStatusLabel, type ReportStatus } from '@/lib/assignment-status';

/**
 * An assignment's status in words, "⚠ Försenat" when overdue at the period's end, and, in the
 * monitor of the current open period, "Försenat i dag" when late today only: never colour alone.
 */
export function AssignmentStatusLabel({
  status,
  overdue,
  overdueToday = false,
}: {
  status: ReportStatus | null;
  overdue: boolean;
  overdueToday?: boolean;
}) {
  const label = status ? reportStatusLabel(status) : 'Ej angiven';
  // Most rows of a list are not late: their status is the words alone, no wrapper (issue 19).
  if (!overdue && !overdueToday) return label;
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      {label}
      {overdue && (
        <strong className="whitespace-nowrap rounded bg-red-100 px-1.5 py-0.5 text-sm font-semibold text-red-900">
          <span aria-hidden="true">⚠ </span>
          {OVERDUE_LABEL}
        </strong>
      )}
      {overdueToday && (
        <strong className="whitespace-nowrap rounded border border-amber-700 bg-amber-50 px-1.5 py-0.5 text-sm font-semibold text-amber-900">
          {OVERDUE_TODAY_LABEL}
        </strong>
      )}
    </span>
  );
}
