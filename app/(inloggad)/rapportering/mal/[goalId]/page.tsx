import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { getGoalAssessment } from '@/db/goal-assessments';
import { periodIdFromQuery } from '@/db/queries/overview';
import { requireUser } from '@/server/session';
import { parseId } from '@/lib/route-params';
import { colourLabel } from '@/lib/colour';
import { readOnlyReason } from '@/lib/lock-reason';
import { ReportingBreadcrumb } from '@/components/breadcrumb';
import { GoalAssessmentForm } from '@/components/goal-assessment-form';
import { Markdown } from '@/components/markdown';
import { ReadOnlyNotice } from '@/components/read-only-notice';
import { SendBackForm } from '@/components/send-back-form';
import { SentBackNotice } from '@/components/sent-back-notice';
import { listOpenRevisionsOfItem } from '@/db/revisions';
import { can } from '@/lib/policy';
import { StatusBadge } from '@/components/status-badge';
import { saveGoalAssessmentForm } from './actions';
import { sendBackForm } from '../../actions';

export const metadata: Metadata = { title: 'Bedöm mål' };

const RULE_TEXT = {
  all: 'Målet är uppfyllt när alla mått är uppfyllda.',
  majority: 'Målet är uppfyllt när mer än hälften av måtten är uppfyllda.',
  manual: 'Målet bedöms manuellt av den ansvariga enheten.',
};

export default async function GoalAssessmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ goalId: string }>;
  searchParams: Promise<{ period?: string }>;
}) {
  const user = await requireUser();
  const db = await getDb();
  const goalId = parseId((await params).goalId);
  const periodId = await periodIdFromQuery(db, user, (await searchParams).period);
  if (!goalId || !periodId) notFound();
  const data = await getGoalAssessment(db, user, goalId, periodId).catch(notFoundOrThrow);
  const { goal, period, latest } = data;
  const sentBack = (await listOpenRevisionsOfItem(db, user, period.id, 'goal', goal.id)).map((r) => ({
    ...r,
    unitName: goal.unitNames[goal.unitIds.indexOf(r.unitId)],
  }));

  return (
    <>
      <ReportingBreadcrumb periodId={period.id} here="Mål" />
      <h1 className="mt-2 text-2xl font-semibold">{goal.title}</h1>
      <p className="mt-1">{goal.text}</p>
      <p className="mt-1 text-sm text-slate-700">
        {period.label} · Adressering: {goal.unitNames.join(', ') || '–'} · {RULE_TEXT[goal.rule]}
      </p>
      <div className="mt-6 grid grid-cols-[minmax(0,1fr)] gap-6 md:grid-cols-[minmax(0,1fr)_18rem]">
        <section aria-label="Bedömning" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <SentBackNotice requests={sentBack} canAnswer={data.canReport} />
          {data.canReport ? (
            <GoalAssessmentForm data={data} save={saveGoalAssessmentForm} />
          ) : (
            <>
              <ReadOnlyNotice
                reason={readOnlyReason({ live: data.live, locked: data.locked, periodState: period.state, responsible: goal.unitNames.join(', ') })}
              />
              {latest ? (
                <div className="mt-4 space-y-2">
                  <p>
                    Måluppfyllelse: {colourLabel(latest.chosenColour ?? latest.computedColour ?? 'grey')}
                    {latest.forecastColour ? ` · Prognos helår: ${colourLabel(latest.forecastColour)}` : ''}
                  </p>
                  {latest.analysis && <Markdown>{latest.analysis}</Markdown>}
                </div>
              ) : (
                <p className="mt-4">Målet är inte bedömt för perioden.</p>
              )}
            </>
          )}
        </section>
        <aside aria-label="Målets mått" className="space-y-3 text-sm">
          {goal.methodText && (
            <p>
              <span className="font-medium">Mått/metod: </span>
              {goal.methodText}
            </p>
          )}
          <p>
            <Link href={`/historik/mal/${goal.id}`} className="text-blue-800 underline">
              Visa bedömningarnas historik
            </Link>
          </p>
          <h2 className="font-semibold">Måtten i perioden</h2>
          <ul className="space-y-2">
            {data.indicators.map((i) => (
              <li key={i.id} className="flex flex-wrap items-center justify-between gap-2">
                <span>{i.name}</span>
                <StatusBadge colour={i.colour} />
              </li>
            ))}
          </ul>
        </aside>
      </div>
      {can(user, 'send_back', { kind: 'goal', organizationId: user.organizationId, unitIds: goal.unitIds, locked: data.locked }) && (
        <div className="mt-6">
          <SendBackForm
            action={sendBackForm}
            itemKind="goal"
            itemId={goal.id}
            periodId={period.id}
            units={goal.unitIds.map((id, i) => ({ id, name: goal.unitNames[i] ?? '' }))}
          />
        </div>
      )}
    </>
  );
}
