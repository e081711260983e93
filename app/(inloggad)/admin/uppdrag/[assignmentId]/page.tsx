import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { getAdminAssignment, getAssignmentFormOptions } from '@/db/admin/assignments';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';
import { parseId } from '@/lib/route-params';
import { AdminBreadcrumb } from '@/components/breadcrumb';
import { AssignmentForm } from '../assignment-form';
import { AssignmentStatusForm } from '../assignment-status-form';
import { updateAssignment } from '../actions';
import { noticeText } from '../notice';

export const metadata: Metadata = { title: 'Redigera uppdrag' };

export default async function EditAssignmentPage({
  params,
  searchParams,
}: {
  params: Promise<{ assignmentId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'assignment', organizationId: user.organizationId })) notFound();
  const assignmentId = parseId((await params).assignmentId);
  if (!assignmentId) notFound();
  const db = await getDb();
  const [assignment, options] = await Promise.all([
    getAdminAssignment(db, user, assignmentId).catch(notFoundOrThrow),
    getAssignmentFormOptions(db, user),
  ]);
  const notice = noticeText((await searchParams).klart);

  return (
    <>
      <AdminBreadcrumb trail={[{ href: '/admin/uppdrag', label: 'Uppdrag' }]} here={assignment.code} />
      <h1 className="mt-2 text-2xl font-semibold">Redigera uppdrag {assignment.code}</h1>
      <p className="mt-1 text-sm">
        <Link href={`/uppdrag/${assignment.id}`} className="text-blue-800 underline">
          Visa uppdraget
        </Link>{' '}
        ·{' '}
        <Link href={`/historik/uppdrag/${assignment.id}`} className="text-blue-800 underline">
          Historik
        </Link>
      </p>
      {notice && (
        <p role="status" className="mt-4 rounded border border-green-700 bg-green-50 px-3 py-2 text-sm text-green-900">
          {notice}
        </p>
      )}
      {assignment.archived && (
        <p className="mt-4 rounded border border-slate-300 bg-slate-100 px-3 py-2 text-sm">
          <span className="font-semibold">Arkiverat. </span>
          Uppdraget visas inte i uppföljningen, översikten eller Min rapportering, men finns kvar i historiken och i
          tidigare perioders rapporter.
        </p>
      )}

      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
        <AssignmentForm assignment={assignment} options={options} save={updateAssignment} />
      </div>

      <section aria-labelledby="arkivera" className="mt-8 rounded-lg border border-slate-200 bg-white p-5">
        <h2 id="arkivera" className="text-lg font-semibold">
          {assignment.archived ? 'Återställ eller radera' : 'Arkivera eller radera'}
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          {assignment.hasHistory
            ? 'Uppdraget har återrapporteringar, som är historik. Det kan arkiveras men inte raderas.'
            : 'Uppdraget har ingen historik och kan raderas. Det går inte att ångra.'}
        </p>
        <div className="mt-3">
          <AssignmentStatusForm
            assignmentId={assignment.id}
            code={assignment.code}
            archived={assignment.archived}
            canDelete={!assignment.hasHistory}
            returnTo={`/admin/uppdrag/${assignment.id}`}
          />
        </div>
      </section>
    </>
  );
}
