import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { getUnitForAdmin, type UnitUsage } from '@/db/admin/units';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';
import { parseId } from '@/lib/route-params';
import { AdminBreadcrumb } from '@/components/breadcrumb';
import { UnitForm } from '../unit-form';
import { UnitArchiveForm, UnitDeleteForm } from '../unit-lifecycle-forms';
import { UNIT_KIND_LABELS } from '../unit-kinds';

export const metadata: Metadata = { title: 'Ändra enhet' };

const USAGE_LABELS: Record<keyof UnitUsage, string> = {
  children: 'Underenheter',
  grants: 'Behörigheter för användare',
  plans: 'Verksamhetsplaner (som nämnd)',
  goals: 'Mål (adressering)',
  indicators: 'Mått (ansvarig enhet)',
  assignments: 'Uppdrag (utfärdare eller ansvarig)',
  history: 'Historik: återrapportering, klarmarkering, kompletteringar och attester',
};

export default async function UnitPage({ params }: { params: Promise<{ unitId: string }> }) {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'unit', organizationId: user.organizationId })) notFound();
  const unitId = parseId((await params).unitId);
  if (!unitId) notFound();
  const unit = await getUnitForAdmin(await getDb(), user, unitId).catch(notFoundOrThrow);
  const usage = (Object.keys(USAGE_LABELS) as (keyof UnitUsage)[]).filter((k) => unit.usage[k] > 0);

  return (
    <>
      <AdminBreadcrumb trail={[{ href: '/admin/enheter', label: 'Enheter' }]} here={unit.name} />
      <h1 className="mt-2 text-2xl font-semibold">{unit.name}</h1>
      <p className="mt-1 text-slate-700">
        {UNIT_KIND_LABELS[unit.kind]} · kod {unit.code}
        {unit.parentName && <> · under {unit.parentName}</>}
        {unit.archived && <> · Arkiverad</>}
      </p>

      <section aria-labelledby="uppgifter" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="uppgifter" className="text-lg font-semibold">
          Uppgifter
        </h2>
        <div className="mt-3">
          <UnitForm
            unitId={unit.id}
            initial={{
              code: unit.code,
              name: unit.name,
              kind: unit.kind,
              parentId: unit.parentId ?? '',
              sortOrder: String(unit.sortOrder),
            }}
            parentOptions={unit.parentOptions}
            mustStayBoard={unit.mustStayBoard}
          />
        </div>
      </section>

      <section aria-labelledby="anvands" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="anvands" className="text-lg font-semibold">
          Arkivera eller radera
        </h2>
        {usage.length > 0 ? (
          <>
            <p className="mt-2 text-sm">Enheten används och kan inte raderas, bara arkiveras:</p>
            <ul className="mt-1 list-disc pl-6 text-sm">
              {usage.map((k) => (
                <li key={k}>
                  {USAGE_LABELS[k]}: {unit.usage[k]}
                </li>
              ))}
            </ul>
          </>
        ) : (
          <p className="mt-2 text-sm">Enheten har aldrig använts och kan raderas helt.</p>
        )}
        <div className="mt-4 flex flex-wrap items-start gap-6">
          {unit.archived && unit.parentArchived ? (
            <p className="text-sm">Den överordnade enheten är arkiverad. Återställ den först.</p>
          ) : !unit.archived && unit.activeChildren > 0 ? (
            <p className="text-sm">Arkivera underenheterna först; därefter kan enheten arkiveras.</p>
          ) : (
            <UnitArchiveForm unitId={unit.id} name={unit.name} archived={unit.archived} />
          )}
          {unit.deletable && <UnitDeleteForm unitId={unit.id} name={unit.name} />}
        </div>
      </section>
    </>
  );
}
