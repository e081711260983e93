import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { listAdminAssignments } from '@/db/admin/assignments';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';
import { formatDate } from '@/lib/period';
import { AdminBreadcrumb } from '@/components/breadcrumb';
import { AssignmentStatusForm } from './assignment-status-form';
import { noticeText } from './notice';
import { pageHref, parsePage } from '@/lib/paging';
import { Pager } from '@/components/pager';

export const metadata: Metadata = { title: 'Uppdrag – administration' };

type RawSearchParams = Record<string, string | string[] | undefined>;

export default async function AdminAssignmentsPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'assignment', organizationId: user.organizationId })) notFound();
  const raw = await searchParams;
  const showArchived = raw.arkiverade === '1';
  const notice = noticeText(raw.klart);
  const { rows, archivedCount, page } = await listAdminAssignments(await getDb(), user, { includeArchived: showArchived, page: parsePage(raw.sida) });
  const pageQuery = { arkiverade: showArchived ? '1' : null };
  // After archiving or restoring a row the list comes back on the same page.
  const here = pageHref('/admin/uppdrag', pageQuery, page.page);

  return (
    <>
      <AdminBreadcrumb here="Uppdrag" />
      <h1 className="mt-2 text-2xl font-semibold">Uppdrag</h1>
      <p className="mt-1 text-slate-700">
        Uppdrag från kommunfullmäktige och nämnder, med ansvariga enheter. Ett uppdrag med återrapporteringar kan
        arkiveras men inte raderas: det finns kvar i historiken och i tidigare perioders rapporter.
      </p>
      {notice && (
        <p role="status" className="mt-4 rounded border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-900">
          {notice}
        </p>
      )}

      <div className="mt-6 flex flex-wrap items-center justify-between gap-3">
        <Link
          href="/admin/uppdrag/ny"
          className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
        >
          Nytt uppdrag
        </Link>
        <Link href={showArchived ? '/admin/uppdrag' : '/admin/uppdrag?arkiverade=1'} className="text-sm text-blue-800 underline">
          {showArchived ? 'Dölj arkiverade' : `Visa arkiverade (${archivedCount})`}
        </Link>
      </div>

      {rows.length === 0 ? (
        <p className="mt-4 rounded border border-slate-300 bg-white p-4">
          {showArchived ? 'Det finns inga uppdrag ännu.' : 'Det finns inga aktuella uppdrag.'}
        </p>
      ) : (
        <div role="region" aria-label="Tabell som kan rullas i sidled" tabIndex={0} className="mt-4 overflow-x-auto rounded-lg border border-slate-200 bg-white">
          <table className="stack-table w-full text-left text-sm">
            <caption className="sr-only">
              {showArchived ? 'Alla uppdrag, även arkiverade' : 'Aktuella uppdrag'} i {user.organizationName}
            </caption>
            <thead>
              <tr className="border-b border-slate-300">
                <th scope="col" className="px-3 py-2 font-semibold">Uppdrag</th>
                <th scope="col" className="px-3 py-2 font-semibold">Uppdragsgivare</th>
                <th scope="col" className="px-3 py-2 font-semibold">Ansvariga enheter</th>
                <th scope="col" className="px-3 py-2 font-semibold">Slutdatum</th>
                <th scope="col" className="px-3 py-2 font-semibold">Status</th>
                <th scope="col" className="px-3 py-2 font-semibold">Åtgärd</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((a) => (
                <tr key={a.id} className={`border-b border-slate-100 align-top ${a.archived ? 'bg-slate-50 text-slate-700' : ''}`}>
                  <th scope="row" className="max-w-md px-3 py-2 font-normal">
                    <span className="block font-mono text-xs text-slate-600">{a.code}</span>
                    <Link href={`/admin/uppdrag/${a.id}`} className="font-medium text-blue-800 underline">
                      {a.title}
                    </Link>
                    {a.groupLabel && <span className="block text-xs text-slate-600">{a.groupLabel}</span>}
                  </th>
                  <td data-label="Uppdragsgivare" className="px-3 py-2">
                    {a.issuerName}
                    {a.decisionDate && <span className="block text-xs text-slate-600">beslut {formatDate(a.decisionDate)}</span>}
                  </td>
                  <td data-label="Ansvariga enheter" className="px-3 py-2">{a.unitNames.join(', ')}</td>
                  <td data-label="Slutdatum" className="px-3 py-2 whitespace-nowrap">{a.dueDate ? formatDate(a.dueDate) : '–'}</td>
                  <td data-label="Status" className="px-3 py-2">
                    {a.archived ? 'Arkiverat' : 'Aktuellt'}
                    {a.hasHistory && <span className="block text-xs text-slate-600">har återrapporteringar</span>}
                  </td>
                  <td data-label="Åtgärd" className="px-3 py-2">
                    <AssignmentStatusForm
                      assignmentId={a.id}
                      code={a.code}
                      archived={a.archived}
                      canDelete={!a.hasHistory}
                      returnTo={here}
                    />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pager info={page} path="/admin/uppdrag" query={pageQuery} label="Sidor med uppdrag" noun="uppdrag" />
    </>
  );
}
