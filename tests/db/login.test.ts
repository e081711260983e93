// The credential check: right and wrong passwords, unknown emails doing the same hashing
// work and getting the same answer, throttling that refuses the guessing client but never
// the owner on their own client, disabled accounts, and the audit log of refusals.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as argon2 from '@node-rs/argon2';
import type { Database } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { checkCredentials } from '@/server/credentials';
import { loadAttempts } from '@/db/login-attempts';
import { ACCOUNT_CLIENT_LIMIT } from '@/lib/login-throttle';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';
import { loadCurrentUser, setUserDisabled } from '@/db/users';

vi.mock('@node-rs/argon2', async (importOriginal) => {
  const original = await importOriginal<typeof import('@node-rs/argon2')>();
  return { ...original, verify: vi.fn(original.verify) };
});

// Every login hashes or verifies a password with argon2 (deliberately slow; 2 s for the
// lockout test under load).
describe.each(engines)('login on $name', { timeout: 120_000 }, (engine) => {
  let database: Database;

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    await database.db.update(s.users).set({ disabledAt: null });
    await database.db.delete(s.loginAttempts);
    vi.mocked(argon2.verify).mockClear();
  });

  /** The failures counted on an account (the email as typed, lower-cased). */
  const failuresOf = async (email: string) => (await loadAttempts(database.db, [`account:${email.toLowerCase()}`]))[0]!.failures;
  const refusals = async (email: string) => {
    const [user] = await database.db.select({ id: s.users.id }).from(s.users).where(eq(s.users.email, email));
    return database.db
      .select({ action: s.auditEvents.action })
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.entityType, 'user'), eq(s.auditEvents.entityId, user!.id)));
  };

  it('lets the right password in, whatever the case and spaces of the email', async () => {
    const user = await checkCredentials(database.db, { email: '  HR-Chef@Askersund.example ', password: DEMO_PASSWORD });
    expect(user).toMatchObject({ id: expect.any(String), organizationId: expect.any(String) });
  });

  it('refuses a wrong password and counts it; a right one resets the count', async () => {
    expect(await checkCredentials(database.db, { email: DEMO_EMAILS.hr, password: 'fel-lösenord' })).toBeNull();
    expect(await failuresOf(DEMO_EMAILS.hr)).toBe(1);
    expect(await checkCredentials(database.db, { email: DEMO_EMAILS.hr, password: DEMO_PASSWORD })).not.toBeNull();
    expect(await failuresOf(DEMO_EMAILS.hr)).toBe(0);
  });

  it('counts an unknown address like a real one, and stores no address in clear', async () => {
    expect(await checkCredentials(database.db, { email: 'finns-inte@askersund.example', password: 'gissning' })).toBeNull();
    expect(await failuresOf('finns-inte@askersund.example')).toBe(1);
    const keys = await database.db.select({ key: s.loginAttempts.key }).from(s.loginAttempts);
    expect(keys.every((k) => /^[0-9a-f]{64}$/.test(k.key))).toBe(true);
  });

  it('does the same hashing work for an unknown email as for a known one', async () => {
    expect(await checkCredentials(database.db, { email: 'finns-inte@askersund.example', password: 'gissning' })).toBeNull();
    expect(argon2.verify).toHaveBeenCalledTimes(1);
    vi.mocked(argon2.verify).mockClear();
    expect(await checkCredentials(database.db, { email: DEMO_EMAILS.viewer, password: 'gissning' })).toBeNull();
    expect(argon2.verify).toHaveBeenCalledTimes(1);
  });

  it(`refuses the guessing client after ${ACCOUNT_CLIENT_LIMIT} failures, but never the owner on their own client`, async () => {
    const stranger = '198.51.100.7';
    for (let i = 1; i <= ACCOUNT_CLIENT_LIMIT; i++) {
      expect(await checkCredentials(database.db, { email: DEMO_EMAILS.ame, password: `fel-${i}` }, stranger)).toBeNull();
    }
    vi.mocked(argon2.verify).mockClear();
    // The stranger now gets the same answer even with the right password, after the same hashing work…
    expect(await checkCredentials(database.db, { email: DEMO_EMAILS.ame, password: DEMO_PASSWORD }, stranger)).toBeNull();
    expect(argon2.verify).toHaveBeenCalledTimes(1);
    // …while the owner, on their own computer, logs in.
    expect(await checkCredentials(database.db, { email: DEMO_EMAILS.ame, password: DEMO_PASSWORD }, '192.0.2.10')).not.toBeNull();
    const actions = (await refusals(DEMO_EMAILS.ame)).map((r) => r.action);
    expect(actions.filter((a) => a === 'login.failure')).toHaveLength(ACCOUNT_CLIENT_LIMIT);
    expect(actions).toContain('login.throttled');
  });

  it('refuses a disabled account with the right password, like a wrong one', async () => {
    await database.db
      .update(s.users)
      .set({ disabledAt: new Date() })
      .where(and(eq(s.users.email, DEMO_EMAILS.viewer)));
    expect(await checkCredentials(database.db, { email: DEMO_EMAILS.viewer, password: DEMO_PASSWORD })).toBeNull();
  });

  it('ends sessions at once when the account is disabled; enabling it again does not revive them', async () => {
    const admin = await demoUser(database.db, DEMO_EMAILS.admin);
    const hr = await demoUser(database.db, DEMO_EMAILS.hr);
    const sessionStart = Date.now() - 60_000;
    expect(await loadCurrentUser(database.db, hr.organizationId, hr.id, sessionStart)).not.toBeNull();

    await setUserDisabled(database.db, admin, { userId: hr.id, disabled: true });
    expect(await loadCurrentUser(database.db, hr.organizationId, hr.id, sessionStart)).toBeNull();

    await setUserDisabled(database.db, admin, { userId: hr.id, disabled: false });
    expect(await loadCurrentUser(database.db, hr.organizationId, hr.id, sessionStart)).toBeNull();
    expect(await loadCurrentUser(database.db, hr.organizationId, hr.id, Date.now() + 1)).not.toBeNull();
  });

  it('refuses malformed input without touching any account', async () => {
    expect(await checkCredentials(database.db, { email: 'inte-en-adress', password: DEMO_PASSWORD })).toBeNull();
    expect(await checkCredentials(database.db, { email: DEMO_EMAILS.hr, password: 'x'.repeat(5000) })).toBeNull();
    expect(await checkCredentials(database.db, null)).toBeNull();
    expect(await failuresOf(DEMO_EMAILS.hr)).toBe(0);
  });
});
