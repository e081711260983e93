// Matrix rows for the administration of units and users. The writes act only on items
// these rows create for themselves (fresh codes and emails), never on the demo's units or
// users that other rows use. The admin is the first actor of every row, so a fixture is
// created, lazily, by the admin's call; after an allowed delete or removal, `undo` puts a
// new target in place so that the refused actors that follow act on a real item.
import { and, eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import * as s from '@/db/schema';
import { createUnit, getUnitForAdmin, listUnitOptions, listUnitsForAdmin, setUnitArchived } from '@/db/admin/units';
import { addGrant, createUser, getUserForAdmin } from '@/db/admin/users';
import { runAction } from '@/server/action';
import { createUnitAction } from '@/app/(inloggad)/admin/enheter/create-unit';
import { updateUnitAction } from '@/app/(inloggad)/admin/enheter/update-unit';
import { setUnitArchivedAction } from '@/app/(inloggad)/admin/enheter/set-unit-archived';
import { deleteUnitAction } from '@/app/(inloggad)/admin/enheter/delete-unit';
import { createUserAction } from '@/app/(inloggad)/admin/anvandare/create-user';
import { updateUserAction } from '@/app/(inloggad)/admin/anvandare/update-user';
import { setUserPasswordAction } from '@/app/(inloggad)/admin/anvandare/set-user-password';
import { addGrantAction } from '@/app/(inloggad)/admin/anvandare/add-grant';
import { removeGrantAction } from '@/app/(inloggad)/admin/anvandare/remove-grant';
import { endUserSessionsAction } from '@/app/(inloggad)/admin/anvandare/end-user-sessions';
import { startSession } from '@/db/sessions';
import { action, adminOnly, read, type Context, type MatrixRow } from './harness';

const adminAction = { ...adminOnly, anonymous: 'unauthenticated' } as const;
const adminRead = { ...adminOnly, otherOrgAdmin: 'empty' } as const;

const fresh = (prefix: string) => `${prefix}-${crypto.randomUUID().slice(0, 8)}`;

/** The items these rows made, per database (the engines run one after the other). */
interface Fixtures {
  unit?: string;
  archivedUnit?: string;
  deletableUnit?: string;
  createdUnits: string[];
  user?: string;
}
const fixturesByDb = new WeakMap<Db, Fixtures>();
const fixtures = (db: Db): Fixtures => {
  let f = fixturesByDb.get(db);
  if (!f) fixturesByDb.set(db, (f = { createdUnits: [] }));
  return f;
};

const newUnit = async ({ db, users, ids }: Context, name: string) =>
  (await createUnit(db, users.admin!, { code: fresh('MATRIS'), name, kind: 'unit', parentId: ids.klfUnit, sortOrder: 99 })).id;

async function ownUnit(ctx: Context): Promise<string> {
  const f = fixtures(ctx.db);
  f.unit ??= await newUnit(ctx, 'Matrisenheten');
  return f.unit;
}

/** An archived unit, for restoring; re-archived after the admin restores it. */
async function archivedUnit(ctx: Context): Promise<string> {
  const f = fixtures(ctx.db);
  if (!f.archivedUnit) {
    f.archivedUnit = await newUnit(ctx, 'Arkiverad matrisenhet');
    await setUnitArchived(ctx.db, ctx.users.admin!, { unitId: f.archivedUnit, archived: true });
  }
  return f.archivedUnit;
}

async function deletableUnit(ctx: Context): Promise<string> {
  const f = fixtures(ctx.db);
  f.deletableUnit ??= await newUnit(ctx, 'Matrisenhet att radera');
  return f.deletableUnit;
}

/** A user of the rows' own: a viewer and editor for HR-avdelningen. */
async function ownUser(ctx: Context): Promise<string> {
  const f = fixtures(ctx.db);
  f.user ??= (
    await createUser(ctx.db, ctx.users.admin!, {
      name: 'Matris Användare',
      email: `${fresh('matris')}@askersund.example`,
      title: null,
      password: 'Matrisens-lösenord',
      roles: ['viewer'],
      editorUnitIds: [ctx.ids.hrUnit],
    })
  ).id;
  return f.user;
}

async function grantOf(db: Db, userId: string, role: 'editor' | 'director'): Promise<string | undefined> {
  const [grant] = await db
    .select({ id: s.roleGrants.id })
    .from(s.roleGrants)
    .where(and(eq(s.roleGrants.userId, userId), eq(s.roleGrants.role, role)));
  return grant?.id;
}

export const adminPeopleRows: MatrixRow[] = [
  {
    name: 'read: the unit tree (page /admin/enheter)',
    writes: false,
    expected: adminRead,
    call: ({ db, ids }, user) =>
      read(async () => {
        const units = await listUnitsForAdmin(db, user);
        return units.some((u) => u.id === ids.ksBoard) ? units : null; // another organization sees only its own
      }),
  },
  {
    name: 'read: the units a picker offers (pages /admin/enheter, /admin/anvandare/…)',
    writes: false,
    expected: adminRead,
    call: ({ db, ids }, user) =>
      read(async () => {
        const units = await listUnitOptions(db, user);
        return units.some((u) => u.id === ids.hrUnit) ? units : null;
      }),
  },
  {
    name: 'read: a unit for editing (page /admin/enheter/…)',
    writes: false,
    expected: adminOnly,
    call: ({ db, ids }, user) => read(() => getUnitForAdmin(db, user, ids.hrUnit)),
  },
  {
    name: 'action: create a unit (unit.create)',
    writes: true,
    expected: adminAction,
    call: async ({ db, ids }, user) => {
      const input = { code: fresh('MATRIS'), name: 'Ny matrisenhet', kind: 'unit', parentId: ids.klfUnit, sortOrder: '5' };
      const result = await runAction(createUnitAction, user, input, db);
      if (result.status === 'ok') fixtures(db).createdUnits.push(result.data!.id);
      return action(result);
    },
    undo: async ({ db }) => {
      const f = fixtures(db);
      for (const id of f.createdUnits.splice(0)) await db.delete(s.units).where(eq(s.units.id, id));
    },
  },
  {
    name: 'action: edit a unit (unit.update)',
    writes: true,
    expected: adminAction,
    call: async (ctx, user) => {
      const unitId = await ownUnit(ctx);
      const [row] = await ctx.db.select().from(s.units).where(eq(s.units.id, unitId));
      const input = { unitId, code: row!.code, name: 'Matrisenheten (ändrad)', kind: 'unit', parentId: ctx.ids.klfUnit, sortOrder: '98' };
      return action(await runAction(updateUnitAction, user, input, ctx.db));
    },
  },
  {
    name: 'action: archive a unit (unit.setArchived)',
    writes: true,
    expected: adminAction,
    call: async (ctx, user) =>
      action(await runAction(setUnitArchivedAction, user, { unitId: await ownUnit(ctx), archived: 'true' }, ctx.db)),
    undo: async (ctx) => {
      await setUnitArchived(ctx.db, ctx.users.admin!, { unitId: await ownUnit(ctx), archived: false });
    },
  },
  {
    name: 'action: restore a unit (unit.setArchived)',
    writes: true,
    expected: adminAction,
    call: async (ctx, user) =>
      action(await runAction(setUnitArchivedAction, user, { unitId: await archivedUnit(ctx), archived: 'false' }, ctx.db)),
    undo: async (ctx) => {
      await setUnitArchived(ctx.db, ctx.users.admin!, { unitId: await archivedUnit(ctx), archived: true });
    },
  },
  {
    name: 'action: delete a unit that was never used (unit.delete)',
    writes: true,
    expected: adminAction,
    call: async (ctx, user) => {
      const unitId = await deletableUnit(ctx);
      const result = await runAction(deleteUnitAction, user, { unitId }, ctx.db);
      if (result.status === 'ok') fixtures(ctx.db).deletableUnit = undefined;
      return action(result);
    },
    undo: async (ctx) => {
      await deletableUnit(ctx); // a new target for the actors that follow
    },
  },
  {
    name: 'read: a user for editing (page /admin/anvandare/…)',
    writes: false,
    expected: adminOnly,
    call: ({ db, ids }, user) => read(() => getUserForAdmin(db, user, ids.hrChef)),
  },
  {
    name: 'action: create a user (user.create)',
    writes: true,
    expected: adminAction,
    call: async ({ db, ids }, user) => {
      const input = {
        name: 'Ny Matrisanvändare',
        email: `${fresh('ny')}@askersund.example`,
        title: 'Testare',
        password: 'Ett-långt-lösenord',
        passwordRepeat: 'Ett-långt-lösenord',
        roles: 'viewer',
        editorUnitIds: ids.hrUnit,
      };
      return action(await runAction(createUserAction, user, input, db));
    },
  },
  {
    name: 'action: edit a user (user.update)',
    writes: true,
    expected: adminAction,
    call: async (ctx, user) => {
      const userId = await ownUser(ctx);
      const input = { userId, name: 'Matris Användare (ändrad)', email: `${fresh('andrad')}@askersund.example`, title: 'Testare' };
      return action(await runAction(updateUserAction, user, input, ctx.db));
    },
  },
  {
    name: 'action: set a new password (user.setPassword)',
    writes: true,
    expected: adminAction,
    call: async (ctx, user) => {
      const input = { userId: await ownUser(ctx), password: 'Ett-nytt-lösenord', passwordRepeat: 'Ett-nytt-lösenord' };
      return action(await runAction(setUserPasswordAction, user, input, ctx.db));
    },
  },
  {
    name: 'action: end all sessions of a user (user.endSessions)',
    writes: true,
    expected: adminAction,
    call: async (ctx, user) => action(await runAction(endUserSessionsAction, user, { userId: await ownUser(ctx) }, ctx.db)),
    // The refused actors that follow find a live session that they must not end.
    undo: async (ctx) => {
      await startSession(ctx.db, ctx.users.admin!.organizationId, await ownUser(ctx));
    },
  },
  {
    name: 'action: add a grant (user.addGrant)',
    writes: true,
    expected: adminAction,
    call: async (ctx, user) =>
      action(await runAction(addGrantAction, user, { userId: await ownUser(ctx), role: 'director' }, ctx.db)),
    undo: async (ctx) => {
      const grantId = await grantOf(ctx.db, await ownUser(ctx), 'director');
      if (grantId) await ctx.db.delete(s.roleGrants).where(eq(s.roleGrants.id, grantId));
    },
  },
  {
    name: 'action: remove a grant (user.removeGrant)',
    writes: true,
    expected: adminAction,
    call: async (ctx, user) => {
      const userId = await ownUser(ctx);
      const grantId = await grantOf(ctx.db, userId, 'editor');
      if (!grantId) throw new Error('the matrix user has no editor grant');
      return action(await runAction(removeGrantAction, user, { userId, grantId }, ctx.db));
    },
    undo: async (ctx) => {
      await addGrant(ctx.db, ctx.users.admin!, { userId: await ownUser(ctx), role: 'editor', unitId: ctx.ids.hrUnit });
    },
  },
];
