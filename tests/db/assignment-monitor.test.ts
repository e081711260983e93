// The kommundirektör's assignment monitor (/uppdrag) and an assignment's page (/uppdrag/…)
// on each engine, over the Askersund demo and a few fixtures: status, overdue, reported
// this period, changed since the previous period, and the per-unit reports.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { getAssignmentMonitor, getAssignmentPage, type AssignmentMonitorDTO } from '@/db/assignment-monitor';
import { NotFoundError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/errors';
import { applyAssignmentFilters, DEFAULT_FILTERS } from '@/lib/assignment-filters';
import type { CurrentUser } from '@/lib/current-user';
import { demoUser, DEMO_EMAILS } from './demo-users';
import { engines } from './engines';

async function idByCode(db: Db, table: typeof s.units | typeof s.assignments, code: string) {
  const [row] = await db.select({ id: table.id }).from(table).where(eq(table.code, code));
  if (!row) throw new Error(`no item with code ${code}`);
  return row.id;
}

describe.each(engines)('assignment monitor on $name', (engine) => {
  let database: Database;
  let db: Db;
  let director: CurrentUser;
  let admin: CurrentUser;
  let orgId: string;
  const period = { t1: '', delar: '', helar: '' };
  const byCode = (data: AssignmentMonitorDTO, code: string, ids: Record<string, string>) => {
    const row = data.rows.find((r) => r.id === ids[code]);
    if (!row) throw new Error(`no row for ${code}`);
    return row;
  };
  const assignmentIds: Record<string, string> = {};

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((d) => loadDemoIfEmpty(d, askersund, DEMO_PASSWORD).then(() => undefined));
    db = database.db;
    director = await demoUser(db, DEMO_EMAILS.director);
    admin = await demoUser(db, DEMO_EMAILS.admin);
    orgId = director.organizationId;
    for (const p of await db.select({ id: s.periods.id, kind: s.periods.kind }).from(s.periods)) {
      period[p.kind === 'T1' ? 't1' : p.kind] = p.id;
    }
    for (const a of askersund.assignments) assignmentIds[a.code] = await idByCode(db, s.assignments, a.code);
  });

  afterAll(async () => {
    await database?.close();
  });

  it('shows the demo: 7 assignments, 3 from Kommunfullmäktige, compared with Tertial 1', async () => {
    const data = await getAssignmentMonitor(db, director, period.delar);
    expect(data.period).toMatchObject({ id: period.delar, label: 'Delår 2024' });
    expect(data.previousPeriod).toMatchObject({ id: period.t1, label: 'Tertial 1 2024' });
    expect(data.rows).toHaveLength(7);
    expect(data.rows.filter((r) => r.issuer === 'council')).toHaveLength(3);
    expect(data.rows.filter((r) => r.issuer === 'council').every((r) => r.issuerName === 'Kommunfullmäktige')).toBe(true);
    expect(data.rows.filter((r) => r.issuer === 'board').every((r) => r.issuerName === 'Kommunstyrelsen')).toBe(true);
    // No reports in Tertial 1: every report in Delår is new, so changed.
    expect(data.rows.every((r) => r.changedSinceLastPeriod)).toBe(true);
    expect(data.unitOptions.map((u) => u.name)).toEqual(['Kommunstyrelsen', 'Kommunledningsförvaltningen', 'Socialnämnden']);
  });

  it('derives the landsbygd assignment as not started from its one report', async () => {
    const data = await getAssignmentMonitor(db, director, period.delar, { texts: true });
    const row = byCode(data, 'KS-U-LANDSBYGD', assignmentIds);
    expect(row.status).toBe('not_started');
    expect(row.reportedThisPeriod).toBe(true);
    expect(row.missingUnits).toEqual([]);
    expect(row.overdue).toBe(false); // no due date
    expect(row.units).toEqual([
      expect.objectContaining({ name: 'Kommunledningsförvaltningen', status: 'not_started', reported: true, reportHeading: null }),
    ]);
    expect(row.units[0]!.reportBody).toContain('har ännu inte startat');
    expect(row.units[0]!.lastReportedAt).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('shows the KF social omsorg assignment reported by Socialnämnden only', async () => {
    const data = await getAssignmentMonitor(db, director, period.delar, { texts: true });
    const row = byCode(data, 'KF-U-SOCIAL-OMSORG', assignmentIds);
    expect(row.issuerName).toBe('Kommunfullmäktige');
    expect(row.focusAreaName).toBe('Målområde 2 – De kommunala kärnverksamheterna: Social omsorg');
    expect(row.units.map((u) => [u.name, u.reported])).toEqual([
      ['Socialnämnden', true],
      ['Kommunstyrelsen', false],
    ]);
    expect(row.reportedThisPeriod).toBe(false);
    expect(row.missingUnits).toEqual(['Kommunstyrelsen']);
    expect(row.status).toBeNull();
    expect(row.units[0]!.reportHeading).toBe('Återrapporering från socialförvaltningen');
  });

  it('filters and searches the real rows in memory', async () => {
    const data = await getAssignmentMonitor(db, director, period.delar, { texts: true });
    const find = (over: Partial<typeof DEFAULT_FILTERS>) => applyAssignmentFilters(data.rows, { ...DEFAULT_FILTERS, ...over });
    expect(find({ ejrapporterat: '1' }).map((r) => r.id)).toEqual([assignmentIds['KF-U-SOCIAL-OMSORG']]);
    expect(find({ q: 'UNGDOMSCOACH' }).map((r) => r.id)).toEqual([assignmentIds['KF-U-SOCIAL-OMSORG']]); // in the report
    expect(find({ q: 'digital' })).toHaveLength(2);
    expect(find({ status: 'not_started' }).map((r) => r.id)).toEqual([assignmentIds['KS-U-LANDSBYGD']]);
    const mo4 = data.focusAreaOptions.find((a) => a.name === 'Målområde 4 – Specifika utvecklingsområden')!;
    expect(find({ malomrade: mo4.id }).map((r) => r.id)).toEqual([assignmentIds['KF-U-DIGITALISERING']]);
  });

  it('refuses anonymous users and periods of other organizations', async () => {
    await expect(getAssignmentMonitor(db, null, period.delar)).rejects.toThrow(ForbiddenError);
    await expect(getAssignmentMonitor(db, director, '00000000-0000-4000-8000-000000000000')).rejects.toThrow(NotFoundError);
  });

  describe('with fixtures', () => {
    let overdueId: string;
    let archivedId: string;
    let klf: string;

    beforeAll(async () => {
      const ks = await idByCode(db, s.units, 'KS');
      klf = await idByCode(db, s.units, 'KS-KLF');
      const [overdue, archived] = await db
        .insert(s.assignments)
        .values([
          { organizationId: orgId, code: 'FIX-FORSENAT', issuer: 'board', issuerBoardId: ks, title: 'Försenat fixturuppdrag', dueDate: '2024-06-30' },
          { organizationId: orgId, code: 'FIX-ARKIV', issuer: 'board', issuerBoardId: ks, title: 'Arkiverat uppdrag', archivedAt: new Date() },
        ])
        .returning({ id: s.assignments.id });
      overdueId = overdue!.id;
      archivedId = archived!.id;
      await db.insert(s.assignmentUnits).values([
        { organizationId: orgId, assignmentId: overdueId, unitId: klf },
        { organizationId: orgId, assignmentId: archivedId, unitId: klf },
      ]);

      // Tertial 1: the same report as in Delår for the underskott assignment (unchanged), and a
      // different one for the styrmodell assignment (changed).
      const [underskott] = await db
        .select({ body: s.assignmentReports.body, status: s.assignmentReports.status })
        .from(s.assignmentReports)
        .where(and(eq(s.assignmentReports.assignmentId, assignmentIds['KS-U-UNDERSKOTT']!), eq(s.assignmentReports.periodId, period.delar)));
      const base = { organizationId: orgId, unitId: klf, periodId: period.t1, authorId: admin.id };
      await db.insert(s.assignmentReports).values([
        { ...base, assignmentId: assignmentIds['KS-U-UNDERSKOTT']!, seq: 1, status: 'in_progress', body: 'Ett första utkast.' },
        { ...base, assignmentId: assignmentIds['KS-U-UNDERSKOTT']!, seq: 2, status: underskott!.status, body: underskott!.body },
        { ...base, assignmentId: assignmentIds['KS-U-STYRMODELL']!, seq: 1, status: 'in_progress', body: 'Arbetet har startat.' },
      ]);
    });

    it('marks an assignment past its due date without a report as overdue, and leaves out archived ones', async () => {
      const data = await getAssignmentMonitor(db, director, period.delar);
      expect(data.rows).toHaveLength(8);
      expect(data.rows.some((r) => r.id === archivedId)).toBe(false);
      const row = data.rows.find((r) => r.id === overdueId)!;
      expect(row).toMatchObject({ status: null, overdue: true, reportedThisPeriod: false, changedSinceLastPeriod: false });
      expect(row.missingUnits).toEqual(['Kommunledningsförvaltningen']);
      expect(applyAssignmentFilters(data.rows, { ...DEFAULT_FILTERS, forsenat: '1' }).map((r) => r.id)).toEqual([overdueId]);

      const before = await getAssignmentMonitor(db, director, period.delar, { today: '2024-06-30' });
      expect(before.rows.find((r) => r.id === overdueId)!.overdue).toBe(false);
    });

    it('compares each unit newest report with the previous period', async () => {
      const data = await getAssignmentMonitor(db, director, period.delar);
      expect(byCode(data, 'KS-U-UNDERSKOTT', assignmentIds).changedSinceLastPeriod).toBe(false);
      expect(byCode(data, 'KS-U-STYRMODELL', assignmentIds).changedSinceLastPeriod).toBe(true);
      expect(byCode(data, 'KS-U-LANDSBYGD', assignmentIds).changedSinceLastPeriod).toBe(true); // new in Delår

      // Tertial 1 has no period before it: its reports are all new.
      const t1 = await getAssignmentMonitor(db, director, period.t1);
      expect(t1.previousPeriod).toBeNull();
      expect(t1.rows.filter((r) => r.changedSinceLastPeriod).map((r) => r.id).sort()).toEqual(
        [assignmentIds['KS-U-UNDERSKOTT'], assignmentIds['KS-U-STYRMODELL']].sort(),
      );
      expect(byCode(t1, 'KS-U-STYRMODELL', assignmentIds).status).toBe('in_progress');
      expect(byCode(t1, 'KS-U-UNDERSKOTT', assignmentIds).status).toBeNull(); // the newest (seq 2) counts
    });

    it('reads the texts the search looks in only when asked, and shows the same list either way', async () => {
      const withTexts = await getAssignmentMonitor(db, director, period.delar, { texts: true });
      const without = await getAssignmentMonitor(db, director, period.delar);
      expect(withTexts.rows.some((r) => r.description !== null)).toBe(true);
      expect(withTexts.rows.some((r) => r.units.some((u) => u.reportBody !== null))).toBe(true);
      expect(without.rows.every((r) => r.description === null && r.diaryNumber === null)).toBe(true);
      expect(without.rows.every((r) => r.units.every((u) => u.reportHeading === null && u.reportBody === null))).toBe(true);
      // Everything else, "changed since the last period" included (compared on the bodies in SQL), is the same.
      const withoutTexts = withTexts.rows.map((r) => ({
        ...r,
        description: null,
        diaryNumber: null,
        units: r.units.map((u) => ({ ...u, reportHeading: null, reportBody: null })),
      }));
      expect(without.rows).toEqual(withoutTexts);
      expect(without.rows.filter((r) => r.changedSinceLastPeriod).length).toBeGreaterThan(0);
      expect(without.rows.filter((r) => !r.changedSinceLastPeriod).length).toBeGreaterThan(0);
      // The search finds words of a report only in the rows read with their texts.
      expect(applyAssignmentFilters(withTexts.rows, { ...DEFAULT_FILTERS, q: 'ett första utkast' })).toHaveLength(0); // an older version
      expect(applyAssignmentFilters(withTexts.rows, { ...DEFAULT_FILTERS, q: 'UNGDOMSCOACH' })).toHaveLength(1);
    });

    it("shows an assignment's page: every unit, this period's versions and earlier periods", async () => {
      const page = await getAssignmentPage(db, director, assignmentIds['KS-U-UNDERSKOTT']!, period.delar);
      expect(page.assignment).toMatchObject({
        issuerName: 'Kommunstyrelsen',
        decisionDate: '2023-10-06',
        status: null,
        overdue: false,
        archived: false,
      });
      expect(page.period.label).toBe('Delår 2024');
      const [unit] = page.units;
      expect(page.units).toHaveLength(1);
      expect(unit).toMatchObject({ name: 'Kommunledningsförvaltningen', locked: false, canReport: false });
      expect(unit!.reports.map((r) => [r.periodLabel, r.seq])).toEqual([['Delår 2024', 1]]);
      expect(unit!.earlier.map((r) => [r.periodLabel, r.seq])).toEqual([['Tertial 1 2024', 2]]); // newest per period
      expect(unit!.reports[0]!.authorName).toBeTruthy();

      // The admin may report; a closed period is locked for everyone.
      const asAdmin = await getAssignmentPage(db, admin, assignmentIds['KS-U-UNDERSKOTT']!, period.delar);
      expect(asAdmin.units[0]).toMatchObject({ canReport: true, locked: false });
      const closed = await getAssignmentPage(db, admin, assignmentIds['KS-U-UNDERSKOTT']!, period.t1);
      expect(closed.units[0]).toMatchObject({ canReport: false, locked: true });
      expect(closed.units[0]!.reports.map((r) => r.seq)).toEqual([2, 1]);
      expect(closed.units[0]!.earlier).toEqual([]);

      const social = await getAssignmentPage(db, director, assignmentIds['KF-U-SOCIAL-OMSORG']!, period.delar);
      expect(social.assignment.focusAreaName).toBe('Målområde 2 – De kommunala kärnverksamheterna: Social omsorg');
      expect(social.units.map((u) => [u.name, u.reports.length])).toEqual([
        ['Socialnämnden', 1],
        ['Kommunstyrelsen', 0],
      ]);

      const overdue = await getAssignmentPage(db, director, overdueId, period.delar);
      expect(overdue.assignment.overdue).toBe(true);
      expect(overdue.units[0]!.overdue).toBe(true);
    });

    it('refuses an unknown assignment or period on the page', async () => {
      await expect(getAssignmentPage(db, director, '00000000-0000-4000-8000-000000000000', period.delar)).rejects.toThrow(NotFoundError);
      await expect(
        getAssignmentPage(db, director, assignmentIds['KS-U-UNDERSKOTT']!, '00000000-0000-4000-8000-000000000000'),
      ).rejects.toThrow(NotFoundError);
      await expect(getAssignmentPage(db, null, assignmentIds['KS-U-UNDERSKOTT']!, period.delar)).rejects.toThrow(ForbiddenError);
    });
  });
});
