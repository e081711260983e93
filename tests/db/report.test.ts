// The report model of the demo's board and period: the seed's structure, preliminary while
// open, and frozen (identical after later edits) once approved.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { getBoardReport, getBoardWorkbook } from '@/db/report';
import { approvePeriod, getApprovalState } from '@/db/approvals';
import { NotFoundError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import type { ReportModel } from '@/lib/report-model';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

describe.each(engines)('the report on $name', (engine) => {
  let database: Database;
  let viewer: CurrentUser;
  let director: CurrentUser;
  let ks: string;
  let sn: string;
  let periodId: string;
  let report: ReportModel;

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    viewer = await demoUser(database.db, DEMO_EMAILS.viewer);
    director = await demoUser(database.db, DEMO_EMAILS.director);
    ks = (await database.db.select().from(s.units).where(eq(s.units.code, 'KS')))[0]!.id;
    sn = (await database.db.select().from(s.units).where(eq(s.units.code, 'SN')))[0]!.id;
    periodId = (await database.db.select().from(s.periods).where(eq(s.periods.kind, 'delar')))[0]!.id;
    report = await getBoardReport(database.db, viewer, ks, periodId);
  });
  afterAll(async () => {
    await database?.close();
  });

  it('follows the seed: intro, målområden with goals, bearings, method, addressing and indicators', () => {
    expect(report).toMatchObject({ boardName: 'Kommunstyrelsen', boardGenitive: 'Kommunstyrelsens', preliminary: true, approvedAt: null });
    expect(report.intro).toBe('Uppföljning av nämndens egna mål enligt verksamhetsplan för 2024.');
    const [mo1, mo2, mo3, mo4] = report.focusAreas;
    const m1 = mo1!.goals[0]!;
    expect(m1.title).toBe('Kommunstyrelsens mål 1');
    expect(m1.bearings).toEqual(['om en attraktiv arbetsgivare och en god arbetsmiljö']);
    expect(m1.methodText).toMatch(/^Sjukfrånvaron i procent, hämtas från personalsystemet\./);
    expect(m1.addressedTo).toEqual(['HR-avdelningen']);
    expect(m1.indicators.map((i) => [i.name, i.targetLabel, i.outcome, i.colour, i.trend])).toEqual([
      ['Sjukfrånvaro exkl. AME, procent', 'Lägre än 5,00', 1.86, 'green', 'better'],
      ['Sjukfrånvaro AME, procent', 'Lägre än 7,00', 6.59, 'green', 'better'],
    ]);
    expect(mo2!.goals[0]!.bearings).toEqual([
      'om att alla invånare ska kunna ha en meningsfull sysselsättning och i förlängningen nå egen försörjning',
    ]);
    expect(mo2!.councilAssignments).toMatchObject([
      {
        focusAreaLabel: 'Målområde 2 - De kommunala kärnverksamheterna: Social omsorg',
        reports: [{ unitName: 'Socialnämnden', heading: 'Återrapporering från socialförvaltningen' }],
      },
    ]);
    expect(mo3!.goals).toEqual([]);
    expect(mo3!.councilGoals).toEqual(['Vi är en attraktiv kommun att arbeta och leva i.']);
    expect(mo3!.notes[0]!.body).toMatch(/^Det finns inget mål angivet för kommunstyrelsen/);
    expect(mo3!.councilAssignments[0]!.reports[0]!.heading).toBe(
      'Uppföljning om vad som gjorts och vad som har åstadkommit för ökad tillgång till digital infrastruktur i kommunen.',
    );
    // The seed's words: the second unit in running text ("kommunledningsförvaltningen").
    expect(mo4!.goals[0]).toMatchObject({ subArea: 'Integration', addressedTo: ['Sydnärkes utbildningsförbund', 'kommunledningsförvaltningen'] });
    expect(mo4!.councilAssignments[0]!.reports[0]!.body).toContain('7. Akutstöd – Digitala nationella prov (DNP)');
  });

  it('orders each målområde’s parts as the plan does, and the admin’s Ordning of sub-areas moves them', async () => {
    const [mo1, mo2, , mo4] = report.focusAreas;
    expect(mo1!.parts).toEqual([{ subArea: null, goals: [0, 1], councilAssignments: [] }]);
    // Målområde 2: mål 3 of its own, then Social omsorg with the KF assignment.
    expect(mo2!.parts).toEqual([
      { subArea: null, goals: [0], councilAssignments: [] },
      { subArea: 'Social omsorg', goals: [], councilAssignments: [0] },
    ]);
    // Målområde 4 in the seed's order: Digitalisering (its KF assignment) before Integration (mål 4).
    expect(mo4!.parts).toEqual([
      { subArea: 'Digitalisering', goals: [], councilAssignments: [0] },
      { subArea: 'Integration', goals: [0], councilAssignments: [] },
    ]);
    expect(mo4!.councilAssignments[0]).toMatchObject({ subArea: 'Digitalisering' });

    // The admin puts Integration first (Ordning on the målområde page): the report follows.
    const [integration] = await database.db.select().from(s.focusAreas).where(eq(s.focusAreas.code, 'MO4-INT'));
    const [digitalisering] = await database.db.select().from(s.focusAreas).where(eq(s.focusAreas.code, 'MO4-DIG'));
    await database.db.update(s.focusAreas).set({ sortOrder: digitalisering!.sortOrder + 1 }).where(eq(s.focusAreas.code, 'MO4-DIG'));
    await database.db.update(s.focusAreas).set({ sortOrder: digitalisering!.sortOrder }).where(eq(s.focusAreas.code, 'MO4-INT'));
    try {
      const reordered = await getBoardReport(database.db, viewer, ks, periodId);
      expect(reordered.focusAreas[3]!.parts!.map((p) => p.subArea)).toEqual(['Integration', 'Digitalisering']);
    } finally {
      await database.db.update(s.focusAreas).set({ sortOrder: digitalisering!.sortOrder }).where(eq(s.focusAreas.code, 'MO4-DIG'));
      await database.db.update(s.focusAreas).set({ sortOrder: integration!.sortOrder }).where(eq(s.focusAreas.code, 'MO4-INT'));
    }
  });

  it('marks the colours and arrows the reporter chose, with the reason given', () => {
    const [i1, i2] = report.focusAreas[0]!.goals[0]!.indicators;
    expect(i1).toMatchObject({ chosenTrend: { justification: 'Trendpilen enligt Kommunstyrelsens delårsbokslut 2024-08-31.' }, chosenColour: null });
    expect(i2).toMatchObject({ chosenTrend: { justification: 'Trendpilen enligt Kommunstyrelsens delårsbokslut 2024-08-31.' } });
    // A value whose arrow is the computed one has no mark.
    expect(report.focusAreas[1]!.goals[0]!.indicators[0]).toMatchObject({ chosenColour: null, chosenTrend: null });
  });

  it('ends with Övergripande perspektiv and the board’s own assignments in their groups', () => {
    expect(report.sections.map((x) => x.heading)).toEqual(['Övergripande perspektiv']);
    expect(report.boardAssignments.intro).toMatch(/^Kommunstyrelsens resurser för att genomföra sitt uppdrag/);
    expect(report.boardAssignments.groups.map((g) => [g.label, g.assignments.length])).toEqual([
      ['Pågående uppdrag från föregående verksamhetsplan', 2],
      ['Andra pågående uppdrag', 2],
    ]);
    const styrmodell = report.boardAssignments.groups[1]!.assignments[0]!;
    expect(styrmodell.description).toContain('tillsammans med en politisk referensgrupp');
    expect(styrmodell.followUp[0]!.body).toContain('- Styrning: Samla kommunens verksamheter');
  });

  it('another board’s report holds its own share only', async () => {
    const snReport = await getBoardReport(database.db, viewer, sn, periodId);
    expect(snReport.focusAreas.flatMap((a) => a.goals)).toEqual([]);
    expect(snReport.focusAreas.flatMap((a) => a.councilAssignments).map((a) => a.focusAreaLabel)).toEqual([
      'Målområde 2 - De kommunala kärnverksamheterna: Social omsorg',
    ]);
    expect(snReport.boardAssignments.groups).toEqual([]);
  });

  it('the workbook holds the same values as the database', async () => {
    const workbook = await getBoardWorkbook(database.db, viewer, ks, periodId);
    expect(workbook.goals.map((g) => g.title)).toEqual(['Kommunstyrelsens mål 1', 'Kommunstyrelsens mål 2', 'Kommunstyrelsens mål 3', 'Kommunstyrelsens mål 4']);
    const rows = await database.db.select({ code: s.indicators.code, outcome: s.indicatorValues.outcome }).from(s.indicatorValues).innerJoin(s.indicators, eq(s.indicators.id, s.indicatorValues.indicatorId));
    for (const row of rows) {
      expect(workbook.indicatorValues.find((v) => v.code === row.code)?.outcome).toBe(row.outcome);
    }
    expect(workbook.assignmentReports).toHaveLength(4);
  });

  it('refuses anonymous readers and unknown boards', async () => {
    await expect(getBoardReport(database.db, null, ks, periodId)).rejects.toBeInstanceOf(ForbiddenError);
    const hr = (await database.db.select().from(s.units).where(eq(s.units.code, 'KS-KLF-HR')))[0]!.id;
    await expect(getBoardReport(database.db, viewer, hr, periodId)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('once approved, the report is final and does not follow later edits', async () => {
    const { seq } = await getApprovalState(database.db, director, ks, periodId);
    await approvePeriod(database.db, director, { boardId: ks, periodId, baseSeq: seq });
    await database.db.update(s.boardGoals).set({ text: 'Ändrad efter attesten.' }).where(eq(s.boardGoals.code, 'KS-2024-M1'));
    const approved = await getBoardReport(database.db, viewer, ks, periodId);
    expect(approved.preliminary).toBe(false);
    expect(approved.approvedAt).not.toBeNull();
    expect({ ...approved, preliminary: true, approvedAt: null }).toEqual(report);
    expect(await getBoardReport(database.db, viewer, ks, periodId)).toEqual(approved);
  });
});
