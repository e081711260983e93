import { OVERDUE_LABEL, reportStatusLabel, type ReportStatus } from '@/lib/assignment-status';

/** An assignment's status in words, and "⚠ Försenat" when overdue: never colour alone. */
export function AssignmentStatusLabel({ status, overdue }: { status: ReportStatus | null; overdue: boolean }) {
  return (
    <span className="inline-flex flex-wrap items-center gap-x-2 gap-y-1">
      <span>{status ? reportStatusLabel(status) : 'Ej angiven'}</span>
      {overdue && (
        <strong className="whitespace-nowrap rounded bg-red-100 px-1.5 py-0.5 text-sm font-semibold text-red-900">
          <span aria-hidden="true">⚠ </span>
          {OVERDUE_LABEL}
        </strong>
      )}
    </span>
  );
}
