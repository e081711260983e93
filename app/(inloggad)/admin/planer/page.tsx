import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getPlansPage } from '@/db/admin/plans';
import { listAdminPeriods } from '@/db/admin/periods';
import { getPlanTexts } from '@/db/admin/text-blocks';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';
import { parseId } from '@/lib/route-params';
import { genitive } from '@/lib/swedish-text';
import { Markdown } from '@/components/markdown';
import { ReadOnlyNotice } from '@/components/read-only-notice';
import { AdminBreadcrumb } from '@/components/breadcrumb';
import { SelectField } from '@/components/form-field';
import { PeriodSelect, PickerForm } from '@/components/period-picker';
import { CreatePlanForm } from './create-plan-form';
import { PlanCodeForm } from './plan-code-form';
import { PlanActions } from './plan-actions';
import { TextBlockForm } from './text-block-form';
import { formatDateTime } from '@/lib/time-format';
import { ScrollTable } from '@/components/scroll-table';

export const metadata: Metadata = { title: 'Verksamhetsplaner och texter' };

const when = formatDateTime;

export default async function PlansPage({ searchParams }: { searchParams: Promise<{ plan?: string; period?: string }> }) {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'plan', organizationId: user.organizationId })) notFound();
  const db = await getDb();
  const query = await searchParams;
  const [{ plans, boards }, periods] = await Promise.all([getPlansPage(db, user), listAdminPeriods(db, user)]);

  // The plan and period whose texts are shown: the ones in the URL, else the newest active
  // plan and its year's open period.
  const wantedPlan = parseId(query.plan);
  const plan = plans.find((p) => p.id === wantedPlan) ?? plans.find((p) => !p.archived) ?? null;
  const planPeriods = plan ? periods.filter((p) => p.year === plan.year) : [];
  const wantedPeriod = parseId(query.period);
  const period = planPeriods.find((p) => p.id === wantedPeriod) ?? planPeriods.find((p) => p.state === 'open') ?? planPeriods[0] ?? null;
  const texts = plan && period ? await getPlanTexts(db, user, plan.id, period.id) : null;

  return (
    <>
      <AdminBreadcrumb here="Verksamhetsplaner och texter" />
      <h1 className="mt-2 text-2xl font-semibold">Verksamhetsplaner och texter</h1>
      <p className="mt-1 text-slate-700">
        En verksamhetsplan per nämnd och år. En plan med mål eller texter arkiveras i stället för att tas bort.
      </p>

      <section aria-labelledby="ny-plan" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="ny-plan" className="text-lg font-semibold">
          Ny verksamhetsplan
        </h2>
        <div className="mt-3">
          <CreatePlanForm boards={boards} />
        </div>
      </section>

      <section aria-labelledby="planer" className="mt-8">
        <h2 id="planer" className="text-lg font-semibold">
          Planer
        </h2>
        {plans.length === 0 ? (
          <p className="mt-2 text-slate-700">Det finns inga verksamhetsplaner ännu.</p>
        ) : (
          <ScrollTable caption={`Verksamhetsplaner i ${user.organizationName}`} columns={['Nämnd och år', 'Kod', 'Status', 'Texter', 'Åtgärd']} className="mt-3">
            {plans.map((p) => (
              <tr key={p.id} className="border-b border-slate-100 align-top">
                <th scope="row" className="px-3 py-2 font-medium">
                  {p.board.name} {p.year}
                </th>
                <td data-label="Kod" className="px-3 py-2">
                  <PlanCodeForm planId={p.id} code={p.code} />
                </td>
                <td data-label="Status" className="px-3 py-2">{p.archived ? 'Arkiverad' : 'Aktiv'}</td>
                <td data-label="Texter" className="px-3 py-2">
                  <Link href={`/admin/planer?plan=${p.id}#texter`} className="text-blue-800 underline">
                    Texter<span className="sr-only"> för {p.code}</span>
                  </Link>
                </td>
                <td data-label="Åtgärd" className="px-3 py-2">
                  <PlanActions planId={p.id} code={p.code} archived={p.archived} deletable={!p.hasHistory} />
                </td>
              </tr>
            ))}
          </ScrollTable>
        )}
      </section>

      <section aria-labelledby="texter" className="mt-8">
        <h2 id="texter" className="text-lg font-semibold">
          Nämndens texter i rapporten
        </h2>
        {plans.length > 0 && (
          <PickerForm>
            <SelectField id="plan" name="plan" label="Verksamhetsplan" labelStyle="small" fullWidth={false} defaultValue={plan?.id}>
              {plans.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.board.name} {p.year} ({p.code}){p.archived ? ', arkiverad' : ''}
                </option>
              ))}
            </SelectField>
            <PeriodSelect periods={planPeriods} value={period?.id ?? ''} />
          </PickerForm>
        )}
        {!plan ? (
          <p className="mt-2 text-slate-700">Skapa en verksamhetsplan först.</p>
        ) : !texts ? (
          <p className="mt-2 text-slate-700">Det finns ingen period för {plan.year}. Skapa en under Perioder.</p>
        ) : (
          <div className="mt-4 space-y-4">
            <p>
              {genitive(texts.plan.board.name)} texter för {texts.period.label.toLowerCase()} (plan {texts.plan.code}).
            </p>
            {texts.lockReason && <ReadOnlyNotice reason={texts.lockReason} />}
            {texts.slots.map((slot) => {
              const key = `${texts.plan.id}:${texts.period.id}:${slot.slot}:${slot.focusAreaId ?? ''}`;
              return (
                <article key={key} className="rounded-lg border border-slate-200 bg-white p-4" aria-label={slot.label}>
                  <h3 className="font-semibold">{slot.label}</h3>
                  <p className="text-sm text-slate-700">
                    {slot.latest
                      ? `Version ${slot.latest.seq}, sparad av ${slot.latest.authorName} ${when(slot.latest.createdAt)}.`
                      : 'Ingen text ännu.'}
                  </p>
                  <div className="mt-3">
                    {texts.locked ? (
                      slot.latest ? (
                        <>
                          {slot.latest.heading && <p className="font-semibold">{slot.latest.heading}</p>}
                          <Markdown>{slot.latest.body}</Markdown>
                        </>
                      ) : null
                    ) : (
                      <TextBlockForm
                        planId={texts.plan.id}
                        periodId={texts.period.id}
                        slot={slot.slot}
                        focusAreaId={slot.focusAreaId}
                        label={slot.label}
                        hasHeading={slot.hasHeading}
                        latest={slot.latest}
                      />
                    )}
                  </div>
                </article>
              );
            })}
          </div>
        )}
      </section>
    </>
  );
}
