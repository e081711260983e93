// One återrapportering (a version of a unit's report on an assignment): its status (and the
// reason for a cancelled assignment), author and time, heading and text.
import type { ReportVersionDTO } from '@/db/assignment-reports';
import { reportStatusLabel } from '@/lib/assignment-status';
import { formatDateTime } from '@/lib/time-format';
import { Markdown } from './markdown';

export function AssignmentReportCard({ report, title, level = 'h3' }: { report: ReportVersionDTO; title: string; level?: 'h3' | 'h4' | 'h5' }) {
  const Heading = level;
  return (
    <article className="rounded border border-slate-200 bg-white p-3">
      <Heading className="text-sm font-semibold">{title}</Heading>
      <p className="text-xs text-slate-700">
        Status: {report.status ? reportStatusLabel(report.status) : 'ej angiven'}
        {report.cancelReason ? ` (skäl: ${report.cancelReason})` : ''} · {report.authorName}, {formatDateTime(report.createdAt)}
      </p>
      {report.heading && <p className="mt-2 font-medium">{report.heading}</p>}
      {report.body && (
        <div className="mt-1 text-sm">
          <Markdown>{report.body}</Markdown>
        </div>
      )}
    </article>
  );
}
