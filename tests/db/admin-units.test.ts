// The unit tree's administration on each engine: create, edit (with the parent rules),
// archive and restore (archived units leave the pickers but stay in the tree), delete only
// when a unit was never used; non-admins are refused and another organization's units are
// not found; every change is an audit event.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import {
  createUnit,
  deleteUnit,
  getUnitForAdmin,
  listUnitOptions,
  listUnitsForAdmin,
  setUnitArchived,
  updateUnit,
  type UnitInput,
} from '@/db/admin/units';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/errors';
import { runAction } from '@/server/action';
import type { CurrentUser } from '@/lib/current-user';
import { createUnitAction } from '@/app/(inloggad)/admin/enheter/create-unit';
import { updateUnitAction } from '@/app/(inloggad)/admin/enheter/update-unit';
import { setUnitArchivedAction } from '@/app/(inloggad)/admin/enheter/set-unit-archived';
import { deleteUnitAction } from '@/app/(inloggad)/admin/enheter/delete-unit';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

describe.each(engines)('unit administration on $name', (engine) => {
  let database: Database;
  let admin: CurrentUser, director: CurrentUser, viewer: CurrentUser, hr: CurrentUser, otherAdmin: CurrentUser;
  let ks: string, klf: string, hrUnit: string, otherUnit: string;

  const unit = (over: Partial<UnitInput> = {}): UnitInput => ({
    code: `T-${crypto.randomUUID().slice(0, 8)}`,
    name: 'Testenheten',
    kind: 'unit',
    parentId: klf,
    sortOrder: 0,
    ...over,
  });
  const audit = async (entityId: string) =>
    database.db
      .select({ action: s.auditEvents.action, actorId: s.auditEvents.actorId, changes: s.auditEvents.changes })
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.entityType, 'unit'), eq(s.auditEvents.entityId, entityId)))
      .orderBy(s.auditEvents.id);
  const byCode = async (code: string) => (await database.db.select().from(s.units).where(eq(s.units.code, code)))[0]!.id;

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    const db = database.db;
    [admin, director, viewer, hr] = (await Promise.all(
      [DEMO_EMAILS.admin, DEMO_EMAILS.director, DEMO_EMAILS.viewer, DEMO_EMAILS.hr].map((e) => demoUser(db, e)),
    )) as [CurrentUser, CurrentUser, CurrentUser, CurrentUser];
    ks = await byCode('KS');
    klf = await byCode('KS-KLF');
    hrUnit = await byCode('KS-KLF-HR');

    const [other] = await db.insert(s.organizations).values({ code: 'annan', name: 'Annan kommun' }).returning();
    const [otherUser] = await db
      .insert(s.users)
      .values({ organizationId: other!.id, email: 'admin@annan.example', name: 'Annan Admin' })
      .returning();
    await db.insert(s.roleGrants).values({ organizationId: other!.id, userId: otherUser!.id, role: 'admin' });
    otherAdmin = await demoUser(db, 'admin@annan.example');
    otherUnit = (await createUnit(db, otherAdmin, { code: 'ANNAN-KS', name: 'Annan styrelse', kind: 'board', parentId: null, sortOrder: 0 })).id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('lists the tree in order with depth, and creates a unit under a parent (audited)', async () => {
    const tree = await listUnitsForAdmin(database.db, admin);
    expect(tree.slice(0, 3).map((u) => [u.name, u.depth])).toEqual([
      ['Kommunstyrelsen', 0],
      ['Kommunledningsförvaltningen', 1],
      ['HR-avdelningen', 2],
    ]);
    expect(tree.some((u) => u.name === 'Annan styrelse')).toBe(false);

    const input = unit({ name: 'Ekonomiavdelningen', sortOrder: 7 });
    const created = await createUnit(database.db, admin, input);
    const row = (await listUnitsForAdmin(database.db, admin)).find((u) => u.id === created.id);
    expect(row).toMatchObject({ name: 'Ekonomiavdelningen', kind: 'unit', parentId: klf, depth: 2, sortOrder: 7, archived: false });
    expect(await audit(created.id)).toEqual([
      { action: 'unit.create', actorId: admin.id, changes: { after: { ...input } } },
    ]);
  });

  it('refuses a taken code, a board with a parent and a unit without one', async () => {
    await expect(createUnit(database.db, admin, unit({ code: 'KS-KLF-HR' }))).rejects.toMatchObject({
      fieldErrors: { code: ['Koden används redan.'] },
    });
    await expect(createUnit(database.db, admin, unit({ kind: 'board' }))).rejects.toMatchObject({
      fieldErrors: { parentId: [expect.any(String)] },
    });
    await expect(createUnit(database.db, admin, unit({ parentId: null }))).rejects.toBeInstanceOf(ValidationError);
    // A board at the top and an external body on its own are fine.
    await createUnit(database.db, admin, unit({ kind: 'board', parentId: null, name: 'Tekniska nämnden' }));
    await createUnit(database.db, admin, unit({ kind: 'external', parentId: null, name: 'Räddningstjänstförbundet' }));
    // Another organization's unit is no parent here.
    await expect(createUnit(database.db, admin, unit({ parentId: otherUnit }))).rejects.toBeInstanceOf(NotFoundError);
  });

  it('edits name, kind, parent, code and sort order with before and after in the audit', async () => {
    const { id } = await createUnit(database.db, admin, unit({ name: 'Kansliet' }));
    const next = unit({ name: 'Kanslienheten', code: `${id.slice(0, 6)}-KANS`, parentId: ks, kind: 'department', sortOrder: -2 });
    await updateUnit(database.db, admin, { unitId: id, ...next });
    const edited = await getUnitForAdmin(database.db, admin, id);
    expect(edited).toMatchObject({ name: 'Kanslienheten', kind: 'department', parentId: ks, parentName: 'Kommunstyrelsen', sortOrder: -2, depth: 1 });
    const events = await audit(id);
    expect(events.at(-1)).toMatchObject({
      action: 'unit.update',
      changes: { before: { name: 'Kansliet', parentId: klf, kind: 'unit' }, after: { name: 'Kanslienheten', parentId: ks, kind: 'department' } },
    });
  });

  it('never puts a unit under itself or one of its descendants', async () => {
    const klfUnit = await getUnitForAdmin(database.db, admin, klf);
    const optionIds = klfUnit.parentOptions.map((o) => o.id);
    expect(optionIds).toContain(ks);
    expect(optionIds).not.toContain(klf);
    expect(optionIds).not.toContain(hrUnit);
    const same = { code: 'KS-KLF', name: 'Kommunledningsförvaltningen', kind: 'department' as const, sortOrder: 0 };
    await expect(updateUnit(database.db, admin, { unitId: klf, ...same, parentId: klf })).rejects.toBeInstanceOf(ValidationError);
    await expect(updateUnit(database.db, admin, { unitId: klf, ...same, parentId: hrUnit })).rejects.toMatchObject({
      fieldErrors: { parentId: [expect.any(String)] },
    });
    expect((await getUnitForAdmin(database.db, admin, klf)).parentId).toBe(ks);
  });

  it('keeps a board with plans a board', async () => {
    const board = await getUnitForAdmin(database.db, admin, ks);
    expect(board.mustStayBoard).toBe(true);
    await expect(
      updateUnit(database.db, admin, { unitId: ks, code: 'KS', name: 'Kommunstyrelsen', kind: 'department', parentId: null, sortOrder: 0 }),
    ).rejects.toMatchObject({ fieldErrors: { kind: [expect.any(String)] } });
  });

  it('archives a unit out of the pickers and restores it; children first, parents first', async () => {
    const parent = await createUnit(database.db, admin, unit({ name: 'Gamla staben', kind: 'department', parentId: ks }));
    const child = await createUnit(database.db, admin, unit({ name: 'Gamla gruppen', parentId: parent.id }));

    await expect(setUnitArchived(database.db, admin, { unitId: parent.id, archived: true })).rejects.toBeInstanceOf(ValidationError);
    await setUnitArchived(database.db, admin, { unitId: child.id, archived: true });
    await setUnitArchived(database.db, admin, { unitId: parent.id, archived: true });

    const options = (await listUnitOptions(database.db, admin)).map((o) => o.id);
    expect(options).not.toContain(parent.id);
    expect(options).not.toContain(child.id);
    expect(options).toContain(hrUnit);
    const tree = await listUnitsForAdmin(database.db, admin);
    expect(tree.find((u) => u.id === child.id)).toMatchObject({ archived: true, depth: 2 });
    // An archived unit is no parent for a new one.
    await expect(createUnit(database.db, admin, unit({ parentId: parent.id }))).rejects.toBeInstanceOf(ValidationError);

    await expect(setUnitArchived(database.db, admin, { unitId: child.id, archived: false })).rejects.toBeInstanceOf(ValidationError);
    await setUnitArchived(database.db, admin, { unitId: parent.id, archived: false });
    await setUnitArchived(database.db, admin, { unitId: child.id, archived: false });
    // Archiving twice changes nothing and writes no second event.
    expect(await setUnitArchived(database.db, admin, { unitId: child.id, archived: false })).toMatchObject({ changed: false });
    expect((await listUnitOptions(database.db, admin)).map((o) => o.id)).toContain(child.id);
    expect((await audit(child.id)).map((e) => e.action)).toEqual(['unit.create', 'unit.archive', 'unit.restore']);
  });

  it('deletes only a unit that was never used; anything used is to be archived', async () => {
    const hrDetails = await getUnitForAdmin(database.db, admin, hrUnit);
    expect(hrDetails.deletable).toBe(false);
    expect(hrDetails.usage).toMatchObject({ grants: 1, goals: 2 });
    await expect(deleteUnit(database.db, admin, { unitId: hrUnit })).rejects.toThrow(/Arkivera/);
    await expect(deleteUnit(database.db, admin, { unitId: klf })).rejects.toBeInstanceOf(ValidationError);

    const { id } = await createUnit(database.db, admin, unit({ name: 'Felskapad enhet' }));
    expect((await getUnitForAdmin(database.db, admin, id)).deletable).toBe(true);
    await deleteUnit(database.db, admin, { unitId: id });
    expect((await database.db.select().from(s.units).where(eq(s.units.id, id))).length).toBe(0);
    expect((await audit(id)).map((e) => e.action)).toEqual(['unit.create', 'unit.delete']);
    await expect(getUnitForAdmin(database.db, admin, id)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('refuses everyone but the admin, before touching data', async () => {
    const before = await database.db.select().from(s.units);
    for (const user of [director, viewer, hr]) {
      await expect(listUnitsForAdmin(database.db, user)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(listUnitOptions(database.db, user)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getUnitForAdmin(database.db, user, hrUnit)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createUnit(database.db, user, unit())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateUnit(database.db, user, { unitId: hrUnit, ...unit() })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setUnitArchived(database.db, user, { unitId: hrUnit, archived: true })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deleteUnit(database.db, user, { unitId: hrUnit })).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(listUnitsForAdmin(database.db, null)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await database.db.select().from(s.units)).toEqual(before);
  });

  it("does not find another organization's units", async () => {
    await expect(getUnitForAdmin(database.db, admin, otherUnit)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateUnit(database.db, admin, { unitId: otherUnit, ...unit({ kind: 'board', parentId: null }) })).rejects.toBeInstanceOf(
      NotFoundError,
    );
    await expect(setUnitArchived(database.db, admin, { unitId: otherUnit, archived: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteUnit(database.db, admin, { unitId: otherUnit })).rejects.toBeInstanceOf(NotFoundError);
    await expect(getUnitForAdmin(database.db, otherAdmin, hrUnit)).rejects.toBeInstanceOf(NotFoundError);
    expect((await getUnitForAdmin(database.db, otherAdmin, otherUnit)).archived).toBe(false);
  });

  it('the actions parse Swedish input and answer in Swedish', async () => {
    const code = `A-${crypto.randomUUID().slice(0, 8)}`;
    const form = { code, name: ' Upphandlingsenheten ', kind: 'unit', parentId: klf, sortOrder: '−2' };
    const created = await runAction(createUnitAction, admin, form, database.db);
    expect(created).toMatchObject({ status: 'ok', message: 'Upphandlingsenheten är skapad.' });
    const id = (created as { data: { id: string } }).data.id;
    expect((await getUnitForAdmin(database.db, admin, id)).sortOrder).toBe(-2);

    expect(await runAction(createUnitAction, admin, { ...form, sortOrder: '1,5', code: 'med mellanslag' }, database.db)).toMatchObject({
      status: 'error',
      code: 'invalid',
      fieldErrors: { sortOrder: ['Ange ett heltal, till exempel 3.'], code: ['Koden får inte innehålla mellanslag.'] },
    });
    expect(await runAction(createUnitAction, admin, form, database.db)).toMatchObject({
      status: 'error',
      code: 'invalid',
      fieldErrors: { code: ['Koden används redan.'] },
    });
    expect(await runAction(updateUnitAction, admin, { ...form, unitId: id, name: 'Inköp', sortOrder: '' }, database.db)).toMatchObject({
      status: 'ok',
    });
    expect(await runAction(setUnitArchivedAction, admin, { unitId: id, archived: 'true' }, database.db)).toMatchObject({
      status: 'ok',
      message: 'Inköp är arkiverad.',
    });
    expect(await runAction(deleteUnitAction, hr, { unitId: id }, database.db)).toMatchObject({ status: 'error', code: 'not_found' });
    expect(await runAction(deleteUnitAction, admin, { unitId: id }, database.db)).toMatchObject({ status: 'ok', message: 'Inköp är raderad.' });
  });
});
