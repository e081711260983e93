// Matrix rows for the administration of periods, plans, the board's texts and the audit
// log. Every write acts on this module's own fixtures (a board, plans and periods in
// years no one else uses), made once per database on the first call of a row (the
// admin's, which is allowed to write), so the demo's items that later rows use are never
// touched. Periods this module leaves open are closed again (undo), so that the demo's
// delår stays the current period.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import * as s from '@/db/schema';
import { listAdminPeriods } from '@/db/admin/periods';
import { getPlansPage } from '@/db/admin/plans';
import { getPlanTexts } from '@/db/admin/text-blocks';
import { getAuditLog } from '@/db/admin/audit-log';
import { runAction } from '@/server/action';
import { createPeriodAction } from '@/app/(inloggad)/admin/perioder/create-period';
import { updatePeriodAction } from '@/app/(inloggad)/admin/perioder/update-period';
import { openPeriodAction } from '@/app/(inloggad)/admin/perioder/open-period';
import { closePeriodAction } from '@/app/(inloggad)/admin/perioder/close-period';
import { reopenClosedPeriodAction } from '@/app/(inloggad)/admin/perioder/reopen-closed-period';
import { deletePeriodAction } from '@/app/(inloggad)/admin/perioder/delete-period';
import { createPlanAction } from '@/app/(inloggad)/admin/planer/create-plan';
import { updatePlanAction } from '@/app/(inloggad)/admin/planer/update-plan';
import { archivePlanAction } from '@/app/(inloggad)/admin/planer/archive-plan';
import { restorePlanAction } from '@/app/(inloggad)/admin/planer/restore-plan';
import { deletePlanAction } from '@/app/(inloggad)/admin/planer/delete-plan';
import { saveTextBlockAction } from '@/app/(inloggad)/admin/planer/save-text-block';
import { action, adminOnly, read, type Context, type MatrixRow, type Outcome } from './harness';

/** Actions: the admin may, everyone else is refused; anonymous callers are asked to log in. */
const adminAction: Record<string, Outcome> = { ...adminOnly, anonymous: 'unauthenticated' };

// ---------------------------------------------------------------- fixtures

const freshCode = () => `ADM-${randomUUID().slice(0, 8)}`;

const made = new WeakMap<Db, Map<string, Promise<unknown>>>();
/** Makes a fixture once per database (and row), on the first call. */
function once<T>(db: Db, key: string, make: () => Promise<T>): Promise<T> {
  let fixtures = made.get(db);
  if (!fixtures) made.set(db, (fixtures = new Map()));
  if (!fixtures.has(key)) fixtures.set(key, make());
  return fixtures.get(key) as Promise<T>;
}

/** Years far from the demo's, a new one per new period or plan (counted per database). */
const yearsUsed = new WeakMap<Db, number>();
function freshYear(db: Db): number {
  const year = (yearsUsed.get(db) ?? 2040) + 1;
  yearsUsed.set(db, year);
  return year;
}

async function ownPeriod(ctx: Context, key: string, state: 'draft' | 'open' | 'closed', fixedYear?: number): Promise<string> {
  return once(ctx.db, `period:${key}`, async () => {
    const year = fixedYear ?? freshYear(ctx.db);
    const [row] = await ctx.db
      .insert(s.periods)
      .values({ organizationId: ctx.users.admin!.organizationId, year, kind: 'T1', endDate: `${year}-04-30`, state })
      .returning({ id: s.periods.id });
    return row!.id;
  });
}

function ownBoard(ctx: Context): Promise<string> {
  return once(ctx.db, 'board', async () => {
    const [row] = await ctx.db
      .insert(s.units)
      .values({ organizationId: ctx.users.admin!.organizationId, code: freshCode(), kind: 'board', name: 'Provnämnden' })
      .returning({ id: s.units.id });
    return row!.id;
  });
}

async function ownPlan(ctx: Context, key: string, options: { archived?: boolean; year?: number } = {}): Promise<string> {
  const boardId = await ownBoard(ctx);
  return once(ctx.db, `plan:${key}`, async () => {
    const [row] = await ctx.db
      .insert(s.plans)
      .values({
        organizationId: ctx.users.admin!.organizationId,
        boardId,
        year: options.year ?? freshYear(ctx.db),
        code: freshCode(),
        archivedAt: options.archived ? new Date() : null,
      })
      .returning({ id: s.plans.id });
    return row!.id;
  });
}

/** A plan and an open period of the same year, for the board's texts. */
function ownTextTarget(ctx: Context): Promise<{ planId: string; periodId: string }> {
  return once(ctx.db, 'texts', async () => {
    const year = freshYear(ctx.db);
    const periodId = await ownPeriod(ctx, 'texts', 'open', year);
    const planId = await ownPlan(ctx, 'texts', { year });
    return { planId, periodId };
  });
}

/** Puts one of this module's periods back to closed, so that it is never the current period. */
async function closeAgain(db: Db, periodId: string) {
  await db.update(s.periods).set({ state: 'closed' }).where(eq(s.periods.id, periodId));
}

async function demoPlanId(db: Db): Promise<string> {
  const [plan] = await db.select({ id: s.plans.id }).from(s.plans).where(eq(s.plans.code, 'KS-2024'));
  if (!plan) throw new Error('no demo plan KS-2024');
  return plan.id;
}

// ---------------------------------------------------------------- rows

