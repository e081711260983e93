import { describe, expect, it } from 'vitest';
import { AFTER_SUCCESS, LOCK_AFTER_FAILURES, afterFailure, isLocked, loginDelayMs, type ThrottleState } from '@/lib/login-throttle';

const now = new Date('2024-09-10T10:00:00Z');
const minutes = (m: number) => new Date(now.getTime() + m * 60_000);

function failTimes(n: number): ThrottleState {
  let state = AFTER_SUCCESS;
  for (let i = 0; i < n; i++) state = afterFailure(state, now);
  return state;
}

describe('login throttling', () => {
  it.each([
    [0, 0],
    [1, 0],
    [2, 0],
    [3, 500],
    [4, 1000],
  ])('after %i failures the next attempt waits %i ms', (failures, delay) => {
    expect(loginDelayMs(failTimes(failures), now)).toBe(delay);
  });

  it('never waits more than four seconds', () => {
    expect(loginDelayMs({ failures: 40, lockedUntil: null }, now)).toBe(4000);
  });

  it(`locks the account for 15 minutes at the ${LOCK_AFTER_FAILURES}th failure in a row`, () => {
    expect(isLocked(failTimes(LOCK_AFTER_FAILURES - 1), now)).toBe(false);
    const locked = failTimes(LOCK_AFTER_FAILURES);
    expect(locked.lockedUntil).toEqual(minutes(15));
    expect(isLocked(locked, now)).toBe(true);
    expect(isLocked(locked, minutes(14.9))).toBe(true);
    expect(isLocked(locked, minutes(15))).toBe(false);
  });

  it('starts counting again once a lock has run out', () => {
    const locked = failTimes(LOCK_AFTER_FAILURES);
    const later = minutes(16);
    expect(loginDelayMs(locked, later)).toBe(0);
    expect(afterFailure(locked, later)).toEqual({ failures: 1, lockedUntil: null });
  });

  it('keeps a running lock when more failures come in during it, and extends it', () => {
    const locked = failTimes(LOCK_AFTER_FAILURES);
    const again = afterFailure(locked, minutes(5));
    expect(again.failures).toBe(LOCK_AFTER_FAILURES + 1);
    expect(again.lockedUntil).toEqual(minutes(20));
  });
});
