import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { getPlanGoalsAdmin, listGoalPlans, type BoardGoalAdminDTO, type PlanGoalsAdminDTO } from '@/db/admin/goals';
import type { IndicatorAdminDTO } from '@/db/admin/indicators';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';
import { parseId } from '@/lib/route-params';
import { formatNumber } from '@/lib/swedish-number';
import { boardGoalTitle } from '@/lib/swedish-text';
import { SelectField } from '@/components/form-field';
import { PickerForm } from '@/components/period-picker';
import { Markdown } from '@/components/markdown';
import { AdminBreadcrumb } from '@/components/breadcrumb';
import { ItemActions } from '../malomraden/form-parts';
import { GoalForm } from './goal-form';
import { IndicatorForm } from './indicator-form';
import { deleteBoardGoal, deleteIndicator, setBoardGoalArchived, setIndicatorArchived } from './actions';
import { RULE_LABELS, scheduleOf, SCHEDULE_LABELS, SOURCE_LABELS } from './labels';

export const metadata: Metadata = { title: 'Nämndmål och mått' };

function ArchivedTag({ archived }: { archived: boolean }) {
  return archived ? <span className="ml-2 rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-800">Arkiverat</span> : null;
}

function IndicatorItem({ indicator, data }: { indicator: IndicatorAdminDTO; data: PlanGoalsAdminDTO }) {
  const unit = data.options.units.find((u) => u.id === indicator.responsibleUnitId)?.label ?? '';
  const source =
    indicator.source === 'manual' ? SOURCE_LABELS.manual : `${SOURCE_LABELS[indicator.source]}${indicator.sourceRef ? `: ${indicator.sourceRef}` : ''}`;
  return (
    <li className="rounded border border-slate-200 bg-slate-50 p-3">
      <p className="font-medium">
        {indicator.name}
        <ArchivedTag archived={indicator.archived} />
      </p>
      <dl className="mt-1 grid gap-x-4 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-700">Målvärde</dt>
        <dd>
          {indicator.targetLabel}
          {indicator.tolerance !== null && ` (gult inom ${formatNumber(indicator.tolerance)})`}
        </dd>
        <dt className="text-slate-700">Rapporteras</dt>
        <dd>{SCHEDULE_LABELS[scheduleOf(indicator.frequency, indicator.yearlyPeriodKind)]}</dd>
        <dt className="text-slate-700">Ansvarig</dt>
        <dd>{unit}</dd>
        <dt className="text-slate-700">Källa</dt>
        <dd>{source}</dd>
        {indicator.baselineValue !== null && (
          <>
            <dt className="text-slate-700">Basvärde</dt>
            <dd>
              {formatNumber(indicator.baselineValue, indicator.decimals)} ({indicator.baselineYear})
            </dd>
          </>
        )}
        <dt className="text-slate-700">Kod</dt>
        <dd>{indicator.code}</dd>
      </dl>
      <details className="mt-2">
        <summary className="cursor-pointer text-sm text-blue-800 underline">
          Ändra<span className="sr-only"> måttet {indicator.name}</span>
        </summary>
        <div className="mt-3">
          <IndicatorForm goalId={indicator.goalId} indicator={indicator} options={data.options} />
        </div>
      </details>
      <div className="mt-3">
        <ItemActions
          id={indicator.id}
          name={`måttet ${indicator.name}`}
          archived={indicator.archived}
          deletable={indicator.deletable}
          setArchived={setIndicatorArchived}
          remove={deleteIndicator}
          deleteHint="Har värden eller fortsätts av ett senare mått: kan arkiveras men inte tas bort."
        />
      </div>
    </li>
  );
}

