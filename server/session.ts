// The signed-in user for this request, re-read from the database (once per request).
//
// The session cookie is Auth.js's JWT (server/auth.ts), read here with Auth.js' own getToken
// (the same cookie name, salt and secret as auth(), so the same decryption and expiry check)
// from the request's cookies only, decrypted by server/session-token.ts (the same rules, the
// key derived once). The server-side session it names is then checked and the
// user re-read in ONE statement (db/sessions.ts loadSessionUser: the jwt callback's
// checkSession and loadCurrentUser together), instead of auth()'s whole session round —
// decode, the jwt callback's query, a newly encrypted token that a page or an action cannot
// set as a cookie anyway, JSON in and out — followed by three more queries (issue 19).
import 'server-only';
import { cache } from 'react';
import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { getToken } from 'next-auth/jwt';
import { getDb } from '@/db/client';
import { decodeSessionToken } from './session-token';
import { loadSessionUser, type SessionClaims } from '@/db/sessions';
import type { CurrentUser } from '@/lib/current-user';
import { isHttpsDeployment } from '@/lib/security-headers';
import { sessionLimitsFrom } from '@/lib/session-lifetime';

/** The claims of the request's session cookie, or null without a valid one. */
async function sessionClaims(): Promise<SessionClaims | null> {
  const cookie = (await headers()).get('cookie');
  if (!cookie || !process.env.AUTH_SECRET) return null;
  const token = await getToken({
    // Only the cookie: never a bearer token, which auth() would not take either.
    req: { headers: new Headers({ cookie }) },
    secret: process.env.AUTH_SECRET,
    secureCookie: isHttpsDeployment(process.env),
    // Auth.js' rules with the key derived once per process (server/session-token.ts).
    decode: async ({ token, secret, salt }) => (token && typeof secret === 'string' ? decodeSessionToken(token, secret, salt) : null),
  });
  if (!token || typeof token.uid !== 'string' || !token.uid || !token.org || typeof token.org !== 'string' || typeof token.sid !== 'string') return null;
  return { organizationId: token.org, userId: token.uid, sessionId: token.sid, since: Number(token.since ?? 0) || 0 };
}

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const claims = await sessionClaims();
  if (!claims) return null;
  return loadSessionUser(await getDb(), claims, new Date(), sessionLimitsFrom(process.env));
});

/** The current user, even one without any role, or a redirect to the login page. */
export async function requireSignedIn(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/logga-in');
  return user;
}

/**
 * The current user, or a redirect to the login page; a user without any role (created at a
 * single sign-on login and not yet given one) goes to the overview, which tells them so.
 */
export async function requireUser(): Promise<CurrentUser> {
  const user = await requireSignedIn();
  if (user.roles.length === 0) redirect('/');
  return user;
}
