import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { getUserForAdmin, type GrantDTO } from '@/db/admin/users';
import { listUnitOptions } from '@/db/admin/units';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';
import { parseId } from '@/lib/route-params';
import { roleLabel } from '@/lib/roles';
import { MIN_PASSWORD_LENGTH } from '@/lib/password-rules';
import { AdminBreadcrumb } from '@/components/breadcrumb';
import { PasswordForm, UserDetailsForm } from '../user-forms';
import { AddGrantForm, GrantList } from '../grant-forms';
import { UserStatusForm } from '../user-status-form';
import { EndSessionsForm } from '../end-sessions-form';

export const metadata: Metadata = { title: 'Ändra användare' };

function grantLabel(g: GrantDTO): string {
  if (g.role !== 'editor') return roleLabel(g.role);
  return `Rapportör för ${g.unitName ?? 'okänd enhet'}${g.unitArchived ? ' (arkiverad enhet)' : ''}`;
}

export default async function UserPage({
  params,
  searchParams,
}: {
  params: Promise<{ userId: string }>;
  searchParams: Promise<{ skapad?: string }>;
}) {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'user', organizationId: user.organizationId })) notFound();
  const userId = parseId((await params).userId);
  if (!userId) notFound();
  const db = await getDb();
  const [account, units] = await Promise.all([
    getUserForAdmin(db, user, userId).catch(notFoundOrThrow),
    listUnitOptions(db, user),
  ]);
  const created = (await searchParams).skapad === '1';
  const grants = account.grants.map((g) => ({
    id: g.id,
    label: grantLabel(g),
    locked: account.isSelf && g.role === 'admin' ? 'Din egen behörighet kan inte tas bort' : null,
  }));
  const section = 'mt-6 rounded-lg border border-slate-200 bg-white p-5';

  return (
    <>
      <AdminBreadcrumb trail={[{ href: '/admin/anvandare', label: 'Användare' }]} here={account.name} />
      <h1 className="mt-2 text-2xl font-semibold">{account.name}</h1>
      <p className="mt-1 text-slate-700">
        {account.title && <>{account.title} · </>}
        {account.email} · {account.disabled ? 'Inaktiverad' : 'Aktiv'}
      </p>
      {created && (
        <p role="status" className="mt-4 rounded border border-green-300 bg-green-50 px-3 py-2 text-sm text-green-900">
          {account.name} är skapad och kan logga in.
        </p>
      )}

      <section aria-labelledby="uppgifter" className={section}>
        <h2 id="uppgifter" className="text-lg font-semibold">
          Uppgifter
        </h2>
        <div className="mt-3">
          <UserDetailsForm
            userId={account.id}
            initial={{ name: account.name, email: account.email, title: account.title ?? '' }}
          />
        </div>
      </section>

      <section aria-labelledby="behorigheter" className={section}>
        <h2 id="behorigheter" className="text-lg font-semibold">
          Behörigheter
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          En ändring gäller från användarens nästa klick. En rapportör för en enhet rapporterar också för enheterna under den.
        </p>
        <div className="mt-3">
          <GrantList userId={account.id} grants={grants} />
        </div>
        <h3 className="mt-5 font-semibold">Lägg till behörighet</h3>
        <div className="mt-2">
          <AddGrantForm userId={account.id} units={units} />
        </div>
      </section>

      <section aria-labelledby="losenord" className={section}>
        <h2 id="losenord" className="text-lg font-semibold">
          Nytt lösenord
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          {account.isSelf
            ? 'Du loggas ut och loggar sedan in med det nya lösenordet.'
            : 'Användaren loggas ut överallt och loggar sedan in med det nya lösenordet. En spärr efter misslyckade inloggningar hävs.'}
        </p>
        <div className="mt-3">
          <PasswordForm userId={account.id} minPasswordLength={MIN_PASSWORD_LENGTH} />
        </div>
      </section>

      <section aria-labelledby="konto" className={section}>
        <h2 id="konto" className="text-lg font-semibold">
          Konto
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Användare raderas aldrig, eftersom de står som författare i historiken. Ett inaktiverat konto loggas ut direkt.
        </p>
        <div className="mt-3">
          {account.isSelf ? (
            <p className="text-sm">Du kan inte inaktivera ditt eget konto.</p>
          ) : (
            <UserStatusForm userId={account.id} name={account.name} disabled={account.disabled} />
          )}
        </div>
        <p className="mt-4 text-sm text-slate-700">
          Avsluta alla inloggningar om en dator har blivit stulen eller lämnats inloggad: kontot loggas ut överallt och kan logga in igen.
        </p>
        <div className="mt-2">
          <EndSessionsForm userId={account.id} name={account.name} />
        </div>
      </section>
    </>
  );
}
