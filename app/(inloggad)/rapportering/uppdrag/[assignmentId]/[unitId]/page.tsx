import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { getAssignmentReport } from '@/db/assignment-reports';
import { periodIdFromQuery } from '@/db/queries/overview';
import { requireUser } from '@/server/session';
import { parseId } from '@/lib/route-params';
import { readOnlyReason } from '@/lib/lock-reason';
import { ReportingBreadcrumb } from '@/components/breadcrumb';
import { AssignmentReportForm } from '@/components/assignment-report-form';
import { AssignmentFacts } from '@/components/assignment-facts';
import { AssignmentReportCard } from '@/components/assignment-report-card';
import { ReadOnlyNotice } from '@/components/read-only-notice';
import { SendBackForm } from '@/components/send-back-form';
import { SentBackNotice } from '@/components/sent-back-notice';
import { listOpenRevisionsOfItem } from '@/db/revisions';
import { can } from '@/lib/policy';
import { saveAssignmentReportForm } from './actions';
import { sendBackForm } from '../../../actions';

export const metadata: Metadata = { title: 'Återrapportera uppdrag' };

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
      <AssignmentFacts assignment={assignment} units={assignment.units} periodLabel={period.label} />

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
                {data.latest ? <AssignmentReportCard report={data.latest} title={period.label} /> : <p>Ingen återrapportering för perioden.</p>}
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
            <AssignmentReportCard key={r.periodId} report={r} title={r.periodLabel} />
          ))}
          {data.others.length > 0 && <h2 className="pt-2 font-semibold">Övriga ansvarigas rapporter</h2>}
          {data.others.map((r) => (
            <AssignmentReportCard key={r.unitId} report={r} title={r.unitName} />
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