export const adminPeriodRows: MatrixRow[] = [
  {
    name: 'read: the periods (page /admin/perioder)',
    writes: false,
    expected: { ...adminOnly, otherOrgAdmin: 'empty' },
    call: ({ db, ids }, user) =>
      read(async () => {
        const periods = await listAdminPeriods(db, user);
        return periods.some((p) => p.id === ids.periodId) ? periods : null; // another organization sees only its own
      }),
  },
  {
    // Another organization's admin creates the period in their own organization: allowed.
    name: 'action: create a period (period.create)',
    writes: true,
    expected: { ...adminAction, otherOrgAdmin: 'ok' },
    call: async ({ db }, user) => {
      const year = freshYear(db);
      return action(await runAction(createPeriodAction, user, { year: String(year), kind: 'T1', endDate: `${year}-04-30`, deadline: '' }, db));
    },
  },
  {
    name: "action: change a period's dates (period.update)",
    writes: true,
    expected: adminAction,
    call: async (ctx, user) => {
      const periodId = await ownPeriod(ctx, 'update', 'draft');
      const [period] = await ctx.db.select({ year: s.periods.year }).from(s.periods).where(eq(s.periods.id, periodId));
      const input = { periodId, endDate: `${period!.year}-04-29`, deadline: `${period!.year}-05-15` };
      return action(await runAction(updatePeriodAction, user, input, ctx.db));
    },
  },
  {
    name: 'action: open a draft period (period.open)',
    writes: true,
    expected: adminAction,
    call: async (ctx, user) => action(await runAction(openPeriodAction, user, { periodId: await ownPeriod(ctx, 'open', 'draft') }, ctx.db)),
    undo: async (ctx) => closeAgain(ctx.db, await ownPeriod(ctx, 'open', 'draft')),
  },
  {
    name: 'action: close an open period (period.close)',
    writes: true,
    expected: adminAction,
    call: async (ctx, user) => action(await runAction(closePeriodAction, user, { periodId: await ownPeriod(ctx, 'close', 'open') }, ctx.db)),
  },
  {
    name: 'action: reopen a closed period with a reason (period.reopenClosed)',
    writes: true,
    expected: adminAction,
    call: async (ctx, user) => {
      const periodId = await ownPeriod(ctx, 'reopen', 'closed');
      return action(await runAction(reopenClosedPeriodAction, user, { periodId, reason: 'Ett utfall saknades.' }, ctx.db));
    },
    undo: async (ctx) => closeAgain(ctx.db, await ownPeriod(ctx, 'reopen', 'closed')),
  },
  {
    name: 'action: delete an unreferenced draft period (period.delete)',
    writes: true,
    expected: adminAction,
    call: async (ctx, user) => action(await runAction(deletePeriodAction, user, { periodId: await ownPeriod(ctx, 'delete', 'draft') }, ctx.db)),
  },
  {
    name: 'read: the plans and boards (page /admin/planer)',
    writes: false,
    expected: { ...adminOnly, otherOrgAdmin: 'empty' },
    call: ({ db, ids }, user) =>
      read(async () => {
        const page = await getPlansPage(db, user);
        return page.boards.some((b) => b.id === ids.ksBoard) ? page : null; // another organization sees only its own
      }),
  },
  {
    name: "read: a plan's texts for a period (page /admin/planer)",
    writes: false,
    expected: adminOnly,
    call: async ({ db, ids }, user) => {
      const planId = await demoPlanId(db);
      return read(() => getPlanTexts(db, user, planId, ids.periodId));
    },
  },
  {
    name: 'action: create a plan (plan.create)',
    writes: true,
    expected: adminAction,
    call: async (ctx, user) => {
      const input = { boardId: await ownBoard(ctx), year: String(freshYear(ctx.db)), code: freshCode() };
      return action(await runAction(createPlanAction, user, input, ctx.db));
    },
  },
  {
    name: "action: change a plan's code (plan.update)",
    writes: true,
    expected: adminAction,
    call: async (ctx, user) => action(await runAction(updatePlanAction, user, { planId: await ownPlan(ctx, 'update'), code: freshCode() }, ctx.db)),
  },
  {
    name: 'action: archive a plan (plan.archive)',
    writes: true,
    expected: adminAction,
    call: async (ctx, user) => action(await runAction(archivePlanAction, user, { planId: await ownPlan(ctx, 'archive') }, ctx.db)),
  },
  {
    name: 'action: restore an archived plan (plan.restore)',
    writes: true,
    expected: adminAction,
    call: async (ctx, user) =>
      action(await runAction(restorePlanAction, user, { planId: await ownPlan(ctx, 'restore', { archived: true }) }, ctx.db)),
  },
  {
    name: 'action: delete a plan without goals or texts (plan.delete)',
    writes: true,
    expected: adminAction,
    call: async (ctx, user) => action(await runAction(deletePlanAction, user, { planId: await ownPlan(ctx, 'delete') }, ctx.db)),
  },
  {
    name: "action: save a board's text for a period (textBlock.save)",
    writes: true,
    expected: adminAction,
    call: async (ctx, user) => {
      const { planId, periodId } = await ownTextTarget(ctx);
      const texts = await getPlanTexts(ctx.db, ctx.users.admin, planId, periodId);
      const baseSeq = texts.slots.find((slot) => slot.slot === 'goals_intro')?.latest?.seq ?? 0;
      const input = { planId, periodId, slot: 'goals_intro', focusAreaId: '', heading: '', body: 'Inledning.', baseSeq: String(baseSeq) };
      return action(await runAction(saveTextBlockAction, user, input, ctx.db));
    },
    undo: async (ctx) => closeAgain(ctx.db, (await ownTextTarget(ctx)).periodId),
  },
  {
    name: 'read: the audit log (page /admin/logg)',
    writes: false,
    expected: { ...adminOnly, otherOrgAdmin: 'empty' },
    call: ({ db, ids }, user) =>
      read(async () => {
        const log = await getAuditLog(db, user, { page: 1, actorId: null, prefix: null, from: null, to: null });
        return log.users.some((u) => u.id === ids.hrChef) ? log : null; // another organization sees only its own
      }),
  },
];