function GoalItem({ goal, data }: { goal: BoardGoalAdminDTO; data: PlanGoalsAdminDTO }) {
  const { options } = data;
  const title = boardGoalTitle(data.plan.boardName, goal.number);
  const area = options.focusAreas.find((a) => a.id === goal.focusAreaId)?.label ?? '';
  const units = goal.unitIds.map((id) => options.units.find((u) => u.id === id)?.label ?? '').join(', ');
  const bearings = goal.councilGoalIds.map((id) => options.councilGoals.find((g) => g.id === id)?.label).filter(Boolean);
  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4">
      <h3 className="text-lg font-semibold">
        {title}
        <ArchivedTag archived={goal.archived} />
      </h3>
      <p className="mt-1">{goal.text}</p>
      <dl className="mt-2 grid gap-x-4 text-sm sm:grid-cols-[auto_1fr]">
        <dt className="text-slate-700">Målområde</dt>
        <dd>{area}</dd>
        <dt className="text-slate-700">Måluppfyllelse</dt>
        <dd>{RULE_LABELS[goal.rule]}</dd>
        <dt className="text-slate-700">Ansvariga</dt>
        <dd>{units}</dd>
        <dt className="text-slate-700">Bäring på</dt>
        <dd>{bearings.length ? bearings.join(' · ') : 'Inget KF-mål'}</dd>
        <dt className="text-slate-700">Kod</dt>
        <dd>{goal.code}</dd>
      </dl>
      {goal.methodText && (
        <div className="mt-2 text-sm">
          <p className="font-medium">Mått/metod</p>
          <Markdown>{goal.methodText}</Markdown>
        </div>
      )}
      <details className="mt-2">
        <summary className="cursor-pointer text-sm text-blue-800 underline">
          Ändra<span className="sr-only"> {title}</span>
        </summary>
        <div className="mt-3">
          <GoalForm planId={data.plan.id} goal={goal} options={options} />
        </div>
      </details>
      <div className="mt-3">
        <ItemActions
          id={goal.id}
          name={title}
          archived={goal.archived}
          deletable={goal.deletable}
          setArchived={setBoardGoalArchived}
          remove={deleteBoardGoal}
          deleteHint="Har historik (bedömningar, värden) eller fortsätts av ett senare mål: kan arkiveras men inte tas bort."
        />
      </div>

      <h4 className="mt-4 font-semibold">Mått</h4>
      {goal.indicators.length ? (
        <ul className="mt-2 space-y-2">
          {goal.indicators.map((indicator) => (
            <IndicatorItem key={indicator.id} indicator={indicator} data={data} />
          ))}
        </ul>
      ) : (
        <p className="mt-1 text-sm text-slate-700">Målet har inga mått ännu.</p>
      )}
      <details className="mt-3 rounded border border-slate-300 p-3">
        <summary className="cursor-pointer font-medium text-blue-800">
          Nytt mått<span className="sr-only"> under {title}</span>
        </summary>
        <div className="mt-3">
          <IndicatorForm goalId={goal.id} defaultUnitId={goal.unitIds[0] ?? ''} options={options} />
        </div>
      </details>
    </li>
  );
}

export default async function GoalsAdminPage({ searchParams }: { searchParams: Promise<{ plan?: string }> }) {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'goal', organizationId: user.organizationId })) notFound();
  const db = await getDb();
  const query = await searchParams;
  const plans = await listGoalPlans(db, user);
  const planId = query.plan !== undefined ? parseId(query.plan) : (plans[0]?.id ?? null);
  if (query.plan !== undefined && !planId) notFound();
  const data = planId
    ? await getPlanGoalsAdmin(db, user, planId).catch(notFoundOrThrow)
    : null;
  const nextNumber = data ? Math.max(0, ...data.goals.map((g) => g.number)) + 1 : 1;

  return (
    <>
      <AdminBreadcrumb here="Nämndmål och mått" />
      <h1 className="mt-2 text-2xl font-semibold">Nämndmål och mått</h1>
      <p className="mt-1 text-slate-700">
        En nämnds mål för ett år, med mått och strukturerade målvärden. Ändringar påverkar inte attesterade perioder; mål och
        mått med historik arkiveras i stället för att tas bort.
      </p>

      {plans.length === 0 ? (
        <p className="mt-6 rounded border border-slate-300 bg-white p-4">
          Det finns ingen verksamhetsplan ännu. Skapa en under{' '}
          <Link href="/admin/planer" className="text-blue-800 underline">
            Verksamhetsplaner och texter
          </Link>
          .
        </p>
      ) : (
        <PickerForm>
          <SelectField id="plan" name="plan" label="Verksamhetsplan" labelStyle="small" fullWidth={false} defaultValue={data?.plan.id}>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.boardName} {p.year}
                {p.archived ? ' (arkiverad)' : ''}
              </option>
            ))}
          </SelectField>
        </PickerForm>
      )}

      {data && (
        <section aria-labelledby="plan-rubrik" className="mt-8">
          <h2 id="plan-rubrik" className="text-xl font-semibold">
            {data.plan.boardName}, verksamhetsplan {data.plan.year}
            <ArchivedTag archived={data.plan.archived} />
          </h2>
          <p className="text-sm text-slate-700">Kod {data.plan.code}</p>
          {data.goals.length ? (
            <ul className="mt-4 space-y-4">
              {data.goals.map((goal) => (
                <GoalItem key={goal.id} goal={goal} data={data} />
              ))}
            </ul>
          ) : (
            <p className="mt-4 text-slate-700">Planen har inga mål ännu.</p>
          )}
          <details className="mt-6 rounded-lg border border-slate-300 bg-white p-4">
            <summary className="cursor-pointer font-medium text-blue-800">Nytt mål i planen</summary>
            <div className="mt-3">
              <GoalForm planId={data.plan.id} nextNumber={nextNumber} options={data.options} />
            </div>
          </details>
        </section>
      )}
    </>
  );
}
