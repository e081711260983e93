import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getAssignmentFormOptions } from '@/db/admin/assignments';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';
import { AdminBreadcrumb } from '@/components/breadcrumb';
import { AssignmentForm } from '../assignment-form';
import { createAssignment } from '../actions';

export const metadata: Metadata = { title: 'Nytt uppdrag' };

export default async function NewAssignmentPage() {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'assignment', organizationId: user.organizationId })) notFound();
  const options = await getAssignmentFormOptions(await getDb(), user);
  return (
    <>
      <AdminBreadcrumb trail={[{ href: '/admin/uppdrag', label: 'Uppdrag' }]} here="Nytt uppdrag" />
      <h1 className="mt-2 text-2xl font-semibold">Nytt uppdrag</h1>
      <div className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
        <AssignmentForm assignment={null} options={options} save={createAssignment} />
      </div>
    </>
  );
}
