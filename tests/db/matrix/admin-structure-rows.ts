// Matrix rows for the administration (structure): målområden, KF-mål, nämndmål and mått.
// Writes act only on this module's own items (fresh codes), made the first time a row
// needs them, which is in the admin's call (the first actor) of a writing row: the demo's
// items that other rows use are never edited, archived or deleted here.
import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '@/db/client';
import * as s from '@/db/schema';
import { createCouncilGoal, createFocusArea, getFocusAreaAdmin } from '@/db/admin/focus-areas';
import { createBoardGoal, getPlanGoalsAdmin, listGoalPlans } from '@/db/admin/goals';
import { createIndicator, type IndicatorInput } from '@/db/admin/indicators';
import { runAction } from '@/server/action';
import { createFocusAreaAction } from '@/app/(inloggad)/admin/malomraden/create-focus-area';
import { updateFocusAreaAction } from '@/app/(inloggad)/admin/malomraden/update-focus-area';
import { setFocusAreaArchivedAction } from '@/app/(inloggad)/admin/malomraden/set-focus-area-archived';
import { deleteFocusAreaAction } from '@/app/(inloggad)/admin/malomraden/delete-focus-area';
import { createCouncilGoalAction } from '@/app/(inloggad)/admin/malomraden/create-council-goal';
import { updateCouncilGoalAction } from '@/app/(inloggad)/admin/malomraden/update-council-goal';
import { setCouncilGoalArchivedAction } from '@/app/(inloggad)/admin/malomraden/set-council-goal-archived';
import { deleteCouncilGoalAction } from '@/app/(inloggad)/admin/malomraden/delete-council-goal';
import { createBoardGoalAction } from '@/app/(inloggad)/admin/mal/create-board-goal';
import { updateBoardGoalAction } from '@/app/(inloggad)/admin/mal/update-board-goal';
import { setBoardGoalArchivedAction } from '@/app/(inloggad)/admin/mal/set-board-goal-archived';
import { deleteBoardGoalAction } from '@/app/(inloggad)/admin/mal/delete-board-goal';
import { createIndicatorAction } from '@/app/(inloggad)/admin/mal/create-indicator';
import { updateIndicatorAction } from '@/app/(inloggad)/admin/mal/update-indicator';
import { setIndicatorArchivedAction } from '@/app/(inloggad)/admin/mal/set-indicator-archived';
import { deleteIndicatorAction } from '@/app/(inloggad)/admin/mal/delete-indicator';
import { action, adminOnly, read, type Context, type MatrixRow, type Outcome, type Actor } from './harness';

const fresh = (prefix: string) => `${prefix}-${randomUUID().slice(0, 8)}`;
let goalNumber = 100;

interface Fixtures {
  mo1: string;
  board: string;
  planId: string;
  focusArea: string;
  councilGoal: string;
  goal: string;
  indicator: string;
}

const fixtures = new WeakMap<Db, Promise<Fixtures>>();
/** Items a delete row removes, replaced by its undo so the next actors find one to be refused on. */
const deletable = new WeakMap<Db, Partial<Record<'focusArea' | 'councilGoal' | 'goal' | 'indicator', string>>>();

const indicatorInput = (responsibleUnitId: string): IndicatorInput => ({
  code: fresh('MX-I'),
  name: 'Matrisens mått',
  unitOfMeasure: 'procent',
  decimals: 1,
  comparator: 'lt',
  targetValue: 5,
  targetLow: null,
  targetHigh: null,
  direction: null,
  tolerance: null,
  trendTolerance: null,
  targetLabel: '',
  frequency: 'every_period',
  yearlyPeriodKind: null,
  baselineValue: null,
  baselineYear: null,
  source: 'manual',
  sourceRef: null,
  responsibleUnitId,
  continuesId: null,
});

