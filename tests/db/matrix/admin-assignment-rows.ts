// Matrix rows for the administration (assignments, /admin/uppdrag): the pages' reads and
// every action. Allowed writes act on an assignment of the matrix's own (created by the
// create row, or on demand), never on the demo's assignments that other rows use.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import {
  createAssignment,
  getAdminAssignment,
  getAssignmentFormOptions,
  listAdminAssignments,
} from '@/db/admin/assignments';
import { runAction } from '@/server/action';
import type { CurrentUser } from '@/lib/current-user';
import { createAssignmentAction } from '@/app/(inloggad)/admin/uppdrag/create-assignment';
import { updateAssignmentAction } from '@/app/(inloggad)/admin/uppdrag/update-assignment';
import { archiveAssignmentAction } from '@/app/(inloggad)/admin/uppdrag/archive-assignment';
import { restoreAssignmentAction } from '@/app/(inloggad)/admin/uppdrag/restore-assignment';
import { deleteAssignmentAction } from '@/app/(inloggad)/admin/uppdrag/delete-assignment';
import { action, adminOnly, read, type Actor, type Context, type MatrixRow, type Outcome } from './harness';

const adminWrites: Record<Actor, Outcome> = { ...adminOnly, anonymous: 'unauthenticated' };

const freshCode = () => `MATRIS-U-${randomUUID().slice(0, 8)}`;

/** The form's fields for an assignment given by Kommunstyrelsen to kommunledningsförvaltningen. */
const fields = (ctx: Context, code: string) => ({
  code,
  issuer: ctx.ids.ksBoard,
  title: 'Matrisens testuppdrag',
  unitIds: ctx.ids.klfUnit,
  dueDate: '2024-12-31',
  sortOrder: '99',
});

/** The matrix's own assignment (made by the create row's allowed call). */
let ownId: string | undefined;

async function createOwn(ctx: Context): Promise<string> {
  const { id } = await createAssignment(ctx.db, ctx.users.admin!, {
    code: freshCode(),
    issuer: 'board',
    issuerBoardId: ctx.ids.ksBoard,
    decisionDate: null,
    diaryNumber: null,
    title: 'Matrisens testuppdrag',
    description: null,
    focusAreaId: null,
    groupLabel: null,
    unitIds: [ctx.ids.klfUnit],
    dueDate: null,
    sortOrder: 99,
  });
  return id;
}

/**
 * The assignment a write row acts on. For the admin (whose call is allowed) it exists and is
 * archived or not as the action needs; everyone else is refused before the item is looked
 * at, so they get the same id (or, if the create row did not run, an unknown one).
 */
async function target(ctx: Context, user: CurrentUser | null, archived: boolean): Promise<string> {
  if (user !== ctx.users.admin) return ownId ?? randomUUID();
  ownId ??= await createOwn(ctx);
  await ctx.db.update(s.assignments).set({ archivedAt: archived ? new Date() : null }).where(eq(s.assignments.id, ownId));
  return ownId;
}

export const adminAssignmentRows: MatrixRow[] = [
  {
    name: 'read: the assignments with archived ones (page /admin/uppdrag)',
    writes: false,
    expected: { ...adminOnly, otherOrgAdmin: 'empty' },
    call: ({ db, ids }, user) =>
      read(async () => {
        const list = await listAdminAssignments(db, user, { includeArchived: true });
        return list.rows.some((a) => a.id === ids.klfAssignment) ? list : null; // another organization sees only its own
      }),
  },
  {
    name: 'read: the assignment form choices (page /admin/uppdrag/ny)',
    writes: false,
    expected: { ...adminOnly, otherOrgAdmin: 'empty' },
    call: ({ db, ids }, user) =>
      read(async () => {
        const options = await getAssignmentFormOptions(db, user);
        return options.boards.some((b) => b.id === ids.ksBoard) ? options : null;
      }),
  },
  {
    name: 'read: an assignment for editing (page /admin/uppdrag/…)',
    writes: false,
    expected: adminOnly,
    call: ({ db, ids }, user) => read(() => getAdminAssignment(db, user, ids.klfAssignment)),
  },
  {
    name: 'action: create an assignment (assignment.create)',
    writes: true,
    expected: adminWrites,
    call: async (ctx, user) => {
      const result = await runAction(createAssignmentAction, user, fields(ctx, freshCode()), ctx.db);
      if (result.status === 'ok') ownId = result.data!.id;
      return action(result);
    },
  },
  {
    name: 'action: edit an assignment (assignment.update)',
    writes: true,
    expected: adminWrites,
    call: async (ctx, user) => {
      const assignmentId = await target(ctx, user, false);
      return action(await runAction(updateAssignmentAction, user, { assignmentId, ...fields(ctx, freshCode()) }, ctx.db));
    },
  },
  {
    name: 'action: archive an assignment (assignment.archive)',
    writes: true,
    expected: adminWrites,
    call: async (ctx, user) => {
      const assignmentId = await target(ctx, user, false);
      return action(await runAction(archiveAssignmentAction, user, { assignmentId }, ctx.db));
    },
    undo: async (ctx) => {
      await ctx.db.update(s.assignments).set({ archivedAt: null }).where(eq(s.assignments.id, ownId!));
    },
  },
  {
    name: 'action: restore an archived assignment (assignment.restore)',
    writes: true,
    expected: adminWrites,
    call: async (ctx, user) => {
      const assignmentId = await target(ctx, user, true);
      return action(await runAction(restoreAssignmentAction, user, { assignmentId }, ctx.db));
    },
  },
  {
    name: 'action: delete an assignment without history (assignment.delete)',
    writes: true,
    expected: adminWrites,
    call: async (ctx, user) => {
      // The admin deletes a fresh assignment of its own; the matrix's own one stays.
      const assignmentId = user === ctx.users.admin ? await createOwn(ctx) : (ownId ?? randomUUID());
      return action(await runAction(deleteAssignmentAction, user, { assignmentId }, ctx.db));
    },
  },
];
