import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { listGoalPlans } from '@/db/admin/goals';
import { previewRollover } from '@/db/admin/rollover';
import { notFoundOrThrow } from '@/server/errors';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';
import { parseId } from '@/lib/route-params';
import { SelectField } from '@/components/form-field';
import { PickerForm } from '@/components/period-picker';
import { AdminBreadcrumb } from '@/components/breadcrumb';
import { RolloverForm } from './rollover-form';
import { ScrollTable } from '@/components/scroll-table';

export const metadata: Metadata = { title: 'Årsskifte' };

export default async function RolloverPage({ searchParams }: { searchParams: Promise<{ plan?: string }> }) {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'plan', organizationId: user.organizationId })) notFound();
  const db = await getDb();
  const query = await searchParams;
  const plans = await listGoalPlans(db, user);
  const planId = query.plan !== undefined ? parseId(query.plan) : null;
  if (query.plan !== undefined && !planId) notFound();
  const preview = planId
    ? await previewRollover(db, user, { planId }).catch(notFoundOrThrow)
    : null;

  return (
    <>
      <AdminBreadcrumb here="Årsskifte" />
      <h1 className="mt-2 text-2xl font-semibold">Årsskifte</h1>
      <p className="mt-1 text-slate-700">
        Skapa nästa års verksamhetsplan från en nämnds plan. Målen och måtten kopieras med en koppling till årets mål och
        mått, så att trender och diagram löper över åren. Utfall, bedömningar, återrapporteringar och klarmarkeringar
        kopieras inte. Uppdragen lever vidare över åren som de är.
      </p>

      {plans.length === 0 ? (
        <p className="mt-6 text-slate-700">
          Det finns ingen verksamhetsplan ännu. Skapa en under{' '}
          <Link href="/admin/planer" className="text-blue-800 underline">
            Verksamhetsplaner och texter
          </Link>
          .
        </p>
      ) : (
        <PickerForm submitLabel="Visa vad som skapas">
          <SelectField id="plan" name="plan" label="Plan att utgå från" labelStyle="small" fullWidth={false} defaultValue={preview?.source.id ?? ''}>
            <option value="" disabled>
              Välj plan …
            </option>
            {plans.map((p) => (
              <option key={p.id} value={p.id}>
                {p.boardName} {p.year} ({p.code}){p.archived ? ', arkiverad' : ''}
              </option>
            ))}
          </SelectField>
        </PickerForm>
      )}

      {preview && (
        <section aria-labelledby="forhandsvisning" className="mt-8 space-y-6">
          <div>
            <h2 id="forhandsvisning" className="text-xl font-semibold">
              {preview.source.boardName}: från {preview.source.code} till {preview.target.code}
            </h2>
            <p className="mt-1">
              Verksamhetsplan {preview.target.year} med kod {preview.target.code}: {preview.goals.length} mål,{' '}
              {preview.indicators.length} mått och {preview.texts.blocks.length}{' '}
              {preview.texts.blocks.length === 1 ? 'text' : 'texter'}.
            </p>
          </div>

          {preview.blockers.length > 0 && (
            <div role="alert" className="rounded border border-red-700 bg-red-50 p-3">
              <p className="font-semibold">Årsskiftet kan inte göras:</p>
              <ul className="mt-1 list-disc pl-6">
                {preview.blockers.map((b) => (
                  <li key={b}>{b}</li>
                ))}
              </ul>
            </div>
          )}

          <section aria-labelledby="mal-rubrik">
            <h3 id="mal-rubrik" className="text-lg font-semibold">
              Mål ({preview.goals.length})
            </h3>
            {preview.goals.length === 0 ? (
              <p className="mt-1 text-slate-700">Planen har inga mål att föra över.</p>
            ) : (
              <ScrollTable caption={`Mål som skapas i ${preview.target.code}`} columns={['Mål', 'Ny kod', 'Fortsätter']} stack={false} className="mt-2">
                {preview.goals.map((g) => (
                  <tr key={g.sourceId} className="border-b border-slate-100 align-top">
                    <th scope="row" className="px-3 py-2 font-medium">
                      Mål {g.number}: {g.text}
                    </th>
                    <td className="px-3 py-2 whitespace-nowrap">{g.code}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{g.sourceCode}</td>
                  </tr>
                ))}
              </ScrollTable>
            )}
          </section>

          <section aria-labelledby="matt-rubrik">
            <h3 id="matt-rubrik" className="text-lg font-semibold">
              Mått ({preview.indicators.length})
            </h3>
            {preview.indicators.length === 0 ? (
              <p className="mt-1 text-slate-700">Planen har inga mått att föra över.</p>
            ) : (
              <ScrollTable caption={`Mått som skapas i ${preview.target.code}`} columns={['Mått', 'Ny kod', 'Under mål', 'Fortsätter']} stack={false} className="mt-2">
                {preview.indicators.map((i) => (
                  <tr key={i.sourceId} className="border-b border-slate-100 align-top">
                    <th scope="row" className="px-3 py-2 font-medium">
                      {i.name}
                    </th>
                    <td className="px-3 py-2 whitespace-nowrap">{i.code}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{i.goalCode}</td>
                    <td className="px-3 py-2 whitespace-nowrap">{i.sourceCode}</td>
                  </tr>
                ))}
              </ScrollTable>
            )}
          </section>

          <section aria-labelledby="texter-rubrik">
            <h3 id="texter-rubrik" className="text-lg font-semibold">
              Texter
            </h3>
            <p className="mt-1">{preview.texts.note}</p>
            {preview.texts.blocks.length > 0 && (
              <ul className="mt-1 list-disc pl-6">
                {preview.texts.blocks.map((b) => (
                  <li key={`${b.slot}:${b.focusAreaId ?? ''}`}>{b.label}</li>
                ))}
              </ul>
            )}
          </section>

          {/* Always rendered, so that its result stays when the page re-renders after the apply. */}
          <RolloverForm
            key={preview.source.id}
            blocked={preview.blockers.length > 0}
            planId={preview.source.id}
            sourceCode={preview.source.code}
            targetCode={preview.target.code}
            targetYear={preview.target.year}
            goals={preview.goals.length}
            indicators={preview.indicators.length}
            textBlocks={preview.texts.blocks.length}
          />
        </section>
      )}
    </>
  );
}
