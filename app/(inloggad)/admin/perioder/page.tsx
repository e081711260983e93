import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { listAdminPeriods } from '@/db/admin/periods';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';
import { formatDate, periodLabel, periodStateLabel, type PeriodState } from '@/lib/period';
import { AdminBreadcrumb } from '@/components/breadcrumb';
import { CreatePeriodForm } from './create-period-form';
import { PeriodDatesForm } from './period-dates-form';
import { PeriodActions } from './period-actions';

export const metadata: Metadata = { title: 'Perioder' };

const STATE_STYLE: Record<PeriodState, string> = {
  draft: 'border-slate-400 bg-slate-100 text-slate-800',
  open: 'border-green-700 bg-green-50 text-green-900',
  closed: 'border-slate-600 bg-white text-slate-800',
};

export default async function PeriodsPage() {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'period', organizationId: user.organizationId })) notFound();
  const periods = await listAdminPeriods(await getDb(), user);
  return (
    <>
      <AdminBreadcrumb here="Perioder" />
      <h1 className="mt-2 text-2xl font-semibold">Perioder</h1>
      <p className="mt-1 text-slate-700">
        En period börjar som utkast, öppnas för rapportering och stängs när ingen längre ska rapportera. En period som
        något hänvisar till tas aldrig bort. En nämnds attesterade period öppnas igen under{' '}
        <Link href="/attest" className="text-blue-800 underline">
          Attest
        </Link>
        .
      </p>

      <section aria-labelledby="ny-period" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="ny-period" className="text-lg font-semibold">
          Ny period
        </h2>
        <div className="mt-3">
          <CreatePeriodForm />
        </div>
      </section>

      <section aria-labelledby="alla-perioder" className="mt-8">
        <h2 id="alla-perioder" className="text-lg font-semibold">
          Alla perioder
        </h2>
        {periods.length === 0 ? (
          <p className="mt-2 text-slate-700">Det finns inga perioder ännu.</p>
        ) : (
          <ul className="mt-3 space-y-3">
            {periods.map((p) => {
              const label = periodLabel(p.kind, p.year);
              return (
                <li key={p.id} className="rounded-lg border border-slate-200 bg-white p-4">
                  <div className="flex flex-wrap items-baseline gap-3">
                    <h3 className="text-base font-semibold">{label}</h3>
                    <span className={`rounded border px-2 py-0.5 text-sm ${STATE_STYLE[p.state]}`}>{periodStateLabel(p.state)}</span>
                    {p.state !== 'draft' && (
                      <Link href={`/attest?period=${p.id}`} className="text-sm text-blue-800 underline">
                        Attest för {label}
                      </Link>
                    )}
                  </div>
                  <p className="mt-1 text-sm text-slate-700">
                    Slutdatum {formatDate(p.endDate)}
                    {' · '}
                    {p.deadline ? `sista dag för rapportering ${formatDate(p.deadline)}` : 'ingen sista dag för rapportering angiven'}
                    {p.referenced && ' · har rapporter eller texter och kan inte tas bort'}
                  </p>
                  <div className="mt-3 flex flex-wrap items-start justify-between gap-4">
                    <PeriodDatesForm periodId={p.id} label={label} endDate={p.endDate} deadline={p.deadline} />
                    <PeriodActions periodId={p.id} label={label} state={p.state} deletable={p.state === 'draft' && !p.referenced} />
                  </div>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