/** This module's own focus area, council goal, board (with a 2024 plan), goal and indicator. */
function ownItems(ctx: Context): Promise<Fixtures> {
  let made = fixtures.get(ctx.db);
  if (!made) {
    made = (async () => {
      const admin = ctx.users.admin!;
      const [mo1] = await ctx.db.select({ id: s.focusAreas.id }).from(s.focusAreas).where(eq(s.focusAreas.code, 'MO1'));
      const [board] = await ctx.db
        .insert(s.units)
        .values({ organizationId: admin.organizationId, code: fresh('MX-NAMND'), kind: 'board', name: 'Matrisnämnden' })
        .returning({ id: s.units.id });
      const [plan] = await ctx.db
        .insert(s.plans)
        .values({ organizationId: admin.organizationId, code: fresh('MX-PLAN'), boardId: board!.id, year: 2024 })
        .returning({ id: s.plans.id });
      const focusArea = await createFocusArea(ctx.db, admin, {
        code: fresh('MX-FA'),
        number: null,
        name: 'Matrisens delområde',
        parentId: mo1!.id,
        validFrom: 2024,
        validTo: null,
        sortOrder: 99,
      });
      const councilGoal = await createCouncilGoal(ctx.db, admin, {
        code: fresh('MX-KF'),
        focusAreaId: mo1!.id,
        text: 'Matrisens KF-mål.',
        phrase: null,
        validFrom: 2024,
        validTo: null,
        sortOrder: 99,
      });
      const goal = await createBoardGoal(ctx.db, admin, {
        planId: plan!.id,
        code: fresh('MX-M'),
        number: 1,
        text: 'Matrisens mål.',
        methodText: null,
        rule: 'all',
        focusAreaId: mo1!.id,
        councilGoalIds: [councilGoal.id],
        unitIds: [board!.id],
        continuesId: null,
      });
      const indicator = await createIndicator(ctx.db, admin, { goalId: goal.id, ...indicatorInput(board!.id) });
      return {
        mo1: mo1!.id,
        board: board!.id,
        planId: plan!.id,
        focusArea: focusArea.id,
        councilGoal: councilGoal.id,
        goal: goal.id,
        indicator: indicator.id,
      };
    })();
    fixtures.set(ctx.db, made);
  }
  return made;
}

type Kind = 'focusArea' | 'councilGoal' | 'goal' | 'indicator';

async function makeDeletable(ctx: Context, kind: Kind): Promise<string> {
  const own = await ownItems(ctx);
  const admin = ctx.users.admin!;
  switch (kind) {
    case 'focusArea':
      return (
        await createFocusArea(ctx.db, admin, {
          code: fresh('MX-FA'),
          number: null,
          name: 'Ett delområde att ta bort',
          parentId: own.mo1,
          validFrom: 2024,
          validTo: null,
          sortOrder: 99,
        })
      ).id;
    case 'councilGoal':
      return (
        await createCouncilGoal(ctx.db, admin, {
          code: fresh('MX-KF'),
          focusAreaId: own.mo1,
          text: 'Ett KF-mål att ta bort.',
          phrase: null,
          validFrom: 2024,
          validTo: null,
          sortOrder: 99,
        })
      ).id;
    case 'goal':
      return (
        await createBoardGoal(ctx.db, admin, {
          planId: own.planId,
          code: fresh('MX-M'),
          number: ++goalNumber,
          text: 'Ett mål att ta bort.',
          methodText: null,
          rule: 'all',
          focusAreaId: own.mo1,
          councilGoalIds: [],
          unitIds: [own.board],
          continuesId: null,
        })
      ).id;
    case 'indicator':
      return (await createIndicator(ctx.db, admin, { goalId: own.goal, ...indicatorInput(own.board) })).id;
  }
}

async function deletableItem(ctx: Context, kind: Kind): Promise<string> {
  const items = deletable.get(ctx.db) ?? {};
  deletable.set(ctx.db, items);
  return (items[kind] ??= await makeDeletable(ctx, kind));
}

async function replaceDeletable(ctx: Context, kind: Kind): Promise<void> {
  deletable.get(ctx.db)![kind] = await makeDeletable(ctx, kind);
}

const writers: Record<Actor, Outcome> = { ...adminOnly, anonymous: 'unauthenticated' };

