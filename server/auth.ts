// next-auth 5: email + password login, JWT sessions. The session only names the user;
// who they are and what they may do is re-read from the database on every request
// (server/session.ts), so a disabled account or a removed grant stops working at once.
import NextAuth from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { getDb } from '@/db/client';
import { checkCredentials } from './credentials';

export { loginSchema } from './credentials';

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  // AUTH_SECRET is read from the environment at request time: db/boot.ts sets it before
  // the first request when it has to generate one.
  secret: process.env.AUTH_SECRET,
  trustHost: true,
  session: { strategy: 'jwt', maxAge: 10 * 60 * 60 },
  pages: { signIn: '/logga-in', error: '/logga-in' },
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error(error: Error) {
      if (error.name !== 'CredentialsSignin') console.error('[auth]', error.name, error.message);
    },
  },
  providers: [
    Credentials({
      credentials: { email: {}, password: {} },
      authorize: async (credentials) => {
        const user = await checkCredentials(await getDb(), credentials);
        return user ? { id: user.id, organizationId: user.organizationId } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.org = (user as { organizationId?: string }).organizationId;
        token.since = Date.now(); // when this session began; kept as the token is renewed
      }
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        user: {
          ...session.user,
          id: String(token.uid ?? ''),
          organizationId: String(token.org ?? ''),
          since: Number(token.since ?? 0),
        },
      };
    },
  },
}));
