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
import { ScrollTable } from '@/components/scroll-table';

export const metadata: Metadata = { title: 'Uppdrag – administration' };

/** The table's cells, rows and small notes (<small>), styled once on the table rather than on each cell (ScrollTable draws the header). */
const CELLS =
  '[&_td]:px-3 [&_td]:py-2 [&_th]:px-3 [&_th]:py-2 [&>tbody>tr]:border-b [&>tbody>tr]:border-slate-100 [&>tbody>tr]:align-top ' +
  '[&>tbody>tr>th]:font-normal [&_small]:block [&_small]:text-xs [&_small]:text-slate-600';

const COLUMNS = ['Uppdrag', 'Uppdragsgivare', 'Ansvariga enheter', 'Slutdatum', 'Status', 'Åtgärd'];

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
        <ScrollTable
          caption={`${showArchived ? 'Alla uppdrag, även arkiverade' : 'Aktuella uppdrag'} i ${user.organizationName}`}
          columns={COLUMNS}
          cells={CELLS}
          className="mt-4"
        >
              {rows.map((a) => (
                <tr key={a.id} className={a.archived ? 'bg-slate-50 text-slate-700' : undefined}>
                  <th scope="row" className="max-w-md">
                    <small className="font-mono">{a.code}</small>
                    <Link href={`/admin/uppdrag/${a.id}`} className="font-medium text-blue-800 underline">
                      {a.title}
                    </Link>
                    {a.groupLabel && <small>{a.groupLabel}</small>}
                  </th>
                  <td data-label="Uppdragsgivare">
                    {a.issuerName}
                    {a.decisionDate && <small>{`beslut ${formatDate(a.decisionDate)}`}</small>}
                  </td>
                  <td data-label="Ansvariga enheter">{a.unitNames.join(', ')}</td>
                  <td data-label="Slutdatum" className="whitespace-nowrap">{a.dueDate ? formatDate(a.dueDate) : '–'}</td>
                  <td data-label="Status">
                    {a.archived ? 'Arkiverat' : 'Aktuellt'}
                    {a.hasHistory && <small>har återrapporteringar</small>}
                  </td>
                  <td data-label="Åtgärd">
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
        </ScrollTable>
      )}
      <Pager info={page} path="/admin/uppdrag" query={pageQuery} label="Sidor med uppdrag" noun="uppdrag" />
    </>
  );
}