export const adminStructureRows: MatrixRow[] = [
  {
    name: 'read: målområden and KF-mål (page /admin/malomraden)',
    writes: false,
    expected: { ...adminOnly, otherOrgAdmin: 'empty' },
    call: ({ db }, user) =>
      read(async () => {
        const data = await getFocusAreaAdmin(db, user);
        return data.focusAreas.some((a) => a.code === 'MO1') ? data : null; // another organization sees only its own
      }),
  },
  {
    name: 'read: the plans to choose between (page /admin/mal)',
    writes: false,
    expected: { ...adminOnly, otherOrgAdmin: 'empty' },
    call: ({ db }, user) =>
      read(async () => {
        const plans = await listGoalPlans(db, user);
        return plans.some((p) => p.code === 'KS-2024') ? plans : null;
      }),
  },
  {
    name: "read: a plan's goals and indicators (page /admin/mal?plan=…)",
    writes: false,
    expected: adminOnly,
    call: async ({ db }, user) => {
      const [plan] = await db.select({ id: s.plans.id }).from(s.plans).where(eq(s.plans.code, 'KS-2024'));
      return read(() => getPlanGoalsAdmin(db, user, plan!.id));
    },
  },

  // ---------------------------------------------------------------- focus areas
  {
    name: 'action: create a sub-area under målområde 1 (focusArea.create)',
    writes: true,
    expected: writers,
    call: async (ctx, user) => {
      const { mo1 } = await ownItems(ctx);
      const input = { code: fresh('MX-FA'), name: 'Nytt delområde', parentId: mo1, validFrom: '2024' };
      return action(await runAction(createFocusAreaAction, user, input, ctx.db));
    },
  },
  {
    name: 'action: edit a focus area (focusArea.update)',
    writes: true,
    expected: writers,
    call: async (ctx, user) => {
      const own = await ownItems(ctx);
      const [row] = await ctx.db.select().from(s.focusAreas).where(eq(s.focusAreas.id, own.focusArea));
      const input = { id: own.focusArea, code: row!.code, name: 'Matrisens delområde, ändrat', parentId: own.mo1, validFrom: '2024', validTo: '2030' };
      return action(await runAction(updateFocusAreaAction, user, input, ctx.db));
    },
  },
  {
    name: 'action: archive a focus area (focusArea.setArchived)',
    writes: true,
    expected: writers,
    call: async (ctx, user) => {
      const own = await ownItems(ctx);
      return action(await runAction(setFocusAreaArchivedAction, user, { id: own.focusArea, archived: 'true' }, ctx.db));
    },
    undo: async (ctx) => {
      const own = await ownItems(ctx);
      await ctx.db.update(s.focusAreas).set({ archivedAt: null }).where(eq(s.focusAreas.id, own.focusArea));
    },
  },
  {
    name: 'action: delete an unused focus area (focusArea.delete)',
    writes: true,
    expected: writers,
    call: async (ctx, user) => action(await runAction(deleteFocusAreaAction, user, { id: await deletableItem(ctx, 'focusArea') }, ctx.db)),
    undo: (ctx) => replaceDeletable(ctx, 'focusArea'),
  },

  // ---------------------------------------------------------------- council goals
  {
    name: 'action: create a KF-mål (councilGoal.create)',
    writes: true,
    expected: writers,
    call: async (ctx, user) => {
      const { mo1 } = await ownItems(ctx);
      const input = { code: fresh('MX-KF'), focusAreaId: mo1, text: 'Ett nytt KF-mål.', phrase: 'om ett nytt mål', validFrom: '2024' };
      return action(await runAction(createCouncilGoalAction, user, input, ctx.db));
    },
  },
  {
    name: 'action: edit a KF-mål (councilGoal.update)',
    writes: true,
    expected: writers,
    call: async (ctx, user) => {
      const own = await ownItems(ctx);
      const [row] = await ctx.db.select().from(s.councilGoals).where(eq(s.councilGoals.id, own.councilGoal));
      const input = { id: own.councilGoal, code: row!.code, focusAreaId: own.mo1, text: 'Matrisens KF-mål, ändrat.', validFrom: '2024' };
      return action(await runAction(updateCouncilGoalAction, user, input, ctx.db));
    },
  },
  {
    name: 'action: archive a KF-mål (councilGoal.setArchived)',
    writes: true,
    expected: writers,
    call: async (ctx, user) => {
      const own = await ownItems(ctx);
      return action(await runAction(setCouncilGoalArchivedAction, user, { id: own.councilGoal, archived: 'true' }, ctx.db));
    },
    undo: async (ctx) => {
      const own = await ownItems(ctx);
      await ctx.db.update(s.councilGoals).set({ archivedAt: null }).where(eq(s.councilGoals.id, own.councilGoal));
    },
  },
  {
    name: 'action: delete an unused KF-mål (councilGoal.delete)',
    writes: true,
    expected: writers,
    call: async (ctx, user) => action(await runAction(deleteCouncilGoalAction, user, { id: await deletableItem(ctx, 'councilGoal') }, ctx.db)),
    undo: (ctx) => replaceDeletable(ctx, 'councilGoal'),
  },

  // ---------------------------------------------------------------- board goals
  {
    name: 'action: create a board goal (boardGoal.create)',
    writes: true,
    expected: writers,
    call: async (ctx, user) => {
      const own = await ownItems(ctx);
      const input = {
        planId: own.planId,
        code: fresh('MX-M'),
        number: String(++goalNumber),
        text: 'Ett nytt mål.',
        rule: 'majority',
        focusAreaId: own.mo1,
        councilGoalIds: own.councilGoal,
        unitIds: own.board,
      };
      return action(await runAction(createBoardGoalAction, user, input, ctx.db));
    },
  },
  {
    name: 'action: edit a board goal (boardGoal.update)',
    writes: true,
    expected: writers,
    call: async (ctx, user) => {
      const own = await ownItems(ctx);
      const [row] = await ctx.db.select().from(s.boardGoals).where(eq(s.boardGoals.id, own.goal));
      const input = {
        id: own.goal,
        code: row!.code,
        number: '1',
        text: 'Matrisens mål, ändrat.',
        methodText: '- Ett mått',
        rule: 'manual',
        focusAreaId: own.mo1,
        councilGoalIds: own.councilGoal,
        unitIds: own.board,
      };
      return action(await runAction(updateBoardGoalAction, user, input, ctx.db));
    },
  },
  {
    name: 'action: archive a board goal (boardGoal.setArchived)',
    writes: true,
    expected: writers,
    call: async (ctx, user) => {
      const own = await ownItems(ctx);
      return action(await runAction(setBoardGoalArchivedAction, user, { id: own.goal, archived: 'true' }, ctx.db));
    },
    undo: async (ctx) => {
      const own = await ownItems(ctx);
      await ctx.db.update(s.boardGoals).set({ archivedAt: null }).where(eq(s.boardGoals.id, own.goal));
    },
  },
  {
    name: 'action: delete a board goal without history (boardGoal.delete)',
    writes: true,
    expected: writers,
    call: async (ctx, user) => action(await runAction(deleteBoardGoalAction, user, { id: await deletableItem(ctx, 'goal') }, ctx.db)),
    undo: (ctx) => replaceDeletable(ctx, 'goal'),
  },

  // ---------------------------------------------------------------- indicators
  {
    name: 'action: create an indicator (indicator.create)',
    writes: true,
    expected: writers,
    call: async (ctx, user) => {
      const own = await ownItems(ctx);
      const input = {
        goalId: own.goal,
        code: fresh('MX-I'),
        name: 'Ett nytt mått',
        decimals: '2',
        comparator: 'between',
        targetLow: '3,5',
        targetHigh: '5,00',
        schedule: 'yearly_helar',
        source: 'kolada',
        sourceRef: 'N00945',
        responsibleUnitId: own.board,
      };
      return action(await runAction(createIndicatorAction, user, input, ctx.db));
    },
  },
  {
    name: "action: edit an indicator's target (indicator.update)",
    writes: true,
    expected: writers,
    call: async (ctx, user) => {
      const own = await ownItems(ctx);
      const [row] = await ctx.db.select().from(s.indicators).where(eq(s.indicators.id, own.indicator));
      const input = {
        id: own.indicator,
        code: row!.code,
        name: 'Matrisens mått',
        decimals: '1',
        comparator: 'lte',
        targetValue: '4,5',
        tolerance: '0,5',
        schedule: 'every_period',
        source: 'manual',
        responsibleUnitId: own.board,
      };
      return action(await runAction(updateIndicatorAction, user, input, ctx.db));
    },
  },
  {
    name: 'action: archive an indicator (indicator.setArchived)',
    writes: true,
    expected: writers,
    call: async (ctx, user) => {
      const own = await ownItems(ctx);
      return action(await runAction(setIndicatorArchivedAction, user, { id: own.indicator, archived: 'true' }, ctx.db));
    },
    undo: async (ctx) => {
      const own = await ownItems(ctx);
      await ctx.db.update(s.indicators).set({ archivedAt: null }).where(eq(s.indicators.id, own.indicator));
    },
  },
  {
    name: 'action: delete an indicator without history (indicator.delete)',
    writes: true,
    expected: writers,
    call: async (ctx, user) => action(await runAction(deleteIndicatorAction, user, { id: await deletableItem(ctx, 'indicator') }, ctx.db)),
    undo: (ctx) => replaceDeletable(ctx, 'indicator'),
  },
];

