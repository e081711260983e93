// next-auth 5: email + password login, JWT sessions. The session only names the user;
// who they are and what they may do is re-read from the database on every request
// (lib/session.ts), so a disabled account or a removed grant stops working at once.
import NextAuth, { CredentialsSignin } from 'next-auth';
import Credentials from 'next-auth/providers/credentials';
import { z } from 'zod';
import { getDb } from '@/db/client';
import { findLoginCandidates, recordLoginFailure, recordLoginSuccess } from '@/db/users';
import { isLocked, loginDelayMs } from './login-throttle';
import { verifyPassword } from './password';

export class AccountLockedError extends CredentialsSignin {
  code = 'locked';
}

export const loginSchema = z.object({
  email: z
    .string()
    .trim()
    .min(1, 'Ange din e-postadress.')
    .max(320, 'E-postadressen är för lång.')
    .pipe(z.email('Ange en giltig e-postadress, till exempel namn@kommun.se.')),
  password: z.string().min(1, 'Ange ditt lösenord.').max(1000, 'Lösenordet är för långt.'),
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Checks a login; returns the user's ids, null for a wrong login, or throws AccountLockedError. */
export async function checkCredentials(raw: unknown): Promise<{ id: string; organizationId: string } | null> {
  const parsed = loginSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
  const db = await getDb();
  const candidates = await findLoginCandidates(db, email);
  if (candidates.length === 0) {
    await verifyPassword(null, password); // the same work as for a real account
    return null;
  }
  const now = new Date();
  let locked = false;
  for (const candidate of candidates) {
    if (isLocked(candidate.throttle, now)) {
      await verifyPassword(null, password);
      locked = true;
      continue;
    }
    await sleep(loginDelayMs(candidate.throttle, now));
    if (await verifyPassword(candidate.passwordHash, password)) {
      if (candidate.disabled) return null;
      await recordLoginSuccess(db, candidate.organizationId, candidate.id);
      return { id: candidate.id, organizationId: candidate.organizationId };
    }
    const after = await recordLoginFailure(db, candidate.organizationId, candidate.id, now);
    if (isLocked(after, now)) locked = true;
  }
  if (locked) throw new AccountLockedError();
  return null;
}

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
        const user = await checkCredentials(credentials);
        return user ? { id: user.id, organizationId: user.organizationId } : null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        token.uid = user.id;
        token.org = (user as { organizationId?: string }).organizationId;
      }
      return token;
    },
    session({ session, token }) {
      return {
        ...session,
        user: { ...session.user, id: String(token.uid ?? ''), organizationId: String(token.org ?? '') },
      };
    },
  },
}));
