// Board goal administration on each engine: the plan's goals with their links, create and
// edit (audited with before and after, units kept in order), `continues` limited to an
// earlier plan of the same board, archive/restore/delete-when-no-history, refusals, and
// history never touched.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { NotFoundError, ValidationError } from '@/lib/errors';
import {
  createBoardGoal,
  deleteBoardGoal,
  getPlanGoalsAdmin,
  listGoalPlans,
  setBoardGoalArchived,
  updateBoardGoal,
  type BoardGoalAdminDTO,
  type BoardGoalInput,
} from '@/db/admin/goals';
import { createIndicator } from '@/db/admin/indicators';
import { runAction } from '@/server/action';
import { ForbiddenError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import { createBoardGoalAction } from '@/app/(inloggad)/admin/mal/create-board-goal';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

async function otherOrganizationAdmin(db: Db): Promise<CurrentUser> {
  const [org] = await db.insert(s.organizations).values({ code: 'annan', name: 'Annan kommun' }).returning();
  const [user] = await db.insert(s.users).values({ organizationId: org!.id, email: 'admin@annan.example', name: 'Annan Admin' }).returning();
  await db.insert(s.roleGrants).values({ organizationId: org!.id, userId: user!.id, role: 'admin' });
  return demoUser(db, 'admin@annan.example');
}

function inputOf(goal: BoardGoalAdminDTO): BoardGoalInput {
  const { id: _id, archived: _a, deletable: _d, indicators: _i, ...input } = goal;
  return input;
}

describe.each(engines)('board goal administration on $name', (engine) => {
  let database: Database;
  let db: Db;
  let admin: CurrentUser, director: CurrentUser, viewer: CurrentUser, otherAdmin: CurrentUser;
  let plan2024: string, plan2025: string, snPlan: string, m1: string;
  let mo1: string, kfMo1: string, kfMo2: string, hr: string, ame: string, suf: string, klf: string;

  const id = async (table: typeof s.units | typeof s.focusAreas | typeof s.councilGoals | typeof s.boardGoals, code: string) =>
    (await db.select({ id: table.id }).from(table).where(eq(table.code, code)))[0]!.id;

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((d) => loadDemoIfEmpty(d, askersund, DEMO_PASSWORD).then(() => undefined));
    db = database.db;
    [admin, director, viewer] = (await Promise.all(
      [DEMO_EMAILS.admin, DEMO_EMAILS.director, DEMO_EMAILS.viewer].map((e) => demoUser(db, e)),
    )) as [CurrentUser, CurrentUser, CurrentUser];
    otherAdmin = await otherOrganizationAdmin(db);
    plan2024 = (await db.select().from(s.plans).where(eq(s.plans.code, 'KS-2024')))[0]!.id;
    const org = admin.organizationId;
    const ks = await id(s.units, 'KS');
    const sn = await id(s.units, 'SN');
    [plan2025, snPlan] = (
      await db
        .insert(s.plans)
        .values([
          { organizationId: org, code: 'KS-2025', boardId: ks, year: 2025 },
          { organizationId: org, code: 'SN-2023', boardId: sn, year: 2023 },
        ])
        .returning({ id: s.plans.id })
    ).map((p) => p.id) as [string, string];
    m1 = await id(s.boardGoals, 'KS-2024-M1');
    mo1 = await id(s.focusAreas, 'MO1');
    kfMo1 = await id(s.councilGoals, 'KF-MO1-ARBETSGIVARE');
    kfMo2 = await id(s.councilGoals, 'KF-MO2-SYSSELSATTNING');
    [hr, ame, suf, klf] = (await Promise.all(['KS-KLF-HR', 'KS-KLF-AME', 'SUF', 'KS-KLF'].map((c) => id(s.units, c)))) as [string, string, string, string];
  });
  afterAll(async () => {
    await database?.close();
  });

  const goalInput = (fields: Partial<BoardGoalInput> = {}): BoardGoalInput => ({
    code: `T-${Math.random().toString(36).slice(2, 10)}`,
    number: 10 + Math.floor(Math.random() * 1000),
    text: 'Kommunstyrelsen ska ha nöjda medarbetare.',
    methodText: '- Medarbetarenkät\n- Sjukfrånvaro',
    rule: 'majority',
    focusAreaId: mo1,
    councilGoalIds: [kfMo1],
    unitIds: [hr],
    continuesId: null,
    ...fields,
  });
  const goalIn = async (planId: string, goalId: string) => {
    const goal = (await getPlanGoalsAdmin(db, admin, planId)).goals.find((g) => g.id === goalId);
    if (!goal) throw new Error('goal not in plan');
    return goal;
  };
  const fieldErrorsOf = (promise: Promise<unknown>) =>
    promise.then(
      () => null,
      (error) => (error instanceof ValidationError ? error.fieldErrors : error),
    );
  const historyCounts = async () => ({
    assessments: (await db.select({ n: count() }).from(s.goalAssessments))[0]!.n,
    values: (await db.select({ n: count() }).from(s.indicatorValues))[0]!.n,
  });

  it("reads a plan's goals with their links and the choices for the forms", async () => {
    expect((await listGoalPlans(db, admin)).map((p) => `${p.boardName} ${p.year}`)).toEqual([
      'Kommunstyrelsen 2025',
      'Kommunstyrelsen 2024',
      'Socialnämnden 2023',
    ]);
    const data = await getPlanGoalsAdmin(db, admin, plan2024);
    expect(data.plan).toMatchObject({ code: 'KS-2024', year: 2024, boardName: 'Kommunstyrelsen' });
    expect(data.goals.map((g) => g.number)).toEqual([1, 2, 3, 4]);
    expect(data.goals[0]).toMatchObject({ rule: 'all', councilGoalIds: [kfMo1], unitIds: [hr], deletable: false });
    expect(data.goals[0]!.indicators.map((i) => i.code)).toEqual(['KS-2024-M1-I1', 'KS-2024-M1-I2']);
    expect(data.goals[3]!.unitIds).toEqual([suf, klf]); // the seed's order, not the tree's
    expect(data.options.focusAreas.map((a) => a.label)).toContain('2. De kommunala kärnverksamheterna › Social omsorg');
    expect(data.options.earlierGoals).toEqual([]);
    expect((await getPlanGoalsAdmin(db, admin, plan2025)).options.earlierGoals.map((g) => g.id)).toContain(m1);
  });

  it('creates and edits a goal; units keep their order and edits are audited with before and after', async () => {
    const before = await historyCounts();
    const created = await createBoardGoal(db, admin, { ...goalInput({ code: 'KS-2024-M5', number: 5, unitIds: [ame, hr] }), planId: plan2024 });
    expect(await goalIn(plan2024, created.id)).toMatchObject({ number: 5, unitIds: [ame, hr], councilGoalIds: [kfMo1], deletable: true });

    expect(await fieldErrorsOf(createBoardGoal(db, admin, { ...goalInput({ number: 1 }), planId: plan2024 }))).toEqual({
      number: ['Planen har redan ett mål 1.'],
    });
    expect(await fieldErrorsOf(createBoardGoal(db, admin, { ...goalInput({ code: 'KS-2024-M1' }), planId: plan2024 }))).toEqual({
      code: ['Koden används redan.'],
    });

    const current = inputOf(await goalIn(plan2024, created.id));
    await updateBoardGoal(db, admin, { ...current, id: created.id, rule: 'manual', unitIds: [hr, ame], councilGoalIds: [kfMo2, kfMo1] });
    expect(await goalIn(plan2024, created.id)).toMatchObject({ rule: 'manual', unitIds: [hr, ame] });
    const [event] = await db
      .select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.action, 'board_goal.update'), eq(s.auditEvents.entityId, created.id)));
    expect(event!.changes).toEqual({
      before: { rule: 'majority', unitIds: [ame, hr], councilGoalIds: [kfMo1] },
      after: { rule: 'manual', unitIds: [hr, ame], councilGoalIds: [kfMo1, kfMo2].sort() },
    });

    // Editing the demo's goal 1 changes its text but no history.
    const m1Input = inputOf(await goalIn(plan2024, m1));
    await updateBoardGoal(db, admin, { ...m1Input, id: m1, text: 'En ny måltext.' });
    expect(await goalIn(plan2024, m1)).toMatchObject({ text: 'En ny måltext.', unitIds: [hr] });
    await updateBoardGoal(db, admin, { ...m1Input, id: m1 });
    expect(await historyCounts()).toEqual(before);
  });

  it("the form's checkbox sets the report's year row (the seed's mål 3 and 4 have it); unchecking clears it", async () => {
    const data = await getPlanGoalsAdmin(db, admin, plan2024);
    expect(data.goals.filter((g) => g.number <= 4).map((g) => g.reportYearRow)).toEqual([false, false, true, true]);
    const result = await runAction(
      createBoardGoalAction,
      admin,
      { planId: plan2024, code: 'KS-2024-AR', number: '77', text: 'Ett mål med årsrad.', rule: 'all', focusAreaId: mo1, unitIds: hr, reportYearRow: 'on' },
      db,
    );
    expect(result).toMatchObject({ status: 'ok' });
    const id77 = (await getPlanGoalsAdmin(db, admin, plan2024)).goals.find((g) => g.number === 77)!;
    expect(id77.reportYearRow).toBe(true);
    await updateBoardGoal(db, admin, { ...inputOf(id77), id: id77.id, reportYearRow: false });
    expect((await goalIn(plan2024, id77.id)).reportYearRow).toBe(false);
    const bad = await runAction(
      createBoardGoalAction,
      admin,
      { planId: plan2024, code: 'KS-2024-AS', number: '78', text: 'x', rule: 'all', focusAreaId: mo1, unitIds: hr, reportYearRow: 'ja' },
      db,
    );
    expect(bad).toMatchObject({ status: 'error', fieldErrors: { reportYearRow: ['Uppgiften har fel format.'] } });
  });

  it('the action asks for at least one responsible unit', async () => {
    const result = await runAction(
      createBoardGoalAction,
      admin,
      { planId: plan2024, code: 'X-1', number: '0', text: '', rule: 'all', focusAreaId: mo1, unitIds: '' },
      db,
    );
    expect(result).toMatchObject({
      status: 'error',
      fieldErrors: {
        number: ['Ange målets nummer, till exempel 1.'],
        text: ['Skriv målet.'],
        unitIds: ['Välj minst en ansvarig enhet.'],
      },
    });
  });

  it('continues only a goal of an earlier plan of the same board', async () => {
    const next = await createBoardGoal(db, admin, { ...goalInput({ number: 1, continuesId: m1 }), planId: plan2025 });
    expect(await goalIn(plan2025, next.id)).toMatchObject({ continuesId: m1 });
    const wrong = { continuesId: ['Välj ett mål i en tidigare plan för samma nämnd.'] };
    expect(await fieldErrorsOf(createBoardGoal(db, admin, { ...goalInput({ continuesId: next.id }), planId: plan2024 }))).toEqual(wrong);
    const sn = await createBoardGoal(db, admin, { ...goalInput({ number: 1 }), planId: snPlan });
    expect(await fieldErrorsOf(createBoardGoal(db, admin, { ...goalInput({ continuesId: sn.id }), planId: plan2025 }))).toEqual(wrong);
    // A goal a later one continues is history for that one: archive, not delete.
    expect((await goalIn(plan2024, m1)).deletable).toBe(false);
  });

  it('archives and restores; deletes only a goal without history, with its indicators', async () => {
    const created = await createBoardGoal(db, admin, { ...goalInput(), planId: plan2024 });
    await createIndicator(db, admin, {
      goalId: created.id,
      code: `T-${Math.random().toString(36).slice(2, 10)}`,
      name: 'Nöjda medarbetare',
      unitOfMeasure: 'index',
      decimals: 0,
      comparator: 'gte',
      targetValue: 75,
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
      responsibleUnitId: hr,
      continuesId: null,
    });
    await setBoardGoalArchived(db, admin, { id: created.id, archived: true });
    expect(await goalIn(plan2024, created.id)).toMatchObject({ archived: true });
    await setBoardGoalArchived(db, admin, { id: created.id, archived: false });
    expect(await goalIn(plan2024, created.id)).toMatchObject({ archived: false, deletable: true });
    await deleteBoardGoal(db, admin, { id: created.id });
    expect((await db.select().from(s.boardGoals).where(eq(s.boardGoals.id, created.id))).length).toBe(0);
    expect((await db.select().from(s.indicators).where(eq(s.indicators.goalId, created.id))).length).toBe(0);

    await expect(deleteBoardGoal(db, admin, { id: m1 })).rejects.toBeInstanceOf(ValidationError);
    await setBoardGoalArchived(db, admin, { id: m1, archived: true });
    await setBoardGoalArchived(db, admin, { id: m1, archived: false });

    const actions = (await db.select({ action: s.auditEvents.action }).from(s.auditEvents)).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['board_goal.create', 'board_goal.update', 'board_goal.archive', 'board_goal.restore', 'board_goal.delete']),
    );
  });

  it('refuses everyone but the admin; another organization gets "not found"', async () => {
    const input = { ...inputOf(await goalIn(plan2024, m1)), id: m1 };
    for (const user of [director, viewer]) {
      await expect(listGoalPlans(db, user)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getPlanGoalsAdmin(db, user, plan2024)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createBoardGoal(db, user, { ...goalInput(), planId: plan2024 })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateBoardGoal(db, user, input)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setBoardGoalArchived(db, user, { id: m1, archived: true })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deleteBoardGoal(db, user, { id: m1 })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await listGoalPlans(db, otherAdmin)).toEqual([]);
    await expect(getPlanGoalsAdmin(db, otherAdmin, plan2024)).rejects.toBeInstanceOf(NotFoundError);
    await expect(createBoardGoal(db, otherAdmin, { ...goalInput(), planId: plan2024 })).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateBoardGoal(db, otherAdmin, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setBoardGoalArchived(db, otherAdmin, { id: m1, archived: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteBoardGoal(db, otherAdmin, { id: m1 })).rejects.toBeInstanceOf(NotFoundError);
    expect(await goalIn(plan2024, m1)).toMatchObject({ archived: false });
  });
});
