// Indicator administration on each engine: the structured target validated with Swedish
// field errors, edits audited, archive/restore/delete-when-no-history, refusals, and the
// re-judging of open periods when a target changes (approved periods untouched).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { getPlanGoalsAdmin } from '@/db/admin/goals';
import {
  createIndicator,
  deleteIndicator,
  REEVALUATION_REASON,
  setIndicatorArchived,
  updateIndicator,
  type IndicatorAdminDTO,
  type IndicatorInput,
} from '@/db/admin/indicators';
import { ForbiddenError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

function inputOf(dto: IndicatorAdminDTO): IndicatorInput {
  const { id: _id, goalId: _goal, archived: _a, deletable: _d, ...input } = dto;
  return input;
}

async function otherOrganizationAdmin(db: Db): Promise<CurrentUser> {
  const [org] = await db.insert(s.organizations).values({ code: 'annan', name: 'Annan kommun' }).returning();
  const [user] = await db.insert(s.users).values({ organizationId: org!.id, email: 'admin@annan.example', name: 'Annan Admin' }).returning();
  await db.insert(s.roleGrants).values({ organizationId: org!.id, userId: user!.id, role: 'admin' });
  return demoUser(db, 'admin@annan.example');
}

describe.each(engines)('indicator administration on $name', (engine) => {
  let database: Database;
  let db: Db;
  let admin: CurrentUser, hr: CurrentUser, director: CurrentUser, otherAdmin: CurrentUser;
  let planId: string, goalId: string, hrUnit: string, ksBoard: string, delar: string, indicatorId: string;

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((d) => loadDemoIfEmpty(d, askersund, DEMO_PASSWORD).then(() => undefined));
    db = database.db;
    [admin, hr, director] = (await Promise.all(
      [DEMO_EMAILS.admin, DEMO_EMAILS.hr, DEMO_EMAILS.director].map((e) => demoUser(db, e)),
    )) as [CurrentUser, CurrentUser, CurrentUser];
    otherAdmin = await otherOrganizationAdmin(db);
    planId = (await db.select().from(s.plans).where(eq(s.plans.code, 'KS-2024')))[0]!.id;
    goalId = (await db.select().from(s.boardGoals).where(eq(s.boardGoals.code, 'KS-2024-M1')))[0]!.id;
    hrUnit = (await db.select().from(s.units).where(eq(s.units.code, 'KS-KLF-HR')))[0]!.id;
    ksBoard = (await db.select().from(s.units).where(eq(s.units.code, 'KS')))[0]!.id;
    delar = (await db.select().from(s.periods).where(eq(s.periods.kind, 'delar')))[0]!.id;
    indicatorId = (await db.select().from(s.indicators).where(eq(s.indicators.code, 'KS-2024-M1-I1')))[0]!.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  const dto = async (id: string) => {
    const plan = await getPlanGoalsAdmin(db, admin, planId);
    const found = plan.goals.flatMap((g) => g.indicators).find((i) => i.id === id);
    if (!found) throw new Error('indicator not in plan');
    return found;
  };
  const fresh = (fields: Partial<IndicatorInput> = {}): IndicatorInput & { goalId: string } => ({
    goalId,
    code: `T-${Math.random().toString(36).slice(2, 10)}`,
    name: 'Andel medarbetare med utvecklingssamtal',
    unitOfMeasure: 'procent',
    decimals: 1,
    comparator: 'gte',
    targetValue: 90,
    targetLow: null,
    targetHigh: null,
    direction: null,
    tolerance: null,
    trendTolerance: null,
    targetLabel: '',
    frequency: 'yearly',
    yearlyPeriodKind: 'helar',
    baselineValue: null,
    baselineYear: null,
    source: 'manual',
    sourceRef: null,
    responsibleUnitId: hrUnit,
    continuesId: null,
    ...fields,
  });
  const values = () =>
    db
      .select()
      .from(s.indicatorValues)
      .where(and(eq(s.indicatorValues.indicatorId, indicatorId), eq(s.indicatorValues.periodId, delar)))
      .orderBy(asc(s.indicatorValues.seq));

  it('creates an indicator with a suggested label, and validates the target in Swedish', async () => {
    const created = await createIndicator(db, admin, fresh({ code: 'KS-2024-M1-I9' }));
    const stored = await dto(created.id);
    expect(stored).toMatchObject({ targetLabel: 'Minst 90,0', comparator: 'gte', targetValue: 90, frequency: 'yearly', deletable: true });

    const errorOf = async (input: IndicatorInput & { goalId: string }) =>
      createIndicator(db, admin, input).then(
        () => null,
        (error) => (error instanceof ValidationError ? error.fieldErrors : error),
      );
    expect(await errorOf(fresh({ targetValue: null }))).toEqual({ targetValue: ['Ange ett målvärde.'] });
    expect(await errorOf(fresh({ comparator: 'between', targetLow: 5, targetHigh: 3 }))).toEqual({
      targetHigh: ['Lägsta värdet får inte vara högre än det högsta.'],
    });
    expect(await errorOf(fresh({ comparator: 'between', targetLow: null, targetHigh: 3 }))).toEqual({
      targetLow: ['Ange både lägsta och högsta värde.'],
    });
    expect(await errorOf(fresh({ tolerance: -1 }))).toEqual({ tolerance: ['Toleransen får inte vara negativ.'] });
    expect(await errorOf(fresh({ baselineValue: 80 }))).toEqual({ baselineYear: ['Ange vilket år basvärdet avser.'] });
    expect(await errorOf(fresh({ code: 'KS-2024-M1-I1' }))).toEqual({ code: ['Koden används redan.'] });

    // not_worse keeps a direction and drops the single value.
    const hme = await createIndicator(db, admin, fresh({ comparator: 'not_worse', targetValue: 3, direction: 'lower' }));
    expect(await dto(hme.id)).toMatchObject({ targetValue: null, direction: 'lower', targetLabel: 'Samma nivå som föregående år eller lägre' });
  });

  it('edits are audited with before and after; continues must be an earlier plan of the same board', async () => {
    const created = await createIndicator(db, admin, fresh());
    await updateIndicator(db, admin, { ...inputOf(await dto(created.id)), id: created.id, name: 'Nytt namn', targetLabel: 'Minst 90 %' });
    expect(await dto(created.id)).toMatchObject({ name: 'Nytt namn', targetLabel: 'Minst 90 %' });
    const [event] = await db
      .select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.action, 'indicator.update'), eq(s.auditEvents.entityId, created.id)));
    expect(event!.changes).toMatchObject({
      before: { name: 'Andel medarbetare med utvecklingssamtal', targetLabel: 'Minst 90,0' },
      after: { name: 'Nytt namn', targetLabel: 'Minst 90 %' },
    });
    // The same plan is not an earlier one.
    await expect(
      updateIndicator(db, admin, { ...inputOf(await dto(created.id)), id: created.id, continuesId: indicatorId }),
    ).rejects.toMatchObject({ fieldErrors: { continuesId: ['Välj ett mått i en tidigare plan för samma nämnd.'] } });
  });

  it('a new target re-judges the open, unapproved period as a new version; older versions keep theirs', async () => {
    expect((await values()).map((v) => v.seq)).toEqual([1]);
    const before = inputOf(await dto(indicatorId));
    expect(before).toMatchObject({ comparator: 'lt', targetValue: 5 });

    const result = await updateIndicator(db, admin, { ...before, id: indicatorId, targetValue: 1.5, targetLabel: 'Lägre än 1,50' });
    expect(result.reevaluated).toEqual([{ periodId: delar, seq: 2, computedColour: 'red' }]);
    const [first, second] = await values();
    expect(first!.judgedAgainst).toMatchObject({ comparator: 'lt', value: 5 });
    expect(first!.computedColour).toBe('green');
    expect(second).toMatchObject({
      seq: 2,
      outcome: 1.86,
      computedColour: 'red',
      analysis: first!.analysis,
      referenceNote: first!.referenceNote,
      chosenColour: first!.chosenColour,
      chosenTrend: first!.chosenTrend,
      trendJustification: first!.trendJustification,
      authorId: admin.id,
      reason: REEVALUATION_REASON,
    });
    expect(second!.judgedAgainst).toMatchObject({ comparator: 'lt', value: 1.5, previous: null });

    // A change that is not about the target adds no version.
    await updateIndicator(db, admin, { ...inputOf(await dto(indicatorId)), id: indicatorId, name: 'Sjukfrånvaro, totalt' });
    expect(await values()).toHaveLength(2);

    // With Kommunstyrelsen's delår approved, the period is locked: no new version.
    await db.insert(s.approvals).values({
      organizationId: admin.organizationId,
      boardId: ksBoard,
      periodId: delar,
      seq: 1,
      action: 'approved',
      snapshot: {},
      authorId: director.id,
    });
    const locked = await updateIndicator(db, admin, { ...inputOf(await dto(indicatorId)), id: indicatorId, targetValue: 1 });
    expect(locked.reevaluated).toEqual([]);
    expect(await values()).toHaveLength(2);
    expect(await dto(indicatorId)).toMatchObject({ targetValue: 1 });
  });

  it('archives and restores; deletes only an indicator without history', async () => {
    const created = await createIndicator(db, admin, fresh());
    await setIndicatorArchived(db, admin, { id: created.id, archived: true });
    expect(await dto(created.id)).toMatchObject({ archived: true });
    await setIndicatorArchived(db, admin, { id: created.id, archived: false });
    expect(await dto(created.id)).toMatchObject({ archived: false });
    await deleteIndicator(db, admin, { id: created.id });
    expect((await db.select().from(s.indicators).where(eq(s.indicators.id, created.id))).length).toBe(0);

    expect(await dto(indicatorId)).toMatchObject({ deletable: false });
    await expect(deleteIndicator(db, admin, { id: indicatorId })).rejects.toBeInstanceOf(ValidationError);
    await setIndicatorArchived(db, admin, { id: indicatorId, archived: true });
    await setIndicatorArchived(db, admin, { id: indicatorId, archived: false });

    const actions = (await db.select({ action: s.auditEvents.action }).from(s.auditEvents)).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['indicator.create', 'indicator.update', 'indicator.archive', 'indicator.restore', 'indicator.delete']),
    );
  });

  it('refuses everyone but the admin, and another organization gets "not found"', async () => {
    const input = { ...inputOf(await dto(indicatorId)), id: indicatorId };
    for (const user of [hr, director]) {
      await expect(createIndicator(db, user, fresh())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateIndicator(db, user, input)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setIndicatorArchived(db, user, { id: indicatorId, archived: true })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deleteIndicator(db, user, { id: indicatorId })).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(getPlanGoalsAdmin(db, hr, planId)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createIndicator(db, otherAdmin, fresh())).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateIndicator(db, otherAdmin, input)).rejects.toBeInstanceOf(NotFoundError);
    await expect(setIndicatorArchived(db, otherAdmin, { id: indicatorId, archived: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteIndicator(db, otherAdmin, { id: indicatorId })).rejects.toBeInstanceOf(NotFoundError);
    expect(await dto(indicatorId)).toMatchObject({ archived: false });
  });
});
