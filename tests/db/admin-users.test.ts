// Account administration on each engine: create (lower-cased unique email, hashed password,
// grants), edit, a new password (sessions end, lockout lifted), grants added and removed
// (seen at the next request), the admin's own admin grant and account protected; non-admins
// are refused and another organization's accounts are not found; all audited.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { addGrant, createUser, getUserForAdmin, removeGrant, setUserPassword, updateUser, type NewUserInput } from '@/db/admin/users';
import { setUnitArchived, createUnit } from '@/db/admin/units';
import { findLoginCandidates, loadCurrentUser } from '@/db/users';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/errors';
import { verifyPassword } from '@/server/password';
import { runAction } from '@/server/action';
import type { CurrentUser } from '@/lib/current-user';
import { createUserAction } from '@/app/(inloggad)/admin/anvandare/create-user';
import { updateUserAction } from '@/app/(inloggad)/admin/anvandare/update-user';
import { setUserPasswordAction } from '@/app/(inloggad)/admin/anvandare/set-user-password';
import { addGrantAction } from '@/app/(inloggad)/admin/anvandare/add-grant';
import { removeGrantAction } from '@/app/(inloggad)/admin/anvandare/remove-grant';
import { setUserDisabledAction } from '@/app/(inloggad)/admin/anvandare/set-user-disabled';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

