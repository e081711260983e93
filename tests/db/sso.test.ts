// Single sign-on in the database (issue 17): a person the identity provider vouches for is
// matched to a user by email and linked, or created without rights, or refused (unknown,
// disabled, linked to someone else); their grants follow their groups by the admin's table;
// an organization can switch password logins off. Every outcome is audited.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { loginWithSso, ssoOrganizationId } from '@/db/sso';
import { addGroupMapping, getSignInSettings, listGroupMappings, removeGroupMapping, updateSignInSettings } from '@/db/admin/sign-in';
import { setUnitArchived } from '@/db/admin/units';
import { loadCurrentUser, setUserDisabled } from '@/db/users';
import { checkCredentials } from '@/server/credentials';
import type { CurrentUser } from '@/lib/current-user';
import { ValidationError } from '@/lib/errors';
import type { SsoIdentity } from '@/lib/sso-mapping';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

const ISSUER = 'http://127.0.0.1:4100';

describe.each(engines)('single sign-on on $name', { timeout: 120_000 }, (engine) => {
  let database: Database;
  let db: Db;
  let org: string;
  let admin: CurrentUser;
  let hrUnit: string;

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((d) => loadDemoIfEmpty(d, askersund, DEMO_PASSWORD).then(() => undefined));
    db = database.db;
    admin = await demoUser(db, DEMO_EMAILS.admin);
    org = admin.organizationId;
    const [hr] = await db.select({ id: s.units.id }).from(s.units).where(eq(s.units.code, 'KS-KLF-HR'));
    hrUnit = hr!.id;
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    await db.delete(s.ssoGroupMappings);
    await db.delete(s.signInSettings);
  });

  let n = 0;
  const person = (over: Partial<SsoIdentity> = {}): SsoIdentity => {
    n += 1;
    return { issuer: ISSUER, subject: `sub-${n}`, email: `person${n}@askersund.example`, name: `Person ${n}`, groups: null, ...over };
  };
  const userByEmail = async (email: string) => (await db.select().from(s.users).where(eq(s.users.email, email)))[0];
  const lastAudit = async (action: string) =>
    (await db.select().from(s.auditEvents).where(and(eq(s.auditEvents.organizationId, org), eq(s.auditEvents.action, action))).orderBy(desc(s.auditEvents.id)).limit(1))[0];
  const rolesOf = async (userId: string) => (await loadCurrentUser(db, org, userId))?.roles.sort();

  it('finds the organization by its code, or the only one there is', async () => {
    expect(await ssoOrganizationId(db, 'askersund')).toBe(org);
    expect(await ssoOrganizationId(db, null)).toBe(org);
    expect(await ssoOrganizationId(db, 'okand-kommun')).toBeNull();
  });

  it('matches a known user by email, links the identity, and later knows them by it even when the email changes', async () => {
    const director = await userByEmail(DEMO_EMAILS.director);
    const identity = person({ email: DEMO_EMAILS.director, subject: 'karin-sub' });
    expect(await loginWithSso(db, org, identity)).toEqual({ ok: true, userId: director!.id });
    expect(await userByEmail(DEMO_EMAILS.director)).toMatchObject({ externalIssuer: ISSUER, externalSubject: 'karin-sub' });
    expect((await lastAudit('user.sso_link'))?.entityId).toBe(director!.id);
    // The same person with a new address at the provider: still Karin, by the link.
    expect(await loginWithSso(db, org, { ...identity, email: 'karin.ny@askersund.example' })).toEqual({ ok: true, userId: director!.id });
    expect(await rolesOf(director!.id)).toEqual(['director']);
  });

  it('refuses an unknown person by default, creates nobody, and audits the refusal', async () => {
    const identity = person();
    expect(await loginWithSso(db, org, identity)).toEqual({ ok: false, reason: 'unknown' });
    expect(await userByEmail(identity.email)).toBeUndefined();
    expect((await lastAudit('login.failure'))?.changes).toMatchObject({ method: 'sso', reason: 'unknown', email: identity.email });
  });

  it('creates an unknown person without rights when the organization says so', async () => {
    await updateSignInSettings(db, admin, { unknownPeople: 'create', passwordLogin: true }, true);
    const identity = person({ name: 'Ny Person' });
    const result = await loginWithSso(db, org, identity);
    expect(result.ok).toBe(true);
    const created = await userByEmail(identity.email);
    expect(created).toMatchObject({ name: 'Ny Person', passwordHash: null, externalSubject: identity.subject });
    expect(await rolesOf(created!.id)).toEqual([]);
    // The second login finds the same user.
    expect(await loginWithSso(db, org, identity)).toEqual({ ok: true, userId: created!.id });
  });

  it('refuses a disabled user even with a valid login at the provider, linked or not', async () => {
    await updateSignInSettings(db, admin, { unknownPeople: 'create', passwordLogin: true }, true);
    const viewer = await userByEmail(DEMO_EMAILS.viewer);
    const identity = person({ email: DEMO_EMAILS.viewer });
    expect((await loginWithSso(db, org, identity)).ok).toBe(true); // linked now
    await setUserDisabled(db, admin, { userId: viewer!.id, disabled: true });
    try {
      expect(await loginWithSso(db, org, identity)).toEqual({ ok: false, reason: 'disabled' });
      expect(await loginWithSso(db, org, { ...identity, subject: 'another-sub' })).toEqual({ ok: false, reason: 'disabled' });
      expect((await lastAudit('login.failure'))).toMatchObject({ entityId: viewer!.id, changes: expect.objectContaining({ reason: 'disabled' }) });
    } finally {
      await setUserDisabled(db, admin, { userId: viewer!.id, disabled: false });
    }
  });

  it('refuses an email whose user is linked to another identity', async () => {
    const first = person();
    await updateSignInSettings(db, admin, { unknownPeople: 'create', passwordLogin: true }, true);
    expect((await loginWithSso(db, org, first)).ok).toBe(true);
    expect(await loginWithSso(db, org, { ...first, subject: 'someone-else' })).toEqual({ ok: false, reason: 'linked_to_other' });
  });

  it('gives grants by the groups table and makes them follow the groups at each login', async () => {
    await updateSignInSettings(db, admin, { unknownPeople: 'create', passwordLogin: true }, true);
    await addGroupMapping(db, admin, { groupName: 'malbild-lasare', role: 'viewer', unitId: null });
    await addGroupMapping(db, admin, { groupName: 'hr-chefer', role: 'editor', unitId: hrUnit });
    const identity = person({ groups: ['malbild-lasare', 'annan-grupp'] });
    const result = await loginWithSso(db, org, identity);
    if (!result.ok) throw new Error('refused');
    expect(await rolesOf(result.userId)).toEqual(['viewer']);

    await loginWithSso(db, org, { ...identity, groups: ['hr-chefer'] });
    const user = await loadCurrentUser(db, org, result.userId);
    expect(user?.roles).toEqual(['editor']);
    expect(user?.coveredUnitIds).toContain(hrUnit);
    expect((await lastAudit('user.grants_from_groups'))?.changes).toMatchObject({ groups: ['hr-chefer'] });

    // No groups claim this time: the grants stay as they are.
    await loginWithSso(db, org, { ...identity, groups: null });
    expect(await rolesOf(result.userId)).toEqual(['editor']);

    // A row for an archived unit gives nothing.
    await setUnitArchived(db, admin, { unitId: hrUnit, archived: true });
    try {
      await loginWithSso(db, org, { ...identity, groups: ['hr-chefer'] });
      expect(await rolesOf(result.userId)).toEqual([]);
    } finally {
      await setUnitArchived(db, admin, { unitId: hrUnit, archived: false });
    }
  });

  it('leaves grants given by hand alone while the table is empty', async () => {
    const hr = await userByEmail(DEMO_EMAILS.hr);
    const result = await loginWithSso(db, org, person({ email: DEMO_EMAILS.hr, groups: ['vad-som-helst'] }));
    expect(result).toEqual({ ok: true, userId: hr!.id });
    expect(await rolesOf(hr!.id)).toEqual(['editor']);
  });

  it('keeps the groups table: one row per group and grant, an editor needs a unit, rows can be removed', async () => {
    const { id } = await addGroupMapping(db, admin, { groupName: 'ledning', role: 'director', unitId: null });
    await expect(addGroupMapping(db, admin, { groupName: 'ledning', role: 'director', unitId: null })).rejects.toBeInstanceOf(ValidationError);
    await expect(addGroupMapping(db, admin, { groupName: 'x', role: 'editor', unitId: null })).rejects.toBeInstanceOf(ValidationError);
    expect((await listGroupMappings(db, admin)).map((m) => m.groupName)).toEqual(['ledning']);
    expect(await removeGroupMapping(db, admin, { mappingId: id })).toEqual({ groupName: 'ledning' });
    expect(await listGroupMappings(db, admin)).toEqual([]);
    expect((await lastAudit('sign_in.group_remove'))?.actorId).toBe(admin.id);
  });

  it('switches password logins off only while single sign-on serves the organization; then the right password is refused', async () => {
    await expect(updateSignInSettings(db, admin, { unknownPeople: 'refuse', passwordLogin: false }, false)).rejects.toBeInstanceOf(ValidationError);
    expect((await getSignInSettings(db, admin)).passwordLogin).toBe(true);

    await updateSignInSettings(db, admin, { unknownPeople: 'refuse', passwordLogin: false }, true);
    expect(await getSignInSettings(db, admin)).toEqual({ unknownPeople: 'refuse', passwordLogin: false });
    expect((await lastAudit('sign_in.settings'))?.changes).toMatchObject({ before: { passwordLogin: true }, after: { passwordLogin: false } });
    expect(await checkCredentials(db, { email: DEMO_EMAILS.ame, password: DEMO_PASSWORD })).toBeNull();
    expect((await lastAudit('login.failure'))?.changes).toEqual({ reason: 'password_login_off' });

    await updateSignInSettings(db, admin, { unknownPeople: 'refuse', passwordLogin: true }, true);
    expect(await checkCredentials(db, { email: DEMO_EMAILS.ame, password: DEMO_PASSWORD })).not.toBeNull();
  });
});
