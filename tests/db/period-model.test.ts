// One period model: every surface of a period reads its content through one loader and
// asks one rule of what is live (lib/live.ts), so the surfaces agree. The three drift cases
// found by a probe before the loader existed, on each engine:
// (a) an archived plan leaves the overview, Avvikelser, Min rapportering, the forms, the
//     saves, the report, the workbook and readiness alike;
// (b) an archived indicator leaves the goal's judgement in the form as in the overview;
// (c) an approved period's XLSX comes from the snapshot: byte-identical after the admin
//     renames and re-targets an indicator (and so are the report and the DOCX).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { ValidationError } from '@/lib/errors';
import { getOverview } from '@/db/queries/overview';
import { getDeviations } from '@/db/deviations';
import { getMyReporting, reportingRoots } from '@/db/my-reporting';
import { getIndicatorReport, saveIndicatorValue } from '@/db/indicator-values';
import { getGoalAssessment, saveGoalAssessment } from '@/db/goal-assessments';
import { getAssignmentReport, saveAssignmentReport } from '@/db/assignment-reports';
import { getAssignmentMonitor } from '@/db/assignment-monitor';
import { getBoardReport, getBoardWorkbook } from '@/db/report';
import { approvePeriod, getApprovalState } from '@/db/approvals';
import { setReadiness } from '@/db/readiness';
import { setPlanArchived } from '@/db/admin/plans';
import { setIndicatorArchived, updateIndicator, type IndicatorInput } from '@/db/admin/indicators';
import { setAssignmentArchived } from '@/db/admin/assignments';
import { getPlanGoalsAdmin } from '@/db/admin/goals';
import { buildReportXlsx } from '@/lib/report-xlsx';
import { buildReportDocx } from '@/lib/report-docx';
import { indicatorValueSchema } from '@/lib/indicator-value-schema';
import { goalAssessmentSchema } from '@/lib/goal-assessment-schema';
import { assignmentReportSchema } from '@/lib/assignment-report-input';
import type { CurrentUser } from '@/lib/current-user';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

interface Demo {
  database: Database;
  db: Db;
  admin: CurrentUser;
  hr: CurrentUser;
  director: CurrentUser;
  viewer: CurrentUser;
  id: (table: 'units' | 'plans' | 'boardGoals' | 'indicators' | 'assignments', code: string) => Promise<string>;
  delar: string;
}

async function openDemo(open: () => Promise<Database>): Promise<Demo> {
  const database = await open();
  await database.prepare((d) => loadDemoIfEmpty(d, askersund, DEMO_PASSWORD).then(() => undefined));
  const db = database.db;
  const [admin, hr, director, viewer] = await Promise.all(
    [DEMO_EMAILS.admin, DEMO_EMAILS.hr, DEMO_EMAILS.director, DEMO_EMAILS.viewer].map((e) => demoUser(db, e)),
  );
  const id = async (table: 'units' | 'plans' | 'boardGoals' | 'indicators' | 'assignments', code: string) => {
    const t = s[table];
    const [row] = await db.select({ id: t.id }).from(t).where(eq(t.code, code));
    if (!row) throw new Error(`no ${table} ${code}`);
    return row.id;
  };
  const [delar] = await db.select({ id: s.periods.id }).from(s.periods).where(eq(s.periods.kind, 'delar'));
  return { database, db, admin: admin!, hr: hr!, director: director!, viewer: viewer!, id, delar: delar!.id };
}

const goalCount = (o: Awaited<ReturnType<typeof getOverview>>) => o.focusAreas.reduce((n, a) => n + a.goals.length, 0);

