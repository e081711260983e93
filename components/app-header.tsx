import Link from 'next/link';
import type { CurrentUser } from '@/lib/current-user';
import { roleLabel } from '@/lib/roles';
import { can } from '@/lib/policy';
import { HeaderMenu } from './header-menu';

const LINK = 'text-blue-800 underline-offset-2 hover:underline';

/**
 * The top bar: product, organization, the main menu, the signed-in user with role, and
 * logout. The page frame gives the logout action (components never import app/).
 *
 * From 768 px the menu is a row of links; below that it collapses into a "Meny" button (a
 * native <details>/<summary>: it opens with keyboard and screen reader, also without
 * JavaScript). Only one of the two is displayed at a time, so the page has one main menu.
 */
export function AppHeader({ user, logout }: { user: CurrentUser; logout: () => Promise<void> }) {
  const roles = user.roles.map(roleLabel).join(', ');
  const units = user.grantUnits.map((u) => u.name).join(', ');
  const isAdmin = can(user, 'manage', { kind: 'user', organizationId: user.organizationId });
  const links = [
    { href: '/', label: 'Översikt' },
    { href: '/avvikelser', label: 'Avvikelser' },
    { href: '/uppdrag', label: 'Uppdrag' },
    { href: '/ekonomi', label: 'Ekonomi' },
    { href: '/rapport', label: 'Rapport' },
    ...(can(user, 'search_texts', { kind: 'organization', organizationId: user.organizationId }) ? [{ href: '/sok', label: 'Sök' }] : []),
    ...(isAdmin || user.roles.includes('editor') ? [{ href: '/rapportering', label: 'Min rapportering' }] : []),
    ...(isAdmin || user.roles.includes('director') ? [{ href: '/attest', label: 'Attest' }] : []),
    ...(isAdmin ? [{ href: '/admin', label: 'Administration' }] : []),
  ];
  const who = (
    <p className="min-w-0 break-words">
      <span className="font-medium">{user.name}</span>
      <span className="text-slate-700">
        {' '}
        · {roles}
        {units ? ` (${units})` : ''}
      </span>
    </p>
  );
  const logoutForm = (
    <form action={logout}>
      <button
        type="submit"
        className="rounded border border-slate-400 px-3 py-1 hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
      >
        Logga ut
      </button>
    </form>
  );
  return (
    <header className="border-b border-slate-200 bg-white print:hidden">
      <div className="relative mx-auto flex max-w-5xl flex-wrap items-center gap-x-3 md:gap-x-6 gap-y-2 px-4 py-3">
        <Link href="/" className="text-lg font-bold text-blue-900 hover:underline">
          Målbild
        </Link>
        <span className="min-w-0 text-slate-700">{user.organizationName}</span>
        <nav aria-label="Huvudmeny" className="hidden flex-wrap gap-x-4 gap-y-1 text-sm md:flex">
          {links.map((link) => (
            <Link key={link.href} href={link.href} className={LINK}>
              {link.label}
            </Link>
          ))}
        </nav>
        <div className="ml-auto hidden items-center gap-3 text-sm md:flex">
          {who}
          {logoutForm}
        </div>
        <HeaderMenu className="ml-auto md:hidden">
          <nav aria-label="Huvudmeny">
            <ul className="space-y-1">
              {links.map((link) => (
                <li key={link.href}>
                  <Link href={link.href} className={`block py-2 ${LINK}`}>
                    {link.label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <div className="mt-3 space-y-2 border-t border-slate-200 pt-3 text-sm">
            {who}
            {logoutForm}
          </div>
        </HeaderMenu>
      </div>
    </header>
  );
}
