// A trend arrow or colour chosen by the reporter holds only for the value it was chosen for
// (issue 13 item 3), on each engine, on the demo's AME sick leave (6,59 with the reporter's
// "↑ Bättre"): a save of 7,25 that carries the old choice (as the form sent it) computes
// again; the history keeps the version with the choice; the same value saved again keeps it;
// a choice set again for the new value in the same save holds; an import of a new value drops it.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { getIndicatorHistory, getIndicatorReport, saveIndicatorValue } from '@/db/indicator-values';
import { type IndicatorValueForm } from '@/lib/indicator-value-input';
import { indicatorValueSchema } from '@/lib/indicator-value-schema';
import { applyValueImport } from '@/db/admin/value-import';
import { getOverview } from '@/db/queries/overview';
import type { CurrentUser } from '@/lib/current-user';
import { demoUser, DEMO_EMAILS } from './demo-users';
import { engines } from './engines';

const input = (fields: IndicatorValueForm) => indicatorValueSchema.parse(fields);

describe.each(engines)('reporter-chosen arrows and colours hold for their value on $name', (engine) => {
  let database: Database;
  let db: Db;
  let hr: CurrentUser;
  let admin: CurrentUser;
  let ame = '';
  let delar = '';
  const newest = async () => (await getIndicatorReport(db, hr, ame, delar)).latest!;
  /** Mål 1's indicator rows in the overview of Kommunstyrelsen, Delår 2024. */
  const goal1Rows = async () => {
    const [ks] = await db.select({ id: s.units.id }).from(s.units).where(eq(s.units.code, 'KS'));
    const overview = await getOverview(db, hr, delar, ks!.id);
    const goal = overview.focusAreas.flatMap((f) => f.goals).find((g) => g.number === 1)!;
    return goal.indicators;
  };

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((d) => loadDemoIfEmpty(d, askersund, DEMO_PASSWORD).then(() => undefined));
    db = database.db;
    hr = await demoUser(db, DEMO_EMAILS.hr);
    admin = await demoUser(db, DEMO_EMAILS.admin);
    const [i] = await db.select({ id: s.indicators.id }).from(s.indicators).where(eq(s.indicators.code, 'KS-2024-M1-I2'));
    ame = i!.id;
    const [p] = await db.select({ id: s.periods.id }).from(s.periods).where(eq(s.periods.kind, 'delar'));
    delar = p!.id;
  });

  afterAll(async () => {
    await database?.close();
  });

  it('the demo: 6,59 with the reporter\'s arrow "better" and its justification', async () => {
    expect(await newest()).toMatchObject({ seq: 1, outcome: 6.59, computedTrend: null, chosenTrend: 'better', computedColour: 'green' });
    expect((await newest()).trendJustification).toBeTruthy();
  });

  it("the overview marks Mål 1's reporter-set arrows, with their justification (issue 13 item 4)", async () => {
    const rows = await goal1Rows();
    expect(rows.map((r) => r.name)).toEqual(['Sjukfrånvaro exkl. AME, procent', 'Sjukfrånvaro AME, procent']);
    for (const row of rows) {
      expect(row).toMatchObject({
        trend: 'better',
        trendChoice: { justification: 'Trendpilen enligt Kommunstyrelsens delårsbokslut 2024-08-31.' },
        colourChoice: null,
      });
    }
  });

  it('saving the same value again (an edited analysis) keeps the arrow', async () => {
    const base = await newest();
    const saved = await saveIndicatorValue(
      db,
      hr,
      input({
        indicatorId: ame,
        periodId: delar,
        baseSeq: base.seq,
        outcome: '6,59',
        analysis: 'Ny analys, samma värde.',
        chosenTrend: 'better',
        trendJustification: base.trendJustification!,
        choicesFor: '6,59',
      }),
    );
    expect(saved.value).toMatchObject({ outcome: 6.59, chosenTrend: 'better', shownTrend: 'better' });
    expect(await newest()).toMatchObject({ seq: base.seq + 1, chosenTrend: 'better', trendJustification: base.trendJustification });
  });

  it('7,25 without choosing again: the old arrow (as the form carried it) is dropped and the value judged again', async () => {
    const base = await newest();
    const saved = await saveIndicatorValue(
      db,
      hr,
      input({
        indicatorId: ame,
        periodId: delar,
        baseSeq: base.seq,
        outcome: '7,25',
        analysis: 'Sjukfrånvaron har ökat.',
        // What the form held from the saved version: the arrow chosen for 6,59.
        chosenTrend: 'better',
        trendJustification: base.trendJustification!,
        choicesFor: '6,59',
      }),
    );
    // "Lägre än 7,00": red; no earlier value, so no computed arrow and none chosen.
    expect(saved.value).toMatchObject({ outcome: 7.25, computedColour: 'red', shownColour: 'red', chosenTrend: null, shownTrend: null });
    const latest = await newest();
    expect(latest).toMatchObject({ seq: base.seq + 1, outcome: 7.25, chosenTrend: null, trendJustification: null, chosenColour: null });
    // History keeps the version with the arrow.
    const history = await getIndicatorHistory(db, hr, ame);
    expect(history.versions.find((v) => v.seq === base.seq)).toMatchObject({ outcome: 6.59, chosenTrend: 'better' });
    expect(history.versions.filter((v) => v.chosenTrend === 'better').length).toBeGreaterThanOrEqual(2);
    // The overview no longer marks AME's arrow; the other indicator's stands.
    const [exklAme, ameRow] = await goal1Rows();
    expect(ameRow).toMatchObject({ outcome: 7.25, colour: 'red', trend: null, trendChoice: null });
    expect(exklAme).toMatchObject({ trendChoice: { justification: expect.any(String) } });
  });

  it('a choice made for the new value in the same save holds', async () => {
    const base = await newest();
    const saved = await saveIndicatorValue(
      db,
      hr,
      input({
        indicatorId: ame,
        periodId: delar,
        baseSeq: base.seq,
        outcome: '7,40',
        analysis: 'Sjukfrånvaron har ökat.',
        chosenTrend: 'worse',
        trendJustification: 'Högre än förra året enligt personalsystemet.',
        chosenColour: 'yellow',
        colourJustification: 'Nära målet.',
        choicesFor: '7,40',
      }),
    );
    expect(saved.value).toMatchObject({ outcome: 7.4, chosenTrend: 'worse', chosenColour: 'yellow', shownColour: 'yellow' });
    expect((await goal1Rows())[1]).toMatchObject({
      colour: 'yellow',
      colourChoice: { justification: 'Nära målet.' },
      trendChoice: { justification: 'Högre än förra året enligt personalsystemet.' },
    });
    // And a colour carried to another value is dropped just as an arrow is.
    const next = await saveIndicatorValue(
      db,
      hr,
      input({
        indicatorId: ame,
        periodId: delar,
        baseSeq: base.seq + 1,
        outcome: '7,5',
        analysis: 'Sjukfrånvaron har ökat.',
        chosenTrend: 'worse',
        trendJustification: 'Högre än förra året enligt personalsystemet.',
        chosenColour: 'yellow',
        colourJustification: 'Nära målet.',
        choicesFor: '7,40',
      }),
    );
    expect(next.value).toMatchObject({ outcome: 7.5, chosenTrend: null, chosenColour: null, shownColour: 'red' });
    expect(await newest()).toMatchObject({ colourJustification: null, trendJustification: null });
  });

  it('an import keeps the arrow for the same value and drops it for a new one', async () => {
    const [i] = await db.select({ id: s.indicators.id }).from(s.indicators).where(eq(s.indicators.code, 'KS-2024-M1-I1'));
    const row = (outcome: string, analysis: string) => ({ sheet: 'Värden', row: 2, code: 'KS-2024-M1-I1', period: 'Delår 2024', outcome, referenceNote: '', analysis });
    const latest = async () => (await getIndicatorReport(db, hr, i!.id, delar)).latest!;
    expect(await latest()).toMatchObject({ outcome: 1.86, chosenTrend: 'better' });
    await applyValueImport(db, admin, [row('1,86', 'Samma värde, ny analys.')]);
    expect(await latest()).toMatchObject({ outcome: 1.86, chosenTrend: 'better' });
    await applyValueImport(db, admin, [row('1,95', 'Samma värde, ny analys.')]);
    expect(await latest()).toMatchObject({ outcome: 1.95, chosenTrend: null, trendJustification: null });
  });
});
