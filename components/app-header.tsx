import Link from 'next/link';
import type { CurrentUser } from '@/lib/current-user';
import { roleLabel } from '@/lib/roles';
import { can } from '@/lib/policy';

/**
 * The top bar: product, organization, the signed-in user with role, and logout. The page
 * frame gives the logout action (components never import app/).
 */
export function AppHeader({ user, logout }: { user: CurrentUser; logout: () => Promise<void> }) {
  const roles = user.roles.map(roleLabel).join(', ');
  const units = user.grantUnits.map((u) => u.name).join(', ');
  const isAdmin = can(user, 'manage', { kind: 'user', organizationId: user.organizationId });
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="mx-auto flex max-w-5xl flex-wrap items-center gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-blue-900 hover:underline">
          Målbild
        </Link>
        <span className="text-slate-700">{user.organizationName}</span>
        <nav aria-label="Huvudmeny" className="flex flex-wrap gap-x-4 gap-y-1 text-sm">
          <Link href="/" className="text-blue-800 underline-offset-2 hover:underline">
            Översikt
          </Link>
          <Link href="/avvikelser" className="text-blue-800 underline-offset-2 hover:underline">
            Avvikelser
          </Link>
          <Link href="/uppdrag" className="text-blue-800 underline-offset-2 hover:underline">
            Uppdrag
          </Link>
          <Link href="/rapport" className="text-blue-800 underline-offset-2 hover:underline">
            Rapport
          </Link>
          {(isAdmin || user.roles.includes('editor')) && (
            <Link href="/rapportering" className="text-blue-800 underline-offset-2 hover:underline">
              Min rapportering
            </Link>
          )}
          {(isAdmin || user.roles.includes('director')) && (
            <Link href="/attest" className="text-blue-800 underline-offset-2 hover:underline">
              Attest
            </Link>
          )}
          {isAdmin && (
            <Link href="/admin" className="text-blue-800 underline-offset-2 hover:underline">
              Administration
            </Link>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-3 text-sm">
          <p>
            <span className="font-medium">{user.name}</span>
            <span className="text-slate-700">
              {' '}
              · {roles}
              {units ? ` (${units})` : ''}
            </span>
          </p>
          <form action={logout}>
            <button
              type="submit"
              className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
            >
              Logga ut
            </button>
          </form>
        </div>
      </div>
    </header>
  );
}
