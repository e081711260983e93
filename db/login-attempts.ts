// Failed-login counts per key (lib/login-throttle.ts says what they mean). A failure is
// counted with one upsert per key, so concurrent failures are all counted.
import 'server-only';
import { createHash } from 'node:crypto';
import { inArray, sql } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { NO_ATTEMPTS, WINDOW_MINUTES, type AttemptCount } from '@/lib/login-throttle';

/** The stored form of a key: a hash, so no typed address or client address is kept. */
const hashed = (key: string) => createHash('sha256').update(key).digest('hex');

/** The counts of the keys, in the order asked (none yet: no failures). */
export async function loadAttempts(db: Db, keys: string[]): Promise<AttemptCount[]> {
  const rows = await db
    .select()
    .from(s.loginAttempts)
    .where(inArray(s.loginAttempts.key, keys.map(hashed)));
  const byKey = new Map(rows.map((r) => [r.key, { failures: r.failures, windowStartedAt: r.windowStartedAt }]));
  return keys.map((k) => byKey.get(hashed(k)) ?? NO_ATTEMPTS);
}

/** One more failure on each key; a window that has run out starts again at `now`. */
export async function recordFailure(db: Db, keys: string[], now: Date): Promise<void> {
  const expired = sql`${s.loginAttempts.windowStartedAt} <= ${now.toISOString()}::timestamptz - make_interval(mins => ${WINDOW_MINUTES})`;
  for (const key of keys) {
    await db
      .insert(s.loginAttempts)
      .values({ key: hashed(key), failures: 1, windowStartedAt: now })
      .onConflictDoUpdate({
        target: s.loginAttempts.key,
        set: {
          failures: sql`case when ${expired} then 1 else ${s.loginAttempts.failures} + 1 end`,
          windowStartedAt: sql`case when ${expired} then ${now.toISOString()}::timestamptz else ${s.loginAttempts.windowStartedAt} end`,
        },
      });
  }
}

/** Forgets the failures of the keys (after a successful login). */
export async function clearAttempts(db: Db, keys: string[]): Promise<void> {
  await db.delete(s.loginAttempts).where(inArray(s.loginAttempts.key, keys.map(hashed)));
}