describe.each(engines)('one period model on $name', (engine) => {
  describe('(a) an archived plan leaves every current surface', () => {
    let d: Demo;
    let ks: string, i1: string, m1: string;

    beforeAll(async () => {
      d = await openDemo(() => engine.open());
      ks = await d.id('units', 'KS');
      i1 = await d.id('indicators', 'KS-2024-M1-I1');
      m1 = await d.id('boardGoals', 'KS-2024-M1');
      await setPlanArchived(d.db, d.admin, { planId: await d.id('plans', 'KS-2024'), archived: true });
    });
    afterAll(async () => {
      await d?.database.close();
    });

    it('is gone from the overview, Avvikelser, Min rapportering and the report alike', async () => {
      const overview = await getOverview(d.db, d.viewer, d.delar, ks);
      expect(goalCount(overview)).toBe(0);
      const deviations = await getDeviations(d.db, d.viewer, d.delar, ks);
      const kinds = deviations.groups.filter((g) => g.entries.some((e) => e.context.startsWith('Mått') || e.context === 'Mål'));
      expect(kinds).toEqual([]);
      const mine = await getMyReporting(d.db, d.hr, d.delar, reportingRoots(d.hr, null));
      // The unit's text for the board's document is not part of the plan: it stays (issue 15).
      expect(mine.items.filter((i) => i.kind !== 'assignment' && i.kind !== 'narrative')).toEqual([]);
      expect(mine.items.filter((i) => i.kind === 'narrative').map((i) => i.title)).toEqual(['HR']);
      const report = await getBoardReport(d.db, d.viewer, ks, d.delar);
      expect(report.focusAreas.flatMap((a) => a.goals)).toEqual([]);
      expect(report.intro).toBeNull(); // the archived plan's texts go with it
      const workbook = await getBoardWorkbook(d.db, d.viewer, ks, d.delar);
      expect(workbook.goals).toEqual([]);
      expect(workbook.indicatorValues).toEqual([]);
    });

    it('cannot be reported on: the forms are read-only and the saves are refused', async () => {
      const value = await getIndicatorReport(d.db, d.hr, i1, d.delar);
      expect(value).toMatchObject({ live: false, canReport: false });
      await expect(
        saveIndicatorValue(
          d.db,
          d.hr,
          indicatorValueSchema.parse({ indicatorId: i1, periodId: d.delar, baseSeq: String(value.latest?.seq ?? 0), outcome: '1,5' }),
        ),
      ).rejects.toBeInstanceOf(ValidationError);
      const goal = await getGoalAssessment(d.db, d.hr, m1, d.delar);
      expect(goal).toMatchObject({ live: false, canReport: false });
      await expect(
        saveGoalAssessment(
          d.db,
          d.hr,
          goalAssessmentSchema.parse({ goalId: m1, periodId: d.delar, baseSeq: String(goal.latest?.seq ?? 0), analysis: 'A.', forecastColour: 'green' }),
        ),
      ).rejects.toBeInstanceOf(ValidationError);
      const rows = await d.db.select().from(s.indicatorValues).where(eq(s.indicatorValues.indicatorId, i1));
      expect(rows.every((r) => r.seq <= (value.latest?.seq ?? 0))).toBe(true);
    });

    it("ties no unit's readiness to the archived plan's board any more", async () => {
      // Sydnärkes utbildningsförbund (external) belonged to KS through mål 4 only.
      const sydnarke = await d.id('units', 'SUF');
      const state = await getApprovalState(d.db, d.director, ks, d.delar);
      expect(state.units.map((u) => u.id)).not.toContain(sydnarke);
    });
  });

  describe('(b) an archived indicator leaves the goal judgement everywhere', () => {
    let d: Demo;
    let ks: string, m1: string, ame: string;

    beforeAll(async () => {
      d = await openDemo(() => engine.open());
      ks = await d.id('units', 'KS');
      m1 = await d.id('boardGoals', 'KS-2024-M1');
      ame = await d.id('indicators', 'KS-2024-M1-I2');
      await setIndicatorArchived(d.db, d.admin, { id: ame, archived: true });
    });
    afterAll(async () => {
      await d?.database.close();
    });

    it('the form judges the goal on the same indicators as the overview and the report', async () => {
      const form = await getGoalAssessment(d.db, d.hr, m1, d.delar);
      const overview = await getOverview(d.db, d.viewer, d.delar, ks);
      const shown = overview.focusAreas.flatMap((a) => a.goals).find((g) => g.id === m1)!;
      const report = await getBoardReport(d.db, d.viewer, ks, d.delar);
      const reported = report.focusAreas.flatMap((a) => a.goals).find((g) => g.title === 'Kommunstyrelsens mål 1')!;
      expect(form.indicators.map((i) => i.id)).toEqual(shown.indicators.map((i) => i.id));
      expect(form.indicators).toHaveLength(1);
      expect(reported.indicators.map((i) => i.name)).toEqual(shown.indicators.map((i) => i.name));
    });

    it('the archived indicator cannot be reported on and is not missing in Avvikelser', async () => {
      await expect(getIndicatorReport(d.db, d.admin, ame, d.delar)).resolves.toMatchObject({ live: false, canReport: false });
      const deviations = await getDeviations(d.db, d.viewer, d.delar, null);
      expect(deviations.groups.flatMap((g) => g.entries).some((e) => e.itemId === ame)).toBe(false);
    });

    it('an archived assignment leaves the monitor and cannot be reported on', async () => {
      const styrmodell = await d.id('assignments', 'KS-U-STYRMODELL');
      await setAssignmentArchived(d.db, d.admin, { assignmentId: styrmodell, archived: true });
      const monitor = await getAssignmentMonitor(d.db, d.director, d.delar);
      expect(monitor.rows.some((r) => r.id === styrmodell)).toBe(false);
      const klf = await d.id('units', 'KS-KLF');
      const form = await getAssignmentReport(d.db, d.admin, styrmodell, klf, d.delar);
      expect(form).toMatchObject({ live: false, canReport: false });
      await expect(
        saveAssignmentReport(
          d.db,
          d.admin,
          assignmentReportSchema.parse({
            assignmentId: styrmodell,
            unitId: klf,
            periodId: d.delar,
            baseSeq: String(form.latest?.seq ?? 0),
            status: 'in_progress',
            body: 'Text.',
          }),
        ),
      ).rejects.toBeInstanceOf(ValidationError);
      const mine = await getMyReporting(d.db, d.admin, d.delar, [klf]);
      expect(mine.items.some((i) => i.id === styrmodell)).toBe(false);
    });

    it('readiness is refused for nothing that is archived and still works for the rest', async () => {
      const hrUnit = await d.id('units', 'KS-KLF-HR');
      await expect(setReadiness(d.db, d.hr, { unitId: hrUnit, periodId: d.delar, ready: true, baseSeq: 0, reason: 'Resten rapporteras senare.' })).resolves.toEqual({ seq: 1 });
    });
  });

  describe('(c) an approved period is shown from its snapshot on every surface', () => {
    let d: Demo;

    beforeAll(async () => {
      d = await openDemo(() => engine.open());
    });
    afterAll(async () => {
      await d?.database.close();
    });

    it('keeps the XLSX, the DOCX and the report byte-identical after the admin edits an indicator', async () => {
      const ks = await d.id('units', 'KS');
      const state = await getApprovalState(d.db, d.director, ks, d.delar);
      await approvePeriod(d.db, d.director, { boardId: ks, periodId: d.delar, baseSeq: state.seq });
      const files = async () => {
        const workbook = await getBoardWorkbook(d.db, d.viewer, ks, d.delar);
        const report = await getBoardReport(d.db, d.viewer, ks, d.delar);
        return {
          xlsx: await buildReportXlsx(workbook, { now: new Date() }),
          docx: await buildReportDocx(report),
          report,
          workbook,
        };
      };
      const before = await files();

      const indicatorId = await d.id('indicators', 'KS-2024-M1-I1');
      const plan = await getPlanGoalsAdmin(d.db, d.admin, await d.id('plans', 'KS-2024'));
      const dto = plan.goals.flatMap((g) => g.indicators).find((i) => i.id === indicatorId)!;
      const { id: _id, goalId: _goal, archived: _a, deletable: _d, ...input } = dto;
      await updateIndicator(d.db, d.admin, {
        ...(input as IndicatorInput),
        id: indicatorId,
        name: 'Sjukfrånvaro, omdöpt efter attest',
        targetValue: 1,
        targetLabel: 'Lägre än 1,00',
      });
      await new Promise((resolve) => setTimeout(resolve, 1100)); // a later export time, should one leak into the file

      const after = await files();
      expect(after.workbook.indicatorValues.map((v) => v.indicator)).not.toContain('Sjukfrånvaro, omdöpt efter attest');
      expect(after.workbook).toEqual(before.workbook);
      expect(after.report).toEqual(before.report);
      expect(after.xlsx.equals(before.xlsx)).toBe(true);
      expect(after.docx.equals(before.docx)).toBe(true);
    });
  });
});
