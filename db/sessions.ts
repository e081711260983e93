// Signed-in sessions on the server (lib/session-lifetime.ts says how long they live): begun
// at login, checked and touched on every request, ended at logout, by an admin, or by the
// idle timeout or the absolute lifetime. Logins and logouts go to the audit log.
import 'server-only';
import { and, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { recordAudit } from './audit';
import { NotFoundError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import { authorize } from '@/lib/policy';
import { judgeSession, TOUCH_INTERVAL_MS, type SessionLimits, type SessionTimes } from '@/lib/session-lifetime';
import { currentUserColumns, currentUserOf } from './users';
import { builtOnce } from './prepared';

export type SessionEndReason = 'logout' | 'ended_by_admin' | 'idle' | 'expired';

/** Begins a session for a user who has just logged in (with a password or by single sign-on); returns its id for the cookie. */
export async function startSession(db: Db, organizationId: string, userId: string, method: 'password' | 'sso' = 'password'): Promise<string> {
  return db.transaction(async (tx) => {
    const [row] = await tx.insert(s.sessions).values({ organizationId, userId }).returning({ id: s.sessions.id });
    await recordAudit(tx as unknown as Db, {
      organizationId,
      actorId: userId,
      action: 'session.login',
      entityType: 'user',
      entityId: userId,
      changes: { session: row!.id, method },
    });
    return row!.id;
  });
}

/**
 * Is the session still valid for this user? Ends it (with the reason) when the idle timeout
 * or the absolute lifetime has passed, and notes the request's time at most once a minute.
 */
export async function checkSession(
  db: Db,
  organizationId: string,
  userId: string,
  sessionId: string,
  now: Date,
  limits: SessionLimits,
): Promise<boolean> {
  const [row] = await db
    .select({ createdAt: s.sessions.createdAt, lastSeenAt: s.sessions.lastSeenAt, endedAt: s.sessions.endedAt })
    .from(s.sessions)
    .where(and(eq(s.sessions.organizationId, organizationId), eq(s.sessions.id, sessionId), eq(s.sessions.userId, userId)));
  return row ? settleSession(db, organizationId, sessionId, row, now, limits) : false;
}

/** What a session cookie names (its JWT's claims). */
export interface SessionClaims {
  organizationId: string;
  userId: string;
  sessionId: string;
  /** When the login happened (ms since epoch). */
  since: number;
}

/**
 * The signed-in user of a request, as checkSession and loadCurrentUser (db/users.ts) would
 * give them together, in one statement: null unless the session is valid for this user
 * (ending it when the idle timeout or the absolute lifetime has passed, noting the
 * request's time at most once a minute) and the account is enabled, with its grants.
 */
export async function loadSessionUser(db: Db, claims: SessionClaims, now: Date, limits: SessionLimits): Promise<CurrentUser | null> {
  const { organizationId, userId, sessionId } = claims;
  const [row] = await sessionUserQuery(db).execute({ organizationId, userId, sessionId });
  if (!row) return null;
  if (!(await settleSession(db, organizationId, sessionId, row.session, now, limits))) return null;
  return currentUserOf(row, claims.since);
}

/**
 * loadSessionUser's statement, built once per database (db/prepared.ts) with the claims as
 * its parameters.
 */
const sessionUserQuery = builtOnce((db) =>
  db
    .select({
      ...currentUserColumns(),
      session: { createdAt: s.sessions.createdAt, lastSeenAt: s.sessions.lastSeenAt, endedAt: s.sessions.endedAt },
    })
    .from(s.users)
    .innerJoin(s.organizations, eq(s.organizations.id, s.users.organizationId))
    .innerJoin(
      s.sessions,
      and(eq(s.sessions.organizationId, s.users.organizationId), eq(s.sessions.id, sql.placeholder('sessionId')), eq(s.sessions.userId, s.users.id)),
    )
    .where(and(eq(s.users.organizationId, sql.placeholder('organizationId')), eq(s.users.id, sql.placeholder('userId'))))
    .prepare('load_session_user'),
);

/** The verdict on a session read at `now`: ends an idle or expired one, touches an active one when due. */
async function settleSession(db: Db, organizationId: string, sessionId: string, row: SessionTimes, now: Date, limits: SessionLimits): Promise<boolean> {
  const verdict = judgeSession(row, now, limits);
  if (verdict === 'idle' || verdict === 'expired') await endSession(db, organizationId, sessionId, verdict);
  if (verdict !== 'active') return false;
  if (now.getTime() - row.lastSeenAt.getTime() >= TOUCH_INTERVAL_MS) {
    await db
      .update(s.sessions)
      .set({ lastSeenAt: now })
      .where(and(eq(s.sessions.organizationId, organizationId), eq(s.sessions.id, sessionId), isNull(s.sessions.endedAt)));
  }
  return true;
}

/** Ends one session (a no-op for one already ended). */
export async function endSession(db: Db, organizationId: string, sessionId: string, reason: SessionEndReason): Promise<void> {
  await db.transaction(async (tx) => {
    const [ended] = await tx
      .update(s.sessions)
      .set({ endedAt: new Date(), endReason: reason })
      .where(and(eq(s.sessions.organizationId, organizationId), eq(s.sessions.id, sessionId), isNull(s.sessions.endedAt)))
      .returning({ userId: s.sessions.userId });
    if (!ended) return;
    await recordAudit(tx as unknown as Db, {
      organizationId,
      actorId: reason === 'logout' ? ended.userId : null,
      action: reason === 'logout' ? 'session.logout' : 'session.end',
      entityType: 'user',
      entityId: ended.userId,
      changes: { session: sessionId, reason },
    });
  });
}

/** Ends every session of a user (the admin): a copied cookie of theirs stops working at once. */
export async function endUserSessions(db: Db, admin: CurrentUser, input: { userId: string }): Promise<{ ended: number }> {
  authorize(admin, 'manage', { kind: 'user', organizationId: admin.organizationId, userId: input.userId });
  const org = admin.organizationId;
  return db.transaction(async (tx) => {
    const [user] = await tx
      .select({ id: s.users.id })
      .from(s.users)
      .where(and(eq(s.users.organizationId, org), eq(s.users.id, input.userId)));
    if (!user) throw new NotFoundError('user');
    const ended = await tx
      .update(s.sessions)
      .set({ endedAt: new Date(), endReason: 'ended_by_admin' })
      .where(and(eq(s.sessions.organizationId, org), eq(s.sessions.userId, input.userId), isNull(s.sessions.endedAt)))
      .returning({ id: s.sessions.id });
    await recordAudit(tx as unknown as Db, {
      organizationId: org,
      actorId: admin.id,
      action: 'session.end_all',
      entityType: 'user',
      entityId: input.userId,
      changes: { ended: ended.length },
    });
    return { ended: ended.length };
  });
}
