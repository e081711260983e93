import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { listApiTokens, type ApiTokenListItemDTO } from '@/db/api-tokens';
import { listUnits } from '@/db/unit-tree';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';
import { formatDateTime, formatDayOf, todayInStockholm } from '@/lib/time-format';
import { AdminBreadcrumb } from '@/components/breadcrumb';
import { CreateApiTokenForm } from './create-api-token-form';
import { RevokeApiTokenForm } from './revoke-api-token-form';

export const metadata: Metadata = { title: 'API-nycklar' };

const STATE: Record<ApiTokenListItemDTO['state'], { text: string; style: string }> = {
  active: { text: 'Aktiv', style: 'border-green-700 bg-green-50 text-green-900' },
  expired: { text: 'Utgången', style: 'border-slate-500 bg-slate-100 text-slate-800' },
  revoked: { text: 'Återkallad', style: 'border-red-700 bg-red-50 text-red-900' },
};

/** A year from today (28 February for a 29th), the form's suggested last day. */
function aYearFromToday(): string {
  const [y, m, d] = todayInStockholm().split('-');
  return `${Number(y) + 1}-${m}-${m === '02' && d === '29' ? '28' : d}`;
}

export default async function ApiTokensPage() {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'organization', organizationId: user.organizationId })) notFound();
  const db = await getDb();
  const [tokens, units] = await Promise.all([listApiTokens(db, user), listUnits(db, user)]);
  return (
    <>
      <AdminBreadcrumb here="API-nycklar" />
      <h1 className="mt-2 text-2xl font-semibold">API-nycklar</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Andra system, till exempel personalsystemet, läser och skriver i Målbild genom REST-API:t med en nyckel. En nyckel
        läser allt i kommunen; en nyckel som skriver får spara utfall och återrapporteringar för sin enhet och enheterna under
        den, med samma regler som formulären. Varje anrop loggas i{' '}
        <Link href="/admin/logg" className="text-blue-800 underline">
          händelseloggen
        </Link>
        . Hur API:t används beskrivs i{' '}
        <Link href="/admin/api/dokumentation" className="text-blue-800 underline">
          API-dokumentationen
        </Link>
        .
      </p>

      <section aria-labelledby="ny-nyckel" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="ny-nyckel" className="text-lg font-semibold">
          Ny nyckel
        </h2>
        <div className="mt-3">
          <CreateApiTokenForm units={units} defaultExpiry={aYearFromToday()} />
        </div>
      </section>

      <section aria-labelledby="alla-nycklar" className="mt-8">
        <h2 id="alla-nycklar" className="text-lg font-semibold">
          Alla nycklar
        </h2>
        {tokens.length === 0 ? (
          <p className="mt-2 text-slate-700">Det finns inga API-nycklar ännu. Skapa en ovan när ett system ska kopplas till Målbild.</p>
        ) : (
          <table className="stack-table mt-3 w-full border-collapse text-sm">
            <thead>
              <tr className="border-b border-slate-300 text-left">
                <th scope="col" className="py-2 pr-3">Namn</th>
                <th scope="col" className="py-2 pr-3">Behörighet</th>
                <th scope="col" className="py-2 pr-3">Status</th>
                <th scope="col" className="py-2 pr-3">Giltig till och med</th>
                <th scope="col" className="py-2 pr-3">Senast använd</th>
                <th scope="col" className="py-2 pr-3">Skapad</th>
                <th scope="col" className="py-2">
                  <span className="sr-only">Åtgärd</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {tokens.map((t) => (
                <tr key={t.id} className="border-b border-slate-200 align-top">
                  <td data-label="Namn" className="py-2 pr-3">
                    <span className="font-semibold break-words">{t.name}</span>
                    <span className="block font-mono text-xs text-slate-700">{t.prefix}…</span>
                  </td>
                  <td data-label="Behörighet" className="py-2 pr-3">
                    {t.scope === 'write' ? `Läsa, och skriva för ${t.units.join(', ')}` : 'Bara läsa'}
                  </td>
                  <td data-label="Status" className="py-2 pr-3">
                    <span className={`inline-block whitespace-nowrap rounded border px-2 py-0.5 text-xs font-semibold ${STATE[t.state].style}`}>{STATE[t.state].text}</span>
                    {t.revokedAt && <span className="block text-xs text-slate-700">{formatDateTime(t.revokedAt)}</span>}
                  </td>
                  <td data-label="Giltig till och med" className="py-2 pr-3">
                    {formatDayOf(new Date(new Date(t.expiresAt).getTime() - 1))}
                  </td>
                  <td data-label="Senast använd" className="py-2 pr-3">
                    {t.lastUsedAt ? formatDateTime(t.lastUsedAt) : 'Aldrig'}
                  </td>
                  <td data-label="Skapad" className="py-2 pr-3">
                    {formatDateTime(t.createdAt)} av {t.createdByName}
                  </td>
                  <td data-label="Åtgärd" className="whitespace-nowrap py-2">
                    {t.state === 'active' && <RevokeApiTokenForm tokenId={t.id} name={t.name} />}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </>
  );
}
