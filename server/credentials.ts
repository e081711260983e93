// The credential check behind the login: email + password against the accounts, with
// throttling and a constant amount of hashing work whether or not the email exists.
import { CredentialsSignin } from 'next-auth';
import { z } from '@/lib/zod';
import type { Db } from '@/db/client';
import { findLoginCandidates, recordLoginFailure, recordLoginSuccess } from '@/db/users';
import { isLocked, loginDelayMs } from '@/lib/login-throttle';
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
export async function checkCredentials(db: Db, raw: unknown): Promise<{ id: string; organizationId: string } | null> {
  const parsed = loginSchema.safeParse(raw);
  if (!parsed.success) return null;
  const { email, password } = parsed.data;
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
