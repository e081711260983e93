// Repeated failed logins for an account are slowed, then blocked for a while.
export const FREE_FAILURES = 2; // failures answered at full speed
export const LOCK_AFTER_FAILURES = 5; // this many failures in a row lock the account
export const LOCK_MINUTES = 15;
const MAX_DELAY_MS = 4000;

export interface ThrottleState {
  failures: number;
  lockedUntil: Date | null;
}

export function isLocked(state: ThrottleState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** How long to wait before checking a password, given the failures so far. */
export function loginDelayMs(state: ThrottleState, now: Date): number {
  const failures = expired(state, now) ? 0 : state.failures;
  if (failures <= FREE_FAILURES) return 0;
  return Math.min(MAX_DELAY_MS, 500 * 2 ** (failures - FREE_FAILURES - 1));
}

/** The state after one more failed attempt; a lock that has run out starts the count again. */
export function afterFailure(state: ThrottleState, now: Date): ThrottleState {
  const failures = (expired(state, now) ? 0 : state.failures) + 1;
  const lockedUntil =
    failures >= LOCK_AFTER_FAILURES ? new Date(now.getTime() + LOCK_MINUTES * 60_000) : isLocked(state, now) ? state.lockedUntil : null;
  return { failures, lockedUntil };
}

export const AFTER_SUCCESS: ThrottleState = { failures: 0, lockedUntil: null };

function expired(state: ThrottleState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() <= now.getTime();
}

export const LOCKED_MESSAGE = `För många misslyckade inloggningar. Kontot är spärrat i ${LOCK_MINUTES} minuter, försök igen senare.`;
export const WRONG_CREDENTIALS_MESSAGE = 'Fel e-postadress eller lösenord.';
