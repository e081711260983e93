import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { getMyReporting, picksReportingUnit, reportingRoots, type ReportingItemDTO } from '@/db/my-reporting';
import { ReadOnlyNotice } from '@/components/read-only-notice';
import { can } from '@/lib/policy';
import { genitive } from '@/lib/swedish-text';
import { listPeriods, periodIdFromQuery } from '@/db/queries/overview';
import { listUnits } from '@/db/unit-tree';
import { requireUser } from '@/server/session';
import { parseId } from '@/lib/route-params';
import { formatDate, periodLabel } from '@/lib/period';
import { OVERDUE_LABEL, reportStatusLabel } from '@/lib/assignment-status';
import { StatusBadge } from '@/components/status-badge';
import { PeriodSelect, PickerForm, UnitSelect } from '@/components/period-picker';
import { ReadinessForm } from './readiness-form';
import { listBoards as listFinanceBoards, loadBoardFinance } from '@/db/finance';
import { unexplained } from '@/lib/finance-checks';
import { formatDayOf } from '@/lib/time-format';
import { pageOf, parsePage } from '@/lib/paging';
import { Pager } from '@/components/pager';

export const metadata: Metadata = { title: 'Min rapportering' };

const KIND_LABEL: Record<ReportingItemDTO['kind'], string> = { indicator: 'Mått', goal: 'Mål', assignment: 'Uppdrag', narrative: 'Text' };

/** Items per page: a board picked by the director lists all its units' items; the page stays small (issue 19). */
const ITEMS_PER_PAGE = 50;

