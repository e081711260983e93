import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { getAssignmentFormOptions } from '@/db/admin/assignments';
import { requireUser } from '@/lib/session';
import { can } from '@/lib/policy';
import { AppHeader } from '@/components/app-header';
import { AssignmentForm } from '../assignment-form';
import { createAssignment } from '../actions';

export const metadata: Metadata = { title: 'Nytt uppdrag' };

export default async function NewAssignmentPage() {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'assignment', organizationId: user.organizationId })) notFound();
  const options = await getAssignmentFormOptions(await getDb(), user);
  return (
    <>
      <AppHeader user={user} />
      <main id="innehall" className="mx-auto max-w-5xl px-4 py-8">
        <nav aria-label="Brödsmulor" className="text-sm">
          <Link href="/admin" className="text-blue-800 underline">
            Administration
          </Link>{' '}
          ›{' '}
          <Link href="/admin/uppdrag" className="text-blue-800 underline">
            Uppdrag
          </Link>{' '}
          › Nytt uppdrag
        </nav>
        <h1 className="mt-2 text-2xl font-semibold">Nytt uppdrag</h1>
        <div className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
          <AssignmentForm assignment={null} options={options} save={createAssignment} />
        </div>
      </main>
    </>
  );
}
