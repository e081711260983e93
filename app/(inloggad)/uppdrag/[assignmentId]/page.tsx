import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { getAssignmentPage, type AssignmentPageUnitDTO } from '@/db/assignment-monitor';
import { listPeriods, periodIdFromQuery } from '@/db/queries/overview';
import { requireUser } from '@/server/session';
import { parseId } from '@/lib/route-params';
import type { PeriodState } from '@/lib/period';
import { readOnlyReason } from '@/lib/lock-reason';
import { PeriodSelect, PickerForm } from '@/components/period-picker';
import { AssignmentStatusLabel } from '@/components/assignment-status-label';
import { AssignmentFacts } from '@/components/assignment-facts';
import { AssignmentReportCard } from '@/components/assignment-report-card';
import { Breadcrumb } from '@/components/breadcrumb';
import { SendBackForm } from '@/components/send-back-form';
import { SentBackNotice, type SentBackNoticeItem } from '@/components/sent-back-notice';
import { listOpenRevisionsOfItem } from '@/db/revisions';
import { sendBackForm } from '../../rapportering/actions';

export const metadata: Metadata = { title: 'Uppdrag' };

function UnitSection({
  unit,
  assignmentId,
  periodId,
  periodName,
  periodState,
  sentBack,
}: {
  unit: AssignmentPageUnitDTO;
  assignmentId: string;
  periodId: string;
  periodName: string;
  periodState: PeriodState;
  /** The director's requests for revision that stand for this unit's report. */
  sentBack: SentBackNoticeItem[];
}) {
  const headingId = `enhet-${unit.id}`;
  const [latest, ...older] = unit.reports;
  return (
    <section aria-labelledby={headingId} className="rounded-lg border border-slate-200 bg-slate-50 p-4">
      <div className="flex flex-wrap items-start justify-between gap-2">
        <div>
          <h3 id={headingId} className="text-lg font-semibold">
            {unit.name}
          </h3>
          <p className="text-sm">
            Status i perioden: <AssignmentStatusLabel status={unit.status} overdue={unit.overdue} overdueToday={unit.overdueToday} />
          </p>
        </div>
        {unit.canReport ? (
          <Link
            href={`/rapportering/uppdrag/${assignmentId}/${unit.id}?period=${periodId}`}
            className="rounded bg-blue-800 px-3 py-2 text-sm font-medium text-white hover:bg-blue-900"
          >
            Rapportera<span className="sr-only"> för {unit.name}</span>
          </Link>
        ) : (
          unit.locked && (
            <p className="text-sm text-slate-700">
              {readOnlyReason({ locked: true, periodState, responsible: unit.name })}
            </p>
          )
        )}
      </div>

      <div className="mt-3 space-y-3">
        <SentBackNotice requests={sentBack} canAnswer={unit.canReport} />
        {latest ? (
          <AssignmentReportCard level="h4" report={latest} title={`Återrapportering, ${periodName}${older.length ? ' (senaste versionen)' : ''}`} />
        ) : (
          <p className="text-sm">Ingen återrapportering i {periodName.toLowerCase()}.</p>
        )}
        {older.length > 0 && (
          <details className="rounded border border-slate-200 bg-white p-3">
            <summary className="cursor-pointer text-sm font-medium">
              Tidigare versioner i {periodName.toLowerCase()} ({older.length})
            </summary>
            <div className="mt-2 space-y-2">
              {older.map((r) => (
                <AssignmentReportCard key={r.seq} report={r} title={`Version ${r.seq}`} level="h5" />
              ))}
            </div>
          </details>
        )}
        <div>
          <h4 className="text-sm font-semibold">Tidigare perioder</h4>
          {unit.earlier.length === 0 ? (
            <p className="text-sm text-slate-700">Ingen återrapportering i tidigare perioder.</p>
          ) : (
            <ul className="mt-2 space-y-2">
              {unit.earlier.map((r) => (
                <li key={r.periodId}>
                  <AssignmentReportCard report={r} title={r.periodLabel} level="h5" />
                </li>
              ))}
            </ul>
          )}
        </div>
        {unit.canSendBack && (
          <SendBackForm
            action={sendBackForm}
            itemKind="assignment"
            itemId={assignmentId}
            periodId={periodId}
            units={[{ id: unit.id, name: unit.name }]}
          />
        )}
      </div>
    </section>
  );
}

export default async function AssignmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ assignmentId: string }>;
  searchParams: Promise<{ period?: string | string[] }>;
}) {
  const user = await requireUser();
  const db = await getDb();
  const assignmentId = parseId((await params).assignmentId);
  const rawPeriod = (await searchParams).period;
  const periodId = await periodIdFromQuery(db, user, Array.isArray(rawPeriod) ? rawPeriod[0] : rawPeriod);
  if (!assignmentId || !periodId) notFound();
  const [data, periods] = await Promise.all([
    getAssignmentPage(db, user, assignmentId, periodId).catch(notFoundOrThrow),
    listPeriods(db, user),
  ]);
  const { assignment, period, units } = data;
  const sentBack = await listOpenRevisionsOfItem(db, user, period.id, 'assignment', assignment.id);

  return (
    <>
      <Breadcrumb trail={[{ href: `/uppdrag?period=${period.id}`, label: 'Uppdrag' }]} here="Uppdraget" />
      <h1 className="mt-2 text-2xl font-semibold">{assignment.title}</h1>
      {assignment.archived && <p className="mt-1 font-medium">Uppdraget är arkiverat.</p>}

      <PickerForm framed={false}>
        <PeriodSelect periods={periods} value={period.id} />
      </PickerForm>

      <AssignmentFacts
        assignment={assignment}
        units={units}
        periodLabel={period.label}
        overdueToday={assignment.overdueToday}
        groupLabel={assignment.groupLabel}
      />
      <p className="mt-4">
        <Link href={`/historik/uppdrag/${assignment.id}`} className="text-blue-800 underline">
          Visa alla versioner
        </Link>
      </p>

      <section aria-labelledby="aterrapportering" className="mt-6">
        <h2 id="aterrapportering" className="text-xl font-semibold">
          Återrapportering, {period.label}
        </h2>
        {units.length === 0 ? (
          <p className="mt-2">Uppdraget har inga ansvariga enheter.</p>
        ) : (
          <div className="mt-3 space-y-4">
            {units.map((u) => (
              <UnitSection
                key={u.id}
                unit={u}
                assignmentId={assignment.id}
                periodId={period.id}
                periodName={period.label}
                periodState={period.state}
                sentBack={sentBack.filter((r) => r.unitId === u.id)}
              />
            ))}
          </div>
        )}
      </section>
    </>
  );
}
