// "Logga in med <namn>": starts the single sign-on at the identity provider (Auth.js sets the
// state, PKCE verifier and nonce cookies and redirects). A link, not a form: starting a login
// changes nothing, and the callback only accepts the answer to a flow begun in this browser
// (the state and PKCE cookies), so a page elsewhere linking here can log in nobody but the
// visitor, as themselves.
import { notFound } from 'next/navigation';
import type { NextRequest } from 'next/server';
import { signIn } from '@/server/auth';
import { ssoConfig, SSO_PROVIDER_ID } from '@/server/sso';
import { safeRedirectPath } from '@/lib/safe-redirect';

export async function GET(request: NextRequest) {
  if (!ssoConfig()) notFound();
  await signIn(SSO_PROVIDER_ID, { redirectTo: safeRedirectPath(request.nextUrl.searchParams.get('till')) });
}
