import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { listUnitOptions, listUnitsForAdmin, type AdminUnitRowDTO } from '@/db/admin/units';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';
import { AdminBreadcrumb } from '@/components/breadcrumb';
import { UnitForm } from './unit-form';
import { UNIT_KIND_LABELS } from './unit-kinds';

export const metadata: Metadata = { title: 'Enheter' };

function UnitList({ units, parentId }: { units: AdminUnitRowDTO[]; parentId: string | null }) {
  const here = units.filter((u) => u.parentId === parentId);
  if (here.length === 0) return null;
  return (
    <ul className={parentId ? 'ml-6 border-l border-slate-200 pl-3' : ''}>
      {here.map((u) => (
        <li key={u.id} className="py-1">
          <div className="flex flex-wrap items-baseline gap-x-3">
            <Link
              href={`/admin/enheter/${u.id}`}
              className={`font-medium underline ${u.archived ? 'text-slate-600' : 'text-blue-800'}`}
            >
              {u.name}
            </Link>
            <span className="text-sm text-slate-700">{UNIT_KIND_LABELS[u.kind]}</span>
            <span className="font-mono text-xs text-slate-600">{u.code}</span>
            {u.archived && (
              <span className="rounded bg-slate-200 px-1.5 py-0.5 text-xs font-medium text-slate-800">Arkiverad</span>
            )}
          </div>
          <UnitList units={units} parentId={u.id} />
        </li>
      ))}
    </ul>
  );
}

export default async function UnitsPage({ searchParams }: { searchParams: Promise<{ skapad?: string; raderad?: string }> }) {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'unit', organizationId: user.organizationId })) notFound();
  const db = await getDb();
  const [units, options] = await Promise.all([listUnitsForAdmin(db, user), listUnitOptions(db, user)]);
  const query = await searchParams;
  const created = units.find((u) => u.id === query.skapad);
  // A unit whose parent is missing (never expected) is still listed at the top.
  const known = new Set(units.map((u) => u.id));
  const tree = units.map((u) => (u.parentId && !known.has(u.parentId) ? { ...u, parentId: null } : u));

  return (
    <>
      <AdminBreadcrumb here="Enheter" />
      <h1 className="mt-2 text-2xl font-semibold">Enheter</h1>
      <p className="mt-1 text-slate-700">
        Nämnder, förvaltningar, avdelningar och externa organ. En arkiverad enhet finns kvar i historiken och i tidigare
        rapporter men går inte att välja längre.
      </p>
      {(created || query.raderad) && (
        <p role="status" className="mt-4 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {created ? `${created.name} är skapad.` : 'Enheten är raderad.'}
        </p>
      )}

      <section aria-labelledby="tradet" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="tradet" className="text-lg font-semibold">
          Enhetsträdet
        </h2>
        <div className="mt-3">
          {tree.length === 0 ? <p>Det finns inga enheter ännu.</p> : <UnitList units={tree} parentId={null} />}
        </div>
      </section>

      <section aria-labelledby="ny-enhet" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="ny-enhet" className="text-lg font-semibold">
          Ny enhet
        </h2>
        <div className="mt-3">
          <UnitForm
            initial={{ code: '', name: '', kind: 'unit', parentId: '', sortOrder: '0' }}
            parentOptions={options}
          />
        </div>
      </section>
    </>
  );
}
