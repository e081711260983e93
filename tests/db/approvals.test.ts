// Sending back and approval on each engine: a sent-back item removes the unit's readiness
// and stands until the item is saved again; an approved board period is shown from its
// snapshot (later edits of goal texts or values do not change it) and refuses writes;
// reopening (the admin, with a reason) makes it live again.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { approvePeriod, getApprovalState, reopenPeriod } from '@/db/approvals';
import { listOpenRevisions, listOpenRevisionsOfItem, sendBack } from '@/db/revisions';
import { setReadiness } from '@/db/readiness';
import { getOverview } from '@/db/queries/overview';
import { getIndicatorReport, saveIndicatorValue } from '@/db/indicator-values';
import { ValidationError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/errors';
import { indicatorValueSchema } from '@/lib/indicator-value-schema';
import type { CurrentUser } from '@/lib/current-user';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

describe.each(engines)('sending back and approval on $name', (engine) => {
  let database: Database;
  let admin: CurrentUser, director: CurrentUser, hr: CurrentUser, viewer: CurrentUser;
  let periodId: string, ksBoard: string, hrUnit: string, indicatorId: string, goalId: string;

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    const db = database.db;
    [admin, director, hr, viewer] = await Promise.all(
      [DEMO_EMAILS.admin, DEMO_EMAILS.director, DEMO_EMAILS.hr, DEMO_EMAILS.viewer].map((e) => demoUser(db, e)),
    ) as [CurrentUser, CurrentUser, CurrentUser, CurrentUser];
    periodId = (await db.select().from(s.periods).where(eq(s.periods.kind, 'delar')))[0]!.id;
    ksBoard = (await db.select().from(s.units).where(eq(s.units.code, 'KS')))[0]!.id;
    hrUnit = (await db.select().from(s.units).where(eq(s.units.code, 'KS-KLF-HR')))[0]!.id;
    indicatorId = (await db.select().from(s.indicators).where(eq(s.indicators.code, 'KS-2024-M1-I1')))[0]!.id;
    goalId = (await db.select().from(s.boardGoals).where(eq(s.boardGoals.code, 'KS-2024-M1')))[0]!.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  const save = async (outcome: string) => {
    const report = await getIndicatorReport(database.db, hr, indicatorId, periodId);
    const input = indicatorValueSchema.parse({ indicatorId, periodId, baseSeq: report.latest?.seq ?? 0, outcome });
    return saveIndicatorValue(database.db, hr, input);
  };

  it('a sent-back item removes readiness and stands until the item is saved again', async () => {
    await setReadiness(database.db, hr, { unitId: hrUnit, periodId, ready: true, baseSeq: 0, reason: 'Resten rapporteras senare.' });
    await expect(
      sendBack(database.db, hr, { itemKind: 'indicator', itemId: indicatorId, unitId: hrUnit, periodId, comment: 'x' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await sendBack(database.db, director, {
      itemKind: 'indicator',
      itemId: indicatorId,
      unitId: hrUnit,
      periodId,
      comment: 'Komplettera analysen.',
    });
    const open = await listOpenRevisions(database.db, hr, periodId, [hrUnit]);
    expect(open).toMatchObject([{ itemKind: 'indicator', itemId: indicatorId, comment: 'Komplettera analysen.', authorName: 'Karin Kommundirektör' }]);
    // The item's own form reads the same request (its statement built once, run with this item).
    expect(await listOpenRevisionsOfItem(database.db, hr, periodId, 'indicator', indicatorId)).toEqual(open);
    expect(await listOpenRevisionsOfItem(database.db, hr, periodId, 'goal', indicatorId)).toEqual([]);
    expect(await listOpenRevisionsOfItem(database.db, hr, periodId, 'indicator', goalId)).toEqual([]);
    const readiness = await database.db.select().from(s.readinessEvents).where(eq(s.readinessEvents.unitId, hrUnit));
    expect(readiness.map((r) => r.ready)).toEqual([true, false]);

    await save('1,86');
    expect(await listOpenRevisions(database.db, hr, periodId, [hrUnit])).toEqual([]);
    expect(await listOpenRevisionsOfItem(database.db, hr, periodId, 'indicator', indicatorId)).toEqual([]);
  });

  it('only the director approves; the approved period shows its snapshot and refuses writes', async () => {
    const state = await getApprovalState(database.db, viewer, ksBoard, periodId);
    expect(state).toMatchObject({ approved: false, canApprove: false, canReopen: false });
    await expect(approvePeriod(database.db, admin, { boardId: ksBoard, periodId, baseSeq: state.seq })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(approvePeriod(database.db, hr, { boardId: ksBoard, periodId, baseSeq: state.seq })).rejects.toBeInstanceOf(ForbiddenError);

    expect((await getApprovalState(database.db, director, ksBoard, periodId)).canApprove).toBe(true);
    await approvePeriod(database.db, director, { boardId: ksBoard, periodId, baseSeq: state.seq });
    await expect(approvePeriod(database.db, director, { boardId: ksBoard, periodId, baseSeq: state.seq + 1 })).rejects.toBeInstanceOf(
      ValidationError,
    );

    // A later edit of the goal's text does not change the approved period.
    await database.db.update(s.boardGoals).set({ text: 'En ny måltext efter attesten.' }).where(eq(s.boardGoals.id, goalId));
    const overview = await getOverview(database.db, viewer, periodId);
    expect(overview.approvedBoards.map((b) => b.id)).toEqual([ksBoard]);
    const goal = overview.focusAreas.flatMap((a) => a.goals).find((g) => g.id === goalId);
    expect(goal?.text).toMatch(/^Sjukskrivningstalen ska vara under 5 procent/);
    expect(goal?.indicators[0]).toMatchObject({ outcome: 1.86, colour: 'green' });

    await expect(save('2,22')).rejects.toBeInstanceOf(ForbiddenError);
    expect((await getIndicatorReport(database.db, hr, indicatorId, periodId)).canReport).toBe(false);
  });

  it('the admin reopens with a reason; the period is live again', async () => {
    const state = await getApprovalState(database.db, admin, ksBoard, periodId);
    expect(state).toMatchObject({ approved: true, canReopen: true });
    await expect(
      reopenPeriod(database.db, director, { boardId: ksBoard, periodId, baseSeq: state.seq, reason: 'x' }),
    ).rejects.toBeInstanceOf(ForbiddenError);
    await reopenPeriod(database.db, admin, { boardId: ksBoard, periodId, baseSeq: state.seq, reason: 'Rättelse.' });
    const overview = await getOverview(database.db, viewer, periodId);
    expect(overview.approvedBoards).toEqual([]);
    expect(overview.focusAreas.flatMap((a) => a.goals).find((g) => g.id === goalId)?.text).toBe('En ny måltext efter attesten.');
    await save('2,22');
    const audit = await database.db.select({ action: s.auditEvents.action }).from(s.auditEvents);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['item.send_back', 'period.approve', 'period.reopen']));
  });
});

describe.each(engines)('an external unit after its board’s approval on $name', (engine) => {
  // Opens, migrates and loads the demo (hashing its passwords) into a database of its own
  // inside the test: 20 s under load.
  it('cannot change its readiness once the board it reports to has approved the period', { timeout: 180_000 }, async () => {
    const database = await engine.open();
    try {
      await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
      const db = database.db;
      const admin = await demoUser(db, DEMO_EMAILS.admin);
      const director = await demoUser(db, DEMO_EMAILS.director);
      const periodId = (await db.select().from(s.periods).where(eq(s.periods.kind, 'delar')))[0]!.id;
      const ksBoard = (await db.select().from(s.units).where(eq(s.units.code, 'KS')))[0]!.id;
      const suf = (await db.select().from(s.units).where(eq(s.units.code, 'SUF')))[0]!.id;
      await setReadiness(db, admin, { unitId: suf, periodId, ready: true, baseSeq: 0, reason: 'Resten rapporteras senare.' });
      const { seq } = await getApprovalState(db, director, ksBoard, periodId);
      await approvePeriod(db, director, { boardId: ksBoard, periodId, baseSeq: seq });
      await expect(setReadiness(db, admin, { unitId: suf, periodId, ready: false, baseSeq: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    } finally {
      await database.close();
    }
  });
});
