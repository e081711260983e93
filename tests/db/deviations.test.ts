// "Avvikelser" on the demo's delår 2024, on each engine: indicators not met, indicators not
// reported, goals not met, assignments without a report or overdue, units not ready, items
// sent back (until answered), the board filter, and a fixed number of queries.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq, inArray } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { getDeviations, listBoards, type DeviationKind, type DeviationsDTO } from '@/db/deviations';
import { getMyReporting, reportingRoots } from '@/db/my-reporting';
import { NotFoundError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import { demoUser, DEMO_EMAILS } from './demo-users';
import { engines } from './engines';

const entries = (result: DeviationsDTO, kind: DeviationKind) => result.groups.find((g) => g.kind === kind)?.entries ?? [];
const titles = (result: DeviationsDTO, kind: DeviationKind) => entries(result, kind).map((e) => e.title);

/** A Db that counts the query builders it hands out (each query starts with one). */
function counting(db: Db): { db: Db; count(): number } {
  let n = 0;
  const builders = new Set(['select', 'selectDistinct', 'selectDistinctOn', 'execute', 'insert', 'update', 'delete', 'transaction']);
  const proxy = new Proxy(db, {
    get(target, prop, receiver) {
      const value = Reflect.get(target, prop, receiver) as unknown;
      if (typeof value === 'function' && builders.has(String(prop))) {
        return (...args: unknown[]) => {
          n += 1;
          return (value as (...a: unknown[]) => unknown).apply(target, args);
        };
      }
      return value;
    },
  });
  return { db: proxy, count: () => n };
}

describe.each(engines)('Avvikelser on $name', (engine) => {
  let database: Database;
  let db: Db;
  let viewer: CurrentUser;
  let director: CurrentUser;
  let admin: CurrentUser;
  let orgId: string;
  let periodId: string;
  const ids: Record<string, string> = {};

  const code = async (table: typeof s.units | typeof s.indicators | typeof s.boardGoals | typeof s.assignments, c: string) => {
    const [row] = await db.select({ id: table.id }).from(table).where(eq(table.code, c));
    if (!row) throw new Error(`no item with code ${c}`);
    return row.id;
  };

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((d) => loadDemoIfEmpty(d, askersund, DEMO_PASSWORD).then(() => undefined));
    db = database.db;
    viewer = await demoUser(db, DEMO_EMAILS.viewer);
    director = await demoUser(db, DEMO_EMAILS.director);
    admin = await demoUser(db, DEMO_EMAILS.admin);
    orgId = viewer.organizationId;
    const [period] = await db.select({ id: s.periods.id }).from(s.periods).where(eq(s.periods.kind, 'delar'));
    periodId = period!.id;
    for (const c of ['KS', 'SN', 'KS-KLF', 'KS-KLF-HR', 'KS-KLF-AME', 'SUF', 'SN-SF']) ids[c] = await code(s.units, c);
    for (const c of ['KS-2024-M1-I1', 'KS-2024-M2-I1', 'KS-2024-M3-I1']) ids[c] = await code(s.indicators, c);
    for (const c of ['KS-2024-M1', 'KS-2024-M3']) ids[c] = await code(s.boardGoals, c);
    for (const c of ['KF-U-SOCIAL-OMSORG', 'KS-U-LANDSBYGD']) ids[c] = await code(s.assignments, c);
  });

  afterAll(async () => {
    await database?.close();
  });

  it('lists the indicators that miss their target, with colour, trend, outcome and target', async () => {
    const result = await getDeviations(db, viewer, periodId, null);
    expect(result.period.id).toBe(periodId);
    const notMet = entries(result, 'indicator_not_met');
    expect(notMet.map((e) => e.title)).toEqual([
      'Andel deltagare som går vidare till arbete eller studier, procent',
      'Elever som klarar minst två kurser, procent',
      'Den öppna arbetslösheten bland utrikes födda i kommunen ska vara bland de 25 % lägsta i länet.',
    ]);
    const ame = notMet[0]!;
    expect(ame).toMatchObject({
      itemId: ids['KS-2024-M3-I1'],
      unitName: 'Arbetsmarknadsenheten',
      colour: 'red',
      outcome: '15',
      targetLabel: '>20',
      href: `/rapportering/matt/${ids['KS-2024-M3-I1']}?period=${periodId}`,
    });
    expect(ame.detail).toContain('15 procent');
    expect(ame.detail).toContain('>20');
    expect(notMet[1]).toMatchObject({ unitName: 'Sydnärkes utbildningsförbund', outcome: '58', colour: 'red' });
    expect(notMet[2]).toMatchObject({ unitName: 'Kommunledningsförvaltningen', outcome: '33', colour: 'red' });
    // The HME indicator is reported without an outcome (grey): not a deviation, nor unreported.
    expect(notMet.some((e) => e.itemId === ids['KS-2024-M2-I1'])).toBe(false);
    expect(entries(result, 'indicator_not_reported')).toEqual([]);
  });

  it('lists the goals not met: mål 3 and mål 4 by their rule, not mål 1 (green) nor mål 2 (grey)', async () => {
    const result = await getDeviations(db, viewer, periodId, null);
    const goals = entries(result, 'goal_not_met');
    expect(goals.map((e) => e.title.split(':')[0])).toEqual(['Kommunstyrelsens mål 3', 'Kommunstyrelsens mål 4']);
    expect(goals.every((g) => g.colour === 'red')).toBe(true);
    expect(goals[0]).toMatchObject({ unitName: 'Arbetsmarknadsenheten', href: `/rapportering/mal/${ids['KS-2024-M3']}?period=${periodId}` });
    expect(goals[1]!.unitName).toBe('Sydnärkes utbildningsförbund, Kommunledningsförvaltningen');
  });

  it('lists the assignment without a report from Kommunstyrelsen (Socialnämnden reported)', async () => {
    const result = await getDeviations(db, viewer, periodId, null);
    const assignments = entries(result, 'assignment_overdue_or_unreported');
    expect(assignments).toHaveLength(1);
    expect(assignments[0]).toMatchObject({
      itemId: ids['KF-U-SOCIAL-OMSORG'],
      unitId: ids.KS,
      unitName: 'Kommunstyrelsen',
      missingReport: true,
      overdue: false,
      href: `/rapportering/uppdrag/${ids['KF-U-SOCIAL-OMSORG']}/${ids.KS}?period=${periodId}`,
    });
  });

  it('lists an overdue assignment once its due date has passed', async () => {
    await db.update(s.assignments).set({ dueDate: '2024-06-30' }).where(eq(s.assignments.id, ids['KS-U-LANDSBYGD']!));
    try {
      const late = await getDeviations(db, viewer, periodId, null, '2024-09-01');
      const entry = entries(late, 'assignment_overdue_or_unreported').find((e) => e.itemId === ids['KS-U-LANDSBYGD']);
      expect(entry).toMatchObject({ unitName: 'Kommunledningsförvaltningen', overdue: true, missingReport: false });
      expect(entry!.detail).toContain('Försenat');
      const early = await getDeviations(db, viewer, periodId, null, '2024-06-30');
      expect(entries(early, 'assignment_overdue_or_unreported').some((e) => e.itemId === ids['KS-U-LANDSBYGD'])).toBe(false);
    } finally {
      await db.update(s.assignments).set({ dueDate: null }).where(eq(s.assignments.id, ids['KS-U-LANDSBYGD']!));
    }
  });

  it('lists every unit answering for items that is not marked ready', async () => {
    const result = await getDeviations(db, viewer, periodId, null);
    const units = titles(result, 'unit_not_ready');
    expect(units).toEqual(expect.arrayContaining(['HR-avdelningen', 'Arbetsmarknadsenheten']));
    expect(new Set(units)).toEqual(
      new Set([
        'Kommunstyrelsen',
        'Kommunledningsförvaltningen',
        'HR-avdelningen',
        'Arbetsmarknadsenheten',
        'Socialnämnden',
        'Sydnärkes utbildningsförbund',
      ]),
    );
    const hr = entries(result, 'unit_not_ready').find((e) => e.itemId === ids['KS-KLF-HR'])!;
    expect(hr.href).toBe(`/rapportering?period=${periodId}`);
    expect(hr.detail).toContain('3 mått och 2 mål');
    // The admin's and the director's links pick the unit (the director reads its page read-only).
    for (const user of [admin, director]) {
      const asPicker = await getDeviations(db, user, periodId, null);
      expect(entries(asPicker, 'unit_not_ready').find((e) => e.itemId === ids['KS-KLF-HR'])!.href).toBe(
        `/rapportering?period=${periodId}&enhet=${ids['KS-KLF-HR']}`,
      );
    }
    // …and that page is HR's, every item read-only for her.
    const hrPage = await getMyReporting(db, director, periodId, reportingRoots(director, ids['KS-KLF-HR']!));
    expect(hrPage.scopeUnitNames).toEqual(['HR-avdelningen']);
    expect(hrPage.items.length).toBeGreaterThan(0);
    expect(hrPage.items.every((i) => !i.canReport)).toBe(true);
    expect(hrPage.readiness.map((r) => r.canChange)).toEqual([false]);
    await expect(getMyReporting(db, viewer, periodId, [ids['KS-KLF-HR']!])).rejects.toBeInstanceOf(ForbiddenError);
  });

  it('leaves out a unit once it is marked ready, and lists it again when it takes that back', async () => {
    const row = { organizationId: orgId, unitId: ids['KS-KLF-AME']!, periodId, authorId: admin.id };
    await db.insert(s.readinessEvents).values({ ...row, seq: 1, ready: true });
    const ready = await getDeviations(db, viewer, periodId, null);
    expect(titles(ready, 'unit_not_ready')).not.toContain('Arbetsmarknadsenheten');
    await db.insert(s.readinessEvents).values({ ...row, seq: 2, ready: false });
    const back = await getDeviations(db, viewer, periodId, null);
    const ame = entries(back, 'unit_not_ready').find((e) => e.title === 'Arbetsmarknadsenheten');
    expect(ame?.detail).toContain('borttagen');
  });

  it('filters on a board: Socialnämnden sees none of Kommunstyrelsen’s goals and indicators', async () => {
    const sn = await getDeviations(db, viewer, periodId, ids.SN!);
    expect(sn.board).toEqual({ id: ids.SN, name: 'Socialnämnden' });
    expect(entries(sn, 'goal_not_met')).toEqual([]);
    expect(entries(sn, 'indicator_not_met')).toEqual([]);
    expect(entries(sn, 'assignment_overdue_or_unreported')).toEqual([]); // Kommunstyrelsen's missing report is not Socialnämnden's
    expect(titles(sn, 'unit_not_ready')).toEqual(['Socialnämnden']);

    const ks = await getDeviations(db, viewer, periodId, ids.KS!);
    expect(entries(ks, 'goal_not_met')).toHaveLength(2);
    expect(entries(ks, 'assignment_overdue_or_unreported').map((e) => e.unitName)).toEqual(['Kommunstyrelsen']);
    expect(titles(ks, 'unit_not_ready')).toContain('Sydnärkes utbildningsförbund'); // external, answers for KS's items
    expect(titles(ks, 'unit_not_ready')).not.toContain('Socialnämnden');

    await expect(getDeviations(db, viewer, periodId, ids['KS-KLF']!)).rejects.toBeInstanceOf(NotFoundError); // not a board
    expect((await listBoards(db, viewer)).map((b) => b.name)).toEqual(['Kommunstyrelsen', 'Socialnämnden']);
  });

  it('lists an item sent back until a newer save answers it', async () => {
    const indicatorId = ids['KS-2024-M1-I1']!;
    const [request] = await db
      .insert(s.revisionRequests)
      .values({
        organizationId: orgId,
        itemKind: 'indicator',
        itemId: indicatorId,
        unitId: ids['KS-KLF-HR']!,
        periodId,
        comment: 'Komplettera analysen.',
        authorId: director.id,
      })
      .returning();

    const sent = await getDeviations(db, viewer, periodId, null);
    const [entry] = entries(sent, 'sent_back');
    expect(entry).toMatchObject({
      itemId: indicatorId,
      title: 'Sjukfrånvaro exkl. AME, procent',
      unitName: 'HR-avdelningen',
      href: `/rapportering/matt/${indicatorId}?period=${periodId}`,
      sentBack: { comment: 'Komplettera analysen.', authorName: director.name, itemKind: 'indicator' },
    });
    expect(entry!.detail).toContain('Komplettera analysen.');
    expect(entry!.detail).toContain(director.name);
    // Another board's filter does not show it.
    expect(entries(await getDeviations(db, viewer, periodId, ids.SN!), 'sent_back')).toEqual([]);

    const [first] = await db
      .select()
      .from(s.indicatorValues)
      .where(and(eq(s.indicatorValues.indicatorId, indicatorId), eq(s.indicatorValues.seq, 1)));
    await db.insert(s.indicatorValues).values({
      organizationId: orgId,
      indicatorId,
      periodId,
      seq: 2,
      outcome: first!.outcome,
      analysis: 'Analysen är kompletterad.',
      computedColour: first!.computedColour,
      chosenTrend: first!.chosenTrend,
      trendJustification: first!.trendJustification,
      judgedAgainst: first!.judgedAgainst,
      authorId: (await demoUser(db, DEMO_EMAILS.hr)).id,
      createdAt: new Date(request!.createdAt.getTime() + 1000),
    });
    const answered = await getDeviations(db, viewer, periodId, null);
    expect(entries(answered, 'sent_back')).toEqual([]);
  });

  it('is read by every role in the organization and refused anonymously', async () => {
    for (const email of Object.values(DEMO_EMAILS)) {
      await expect(getDeviations(db, await demoUser(db, email), periodId, null)).resolves.toBeDefined();
    }
    await expect(getDeviations(db, null, periodId, null)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getDeviations(db, viewer, '00000000-0000-4000-8000-000000000000', null)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('asks a fixed number of queries whatever the number of items', async () => {
    const before = counting(db);
    await getDeviations(before.db, director, periodId, null);

    // More of everything: indicators (reported and not), assignments, requests.
    const goalId = ids['KS-2024-M3']!;
    const added = await db
      .insert(s.indicators)
      .values(
        Array.from({ length: 5 }, (_, i) => ({
          organizationId: orgId,
          code: `EXTRA-I${i}`,
          goalId,
          name: `Extra mått ${i}`,
          comparator: 'gt' as const,
          targetValue: 10,
          targetLabel: '>10',
          responsibleUnitId: ids['KS-KLF-AME']!,
        })),
      )
      .returning({ id: s.indicators.id });
    const extraAssignments = await db
      .insert(s.assignments)
      .values(Array.from({ length: 4 }, (_, i) => ({ organizationId: orgId, code: `EXTRA-U${i}`, issuer: 'council' as const, title: `Extra uppdrag ${i}` })))
      .returning({ id: s.assignments.id });
    await db
      .insert(s.assignmentUnits)
      .values(extraAssignments.map((a) => ({ organizationId: orgId, assignmentId: a.id, unitId: ids['SN-SF']! })));
    try {
      const after = counting(db);
      const result = await getDeviations(after.db, director, periodId, null);
      expect(entries(result, 'indicator_not_reported')).toHaveLength(5);
      expect(entries(result, 'assignment_overdue_or_unreported')).toHaveLength(5);
      expect(after.count()).toBe(before.count());
    } finally {
      const now = new Date();
      await db.update(s.indicators).set({ archivedAt: now }).where(inArray(s.indicators.id, added.map((a) => a.id)));
      await db.update(s.assignments).set({ archivedAt: now }).where(inArray(s.assignments.id, extraAssignments.map((a) => a.id)));
    }
    const archived = await getDeviations(db, director, periodId, null);
    expect(entries(archived, 'indicator_not_reported')).toEqual([]);
  });
});
