import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { anyPasswordLogin } from '@/db/sso';
import { getCurrentUser } from '@/server/session';
import { providerLogoutUrl, ssoConfig } from '@/server/sso';
import { safeRedirectPath } from '@/lib/safe-redirect';
import { ssoProblemMessage } from '@/lib/sso-messages';
import { LoginForm } from './login-form';

export const metadata: Metadata = { title: 'Logga in' };

interface LoginQuery {
  till?: string;
  /** Why a single sign-on login was refused (server/auth.ts signIn callback). */
  fel?: string;
  /** Auth.js' own error (a failed exchange with the provider, say). */
  error?: string;
  /** 'sso': the user just logged out of a single sign-on session. */
  utloggad?: string;
}

export default async function LoginPage({ searchParams }: { searchParams: Promise<LoginQuery> }) {
  const query = await searchParams;
  if (await getCurrentUser()) redirect(safeRedirectPath(query.till));
  const sso = ssoConfig();
  const returnTo = safeRedirectPath(query.till);
  const [passwordLogin, logoutUrl] = await Promise.all([
    getDb().then(anyPasswordLogin),
    sso && query.utloggad === 'sso' ? providerLogoutUrl(sso) : null,
  ]);
  const ssoMessage = sso ? ssoProblemMessage(query.fel ?? query.error, sso.displayName) : null;
  return (
    <main id="innehall" className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-lg border border-slate-200 bg-white p-6 shadow-sm">
        <p className="text-xl font-bold text-blue-900">Målbild</p>
        <h1 className="mt-1 text-lg font-semibold">Logga in</h1>
        <p className="mt-1 text-sm text-slate-700">Uppföljning av mål, mått och uppdrag.</p>
        {sso && query.utloggad === 'sso' && (
          <div role="status" className="mt-4 rounded border border-slate-300 bg-slate-50 px-3 py-2 text-sm">
            <p>Du är utloggad från Målbild. Du kan fortfarande vara inloggad hos {sso.displayName}.</p>
            {logoutUrl && (
              <p className="mt-1">
                <a href={logoutUrl} className="text-blue-800 underline underline-offset-2">
                  Logga ut från {sso.displayName} också
                </a>
              </p>
            )}
          </div>
        )}
        {ssoMessage && (
          <p id="sso-error" role="alert" className="mt-4 rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
            {ssoMessage}
          </p>
        )}
        {sso && (
          <a
            href={`/logga-in/sso${returnTo === '/' ? '' : `?till=${encodeURIComponent(returnTo)}`}`}
            aria-describedby={ssoMessage ? 'sso-error' : undefined}
            className="mt-5 block w-full rounded bg-blue-800 px-4 py-2 text-center font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
          >
            Logga in med {sso.displayName}
          </a>
        )}
        {sso && passwordLogin && (
          <p className="mt-5 flex items-center gap-3 text-sm text-slate-700" aria-hidden="true">
            <span className="h-px flex-1 bg-slate-300" />
            eller med e-post och lösenord
            <span className="h-px flex-1 bg-slate-300" />
          </p>
        )}
        {passwordLogin ? (
          <LoginForm returnTo={returnTo} />
        ) : (
          !sso && (
            <p className="mt-5 text-sm">
              Inloggning med lösenord är avstängd och ingen annan inloggning är konfigurerad. Kontakta kommunens systemförvaltare.
            </p>
          )
        )}
        <p className="mt-6 border-t border-slate-200 pt-4 text-sm">
          <Link href="/tillganglighet" className="text-blue-800 underline underline-offset-2">
            Tillgänglighetsredogörelse
          </Link>
        </p>
      </div>
    </main>
  );
}
