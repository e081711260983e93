// Server-side sessions on each engine: a session is valid until logout, an admin ending it,
// the idle timeout or the absolute lifetime — and then never again; logins and logouts are
// in the audit log; only the organization's admin ends a user's sessions.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { checkSession, endSession, endUserSessions, loadSessionUser, startSession } from '@/db/sessions';
import { loadCurrentUser, setUserDisabled } from '@/db/users';
import { ForbiddenError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

const limits = { idleMs: 2 * 3_600_000, absoluteMs: 10 * 3_600_000 };
const later = (ms: number) => new Date(Date.now() + ms);

describe.each(engines)('sessions on $name', (engine) => {
  let database: Database;
  let db: Db;
  let admin: CurrentUser, hr: CurrentUser, director: CurrentUser;
  let org: string;

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((d) => loadDemoIfEmpty(d, askersund, DEMO_PASSWORD).then(() => undefined));
    db = database.db;
    [admin, hr, director] = (await Promise.all([DEMO_EMAILS.admin, DEMO_EMAILS.hr, DEMO_EMAILS.director].map((e) => demoUser(db, e)))) as [
      CurrentUser,
      CurrentUser,
      CurrentUser,
    ];
    org = hr.organizationId;
  });
  afterAll(async () => {
    await database?.close();
  });

  const endReason = async (id: string) =>
    (await db.select({ reason: s.sessions.endReason }).from(s.sessions).where(eq(s.sessions.id, id)))[0]?.reason ?? null;

  it('is valid after login and ends for good at logout', async () => {
    const sid = await startSession(db, org, hr.id);
    expect(await checkSession(db, org, hr.id, sid, new Date(), limits)).toBe(true);
    await endSession(db, org, sid, 'logout');
    expect(await checkSession(db, org, hr.id, sid, new Date(), limits)).toBe(false);
    expect(await endReason(sid)).toBe('logout');
    const audit = await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.organizationId, org), eq(s.auditEvents.entityId, hr.id)));
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['session.login', 'session.logout']));
  });

  it('names one user: another user cannot ride on the session id', async () => {
    const sid = await startSession(db, org, hr.id);
    expect(await checkSession(db, org, director.id, sid, new Date(), limits)).toBe(false);
  });

  it('ends after the idle timeout and after the absolute lifetime, and stays ended', async () => {
    const idle = await startSession(db, org, hr.id);
    expect(await checkSession(db, org, hr.id, idle, later(limits.idleMs + 1000), limits)).toBe(false);
    expect(await endReason(idle)).toBe('idle');
    expect(await checkSession(db, org, hr.id, idle, new Date(), limits)).toBe(false);

    const old = await startSession(db, org, hr.id);
    // Kept active every hour, it still ends at the absolute lifetime.
    for (let h = 1; h < 10; h++) expect(await checkSession(db, org, hr.id, old, later(h * 3_600_000), limits)).toBe(true);
    expect(await checkSession(db, org, hr.id, old, later(limits.absoluteMs + 1000), limits)).toBe(false);
    expect(await endReason(old)).toBe('expired');
  });

  it('lets the admin end all sessions of a user, and nobody else', async () => {
    const one = await startSession(db, org, hr.id);
    const two = await startSession(db, org, hr.id);
    await expect(endUserSessions(db, director, { userId: hr.id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(endUserSessions(db, hr, { userId: hr.id })).rejects.toBeInstanceOf(ForbiddenError);
    expect(await checkSession(db, org, hr.id, one, new Date(), limits)).toBe(true);
    const result = await endUserSessions(db, admin, { userId: hr.id });
    expect(result.ended).toBeGreaterThanOrEqual(2);
    expect(await checkSession(db, org, hr.id, one, new Date(), limits)).toBe(false);
    expect(await checkSession(db, org, hr.id, two, new Date(), limits)).toBe(false);
    expect(await endReason(two)).toBe('ended_by_admin');
    // A new login works again.
    expect(await checkSession(db, org, hr.id, await startSession(db, org, hr.id), new Date(), limits)).toBe(true);
  });
  // loadSessionUser: the request's session check and the user re-read in one statement
  // (server/session.ts getCurrentUser), with checkSession's rules.
  const claims = (user: CurrentUser, sessionId: string, since = Date.now()) => ({ organizationId: user.organizationId, userId: user.id, sessionId, since });
  const lastSeen = async (id: string) => (await db.select({ at: s.sessions.lastSeenAt }).from(s.sessions).where(eq(s.sessions.id, id)))[0]!.at;

  it('gives the same user as loadCurrentUser for a valid session, and null for another user’s', async () => {
    const sid = await startSession(db, org, hr.id);
    const user = await loadSessionUser(db, claims(hr, sid), new Date(), limits);
    expect(user).toEqual(await loadCurrentUser(db, org, hr.id, Date.now()));
    expect(user).toMatchObject({ id: hr.id, roles: hr.roles, coveredUnitIds: expect.arrayContaining(hr.coveredUnitIds) });
    expect(user!.coveredUnitIds).toHaveLength(hr.coveredUnitIds.length);
    expect(await loadSessionUser(db, claims(director, sid), new Date(), limits)).toBeNull();
    expect(await loadSessionUser(db, { ...claims(hr, sid), organizationId: '00000000-0000-0000-0000-000000000000' }, new Date(), limits)).toBeNull();
  });

  it('is null after logout, the idle timeout and the absolute lifetime, ending the session with its reason', async () => {
    const out = await startSession(db, org, hr.id);
    await endSession(db, org, out, 'logout');
    expect(await loadSessionUser(db, claims(hr, out), new Date(), limits)).toBeNull();

    const idle = await startSession(db, org, hr.id);
    expect(await loadSessionUser(db, claims(hr, idle), later(limits.idleMs + 1000), limits)).toBeNull();
    expect(await endReason(idle)).toBe('idle');
    expect(await loadSessionUser(db, claims(hr, idle), new Date(), limits)).toBeNull();

    const old = await startSession(db, org, hr.id);
    for (let h = 1; h < 10; h++) expect(await loadSessionUser(db, claims(hr, old), later(h * 3_600_000), limits)).not.toBeNull();
    expect(await loadSessionUser(db, claims(hr, old), later(limits.absoluteMs + 1000), limits)).toBeNull();
    expect(await endReason(old)).toBe('expired');
  });

  it('notes the request’s time at most once a minute, which keeps an active session from going idle', async () => {
    const sid = await startSession(db, org, hr.id);
    const first = await lastSeen(sid);
    // Within the minute: nothing is written.
    await loadSessionUser(db, claims(hr, sid), new Date(first.getTime() + 30_000), limits);
    expect((await lastSeen(sid)).getTime()).toBe(first.getTime());
    // A minute later: noted.
    const t1 = new Date(first.getTime() + 61_000);
    await loadSessionUser(db, claims(hr, sid), t1, limits);
    expect((await lastSeen(sid)).getTime()).toBe(t1.getTime());
    // Active every 90 minutes, it is never idle (2 h) until the absolute lifetime (10 h).
    for (let m = 90; m < 600; m += 90) expect(await loadSessionUser(db, claims(hr, sid), new Date(first.getTime() + m * 60_000), limits), `at ${m} min`).not.toBeNull();
  });

  it('is null for a disabled account, and for a session begun before the account was disabled', async () => {
    const user = await demoUser(db, DEMO_EMAILS.viewer);
    const sid = await startSession(db, org, user.id);
    const since = Date.now() - 1000;
    expect(await loadSessionUser(db, claims(user, sid, since), new Date(), limits)).not.toBeNull();
    await setUserDisabled(db, admin, { userId: user.id, disabled: true });
    expect(await loadSessionUser(db, claims(user, sid, since), new Date(), limits)).toBeNull();
    await setUserDisabled(db, admin, { userId: user.id, disabled: false });
    // Enabled again, a session begun before the disabling stays invalid.
    expect(await loadSessionUser(db, claims(user, sid, since), new Date(), limits)).toBeNull();
    expect(await loadSessionUser(db, claims(user, await startSession(db, org, user.id), Date.now()), new Date(), limits)).not.toBeNull();
  });
});
