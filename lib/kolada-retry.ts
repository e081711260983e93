// When to try a Kolada call again and how long to wait: 429 (too many requests) and 5xx
// answers and network failures are retried with exponential backoff; a Retry-After header
// (seconds or an HTTP date) is honoured. Pure: the client passes in the clock.

export interface RetryPolicy {
  /** Attempts in all, the first included. */
  attempts: number;
  /** The first backoff, doubled on each further attempt. */
  baseDelayMs: number;
  /** No wait is longer than this (a Retry-After beyond it is cut to it). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { attempts: 4, baseDelayMs: 500, maxDelayMs: 30_000 };

/** A status worth retrying: 429 and every 5xx. */
export function isRetryableStatus(status: number): boolean {
  return status === 429 || (status >= 500 && status <= 599);
}

/** Milliseconds a Retry-After header asks for, or null when absent or unreadable. */
export function retryAfterMs(header: string | null, nowMs: number): number | null {
  if (!header) return null;
  const trimmed = header.trim();
  if (/^\d+$/.test(trimmed)) return Number(trimmed) * 1000;
  const at = Date.parse(trimmed);
  return Number.isNaN(at) ? null : Math.max(0, at - nowMs);
}

/** The wait before attempt `attempt + 1` (attempt counts from 1), honouring Retry-After. */
export function backoffMs(attempt: number, policy: RetryPolicy, retryAfter: number | null): number {
  const exponential = policy.baseDelayMs * 2 ** (attempt - 1);
  return Math.min(policy.maxDelayMs, retryAfter ?? exponential);
}