export default async function MyReportingPage({ searchParams }: { searchParams: Promise<{ period?: string; enhet?: string; sida?: string }> }) {
  const user = await requireUser();
  const db = await getDb();
  const query = await searchParams;
  const periodId = await periodIdFromQuery(db, user, query.period);
  const isAdmin = user.roles.includes('admin');
  // The admin reports for the unit picked; the director reads any unit's page (lib/policy decides).
  const picksUnit = picksReportingUnit(user);
  const picked = picksUnit && query.enhet ? parseId(query.enhet) : null;

  if (!periodId) {
    if (query.period !== undefined) notFound();
    return (
      <Shell>
        <p className="mt-4 rounded border border-slate-300 bg-white p-4">Det finns ingen period att rapportera i ännu.</p>
      </Shell>
    );
  }
  const data = await getMyReporting(db, user, periodId, reportingRoots(user, picked)).catch(notFoundOrThrow);
  const { period, items } = data;
  const { items: pageItems, info: page } = pageOf(items, parsePage(query.sida), ITEMS_PER_PAGE);
  const pageQuery = { period: query.period, enhet: query.enhet };
  const [units, periods] = await Promise.all([picksUnit ? listUnits(db, user) : [], listPeriods(db, user)]);
  // Someone who reads a unit's page without reporting for it (the director): the forms are read-only.
  const readOnly = picked !== null && !can(user, 'report', { kind: 'unit', organizationId: user.organizationId, unitIds: [picked] });
  // issue 16: a board is not ready while its finance tables have an unexplained difference.
  const boardIds = new Set((await listFinanceBoards(db, user)).map((b) => b.id));
  const financeNotices = await Promise.all(
    data.readiness
      .filter((r) => boardIds.has(r.unitId))
      .map(async (r) => ({ unitId: r.unitId, name: r.unitName, open: unexplained((await loadBoardFinance(db, user, r.unitId, period.id)).warnings).length })),
  );

  return (
    <Shell>
      <p className="mt-1 text-slate-700">
        {periodLabel(period.kind, period.year)}
        {period.deadline ? ` · Sista dag för rapportering: ${formatDate(period.deadline)}` : ' · Ingen sista dag är satt'}
        {period.state !== 'open' ? ' · Perioden är inte öppen för rapportering' : ''}
      </p>

      <PickerForm>
        <PeriodSelect periods={periods} value={period.id} />
        {picksUnit && (
          <UnitSelect units={units} value={picked ?? ''} label={isAdmin ? 'Rapportera för enhet' : 'Visa enhet'} emptyLabel="Välj enhet …" />
        )}
      </PickerForm>

      {data.scopeUnitNames.length === 0 ? (
        <p className="mt-6 rounded border border-slate-300 bg-white p-4">
          {isAdmin
            ? 'Välj en enhet för att se och rapportera det den ansvarar för.'
            : picksUnit
              ? 'Välj en enhet för att se dess rapportering.'
              : 'Du har ingen enhet att rapportera för. Be systemförvaltaren om behörighet för din enhet.'}
        </p>
      ) : items.length === 0 ? (
        <p className="mt-6 rounded border border-slate-300 bg-white p-4">
          {data.scopeUnitNames.join(', ')} har inga mått, mål eller uppdrag att rapportera på i{' '}
          {periodLabel(period.kind, period.year).toLowerCase()}. När något adresseras till enheten visas det här.
        </p>
      ) : (
        <>
          {readOnly && (
            <div className="mt-6">
              <ReadOnlyNotice
                reason={`Du ser ${genitive(data.scopeUnitNames.join(', '))} rapportering men rapporterar inte för enheten. Formulären är låsta för dig.`}
              />
            </div>
          )}
          <section aria-labelledby="framsteg" className="mt-6">
            <h2 id="framsteg" className="text-lg font-semibold">
              {data.reportedCount} av {items.length} rapporterade
            </h2>
            <progress
              value={data.reportedCount}
              max={items.length}
              aria-labelledby="framsteg"
              className="mt-2 h-3 w-full max-w-md"
            />
          </section>
          <Pager info={page} path="/rapportering" query={pageQuery} label="Sidor att rapportera, överst" noun="poster" />
          <ul className="mt-4 space-y-2" aria-label="Att rapportera">
            {pageItems.map((item) => (
              <li key={`${item.kind}-${item.id}-${item.unitId}`} className="rounded-lg border border-slate-200 bg-white p-3">
                <div className="flex flex-wrap items-start justify-between gap-2">
                  <div>
                    <p className="text-sm text-slate-700">
                      {KIND_LABEL[item.kind]} · {item.context} · {item.unitName}
                    </p>
                    <Link href={item.href} className="font-medium text-blue-800 underline">
                      {item.title}
                    </Link>
                  </div>
                  <div className="flex flex-wrap items-center gap-2 text-sm">
                    {item.overdue && <span className="rounded bg-red-100 px-2 py-0.5 font-medium text-red-900">⚠ {OVERDUE_LABEL}</span>}
                    {item.sentBack ? (
                      <span className="font-medium text-amber-900">↩ Återsänd</span>
                    ) : item.reported ? (
                      <>
                        <span className="font-medium">✓ Rapporterat</span>
                        {item.colour && <StatusBadge colour={item.colour} />}
                        {item.status && <span>{reportStatusLabel(item.status)}</span>}
                      </>
                    ) : (
                      <span className="font-medium text-amber-900">○ Inte rapporterat</span>
                    )}
                    {!item.canReport && <span className="text-slate-700">(endast läsning)</span>}
                  </div>
                </div>
                {item.sentBack && (
                  <p className="mt-2 rounded border border-amber-300 bg-amber-50 px-3 py-2 text-sm">
                    <span className="font-semibold">↩ Återsänd för komplettering</span> av {item.sentBack.authorName}{' '}
                    {formatDayOf(item.sentBack.createdAt)}: ”
                    {item.sentBack.comment}”
                  </p>
                )}
              </li>
            ))}
          </ul>
          <Pager info={page} path="/rapportering" query={pageQuery} label="Sidor att rapportera" noun="poster" />
        </>
      )}

      {data.readiness.length > 0 && (
        <section aria-labelledby="klarmarkering" className="mt-8 rounded-lg border border-slate-200 bg-white p-4">
          <h2 id="klarmarkering" className="text-lg font-semibold">
            Klarmarkering
          </h2>
          <p className="text-sm text-slate-700">
            Markera enhetens del av perioden som klar när allt är rapporterat. Saknas något krävs ett skäl, som
            kommundirektören ser. Markeringen kan tas tillbaka tills perioden är attesterad.
          </p>
          <div className="mt-3 space-y-2">
            {data.readiness.map((r) => (
              <ReadinessForm key={`${r.unitId}-${r.seq}`} readiness={r} periodId={period.id} />
            ))}
          </div>
          {financeNotices
            .filter((n) => n.open > 0)
            .map((n) => (
              <p key={n.unitId} className="mt-3 rounded border border-amber-700 bg-amber-50 p-3 text-sm">
                ⚠ {n.name}s ekonomitabeller har {n.open === 1 ? 'en oförklarad skillnad' : `${n.open} oförklarade skillnader`}. Nämnden kan
                inte markeras som klar förrän de är rättade eller förklarade.{' '}
                <Link href={`/ekonomi?namnd=${n.unitId}&period=${period.id}`} className="text-blue-800 underline">
                  Visa skillnaderna på sidan Ekonomi
                </Link>
              </p>
            ))}
        </section>
      )}
    </Shell>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <>
      <h1 className="text-2xl font-semibold">Min rapportering</h1>
      {children}
    </>
  );
}
