// How long a session lives: ended, idle, expired or active, and the limits from the environment.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SESSION_LIMITS, judgeSession, sessionLimitsFrom } from '@/lib/session-lifetime';

const at = (hh: number, mm = 0) => new Date(Date.UTC(2026, 10, 30, hh, mm));
const limits = { idleMs: 2 * 3_600_000, absoluteMs: 10 * 3_600_000 };

describe('judgeSession', () => {
  it('keeps a session used within the idle timeout and the absolute lifetime', () => {
    expect(judgeSession({ createdAt: at(8), lastSeenAt: at(9), endedAt: null }, at(10, 59), limits)).toBe('active');
  });
  it('ends a session left alone for the idle timeout', () => {
    expect(judgeSession({ createdAt: at(8), lastSeenAt: at(9), endedAt: null }, at(11), limits)).toBe('idle');
  });
  it('ends a session at its absolute lifetime however active it is', () => {
    expect(judgeSession({ createdAt: at(8), lastSeenAt: at(17, 59), endedAt: null }, at(18), limits)).toBe('expired');
  });
  it('never revives an ended session', () => {
    expect(judgeSession({ createdAt: at(8), lastSeenAt: at(8), endedAt: at(8, 5) }, at(8, 6), limits)).toBe('ended');
  });
});

describe('sessionLimitsFrom', () => {
  it('fits an office day by default: 2 hours idle, 10 hours in all', () => {
    expect(sessionLimitsFrom({})).toEqual(DEFAULT_SESSION_LIMITS);
    expect(DEFAULT_SESSION_LIMITS).toEqual({ idleMs: 7_200_000, absoluteMs: 36_000_000 });
  });
  it('reads minutes and hours, and ignores values that are not positive numbers', () => {
    expect(sessionLimitsFrom({ MALBILD_SESSION_IDLE_MINUTES: '30', MALBILD_SESSION_MAX_HOURS: '8' })).toEqual({ idleMs: 1_800_000, absoluteMs: 28_800_000 });
    expect(sessionLimitsFrom({ MALBILD_SESSION_IDLE_MINUTES: 'trettio', MALBILD_SESSION_MAX_HOURS: '-1' })).toEqual(DEFAULT_SESSION_LIMITS);
    expect(sessionLimitsFrom({ MALBILD_SESSION_IDLE_MINUTES: ' ', MALBILD_SESSION_MAX_HOURS: '0' })).toEqual(DEFAULT_SESSION_LIMITS);
  });
});
