import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { getAssignmentReport, type ReportVersionDTO } from '@/db/assignment-reports';
import { periodIdFromQuery } from '@/db/queries/overview';
import { requireUser } from '@/server/session';
import { parseId } from '@/lib/route-params';
import { OVERDUE_LABEL, reportStatusLabel } from '@/lib/assignment-status';
import { formatDate } from '@/lib/period';
import { readOnlyReason } from '@/lib/lock-reason';
import { ReportingBreadcrumb } from '@/components/breadcrumb';
import { AssignmentReportForm } from '@/components/assignment-report-form';
import { Markdown } from '@/components/markdown';
import { ReadOnlyNotice } from '@/components/read-only-notice';
import { SendBackForm } from '@/components/send-back-form';
import { SentBackNotice } from '@/components/sent-back-notice';
import { listOpenRevisionsOfItem } from '@/db/revisions';
import { can } from '@/lib/policy';
import { saveAssignmentReportForm } from './actions';
import { sendBackForm } from '../../../actions';
import { formatDayOf } from '@/lib/time-format';

export const metadata: Metadata = { title: 'Återrapportera uppdrag' };

function Report({ report, title }: { report: ReportVersionDTO; title: string }) {
  return (
    <article className="rounded border border-slate-200 bg-white p-3">
      <h3 className="text-sm font-semibold">{title}</h3>
      <p className="text-xs text-slate-700">
        {report.status ? `${reportStatusLabel(report.status)} · ` : ''}
        {report.authorName}, {formatDayOf(report.createdAt)}
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

export default async function AssignmentReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ assignmentId: string; unitId: string }>;
  searchParams: Promise<{ period?: string }>;
}) {
  const user = await requireUser();
  const db = await getDb();
  const p = await params;
  const assignmentId = parseId(p.assignmentId);
  const unitId = parseId(p.unitId);
  const periodId = await periodIdFromQuery(db, user, (await searchParams).period);
  if (!assignmentId || !unitId || !periodId) notFound();
  const data = await getAssignmentReport(db, user, assignmentId, unitId, periodId).catch(notFoundOrThrow);
  const { assignment, period, unit } = data;
  const sentBack = (await listOpenRevisionsOfItem(db, user, period.id, 'assignment', assignment.id)).filter((r) => r.unitId === unit.id);

  return (
    <>
      <ReportingBreadcrumb periodId={period.id} here="Uppdrag" />
      <h1 className="mt-2 text-2xl font-semibold">{assignment.title}</h1>
      <dl className="mt-2 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <div>
          <dt className="inline font-medium">Uppdragsgivare: </dt>
          <dd className="inline">{assignment.issuerName}</dd>
        </div>
        {assignment.focusAreaName && (
          <div>
            <dt className="inline font-medium">Målområde: </dt>
            <dd className="inline">{assignment.focusAreaName}</dd>
          </div>
        )}
        {assignment.decisionDate && (
          <div>
            <dt className="inline font-medium">Beslutsdatum: </dt>
            <dd className="inline">{formatDate(assignment.decisionDate)}</dd>
          </div>
        )}
        {assignment.diaryNumber && (
          <div>
            <dt className="inline font-medium">Diarienummer: </dt>
            <dd className="inline">{assignment.diaryNumber}</dd>
          </div>
        )}
        <div>
          <dt className="inline font-medium">Slutdatum: </dt>
          <dd className="inline">{assignment.dueDate ? formatDate(assignment.dueDate) : 'Inget angivet'}</dd>
        </div>
        <div>
          <dt className="inline font-medium">Ansvariga: </dt>
          <dd className="inline">{assignment.units.map((u) => u.name).join(', ')}</dd>
        </div>
        <div>
          <dt className="inline font-medium">Status i perioden: </dt>
          <dd className="inline">
            {assignment.status ? reportStatusLabel(assignment.status) : 'Ej angiven'}
            {assignment.overdue && <strong className="ml-2 text-red-800">⚠ {OVERDUE_LABEL}</strong>}
          </dd>
        </div>
      </dl>
      {assignment.description && (
        <div className="mt-3 italic">
          <Markdown>{assignment.description}</Markdown>
        </div>
      )}

      <div className="mt-6 grid grid-cols-[minmax(0,1fr)] gap-6 md:grid-cols-[minmax(0,1fr)_20rem]">
        <section aria-labelledby="rapport" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="rapport" className="mb-3 text-lg font-semibold">
            Återrapportering från {unit.name}, {period.label}
          </h2>
          <SentBackNotice requests={sentBack} canAnswer={data.canReport} />
          {data.canReport ? (
            <AssignmentReportForm data={data} save={saveAssignmentReportForm} />
          ) : (
            <>
              <ReadOnlyNotice reason={readOnlyReason({ live: data.live, locked: data.locked, periodState: period.state, responsible: unit.name })} />
              <div className="mt-3">
                {data.latest ? <Report report={data.latest} title={period.label} /> : <p>Ingen återrapportering för perioden.</p>}
              </div>
            </>
          )}
        </section>
        <aside aria-label="Tidigare och andra rapporter" className="space-y-3">
          <p>
            <Link href={`/historik/uppdrag/${assignment.id}`} className="text-blue-800 underline">
              Visa alla versioner
            </Link>
          </p>
          <h2 className="font-semibold">Tidigare återrapporteringar</h2>
          {data.earlier.length === 0 && <p className="text-sm text-slate-700">Inga tidigare perioder.</p>}
          {data.earlier.map((r) => (
            <Report key={r.periodId} report={r} title={r.periodLabel} />
          ))}
          {data.others.length > 0 && <h2 className="pt-2 font-semibold">Övriga ansvarigas rapporter</h2>}
          {data.others.map((r) => (
            <Report key={r.unitId} report={r} title={r.unitName} />
          ))}
        </aside>
      </div>
      {can(user, 'send_back', { kind: 'report', organizationId: user.organizationId, unitIds: [unit.id], locked: data.locked }) && (
        <div className="mt-6">
          <SendBackForm action={sendBackForm} itemKind="assignment" itemId={assignment.id} periodId={period.id} units={[unit]} />
        </div>
      )}
    </>
  );
}
