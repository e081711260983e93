// Focus area and council goal administration on each engine: create, edit (audited with
// before and after), archive, restore, delete only when unused, refusals for non-admins
// and "not found" for another organization's ids.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { NotFoundError, ValidationError } from '@/lib/errors';
import {
  createCouncilGoal,
  createFocusArea,
  deleteCouncilGoal,
  deleteFocusArea,
  getFocusAreaAdmin,
  setCouncilGoalArchived,
  setFocusAreaArchived,
  updateCouncilGoal,
  updateFocusArea,
  type CouncilGoalInput,
  type FocusAreaInput,
} from '@/db/admin/focus-areas';
import { runAction } from '@/server/action';
import { ForbiddenError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import { createFocusAreaAction } from '@/app/(inloggad)/admin/malomraden/create-focus-area';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

async function otherOrganizationAdmin(db: Db): Promise<CurrentUser> {
  const [org] = await db.insert(s.organizations).values({ code: 'annan', name: 'Annan kommun' }).returning();
  const [user] = await db.insert(s.users).values({ organizationId: org!.id, email: 'admin@annan.example', name: 'Annan Admin' }).returning();
  await db.insert(s.roleGrants).values({ organizationId: org!.id, userId: user!.id, role: 'admin' });
  return demoUser(db, 'admin@annan.example');
}

describe.each(engines)('focus area and council goal administration on $name', (engine) => {
  let database: Database;
  let db: Db;
  let admin: CurrentUser, director: CurrentUser, hr: CurrentUser, otherAdmin: CurrentUser;
  let mo1: string, mo2: string, mo2so: string, kfMo1: string;

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((d) => loadDemoIfEmpty(d, askersund, DEMO_PASSWORD).then(() => undefined));
    db = database.db;
    [admin, director, hr] = (await Promise.all(
      [DEMO_EMAILS.admin, DEMO_EMAILS.director, DEMO_EMAILS.hr].map((e) => demoUser(db, e)),
    )) as [CurrentUser, CurrentUser, CurrentUser];
    otherAdmin = await otherOrganizationAdmin(db);
    const byCode = async (code: string) => (await db.select().from(s.focusAreas).where(eq(s.focusAreas.code, code)))[0]!.id;
    [mo1, mo2, mo2so] = await Promise.all(['MO1', 'MO2', 'MO2-SO'].map(byCode)) as [string, string, string];
    kfMo1 = (await db.select().from(s.councilGoals).where(eq(s.councilGoals.code, 'KF-MO1-ARBETSGIVARE')))[0]!.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  const area = (fields: Partial<FocusAreaInput> = {}): FocusAreaInput => ({
    code: `T-${Math.random().toString(36).slice(2, 10)}`,
    number: 5,
    name: 'Hållbar utveckling',
    parentId: null,
    validFrom: 2025,
    validTo: null,
    sortOrder: 10,
    ...fields,
  });
  const councilGoal = (fields: Partial<CouncilGoalInput> = {}): CouncilGoalInput => ({
    code: `T-${Math.random().toString(36).slice(2, 10)}`,
    focusAreaId: mo1,
    text: 'Askersunds kommun har en ekonomi i balans.',
    phrase: 'om en ekonomi i balans',
    validFrom: 2025,
    validTo: null,
    sortOrder: 10,
    ...fields,
  });
  const listed = async () => getFocusAreaAdmin(db, admin);
  const fieldErrorsOf = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error) => (error instanceof ValidationError ? error.fieldErrors : error),
    );

  it('lists the demo focus areas and council goals; what is in use is not deletable', async () => {
    const { focusAreas, councilGoals } = await listed();
    expect(focusAreas.map((a) => a.code)).toEqual(['MO1', 'MO2', 'MO2-SO', 'MO3', 'MO4', 'MO4-DIG', 'MO4-INT']);
    expect(focusAreas.find((a) => a.id === mo2so)).toMatchObject({ parentId: mo2, number: null, deletable: false });
    expect(councilGoals.find((g) => g.id === kfMo1)).toMatchObject({ deletable: false, phrase: 'om en attraktiv arbetsgivare och en god arbetsmiljö' });
  });

  it('creates and edits focus areas with Swedish field errors; edits are audited', async () => {
    const created = await createFocusArea(db, admin, area({ code: 'MO5' }));
    const sub = await createFocusArea(db, admin, area({ code: 'MO5-KLIMAT', number: null, name: 'Klimat', parentId: created.id }));
    expect((await listed()).focusAreas.find((a) => a.id === sub.id)).toMatchObject({ parentId: created.id, validFrom: 2025 });

    expect(await fieldErrorsOf(createFocusArea(db, admin, area({ code: 'MO1', number: 7 })))).toEqual({ code: ['Koden används redan.'] });
    expect(await fieldErrorsOf(createFocusArea(db, admin, area({ number: null })))).toEqual({ number: ['Ange målområdets nummer.'] });
    expect(await fieldErrorsOf(createFocusArea(db, admin, area({ number: 1, validFrom: 2024 })))).toEqual({
      number: ['Ett annat målområde har samma nummer under samma år.'],
    });
    expect(await fieldErrorsOf(createFocusArea(db, admin, area({ number: 6, validFrom: 2026, validTo: 2025 })))).toEqual({
      validTo: ['Sista giltighetsåret kan inte vara före det första.'],
    });
    expect(await fieldErrorsOf(createFocusArea(db, admin, area({ number: null, parentId: mo2so })))).toEqual({
      parentId: ['Välj ett målområde på översta nivån: ett delområde kan inte ha egna delområden.'],
    });
    expect(await fieldErrorsOf(updateFocusArea(db, admin, { ...area({ code: 'MO5', number: null, parentId: mo1 }), id: created.id }))).toEqual({
      parentId: ['Målområdet har egna delområden och kan inte bli ett delområde.'],
    });

    await updateFocusArea(db, admin, { ...area({ code: 'MO5', name: 'Hållbarhet', validTo: 2027 }), id: created.id });
    expect((await listed()).focusAreas.find((a) => a.id === created.id)).toMatchObject({ name: 'Hållbarhet', validTo: 2027 });
    const [event] = await db
      .select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.action, 'focus_area.update'), eq(s.auditEvents.entityId, created.id)));
    expect(event!.changes).toEqual({ before: { name: 'Hållbar utveckling', validTo: null }, after: { name: 'Hållbarhet', validTo: 2027 } });
    expect(event!.actorId).toBe(admin.id);
  });

  it('the action parses Swedish field errors before anything is written', async () => {
    const result = await runAction(createFocusAreaAction, admin, { code: 'a b', name: '', validFrom: '24' }, db);
    expect(result).toMatchObject({
      status: 'error',
      code: 'invalid',
      fieldErrors: {
        code: ['Koden får inte innehålla mellanslag.'],
        name: ['Ange målområdets namn.'],
        validFrom: ['Ange ett år med fyra siffror, till exempel 2024.'],
      },
    });
    const ok = await runAction(createFocusAreaAction, admin, { code: 'MO2-NY', parentId: mo2, name: 'Skola', validFrom: '2025' }, db);
    expect(ok).toMatchObject({ status: 'ok', message: 'Målområdet ”Skola” är skapat.' });
  });

  it('archives and restores; deletes only what nothing refers to', async () => {
    await setFocusAreaArchived(db, admin, { id: mo1, archived: true });
    expect((await listed()).focusAreas.find((a) => a.id === mo1)).toMatchObject({ archived: true });
    await setFocusAreaArchived(db, admin, { id: mo1, archived: false });
    expect((await listed()).focusAreas.find((a) => a.id === mo1)).toMatchObject({ archived: false });
    await expect(deleteFocusArea(db, admin, { id: mo1 })).rejects.toBeInstanceOf(ValidationError);

    const unused = await createFocusArea(db, admin, area({ number: 9 }));
    const goal = await createCouncilGoal(db, admin, councilGoal({ focusAreaId: unused.id }));
    await expect(deleteFocusArea(db, admin, { id: unused.id })).rejects.toBeInstanceOf(ValidationError); // a KF-mål is under it
    await deleteCouncilGoal(db, admin, { id: goal.id });
    await deleteFocusArea(db, admin, { id: unused.id });
    expect((await listed()).focusAreas.some((a) => a.id === unused.id)).toBe(false);

    const actions = (await db.select({ action: s.auditEvents.action }).from(s.auditEvents)).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['focus_area.create', 'focus_area.update', 'focus_area.archive', 'focus_area.restore', 'focus_area.delete', 'council_goal.delete']),
    );
  });

  it('creates, edits, archives, restores and deletes council goals', async () => {
    const created = await createCouncilGoal(db, admin, councilGoal({ code: 'KF-MO1-EKONOMI' }));
    expect(await fieldErrorsOf(createCouncilGoal(db, admin, councilGoal({ code: 'KF-MO1-EKONOMI' })))).toEqual({ code: ['Koden används redan.'] });
    await updateCouncilGoal(db, admin, { ...councilGoal({ code: 'KF-MO1-EKONOMI', focusAreaId: mo2, phrase: null }), id: created.id });
    expect((await listed()).councilGoals.find((g) => g.id === created.id)).toMatchObject({ focusAreaId: mo2, phrase: null, deletable: true });
    const [event] = await db
      .select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.action, 'council_goal.update'), eq(s.auditEvents.entityId, created.id)));
    expect(event!.changes).toEqual({ before: { focusAreaId: mo1, phrase: 'om en ekonomi i balans' }, after: { focusAreaId: mo2, phrase: null } });

    await setCouncilGoalArchived(db, admin, { id: kfMo1, archived: true });
    await setCouncilGoalArchived(db, admin, { id: kfMo1, archived: false });
    expect((await listed()).councilGoals.find((g) => g.id === kfMo1)).toMatchObject({ archived: false });
    await expect(deleteCouncilGoal(db, admin, { id: kfMo1 })).rejects.toBeInstanceOf(ValidationError);
    await deleteCouncilGoal(db, admin, { id: created.id });
    expect((await listed()).councilGoals.some((g) => g.id === created.id)).toBe(false);
  });

  it('refuses everyone but the admin; another organization gets "not found"', async () => {
    for (const user of [director, hr]) {
      await expect(getFocusAreaAdmin(db, user)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createFocusArea(db, user, area())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateFocusArea(db, user, { ...area(), id: mo1 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setFocusAreaArchived(db, user, { id: mo1, archived: true })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deleteFocusArea(db, user, { id: mo1 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createCouncilGoal(db, user, councilGoal())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateCouncilGoal(db, user, { ...councilGoal(), id: kfMo1 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setCouncilGoalArchived(db, user, { id: kfMo1, archived: true })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deleteCouncilGoal(db, user, { id: kfMo1 })).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(getFocusAreaAdmin(db, null)).rejects.toBeInstanceOf(ForbiddenError);

    expect(await getFocusAreaAdmin(db, otherAdmin)).toEqual({ focusAreas: [], councilGoals: [] });
    await expect(createFocusArea(db, otherAdmin, area({ number: null, parentId: mo1 }))).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateFocusArea(db, otherAdmin, { ...area(), id: mo1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setFocusAreaArchived(db, otherAdmin, { id: mo1, archived: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteFocusArea(db, otherAdmin, { id: mo1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createCouncilGoal(db, otherAdmin, councilGoal())).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateCouncilGoal(db, otherAdmin, { ...councilGoal(), id: kfMo1 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setCouncilGoalArchived(db, otherAdmin, { id: kfMo1, archived: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteCouncilGoal(db, otherAdmin, { id: kfMo1 })).rejects.toBeInstanceOf(NotFoundError);
    expect((await listed()).focusAreas.find((a) => a.id === mo1)).toMatchObject({ archived: false, name: 'god ekonomisk hushållning' });
  });
});
