// The credential check: right and wrong passwords, unknown emails doing the same hashing
// work, throttling into a lock, and disabled accounts.
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { and, eq } from 'drizzle-orm';
import * as argon2 from '@node-rs/argon2';
import type { Database } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { AccountLockedError, checkCredentials } from '@/server/credentials';
import { LOCK_AFTER_FAILURES } from '@/lib/login-throttle';
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
    await database.db.update(s.users).set({ failedLogins: 0, lockedUntil: null, disabledAt: null });
    vi.mocked(argon2.verify).mockClear();
  });

  const throttleOf = async (email: string) => {
    const [row] = await database.db
      .select({ failures: s.users.failedLogins, lockedUntil: s.users.lockedUntil })
      .from(s.users)
      .where(eq(s.users.email, email));
    return row!;
  };

  it('lets the right password in, whatever the case and spaces of the email', async () => {
    const user = await checkCredentials(database.db, { email: '  HR-Chef@Askersund.example ', password: DEMO_PASSWORD });
    expect(user).toMatchObject({ id: expect.any(String), organizationId: expect.any(String) });
  });

  it('refuses a wrong password and counts it; a right one resets the count', async () => {
    expect(await checkCredentials(database.db, { email: DEMO_EMAILS.hr, password: 'fel-lösenord' })).toBeNull();
    expect((await throttleOf(DEMO_EMAILS.hr)).failures).toBe(1);
    expect(await checkCredentials(database.db, { email: DEMO_EMAILS.hr, password: DEMO_PASSWORD })).not.toBeNull();
    expect((await throttleOf(DEMO_EMAILS.hr)).failures).toBe(0);
  });

  it('does the same hashing work for an unknown email as for a known one', async () => {
    expect(await checkCredentials(database.db, { email: 'finns-inte@askersund.example', password: 'gissning' })).toBeNull();
    expect(argon2.verify).toHaveBeenCalledTimes(1);
    vi.mocked(argon2.verify).mockClear();
    expect(await checkCredentials(database.db, { email: DEMO_EMAILS.viewer, password: 'gissning' })).toBeNull();
    expect(argon2.verify).toHaveBeenCalledTimes(1);
  });

  it(`locks the account after ${LOCK_AFTER_FAILURES} failures, even against the right password`, async () => {
    for (let i = 1; i < LOCK_AFTER_FAILURES; i++) {
      expect(await checkCredentials(database.db, { email: DEMO_EMAILS.ame, password: `fel-${i}` })).toBeNull();
    }
    await expect(checkCredentials(database.db, { email: DEMO_EMAILS.ame, password: 'fel-sista' })).rejects.toBeInstanceOf(
      AccountLockedError,
    );
    await expect(checkCredentials(database.db, { email: DEMO_EMAILS.ame, password: DEMO_PASSWORD })).rejects.toBeInstanceOf(
      AccountLockedError,
    );
    const state = await throttleOf(DEMO_EMAILS.ame);
    expect(state.lockedUntil!.getTime()).toBeGreaterThan(Date.now() + 14 * 60_000);
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
    expect((await throttleOf(DEMO_EMAILS.hr)).failures).toBe(0);
  });
});
