// Throttling failed logins: slower per account, refused per client, never a lockout of the owner.
import { describe, expect, it } from 'vitest';
import {
  ACCOUNT_CLIENT_LIMIT,
  CLIENT_LIMIT,
  NO_ATTEMPTS,
  WINDOW_MINUTES,
  afterFailure,
  clientAddress,
  failuresNow,
  isClientRefused,
  loginDelayMs,
  type AttemptCount,
} from '@/lib/login-throttle';

const now = new Date('2024-09-10T10:00:00Z');
const minutes = (m: number) => new Date(now.getTime() + m * 60_000);

function failTimes(n: number, at = now): AttemptCount {
  let count = NO_ATTEMPTS;
  for (let i = 0; i < n; i++) count = afterFailure(count, at);
  return count;
}

describe('login throttling', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 500],
    [4, 1000],
    [5, 2000],
    [6, 4000],
    [40, 4000],
  ])('after %i failures on an account the next attempt waits %i ms', (failures, delay) => {
    expect(loginDelayMs(failTimes(failures), now)).toBe(delay);
  });

  it('forgets failures when the window has run out, and starts a new one', () => {
    const count = failTimes(4);
    expect(failuresNow(count, minutes(WINDOW_MINUTES - 1))).toBe(4);
    expect(failuresNow(count, minutes(WINDOW_MINUTES))).toBe(0);
    expect(loginDelayMs(count, minutes(WINDOW_MINUTES))).toBe(0);
    expect(afterFailure(count, minutes(WINDOW_MINUTES))).toEqual({ failures: 1, windowStartedAt: minutes(WINDOW_MINUTES) });
  });

  it('refuses a client after its own failures on one account, or on many, and no other client', () => {
    expect(isClientRefused(failTimes(ACCOUNT_CLIENT_LIMIT - 1), failTimes(ACCOUNT_CLIENT_LIMIT - 1), now)).toBe(false);
    expect(isClientRefused(failTimes(ACCOUNT_CLIENT_LIMIT), failTimes(ACCOUNT_CLIENT_LIMIT), now)).toBe(true);
    expect(isClientRefused(NO_ATTEMPTS, failTimes(CLIENT_LIMIT), now)).toBe(true);
    // The owner on another client: nothing counted against that client, so never refused.
    expect(isClientRefused(NO_ATTEMPTS, NO_ATTEMPTS, now)).toBe(false);
    expect(isClientRefused(failTimes(ACCOUNT_CLIENT_LIMIT), NO_ATTEMPTS, minutes(WINDOW_MINUTES))).toBe(false);
  });

  it('takes the client address that the trusted proxies vouch for', () => {
    expect(clientAddress('203.0.113.9', 0)).toBe('203.0.113.9');
    // Behind one reverse proxy that appends what it saw, a client-sent first hop does not count.
    expect(clientAddress('1.2.3.4, 203.0.113.9', 0)).toBe('203.0.113.9');
    expect(clientAddress('203.0.113.9, 10.0.0.2', 1)).toBe('203.0.113.9');
    expect(clientAddress(null, 0)).toBe('okänd');
    expect(clientAddress('  ', 2)).toBe('okänd');
  });
});
