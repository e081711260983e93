// Matrix rows for the sign-in administration (issue 17, /admin/inloggning): the settings and
// the table from identity-provider groups to roles. The rows act on groups of their own
// ("matris-grupp-…"); the admin is the first actor of every row, so the admin's add leaves
// its row in place for the read and the removal that follow, and the removal's undo puts a
// new one in place for the refused actors after the admin.
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import * as s from '@/db/schema';
import { addGroupMapping, getSignInSettings, listGroupMappings } from '@/db/admin/sign-in';
import { runAction } from '@/server/action';
import { updateSignInSettingsAction } from '@/app/(inloggad)/admin/inloggning/update-sign-in-settings';
import { addGroupMappingAction } from '@/app/(inloggad)/admin/inloggning/add-group-mapping';
import { removeGroupMappingAction } from '@/app/(inloggad)/admin/inloggning/remove-group-mapping';
import { action, adminOnly, read, type Context, type MatrixRow } from './harness';

const adminAction = { ...adminOnly, anonymous: 'unauthenticated' } as const;

/** The row the reads look for and the removal removes, per database (the engines run one after the other). */
const mappingByDb = new WeakMap<Db, { id: string; groupName: string }>();

async function ownMapping({ db, users }: Context): Promise<{ id: string; groupName: string }> {
  let mapping = mappingByDb.get(db);
  if (!mapping) {
    const groupName = `matris-grupp-${crypto.randomUUID().slice(0, 8)}`;
    mapping = { ...(await addGroupMapping(db, users.admin!, { groupName, role: 'viewer', unitId: null })), groupName };
    mappingByDb.set(db, mapping);
  }
  return mapping;
}

export const signInRows: MatrixRow[] = [
  {
    name: 'action: add a group to the groups table (signIn.addGroup)',
    writes: true,
    expected: adminAction,
    call: async ({ db, ids }, user) => {
      const groupName = `matris-grupp-${crypto.randomUUID().slice(0, 8)}`;
      const result = await runAction(addGroupMappingAction, user, { groupName, role: 'editor', unitId: ids.hrUnit }, db);
      if (result.status === 'ok') {
        // The row the reads and the removal below look for.
        const [row] = await db.select({ id: s.ssoGroupMappings.id }).from(s.ssoGroupMappings).where(eq(s.ssoGroupMappings.groupName, groupName));
        mappingByDb.set(db, { id: row!.id, groupName });
      }
      return action(result);
    },
  },
  {
    name: 'read: the groups table (page /admin/inloggning)',
    writes: false,
    expected: { ...adminOnly, otherOrgAdmin: 'empty' },
    call: async (ctx, user) => {
      const mapping = mappingByDb.get(ctx.db);
      return read(async () => {
        const rows = await listGroupMappings(ctx.db, user);
        return rows.some((r) => r.id === mapping?.id) ? rows : null; // another organization sees only its own
      });
    },
  },
  {
    name: 'read: the sign-in settings (page /admin/inloggning)',
    writes: false,
    // Another organization's admin reads their own organization's settings: the function takes no organization.
    expected: { ...adminOnly, otherOrgAdmin: 'ok' },
    call: ({ db }, user) => read(() => getSignInSettings(db, user)),
  },
  {
    name: 'action: change the sign-in settings (signIn.updateSettings)',
    writes: true,
    // Another organization's admin changes their own organization's settings (the action
    // takes no organization); the refusals of everyone else change nothing anywhere.
    expected: { ...adminAction, otherOrgAdmin: 'ok' },
    call: ({ db }, user) => runAction(updateSignInSettingsAction, user, { unknownPeople: 'create', passwordLogin: 'on' }, db).then(action),
    undo: async ({ db }) => {
      await db.delete(s.signInSettings);
    },
  },
  {
    name: 'action: remove a group from the groups table (signIn.removeGroup)',
    writes: true,
    expected: adminAction,
    call: async (ctx, user) => {
      const mapping = await ownMapping(ctx);
      const result = await runAction(removeGroupMappingAction, user, { mappingId: mapping.id }, ctx.db);
      if (result.status === 'ok') mappingByDb.delete(ctx.db);
      return action(result);
    },
    undo: async (ctx) => {
      await ownMapping(ctx); // a real target for the refused actors that follow
    },
  },
];

