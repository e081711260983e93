// How long a signed-in session lives: it ends at logout, when an admin ends it, after an
// idle timeout and after an absolute lifetime. Defaults fit an office day; both are
// configurable (MALBILD_SESSION_IDLE_MINUTES, MALBILD_SESSION_MAX_HOURS).

export interface SessionLimits {
  /** Without a request for this long, the session ends. */
  idleMs: number;
  /** However active, a session ends this long after login. */
  absoluteMs: number;
}

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;

export const DEFAULT_SESSION_LIMITS: SessionLimits = { idleMs: 2 * HOUR, absoluteMs: 10 * HOUR };

/** last_seen_at is written at most this often, not on every request. */
export const TOUCH_INTERVAL_MS = MINUTE;

export type SessionVerdict = 'active' | 'ended' | 'idle' | 'expired';

export interface SessionTimes {
  createdAt: Date;
  lastSeenAt: Date;
  endedAt: Date | null;
}

export function judgeSession(session: SessionTimes, now: Date, limits: SessionLimits): SessionVerdict {
  if (session.endedAt) return 'ended';
  if (now.getTime() - session.createdAt.getTime() >= limits.absoluteMs) return 'expired';
  if (now.getTime() - session.lastSeenAt.getTime() >= limits.idleMs) return 'idle';
  return 'active';
}

/** The limits from the environment; a missing or unreadable value keeps the default. */
export function sessionLimitsFrom(env: Record<string, string | undefined>): SessionLimits {
  const positive = (value: string | undefined) => {
    const n = Number(value);
    return value !== undefined && value.trim() !== '' && Number.isFinite(n) && n > 0 ? n : null;
  };
  const idleMinutes = positive(env.MALBILD_SESSION_IDLE_MINUTES);
  const maxHours = positive(env.MALBILD_SESSION_MAX_HOURS);
  return {
    idleMs: idleMinutes !== null ? idleMinutes * MINUTE : DEFAULT_SESSION_LIMITS.idleMs,
    absoluteMs: maxHours !== null ? maxHours * HOUR : DEFAULT_SESSION_LIMITS.absoluteMs,
  };
}
