// Throttling of failed logins, without lockouts a stranger could cause. Failures are
// counted per account (the email as typed, known or not: an unknown address behaves the
// same), per account from one client, and per client, in a window of WINDOW_MINUTES:
// - every failure answers with the same message (WRONG_CREDENTIALS_MESSAGE);
// - after FREE_FAILURES on an account, each attempt on it waits longer (up to MAX_DELAY_MS)
//   before the password is checked — this slows a guesser spread over many clients, and
//   never refuses the right password;
// - after ACCOUNT_CLIENT_LIMIT failures on one account from one client, that client's
//   attempts on the account are refused for the rest of the window, and after CLIENT_LIMIT
//   failures from one client on any accounts, all its attempts are — so a stranger hammering
//   an account blocks only themselves, never the owner logging in from their own computer.

export const WINDOW_MINUTES = 15;
export const FREE_FAILURES = 2;
export const ACCOUNT_CLIENT_LIMIT = 5;
export const CLIENT_LIMIT = 30;
const MAX_DELAY_MS = 4000;

export interface AttemptCount {
  failures: number;
  windowStartedAt: Date | null;
}

export const NO_ATTEMPTS: AttemptCount = { failures: 0, windowStartedAt: null };

/** The failures that count now: none once the window has run out. */
export function failuresNow(count: AttemptCount, now: Date): number {
  if (!count.windowStartedAt) return 0;
  return now.getTime() - count.windowStartedAt.getTime() >= WINDOW_MINUTES * 60_000 ? 0 : count.failures;
}

/** The count after one more failure; a run-out window starts again. */
export function afterFailure(count: AttemptCount, now: Date): AttemptCount {
  const failures = failuresNow(count, now);
  return failures === 0 ? { failures: 1, windowStartedAt: now } : { failures: failures + 1, windowStartedAt: count.windowStartedAt };
}

/** How long to wait before checking a password on an account with these failures. */
export function loginDelayMs(account: AttemptCount, now: Date): number {
  const failures = failuresNow(account, now);
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, 500 * 2 ** (failures - FREE_FAILURES - 1));
}

/** Is this client refused, for this account (its own failures on it) or altogether? */
export function isClientRefused(pair: AttemptCount, client: AttemptCount, now: Date): boolean {
  return failuresNow(pair, now) >= ACCOUNT_CLIENT_LIMIT || failuresNow(client, now) >= CLIENT_LIMIT;
}

/** Where a request comes from: the address the last `trustedProxies` hops in X-Forwarded-For vouch for. */
export function clientAddress(forwardedFor: string | null, trustedProxies: number): string {
  const hops = (forwardedFor ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  return hops[Math.max(0, hops.length - 1 - Math.max(0, trustedProxies))] ?? 'okänd';
}

/** The one answer to every failed login, whatever the reason. */
export const WRONG_CREDENTIALS_MESSAGE = 'Fel e-postadress eller lösenord.';
