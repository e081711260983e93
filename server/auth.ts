// next-auth 5: email + password login. The session cookie (a JWT) only names the user and
// a server-side session (db/sessions.ts): every request checks that session, so logout, an
// admin ending it, the idle timeout and the absolute lifetime end it for good — a copied
// cookie is then refused and never renewed (/api/auth/session included). Who the user is
// and what they may do is re-read from the database on every request (server/session.ts).
import { inspect } from 'node:util';
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { checkCredentials } from './credentials';
import { checkSession, endSession, startSession } from '@/db/sessions';
import { sessionLimitsFrom } from '@/lib/session-lifetime';
import { clientAddress } from '@/lib/login-throttle';
import { isHttpsDeployment } from '@/lib/security-headers';
import { resolveSsoLogin, ssoConfig, ssoProvider, SSO_PROVIDER_ID } from './sso';

export { loginSchema } from './credentials';

export const { handlers, auth, signIn, signOut } = NextAuth(() => {
  // Single sign-on is offered when the environment configures it (read per request).
  const sso = ssoConfig();
  return {
    // AUTH_SECRET is read from the environment at request time: db/boot.ts sets it before
    // the first request when it has to generate one.
    secret: process.env.AUTH_SECRET,
    trustHost: true,
    // Secure (__Secure-) cookies when the configured public URL is https: decided by
    // configuration, never by a client-sent X-Forwarded-Proto.
    useSecureCookies: isHttpsDeployment(process.env),
    // The cookie lives no longer than the absolute lifetime; the server-side session decides.
    session: { strategy: 'jwt', maxAge: Math.ceil(sessionLimitsFrom(process.env).absoluteMs / 1000) },
    pages: { signIn: '/logga-in', error: '/logga-in' },
    logger: {
      // A wrong password is an expected outcome, not a server error worth a stack trace.
      error(error: Error) {
        if (error.name !== 'CredentialsSignin') console.error('[auth]', error.name, error.message, inspect(error.cause, { depth: 3 }));
      },
    },
    providers: [
      Credentials({
        credentials: { email: {}, password: {} },
        authorize: async (credentials, request) => {
          // The client as the configured number of trusted proxies in front of the app report it.
          const client = clientAddress(request.headers.get('x-forwarded-for'), Number(process.env.MALBILD_TRUSTED_PROXIES ?? 0) || 0);
          const user = await checkCredentials(await getDb(), credentials, client);
          return user ? { id: user.id, organizationId: user.organizationId } : null;
        },
      }),
      ...(sso ? [ssoProvider(sso)] : []),
    ],
    events: {
      async signOut(message) {
        const token = 'token' in message ? message.token : null;
        if (token && typeof token.sid === 'string' && typeof token.org === 'string') {
          await endSession(await getDb(), token.org, token.sid, 'logout');
        }
      },
    },
    callbacks: {
      // A single sign-on login becomes a Målbild user here (matched, created or refused, and
      // audited: db/sso.ts); a refusal goes back to the login page with its reason.
      async signIn({ user, account, profile }) {
        if (account?.provider !== SSO_PROVIDER_ID) return true;
        if (!sso || !profile) return '/logga-in?fel=sso';
        const result = await resolveSsoLogin(await getDb(), sso, profile as Record<string, unknown>);
        if (!result.ok) return `/logga-in?fel=${result.problem}`;
        // The same object reaches the jwt callback below (no adapter: Auth.js passes it on).
        Object.assign(user, { id: result.userId, organizationId: result.organizationId, via: 'sso' });
        return true;
      },
      async jwt({ token, user }) {
        const db = await getDb();
        if (user) {
          const organizationId = String((user as { organizationId?: string }).organizationId);
          const via = (user as { via?: string }).via === 'sso' ? 'sso' : 'password';
          token.uid = user.id;
          token.org = organizationId;
          token.via = via;
          token.since = Date.now(); // when this session began; kept as the token is renewed
          token.sid = await startSession(db, organizationId, String(user.id), via);
          return token;
        }
        // Returning null ends the session: next-auth clears the cookie instead of renewing it.
        if (typeof token.sid !== 'string' || typeof token.uid !== 'string' || typeof token.org !== 'string') return null;
        const valid = await checkSession(db, token.org, token.uid, token.sid, new Date(), sessionLimitsFrom(process.env));
        return valid ? token : null;
      },
      session({ session, token }) {
        return {
          ...session,
          user: {
            ...session.user,
            id: String(token.uid ?? ''),
            organizationId: String(token.org ?? ''),
            since: Number(token.since ?? 0),
            via: token.via === 'sso' ? 'sso' : 'password',
          },
        };
      },
    },
  };
});
