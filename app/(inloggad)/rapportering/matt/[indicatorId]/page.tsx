import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { getIndicatorReport } from '@/db/indicator-values';
import { periodIdFromQuery } from '@/db/queries/overview';
import { readOnlyReason } from '@/lib/lock-reason';
import { requireUser } from '@/server/session';
import { parseId } from '@/lib/route-params';
import { colourLabel } from '@/lib/colour';
import { formatOutcome } from '@/lib/swedish-number';
import { trendLabel } from '@/lib/trend';
import { ReportingBreadcrumb } from '@/components/breadcrumb';
import { EarlierValues } from '@/components/earlier-values';
import { IndicatorValueForm } from '@/components/indicator-value-form';
import { Markdown } from '@/components/markdown';
import { ReadOnlyNotice } from '@/components/read-only-notice';
import { SendBackForm } from '@/components/send-back-form';
import { SentBackNotice } from '@/components/sent-back-notice';
import { listOpenRevisionsOfItem } from '@/db/revisions';
import { can } from '@/lib/policy';
import { saveIndicatorValueForm } from './actions';
import { sendBackForm } from '../../actions';
import { formatDateTime } from '@/lib/time-format';

export const metadata: Metadata = { title: 'Rapportera mått' };

export default async function IndicatorReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ indicatorId: string }>;
  searchParams: Promise<{ period?: string }>;
}) {
  const user = await requireUser();
  const db = await getDb();
  const indicatorId = parseId((await params).indicatorId);
  const periodId = await periodIdFromQuery(db, user, (await searchParams).period);
  if (!indicatorId || !periodId) notFound();
  // Independent reads in one round trip (issue 19); the requests are the period's and the
  // indicator's own, so they wait for nothing the report finds.
  const [report, sentBack] = await Promise.all([
    getIndicatorReport(db, user, indicatorId, periodId).catch(notFoundOrThrow),
    listOpenRevisionsOfItem(db, user, periodId, 'indicator', indicatorId),
  ]);
  const { indicator, period, latest } = report;

  return (
    <>
      <ReportingBreadcrumb periodId={period.id} here="Mått" />
      <h1 className="mt-2 text-2xl font-semibold">{indicator.name}</h1>
      <p className="mt-1 text-slate-700">
        {period.label} · {indicator.goalTitle} · Ansvarig: {indicator.responsibleUnitName}
      </p>

      <div className="mt-6 grid grid-cols-[minmax(0,1fr)] gap-6 md:grid-cols-[minmax(0,1fr)_16rem]">
        <section aria-label="Rapportering" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <SentBackNotice requests={sentBack} canAnswer={report.canReport} />
          {report.canReport ? (
            <IndicatorValueForm report={report} save={saveIndicatorValueForm} />
          ) : (
            <>
              <ReadOnlyNotice
                reason={
                  report.due || !report.live
                    ? readOnlyReason({ live: report.live, locked: report.locked, periodState: period.state, responsible: indicator.responsibleUnitName })
                    : 'Måttet ska inte rapporteras i den här perioden.'
                }
              />
              {latest ? (
                <dl className="mt-4 space-y-2">
                  <div>
                    <dt className="font-medium">Utfall</dt>
                    <dd className="tabular-nums">{formatOutcome(latest.outcome, indicator.decimals)}</dd>
                  </div>
                  <div>
                    <dt className="font-medium">Måluppfyllelse</dt>
                    <dd>{colourLabel(latest.chosenColour ?? latest.computedColour)}</dd>
                  </div>
                  <div>
                    <dt className="font-medium">Trend</dt>
                    <dd>
                      {latest.chosenTrend ?? latest.computedTrend
                        ? trendLabel((latest.chosenTrend ?? latest.computedTrend)!)
                        : 'Ingen trend'}
                    </dd>
                  </div>
                  {latest.analysis && (
                    <div>
                      <dt className="font-medium">Analys</dt>
                      <dd>
                        <Markdown>{latest.analysis}</Markdown>
                      </dd>
                    </div>
                  )}
                </dl>
              ) : (
                <p className="mt-4">Inget är rapporterat för perioden.</p>
              )}
            </>
          )}
        </section>
        <aside aria-label="Jämförelse" className="space-y-4">
          <EarlierValues
            targetLabel={indicator.targetLabel}
            decimals={indicator.decimals}
            rows={[
              { title: 'Föregående period', value: report.previousPeriod, empty: 'Ingen tidigare period i år' },
              { title: 'Samma period förra året', value: report.lastYear, empty: 'Inget värde förra året' },
              ...(report.earlier && report.earlier !== report.lastYear
                ? [{ title: 'Jämförs med', value: report.earlier, empty: '' }]
                : []),
            ]}
          />
          {latest && (
            <p className="text-sm text-slate-700">
              Senast sparad av {latest.authorName},{' '}
              {formatDateTime(latest.createdAt)}{' '}
              (version {latest.seq}).
            </p>
          )}
          <p>
            <Link href={`/historik/matt/${indicator.id}`} className="text-blue-800 underline">
              Visa historik och diagram
            </Link>
          </p>
        </aside>
      </div>
      {latest &&
        can(user, 'send_back', {
          kind: 'value',
          organizationId: user.organizationId,
          unitIds: [indicator.responsibleUnitId],
          locked: report.locked,
        }) && (
          <div className="mt-6">
            <SendBackForm
              action={sendBackForm}
              itemKind="indicator"
              itemId={indicator.id}
              periodId={period.id}
              units={[{ id: indicator.responsibleUnitId, name: indicator.responsibleUnitName }]}
            />
          </div>
        )}
    </>
  );
}
