// The credential check behind the login: email + password against the accounts, with the
// same hashing work and the same answer whether or not the email exists, and throttling
// that slows a guesser without letting anyone lock the owner out (lib/login-throttle.ts).
import { z } from '@/lib/zod';
import type { Db } from '@/db/client';
import { findLoginCandidates, recordLoginRefusal } from '@/db/users';
import { clearAttempts, loadAttempts, recordFailure } from '@/db/login-attempts';
import { isClientRefused, loginDelayMs } from '@/lib/login-throttle';
import { verifyPassword } from './password';

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

/** The throttling keys of an attempt: the account, the account from this client, the client. */
function attemptKeys(email: string, client: string) {
  return { account: `account:${email}`, pair: `pair:${email}|${client}`, client: `client:${client}` };
}

/**
 * Checks a login from a client (its address); returns the user's ids, or null for any
 * refusal — a wrong password, an unknown or disabled account, or a throttled client alike.
 */
export async function checkCredentials(db: Db, raw: unknown, client = 'okänd'): Promise<{ id: string; organizationId: string } | null> {
  const parsed = loginSchema.safeParse(raw);
  if (!parsed.success) return null;
  const email = parsed.data.email.toLowerCase();
  const { password } = parsed.data;
  const keys = attemptKeys(email, client);
  const now = new Date();
  const [[account, pair, fromClient], candidates] = await Promise.all([
    loadAttempts(db, [keys.account, keys.pair, keys.client]),
    findLoginCandidates(db, email),
  ]);

  if (isClientRefused(pair!, fromClient!, now)) {
    await verifyPassword(null, password); // the same work as any other answer
    await recordFailure(db, [keys.account, keys.pair, keys.client], now);
    for (const c of candidates) await recordLoginRefusal(db, c, 'throttled');
    return null;
  }
  await sleep(loginDelayMs(account!, now));
  if (candidates.length === 0) await verifyPassword(null, password); // an unknown address does the same work
  for (const candidate of candidates) {
    if (!(await verifyPassword(candidate.passwordHash, password))) continue;
    if (candidate.disabled) {
      await recordLoginRefusal(db, candidate, 'disabled');
      return null;
    }
    if (!candidate.passwordLogin) {
      // The organization signs in only with its identity provider (issue 17).
      await recordLoginRefusal(db, candidate, 'password_login_off');
      return null;
    }
    await clearAttempts(db, [keys.account, keys.pair]);
    return { id: candidate.id, organizationId: candidate.organizationId };
  }
  await recordFailure(db, [keys.account, keys.pair, keys.client], now);
  for (const c of candidates) await recordLoginRefusal(db, c, 'wrong_password');
  return null;
}
