import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { listUnitOptions } from '@/db/admin/units';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';
import { MIN_PASSWORD_LENGTH } from '@/lib/password-rules';
import { AdminBreadcrumb } from '@/components/breadcrumb';
import { UserCreateForm } from '../user-forms';

export const metadata: Metadata = { title: 'Ny användare' };

export default async function NewUserPage() {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'user', organizationId: user.organizationId })) notFound();
  const units = await listUnitOptions(await getDb(), user);
  return (
    <>
      <AdminBreadcrumb trail={[{ href: '/admin/anvandare', label: 'Användare' }]} here="Ny användare" />
      <h1 className="mt-2 text-2xl font-semibold">Ny användare</h1>
      <p className="mt-1 text-slate-700">
        Ge användaren ett första lösenord och berätta det på ett säkert sätt. Rollerna går att ändra efteråt.
      </p>
      <section aria-label="Uppgifter om användaren" className="mt-6 rounded-lg border border-slate-200 bg-white p-5">
        <UserCreateForm units={units} minPasswordLength={MIN_PASSWORD_LENGTH} />
      </section>
    </>
  );
}
