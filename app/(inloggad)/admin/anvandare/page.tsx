import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { listUsers } from '@/db/users';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';
import { roleLabel } from '@/lib/roles';
import { AdminBreadcrumb } from '@/components/breadcrumb';
import { UserStatusForm } from './user-status-form';
import { ScrollTable } from '@/components/scroll-table';

export const metadata: Metadata = { title: 'Användare' };

export default async function UsersPage() {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'user', organizationId: user.organizationId })) notFound();
  const users = await listUsers(await getDb(), user);
  return (
    <>
      <AdminBreadcrumb here="Användare" />
      <div className="mt-2 flex flex-wrap items-baseline justify-between gap-3">
        <h1 className="text-2xl font-semibold">Användare</h1>
        <Link
          href="/admin/anvandare/ny"
          className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
        >
          Ny användare
        </Link>
      </div>
      <p className="mt-1 text-slate-700">
        Välj en användare för att ändra uppgifter, behörigheter eller lösenord. En inaktiverad användare loggas ut
        direkt och kan inte logga in igen förrän kontot aktiveras. Användare raderas aldrig.
      </p>
      <ScrollTable caption={`Användare i ${user.organizationName}`} columns={['Namn', 'E-post', 'Roll', 'Status', 'Åtgärd']} className="mt-6">
        {users.map((u) => (
          <tr key={u.id} className="border-b border-slate-100 align-top">
            <th scope="row" className="px-3 py-2 font-medium">
              <Link href={`/admin/anvandare/${u.id}`} className="text-blue-800 underline">
                {u.name}
              </Link>
              {u.title && <span className="block text-xs font-normal text-slate-600">{u.title}</span>}
            </th>
            <td data-label="E-post" className="px-3 py-2">{u.email}</td>
            <td data-label="Roll" className="px-3 py-2">
              {u.roles.map(roleLabel).join(', ')}
              {u.units.length > 0 && <span className="block text-xs text-slate-600">{u.units.join(', ')}</span>}
            </td>
            <td data-label="Status" className="px-3 py-2">{u.disabled ? 'Inaktiverad' : 'Aktiv'}</td>
            <td data-label="Åtgärd" className="px-3 py-2">
              {u.id === user.id ? (
                <span className="text-slate-600">Ditt konto</span>
              ) : (
                <UserStatusForm userId={u.id} name={u.name} disabled={u.disabled} />
              )}
            </td>
          </tr>
        ))}
      </ScrollTable>
    </>
  );
}