describe.each(engines)('user administration on $name', (engine) => {
  let database: Database;
  let admin: CurrentUser, director: CurrentUser, viewer: CurrentUser, hr: CurrentUser, otherAdmin: CurrentUser;
  let hrUnit: string, klf: string, otherOrg: string;

  const newUser = (over: Partial<NewUserInput> = {}): NewUserInput => ({
    name: 'Ellen Ekonomichef',
    email: `ellen-${crypto.randomUUID().slice(0, 8)}@askersund.example`,
    title: 'Ekonomichef',
    password: 'Ett-långt-lösenord',
    roles: [],
    editorUnitIds: [klf],
    ...over,
  });
  const current = async (userId: string, since?: number) => loadCurrentUser(database.db, admin.organizationId, userId, since);
  const audit = async (userId: string) =>
    database.db
      .select({ action: s.auditEvents.action, actorId: s.auditEvents.actorId, changes: s.auditEvents.changes })
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.entityType, 'user'), eq(s.auditEvents.entityId, userId)))
      .orderBy(s.auditEvents.id);
  const row = async (userId: string) => (await database.db.select().from(s.users).where(eq(s.users.id, userId)))[0]!;

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    const db = database.db;
    [admin, director, viewer, hr] = (await Promise.all(
      [DEMO_EMAILS.admin, DEMO_EMAILS.director, DEMO_EMAILS.viewer, DEMO_EMAILS.hr].map((e) => demoUser(db, e)),
    )) as [CurrentUser, CurrentUser, CurrentUser, CurrentUser];
    hrUnit = (await db.select().from(s.units).where(eq(s.units.code, 'KS-KLF-HR')))[0]!.id;
    klf = (await db.select().from(s.units).where(eq(s.units.code, 'KS-KLF')))[0]!.id;

    const [other] = await db.insert(s.organizations).values({ code: 'annan', name: 'Annan kommun' }).returning();
    otherOrg = other!.id;
    const [otherUser] = await db
      .insert(s.users)
      .values({ organizationId: otherOrg, email: 'admin@annan.example', name: 'Annan Admin' })
      .returning();
    await db.insert(s.roleGrants).values({ organizationId: otherOrg, userId: otherUser!.id, role: 'admin' });
    otherAdmin = await demoUser(db, 'admin@annan.example');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('creates a user with a lower-cased email, a hashed password and grants (audited, no password)', async () => {
    const input = newUser({ email: '  Ellen.Ekonomi@Askersund.Example ', roles: ['viewer'] });
    const { id } = await createUser(database.db, admin, input);
    const stored = await row(id);
    expect(stored.email).toBe('ellen.ekonomi@askersund.example');
    expect(stored.passwordHash).not.toContain(input.password);
    expect(await verifyPassword(stored.passwordHash, input.password)).toBe(true);

    const [candidate] = await findLoginCandidates(database.db, 'ELLEN.EKONOMI@askersund.example');
    expect(candidate?.id).toBe(id);
    const user = await current(id);
    expect(user?.roles.sort()).toEqual(['editor', 'viewer']);
    expect(user?.coveredUnitIds).toContain(hrUnit); // a grant on KLF covers the units below it

    const events = await audit(id);
    expect(events).toMatchObject([{ action: 'user.create', actorId: admin.id }]);
    expect(JSON.stringify(events)).not.toContain(input.password);
    expect(JSON.stringify(events)).not.toContain('argon2');
  });

  it('refuses a taken email (any case), a short password, no role and an archived unit', async () => {
    await expect(createUser(database.db, admin, newUser({ email: 'HR-chef@askersund.example' }))).rejects.toMatchObject({
      fieldErrors: { email: [expect.any(String)] },
    });
    await expect(createUser(database.db, admin, newUser({ password: 'kort' }))).rejects.toMatchObject({
      fieldErrors: { password: ['Lösenordet ska ha minst 10 tecken.'] },
    });
    await expect(createUser(database.db, admin, newUser({ editorUnitIds: [] }))).rejects.toMatchObject({
      fieldErrors: { roles: [expect.any(String)] },
    });
    const gone = await createUnit(database.db, admin, { code: `GONE-${crypto.randomUUID().slice(0, 6)}`, name: 'Nedlagd', kind: 'unit', parentId: klf, sortOrder: 0 });
    await setUnitArchived(database.db, admin, { unitId: gone.id, archived: true });
    await expect(createUser(database.db, admin, newUser({ editorUnitIds: [gone.id] }))).rejects.toMatchObject({
      fieldErrors: { editorUnitIds: [expect.any(String)] },
    });
    // The same email may exist in another organization.
    const elsewhere = await createUser(database.db, otherAdmin, newUser({ email: 'hr-chef@askersund.example', roles: ['viewer'], editorUnitIds: [] }));
    expect((await findLoginCandidates(database.db, 'hr-chef@askersund.example')).map((c) => c.id)).toContain(elsewhere.id);
  });

  it("edits a user's name, email and title with before and after", async () => {
    const { id } = await createUser(database.db, admin, newUser());
    const email = `ny-${id.slice(0, 6)}@askersund.example`;
    await updateUser(database.db, admin, { userId: id, name: 'Ellen Ek', email: email.toUpperCase(), title: null });
    expect(await getUserForAdmin(database.db, admin, id)).toMatchObject({ name: 'Ellen Ek', email, title: null, isSelf: false });
    expect((await audit(id)).at(-1)).toMatchObject({
      action: 'user.update',
      changes: { before: { name: 'Ellen Ekonomichef', title: 'Ekonomichef' }, after: { name: 'Ellen Ek', email, title: null } },
    });
    await expect(updateUser(database.db, admin, { userId: id, name: 'X', email: DEMO_EMAILS.viewer, title: null })).rejects.toMatchObject({
      fieldErrors: { email: [expect.any(String)] },
    });
  });

  it('a new password ends existing sessions', async () => {
    const { id } = await createUser(database.db, admin, newUser());
    const sessionStart = Date.now() - 1000;
    expect(await current(id, sessionStart)).not.toBeNull();

    await setUserPassword(database.db, admin, { userId: id, password: 'Ett-nytt-lösenord' });
    const stored = await row(id);
    expect(await verifyPassword(stored.passwordHash, 'Ett-nytt-lösenord')).toBe(true);
    expect(await verifyPassword(stored.passwordHash, 'Ett-långt-lösenord')).toBe(false);
    expect(await current(id, sessionStart)).toBeNull(); // the old session is over
    expect(await current(id, Date.now() + 1000)).not.toBeNull(); // a new login works
    expect((await audit(id)).map((e) => e.action)).toEqual(['user.create', 'user.password_set']);
    await expect(setUserPassword(database.db, admin, { userId: id, password: 'kort' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('adds and removes grants, seen at the next request', async () => {
    const { id } = await createUser(database.db, admin, newUser({ editorUnitIds: [hrUnit] }));
    await addGrant(database.db, admin, { userId: id, role: 'director', unitId: hrUnit }); // the unit is ignored for director
    expect((await current(id))?.roles.sort()).toEqual(['director', 'editor']);
    await expect(addGrant(database.db, admin, { userId: id, role: 'director', unitId: null })).rejects.toMatchObject({
      fieldErrors: { role: [expect.any(String)] },
    });
    await expect(addGrant(database.db, admin, { userId: id, role: 'editor', unitId: null })).rejects.toMatchObject({
      fieldErrors: { unitId: [expect.any(String)] },
    });
    await expect(addGrant(database.db, admin, { userId: id, role: 'editor', unitId: hrUnit })).rejects.toBeInstanceOf(ValidationError);

    const details = await getUserForAdmin(database.db, admin, id);
    expect(details.grants).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ role: 'director', unitId: null }),
        expect.objectContaining({ role: 'editor', unitId: hrUnit, unitName: 'HR-avdelningen', unitArchived: false }),
      ]),
    );
    const editorGrant = details.grants.find((g) => g.role === 'editor')!;
    await removeGrant(database.db, admin, { userId: id, grantId: editorGrant.id });
    const after = await current(id);
    expect(after?.roles).toEqual(['director']);
    expect(after?.coveredUnitIds).toEqual([]);
    expect((await audit(id)).map((e) => e.action)).toEqual(['user.create', 'user.grant_add', 'user.grant_remove']);
    // A grant of another user is not found through this one.
    const hrGrant = (await getUserForAdmin(database.db, admin, hr.id)).grants[0]!;
    await expect(removeGrant(database.db, admin, { userId: id, grantId: hrGrant.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('the admin keeps their own admin grant and account', async () => {
    const self = await getUserForAdmin(database.db, admin, admin.id);
    expect(self.isSelf).toBe(true);
    const adminGrant = self.grants.find((g) => g.role === 'admin')!;
    await expect(removeGrant(database.db, admin, { userId: admin.id, grantId: adminGrant.id })).rejects.toBeInstanceOf(ValidationError);
    expect(await runAction(removeGrantAction, admin, { userId: admin.id, grantId: adminGrant.id }, database.db)).toMatchObject({
      status: 'error',
      code: 'invalid',
    });
    expect(await runAction(setUserDisabledAction, admin, { userId: admin.id, disabled: 'true' }, database.db)).toMatchObject({
      status: 'error',
    });
    expect((await current(admin.id))?.roles).toContain('admin');
  });

  it('refuses everyone but the admin, before touching data', async () => {
    const usersBefore = await database.db.select().from(s.users);
    const grantsBefore = await database.db.select().from(s.roleGrants);
    const hrGrant = (await getUserForAdmin(database.db, admin, hr.id)).grants[0]!;
    for (const user of [director, viewer, hr]) {
      await expect(getUserForAdmin(database.db, user, hr.id)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createUser(database.db, user, newUser())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateUser(database.db, user, { userId: hr.id, name: 'X', email: 'x@askersund.example', title: null })).rejects.toBeInstanceOf(
        ForbiddenError,
      );
      await expect(setUserPassword(database.db, user, { userId: hr.id, password: 'Ett-långt-lösenord' })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(addGrant(database.db, user, { userId: user.id, role: 'admin', unitId: null })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(removeGrant(database.db, user, { userId: hr.id, grantId: hrGrant.id })).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(getUserForAdmin(database.db, null, hr.id)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await database.db.select().from(s.users)).toEqual(usersBefore);
    expect(await database.db.select().from(s.roleGrants)).toEqual(grantsBefore);
  });

  it("does not find another organization's users", async () => {
    const hrGrant = (await getUserForAdmin(database.db, admin, hr.id)).grants[0]!;
    await expect(getUserForAdmin(database.db, otherAdmin, hr.id)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateUser(database.db, otherAdmin, { userId: hr.id, name: 'X', email: 'x@annan.example', title: null })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(setUserPassword(database.db, otherAdmin, { userId: hr.id, password: 'Ett-långt-lösenord' })).rejects.toBeInstanceOf(NotFoundError);
    await expect(addGrant(database.db, otherAdmin, { userId: hr.id, role: 'viewer', unitId: null })).rejects.toBeInstanceOf(NotFoundError);
    await expect(removeGrant(database.db, otherAdmin, { userId: hr.id, grantId: hrGrant.id })).rejects.toBeInstanceOf(NotFoundError);
    // Nor can one organization grant a unit of another.
    await expect(addGrant(database.db, otherAdmin, { userId: otherAdmin.id, role: 'editor', unitId: hrUnit })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(createUser(database.db, otherAdmin, newUser({ editorUnitIds: [hrUnit] }))).rejects.toBeInstanceOf(NotFoundError);
    expect((await current(hr.id))?.name).toBe('Helena HR-chef');
  });

  it('the actions parse the forms and answer in Swedish', async () => {
    const email = `Form-${crypto.randomUUID().slice(0, 6)}@Askersund.example`;
    const form = {
      name: 'Fredrik Formulär',
      email,
      title: '',
      password: 'Ett-långt-lösenord',
      passwordRepeat: 'Ett-långt-lösenord',
      roles: 'viewer,director',
      editorUnitIds: `${hrUnit},${klf}`,
    };
    expect(await runAction(createUserAction, admin, { ...form, passwordRepeat: 'annat', email: 'inte-en-adress', roles: 'kung' }, database.db)).toMatchObject({
      status: 'error',
      code: 'invalid',
      fieldErrors: {
        email: [expect.stringMatching(/giltig e-postadress/)],
        roles: ['Okänd roll.'],
      },
    });
    expect(await runAction(createUserAction, admin, { ...form, passwordRepeat: 'Ett-långt-lösenorD' }, database.db)).toMatchObject({
      fieldErrors: { passwordRepeat: [expect.stringMatching(/inte lika/)] },
    });
    expect(await runAction(createUserAction, admin, { ...form, password: 'kort', passwordRepeat: 'kort' }, database.db)).toMatchObject({
      fieldErrors: { password: ['Lösenordet ska ha minst 10 tecken.'] },
    });
    const created = await runAction(createUserAction, admin, form, database.db);
    expect(created).toMatchObject({ status: 'ok', message: 'Fredrik Formulär är skapad.' });
    const id = (created as { data: { id: string } }).data.id;
    const user = await getUserForAdmin(database.db, admin, id);
    expect(user).toMatchObject({ email: email.toLowerCase(), title: null });
    expect(user.grants.map((g) => g.role).sort()).toEqual(['director', 'editor', 'editor', 'viewer']);

    expect(await runAction(updateUserAction, admin, { userId: id, name: 'Fredrik F', email, title: 'Controller' }, database.db)).toMatchObject({
      status: 'ok',
    });
    expect(
      await runAction(setUserPasswordAction, admin, { userId: id, password: 'Nytt-lösenord-1', passwordRepeat: 'Nytt-lösenord-1' }, database.db),
    ).toMatchObject({ status: 'ok' });
    expect(await runAction(addGrantAction, admin, { userId: id, role: 'editor', unitId: '' }, database.db)).toMatchObject({
      status: 'error',
      fieldErrors: { unitId: ['Välj vilken enhet användaren rapporterar för.'] },
    });
    expect(await runAction(addGrantAction, admin, { userId: id, role: 'admin' }, database.db)).toMatchObject({
      status: 'ok',
      message: 'Fredrik F har fått rollen systemförvaltare.',
    });
    const grant = (await getUserForAdmin(database.db, admin, id)).grants.find((g) => g.role === 'admin')!;
    expect(await runAction(removeGrantAction, viewer, { userId: id, grantId: grant.id }, database.db)).toMatchObject({ code: 'not_found' });
    expect(await runAction(removeGrantAction, admin, { userId: id, grantId: grant.id }, database.db)).toMatchObject({ status: 'ok' });
    expect(await runAction(createUserAction, null, form, database.db)).toMatchObject({ code: 'unauthenticated' });
  });
});
