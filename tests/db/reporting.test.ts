// Reporting on the demo, on each engine: saving indicator values, goal assessments and
// assignment reports as new history versions, conflicts on an older base, who may report
// where, closed and approved periods, organization boundaries, input rules, readiness,
// "Min rapportering", and the trend against last year through the `continues` link.
// Every refused call must leave the history tables exactly as they were.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import type { Database, Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { getIndicatorHistory, getIndicatorReport, saveIndicatorValue } from '@/db/indicator-values';
import { getGoalAssessment, saveGoalAssessment } from '@/db/goal-assessments';
import { getAssignmentReport, saveAssignmentReport } from '@/db/assignment-reports';
import { setReadiness } from '@/db/readiness';
import { getApprovalState } from '@/db/approvals';
import { getDeviations } from '@/db/deviations';
import { setReadinessAction } from '@/app/(inloggad)/rapportering/set-readiness';
import { getMyReporting, reportingRoots } from '@/db/my-reporting';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/errors';
import { runAction } from '@/server/action';
import { indicatorValueSchema, type IndicatorValueForm } from '@/lib/indicator-value-schema';
import { goalAssessmentSchema, type GoalAssessmentForm } from '@/lib/goal-assessment-schema';
import { assignmentReportSchema, type AssignmentReportForm } from '@/lib/assignment-report-input';
import type { CurrentUser } from '@/lib/current-user';
import { goalAttainment } from '@/lib/goal-rule';
import { saveIndicatorValueAction } from '@/app/(inloggad)/rapportering/matt/[indicatorId]/save-indicator-value';
import { demoUser, DEMO_EMAILS } from './demo-users';
import { engines } from './engines';

// ---------------------------------------------------------------- fixture helpers

const HISTORY = {
  indicator_values: s.indicatorValues,
  goal_assessments: s.goalAssessments,
  assignment_reports: s.assignmentReports,
  readiness_events: s.readinessEvents,
  audit_events: s.auditEvents,
} satisfies Record<string, PgTable>;
type Counts = Record<keyof typeof HISTORY, number>;

async function countRows(db: Db): Promise<Counts> {
  const counts = {} as Counts;
  for (const [name, table] of Object.entries(HISTORY) as [keyof typeof HISTORY, PgTable][]) {
    const [row] = (await db.select({ n: sql<number>`count(*)::int` }).from(table)) as [{ n: number }];
    counts[name] = row.n;
  }
  return counts;
}

/** Runs a call that must be refused; returns its error, after checking that nothing was written. */
async function refusedWithoutWrites(db: Db, call: () => Promise<unknown>): Promise<unknown> {
  const before = await countRows(db);
  let caught: unknown = undefined;
  try {
    await call();
  } catch (error) {
    caught = error;
  }
  expect(caught, 'the call was expected to be refused').toBeDefined();
  expect(await countRows(db)).toEqual(before);
  return caught;
}

interface Fixture {
  database: Database;
  db: Db;
  orgId: string;
  users: Record<keyof typeof DEMO_EMAILS, CurrentUser>;
  unit: (code: string) => string;
  indicator: (code: string) => string;
  goal: (code: string) => string;
  assignment: (code: string) => string;
  period: { T1: string; delar: string; helar: string };
}

async function openDemo(open: () => Promise<Database>): Promise<Fixture> {
  const database = await open();
  await database.prepare(async (db) => {
    await loadDemoIfEmpty(db, askersund, DEMO_PASSWORD);
  });
  const db = database.db;
  const users = {} as Fixture['users'];
  for (const [key, email] of Object.entries(DEMO_EMAILS) as [keyof typeof DEMO_EMAILS, string][]) {
    users[key] = await demoUser(db, email);
  }
  const orgId = users.admin.organizationId;
  const byCode = (rows: { code: string; id: string }[], what: string) => {
    const map = new Map(rows.map((r) => [r.code, r.id]));
    return (code: string) => {
      const id = map.get(code);
      if (!id) throw new Error(`no ${what} ${code}`);
      return id;
    };
  };
  const periods = await db.select({ id: s.periods.id, kind: s.periods.kind }).from(s.periods).where(eq(s.periods.organizationId, orgId));
  const periodOf = (kind: string) => periods.find((p) => p.kind === kind)!.id;
  return {
    database,
    db,
    orgId,
    users,
    unit: byCode(await db.select({ code: s.units.code, id: s.units.id }).from(s.units), 'unit'),
    indicator: byCode(await db.select({ code: s.indicators.code, id: s.indicators.id }).from(s.indicators), 'indicator'),
    goal: byCode(await db.select({ code: s.boardGoals.code, id: s.boardGoals.id }).from(s.boardGoals), 'goal'),
    assignment: byCode(await db.select({ code: s.assignments.code, id: s.assignments.id }).from(s.assignments), 'assignment'),
    period: { T1: periodOf('T1'), delar: periodOf('delar'), helar: periodOf('helar') },
  };
}

const valueInput = (fields: IndicatorValueForm) => indicatorValueSchema.parse(fields);
const goalInput = (fields: GoalAssessmentForm) => goalAssessmentSchema.parse(fields);
const reportInput = (fields: AssignmentReportForm) => assignmentReportSchema.parse(fields);

/** The newest version's number of an indicator in a period (0: none). */
async function newestSeq(f: Fixture, indicatorId: string, periodId: string): Promise<number> {
  return (await getIndicatorReport(f.db, f.users.admin, indicatorId, periodId)).latest?.seq ?? 0;
}

// ---------------------------------------------------------------- the shared demo database

describe.each(engines)('reporting on $name', (engine) => {
  let f: Fixture;

  beforeAll(async () => {
    f = await openDemo(() => engine.open());
  });

  afterAll(async () => {
    await f?.database.close();
  });

  it('(a) the HR-chef saves 1,86 on the newest version: seq 2, one more history row, an audit event, computed green', async () => {
    const { db, users } = f;
    const I1 = f.indicator('KS-2024-M1-I1');
    const report = await getIndicatorReport(db, users.hr, I1, f.period.delar);
    expect(report).toMatchObject({ due: true, locked: false, canReport: true });
    expect(report.latest?.seq).toBe(1);
    const historyBefore = await getIndicatorHistory(db, users.hr, I1);
    const before = await countRows(db);

    const saved = await saveIndicatorValue(
      db,
      users.hr,
      valueInput({ indicatorId: I1, periodId: f.period.delar, baseSeq: report.latest!.seq, outcome: '1,86' }),
    );
    expect(saved.seq).toBe(2);
    expect(saved.value).toMatchObject({ outcome: 1.86, computedColour: 'green', shownColour: 'green' });

    const historyAfter = await getIndicatorHistory(db, users.hr, I1);
    expect(historyAfter.versions).toHaveLength(historyBefore.versions.length + 1);
    expect(historyAfter.versions[0]).toMatchObject({ seq: 2, outcome: 1.86, computedColour: 'green', authorName: 'Helena HR-chef' });
    expect(await countRows(db)).toEqual({ ...before, indicator_values: before.indicator_values + 1, audit_events: before.audit_events + 1 });

    const [stored] = await db
      .select()
      .from(s.indicatorValues)
      .where(and(eq(s.indicatorValues.indicatorId, I1), eq(s.indicatorValues.periodId, f.period.delar), eq(s.indicatorValues.seq, 2)));
    expect(stored).toMatchObject({ outcome: 1.86, computedColour: 'green', chosenColour: null, authorId: users.hr.id });
    expect(stored!.judgedAgainst).toMatchObject({ comparator: 'lt', value: 5 });

    const audit = await db
      .select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.action, 'indicator_value.save'), eq(s.auditEvents.entityId, I1)));
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorId: users.hr.id, entityType: 'indicator', organizationId: f.orgId });
    expect(audit[0]!.changes).toMatchObject({ periodId: f.period.delar, seq: 2, outcome: 1.86, colour: 'green' });

    const after = await getIndicatorReport(db, users.hr, I1, f.period.delar);
    expect(after.latest).toMatchObject({ seq: 2, outcome: 1.86, computedColour: 'green' });
  });

  it('(b) a save based on an older version is a ConflictError carrying the newer one, and writes nothing', async () => {
    const { db, users } = f;
    const I1 = f.indicator('KS-2024-M1-I1');
    const newest = await newestSeq(f, I1, f.period.delar);
    expect(newest).toBeGreaterThanOrEqual(2);
    for (const baseSeq of [newest - 1, 0]) {
      const error = await refusedWithoutWrites(db, () =>
        saveIndicatorValue(db, users.hr, valueInput({ indicatorId: I1, periodId: f.period.delar, baseSeq, outcome: '2,5' })),
      );
      expect(error).toBeInstanceOf(ConflictError);
      expect((error as ConflictError<{ seq: number; authorName: string; outcome: number }>).newer).toMatchObject({
        seq: newest,
        authorName: 'Helena HR-chef',
        outcome: 1.86,
      });
    }
    // A base ahead of the newest is no better.
    const ahead = await refusedWithoutWrites(db, () =>
      saveIndicatorValue(db, users.hr, valueInput({ indicatorId: I1, periodId: f.period.delar, baseSeq: newest + 1, outcome: '2,5' })),
    );
    expect(ahead).toBeInstanceOf(ConflictError);
  });

  it("(c) the AME-chef cannot save HR's indicator (a crafted input), nor can the viewer or the director", async () => {
    const { db, users } = f;
    const I1 = f.indicator('KS-2024-M1-I1');
    const baseSeq = await newestSeq(f, I1, f.period.delar);
    const input = valueInput({ indicatorId: I1, periodId: f.period.delar, baseSeq, outcome: '9,99', analysis: 'Försök.' });
    for (const user of [users.ame, users.viewer, users.director, users.naringsliv]) {
      const error = await refusedWithoutWrites(db, () => saveIndicatorValue(db, user, input));
      expect(error, user.email).toBeInstanceOf(ForbiddenError);
      expect((await getIndicatorReport(db, user, I1, f.period.delar)).canReport, user.email).toBe(false);
    }
    // Through the action: shown as "not found", never as a hint.
    const before = await countRows(db);
    const result = await runAction(saveIndicatorValueAction, users.ame, { ...input, baseSeq: String(baseSeq) }, db);
    expect(result).toMatchObject({ status: 'error', code: 'not_found' });
    expect(await countRows(db)).toEqual(before);
    // The AME-chef's own indicator is fine for them, and refused for the HR-chef.
    const M3 = f.indicator('KS-2024-M3-I1');
    expect((await getIndicatorReport(db, users.ame, M3, f.period.delar)).canReport).toBe(true);
    const hrOnAme = await refusedWithoutWrites(db, () =>
      saveIndicatorValue(
        db,
        users.hr,
        valueInput({ indicatorId: M3, periodId: f.period.delar, baseSeq: 1, outcome: '25' }),
      ),
    );
    expect(hrOnAme).toBeInstanceOf(ForbiddenError);
  });

  it('(d) a save into the closed period T1 2024 is refused whatever the input', async () => {
    const { db, users } = f;
    const I1 = f.indicator('KS-2024-M1-I1');
    const report = await getIndicatorReport(db, users.hr, I1, f.period.T1);
    expect(report).toMatchObject({ locked: true, canReport: false, latest: null });
    const inputs: IndicatorValueForm[] = [
      { indicatorId: I1, periodId: f.period.T1, baseSeq: 0, outcome: '1,86' },
      { indicatorId: I1, periodId: f.period.T1, baseSeq: 0, outcome: '7', analysis: 'Analys.' },
      { indicatorId: I1, periodId: f.period.T1, baseSeq: 0, outcome: '' },
      { indicatorId: I1, periodId: f.period.T1, baseSeq: 5, outcome: 'tio' },
      { indicatorId: I1, periodId: f.period.T1, baseSeq: 1, outcome: '1,86', chosenTrend: 'better', trendJustification: 'Pil.' },
    ];
    for (const user of [users.hr, users.admin]) {
      for (const fields of inputs) {
        const error = await refusedWithoutWrites(db, () => saveIndicatorValue(db, user, valueInput(fields)));
        expect(error, `${user.email} ${JSON.stringify(fields)}`).toBeInstanceOf(ForbiddenError);
      }
    }
    // A goal assessment and readiness in T1 are refused too.
    const M1 = f.goal('KS-2024-M1');
    expect((await getGoalAssessment(db, users.hr, M1, f.period.T1)).canReport).toBe(false);
    const goalError = await refusedWithoutWrites(db, () =>
      saveGoalAssessment(
        db,
        users.hr,
        goalInput({ goalId: M1, periodId: f.period.T1, baseSeq: 0, analysis: 'Analys.', forecastColour: 'green' }),
      ),
    );
    expect(goalError).toBeInstanceOf(ForbiddenError);
    const readyError = await refusedWithoutWrites(db, () =>
      setReadiness(db, users.hr, { unitId: f.unit('KS-KLF-HR'), periodId: f.period.T1, ready: true, baseSeq: 0 }),
    );
    expect(readyError).toBeInstanceOf(ForbiddenError);
  });

  it("(f) another organization's period is NotFoundError and writes nothing", async () => {
    const { db, users } = f;
    const [other] = await db.insert(s.organizations).values({ code: 'grannkommun', name: 'Grannkommunen' }).returning();
    const [otherPeriod] = await db
      .insert(s.periods)
      .values({ organizationId: other!.id, year: 2024, kind: 'delar', endDate: '2024-08-31', state: 'open' })
      .returning();
    const periodId = otherPeriod!.id;
    const I1 = f.indicator('KS-2024-M1-I1');

    for (const user of [users.hr, users.admin]) {
      const valueError = await refusedWithoutWrites(db, () =>
        saveIndicatorValue(db, user, valueInput({ indicatorId: I1, periodId, baseSeq: 0, outcome: '1,86' })),
      );
      expect(valueError).toBeInstanceOf(NotFoundError);
      const goalError = await refusedWithoutWrites(db, () =>
        saveGoalAssessment(
          db,
          user,
          goalInput({ goalId: f.goal('KS-2024-M1'), periodId, baseSeq: 0, analysis: 'A.', forecastColour: 'green' }),
        ),
      );
      expect(goalError).toBeInstanceOf(NotFoundError);
      const readyError = await refusedWithoutWrites(db, () =>
        setReadiness(db, user, { unitId: f.unit('KS-KLF-HR'), periodId, ready: true, baseSeq: 0 }),
      );
      expect(readyError).toBeInstanceOf(NotFoundError);
    }
    const reportError = await refusedWithoutWrites(db, () =>
      saveAssignmentReport(
        db,
        users.admin,
        reportInput({
          assignmentId: f.assignment('KS-U-STYRMODELL'),
          unitId: f.unit('KS-KLF'),
          periodId,
          baseSeq: 0,
          status: 'in_progress',
          body: 'Text.',
        }),
      ),
    );
    expect(reportError).toBeInstanceOf(NotFoundError);
    // An unknown id is not found either.
    const unknown = await refusedWithoutWrites(db, () =>
      saveIndicatorValue(
        db,
        users.hr,
        valueInput({ indicatorId: I1, periodId: '00000000-0000-4000-8000-000000000000', baseSeq: 0, outcome: '1' }),
      ),
    );
    expect(unknown).toBeInstanceOf(NotFoundError);
  });

  it('(g) text in the number and an analysis of 100 000 characters are refused; script tags are stored verbatim', async () => {
    const { db, users } = f;
    const I1 = f.indicator('KS-2024-M1-I1');
    const baseSeq = await newestSeq(f, I1, f.period.delar);

    for (const outcome of ['1,86 procent', 'ungefär 2', '1,8,6', '<script>alert(1)</script>']) {
      const error = await refusedWithoutWrites(db, () =>
        saveIndicatorValue(db, users.hr, valueInput({ indicatorId: I1, periodId: f.period.delar, baseSeq, outcome, analysis: 'A.' })),
      );
      expect(error).toBeInstanceOf(ValidationError);
      expect((error as ValidationError).fieldErrors).toEqual({ outcome: ['Ange ett tal, till exempel 1,86.'] });
    }
    // Red with no analysis is refused by the same rules on the server.
    const noAnalysis = await refusedWithoutWrites(db, () =>
      saveIndicatorValue(db, users.hr, valueInput({ indicatorId: I1, periodId: f.period.delar, baseSeq, outcome: '5,5' })),
    );
    expect((noAnalysis as ValidationError).fieldErrors).toHaveProperty('analysis');
    // A chosen colour without a justification is refused.
    const noJustification = await refusedWithoutWrites(db, () =>
      saveIndicatorValue(
        db,
        users.hr,
        valueInput({ indicatorId: I1, periodId: f.period.delar, baseSeq, outcome: '1,86', chosenColour: 'red', analysis: 'A.' }),
      ),
    );
    expect((noJustification as ValidationError).fieldErrors).toHaveProperty('colourJustification');

    const huge = { indicatorId: I1, periodId: f.period.delar, baseSeq: String(baseSeq), outcome: '1,86', analysis: 'a'.repeat(100_000) };
    expect(indicatorValueSchema.safeParse(huge).success).toBe(false);
    const before = await countRows(db);
    const result = await runAction(saveIndicatorValueAction, users.hr, huge, db);
    expect(result).toMatchObject({ status: 'error', code: 'invalid' });
    expect(result.status === 'error' && result.fieldErrors?.analysis?.[0]).toMatch(/^Analysen får vara högst 20\s000 tecken\.$/);
    const textInNumber = await runAction(saveIndicatorValueAction, users.hr, { ...huge, analysis: 'A.', outcome: 'två' }, db);
    expect(textInNumber).toMatchObject({ status: 'error', code: 'invalid', fieldErrors: { outcome: ['Ange ett tal, till exempel 1,86.'] } });
    expect(await countRows(db)).toEqual(before);

    // Markup in the analysis is kept as the text it is (it renders inert; see tests/unit/markdown.test.ts).
    const analysis = 'Ökad frånvaro. <script>alert(1)</script> <img src=x onerror=alert(1)> [länk](javascript:alert(1))';
    const saved = await saveIndicatorValue(
      db,
      users.hr,
      valueInput({ indicatorId: I1, periodId: f.period.delar, baseSeq, outcome: '5,5', analysis }),
    );
    expect(saved).toMatchObject({ seq: baseSeq + 1, value: { computedColour: 'red' } });
    const report = await getIndicatorReport(db, users.viewer, I1, f.period.delar);
    expect(report.latest).toMatchObject({ seq: baseSeq + 1, outcome: 5.5, computedColour: 'red', analysis });
  });

  it('(h) a goal assessment saves as a new version and conflicts on an older base', async () => {
    const { db, users } = f;
    const M1 = f.goal('KS-2024-M1');
    const current = await getGoalAssessment(db, users.hr, M1, f.period.delar);
    expect(current).toMatchObject({ needsForecast: true, locked: false, canReport: true, latest: null });
    const before = await countRows(db);
    const input = { goalId: M1, periodId: f.period.delar, analysis: 'Sjukfrånvaron ligger under målnivåerna.', forecastColour: 'green' as const };

    // The forecast is required at delår.
    const noForecast = await refusedWithoutWrites(db, () =>
      saveGoalAssessment(db, users.hr, goalInput({ ...input, forecastColour: '', baseSeq: 0 })),
    );
    expect((noForecast as ValidationError).fieldErrors).toHaveProperty('forecastColour');

    expect(await saveGoalAssessment(db, users.hr, goalInput({ ...input, baseSeq: 0 }))).toEqual({ seq: 1 });
    expect(await countRows(db)).toEqual({ ...before, goal_assessments: before.goal_assessments + 1, audit_events: before.audit_events + 1 });
    const saved = await getGoalAssessment(db, users.viewer, M1, f.period.delar);
    expect(saved.latest).toMatchObject({ seq: 1, forecastColour: 'green', authorName: 'Helena HR-chef', analysis: input.analysis });
    // Computed by the goal's rule (all) from the indicators' newest colours.
    expect(saved.latest!.computedColour).toBe(goalAttainment('all', current.indicators.map((i) => i.colour)));
    const [audit] = await db
      .select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.action, 'goal_assessment.save'), eq(s.auditEvents.entityId, M1)));
    expect(audit).toMatchObject({ actorId: users.hr.id, entityType: 'goal' });

    const conflict = await refusedWithoutWrites(db, () => saveGoalAssessment(db, users.hr, goalInput({ ...input, baseSeq: 0 })));
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError<{ seq: number; authorName: string }>).newer).toMatchObject({ seq: 1, authorName: 'Helena HR-chef' });
    expect(await saveGoalAssessment(db, users.hr, goalInput({ ...input, baseSeq: 1 }))).toEqual({ seq: 2 });

    // Someone else's goal.
    const other = await refusedWithoutWrites(db, () =>
      saveGoalAssessment(db, users.ame, goalInput({ ...input, baseSeq: 2 })),
    );
    expect(other).toBeInstanceOf(ForbiddenError);
  });

  it('(h) an assignment report saves as a new version and conflicts on an older base', async () => {
    const { db, users } = f;
    const assignmentId = f.assignment('KS-U-STYRMODELL');
    const unitId = f.unit('KS-KLF');
    const current = await getAssignmentReport(db, users.admin, assignmentId, unitId, f.period.delar);
    expect(current).toMatchObject({ locked: false, canReport: true });
    expect(current.latest?.seq).toBe(1);
    const before = await countRows(db);
    const input = { assignmentId, unitId, periodId: f.period.delar, status: 'in_progress' as const, body: 'Beslut om inriktning i oktober.' };

    expect(await saveAssignmentReport(db, users.admin, reportInput({ ...input, baseSeq: 1 }))).toEqual({ seq: 2 });
    expect(await countRows(db)).toEqual({
      ...before,
      assignment_reports: before.assignment_reports + 1,
      audit_events: before.audit_events + 1,
    });
    const saved = await getAssignmentReport(db, users.viewer, assignmentId, unitId, f.period.delar);
    expect(saved.latest).toMatchObject({ seq: 2, status: 'in_progress', body: input.body, heading: null, authorName: 'Sara Systemförvaltare' });
    expect(saved.assignment.status).toBe('in_progress');
    const audit = await db
      .select()
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.action, 'assignment_report.save'), eq(s.auditEvents.entityId, assignmentId)));
    expect(audit).toHaveLength(1);

    const conflict = await refusedWithoutWrites(db, () =>
      saveAssignmentReport(db, users.admin, reportInput({ ...input, status: 'done', baseSeq: 1 })),
    );
    expect(conflict).toBeInstanceOf(ConflictError);
    expect((conflict as ConflictError<{ seq: number; authorName: string; status: string }>).newer).toMatchObject({
      seq: 2,
      authorName: 'Sara Systemförvaltare',
      status: 'in_progress',
    });

    // The HR-chef's grant does not cover Kommunledningsförvaltningen.
    for (const user of [users.hr, users.viewer, users.director]) {
      const error = await refusedWithoutWrites(db, () => saveAssignmentReport(db, user, reportInput({ ...input, baseSeq: 2 })));
      expect(error, user.email).toBeInstanceOf(ForbiddenError);
    }
    // A unit that is not responsible for the assignment is not found.
    const notResponsible = await refusedWithoutWrites(db, () =>
      saveAssignmentReport(db, users.admin, reportInput({ ...input, unitId: f.unit('KS-KLF-HR'), baseSeq: 0 })),
    );
    expect(notResponsible).toBeInstanceOf(NotFoundError);

    // Cancelled with its reason.
    expect(
      await saveAssignmentReport(
        db,
        users.admin,
        reportInput({ ...input, status: 'cancelled', cancelReason: 'Ersatt av nytt uppdrag.', baseSeq: 2 }),
      ),
    ).toEqual({ seq: 3 });
    const cancelled = await getAssignmentReport(db, users.viewer, assignmentId, unitId, f.period.delar);
    expect(cancelled.latest).toMatchObject({ seq: 3, status: 'cancelled', cancelReason: 'Ersatt av nytt uppdrag.' });
  });

  it('(i) readiness: the HR-chef marks HR ready (seq 1), takes it back (seq 2); Min rapportering shows it', async () => {
    const { db, users } = f;
    const HR = f.unit('KS-KLF-HR');
    const roots = reportingRoots(users.hr, null);
    expect(roots).toEqual([HR]);
    const initial = await getMyReporting(db, users.hr, f.period.delar, roots);
    const missing = initial.items.filter((i) => !i.reported).length;
    expect(missing).toBeGreaterThan(0);
    expect(initial.readiness).toEqual([
      { unitId: HR, unitName: 'HR-avdelningen', ready: false, seq: 0, locked: false, canChange: true, missing, reason: null },
    ]);

    // Items are missing: a klarmarkering without a reason is refused with a field error, nothing written.
    for (const reason of [undefined, '', '   ']) {
      const refused = await refusedWithoutWrites(db, () =>
        setReadiness(db, users.hr, { unitId: HR, periodId: f.period.delar, ready: true, baseSeq: 0, reason }),
      );
      expect(refused).toBeInstanceOf(ValidationError);
      expect((refused as ValidationError).fieldErrors.reason?.[0]).toBe(
        `${missing === 1 ? '1 post saknar rapportering eller är återsänd' : `${missing} poster saknar rapportering eller är återsända`}. Skriv varför enheten ändå är klar, eller rapportera det som saknas först.`,
      );
    }
    // Through the action: the Swedish message on the reason field.
    const viaAction = await runAction(
      setReadinessAction,
      users.hr,
      { unitId: HR, periodId: f.period.delar, ready: 'true', baseSeq: '0', reason: '' },
      db,
    );
    expect(viaAction).toMatchObject({ status: 'error', fieldErrors: { reason: [expect.stringContaining('Skriv varför enheten ändå är klar')] } });

    expect(await setReadiness(db, users.hr, { unitId: HR, periodId: f.period.delar, ready: true, baseSeq: 0, reason: '  Resten rapporteras senare.  ' })).toEqual({ seq: 1 });
    expect((await getMyReporting(db, users.hr, f.period.delar, roots)).readiness[0]).toMatchObject({
      ready: true,
      seq: 1,
      reason: 'Resten rapporteras senare.',
    });
    const [stored] = await db
      .select({ comment: s.readinessEvents.comment })
      .from(s.readinessEvents)
      .where(and(eq(s.readinessEvents.unitId, HR), eq(s.readinessEvents.seq, 1)));
    expect(stored?.comment).toBe('Resten rapporteras senare.');
    // The reviewer sees the reason where readiness is shown: the attest list and Avvikelser.
    const approval = await getApprovalState(db, users.director, f.unit('KS'), f.period.delar);
    expect(approval.units.find((u) => u.id === HR)).toMatchObject({ ready: true, reason: 'Resten rapporteras senare.' });
    const deviations = await getDeviations(db, users.director, f.period.delar, null);
    const hrEntry = deviations.groups.flatMap((g) => g.entries).find((e) => e.kind === 'unit_not_ready' && e.itemId === HR);
    expect(hrEntry?.detail).toContain('Skäl: ”Resten rapporteras senare.”');

    const stale = await refusedWithoutWrites(db, () =>
      setReadiness(db, users.hr, { unitId: HR, periodId: f.period.delar, ready: false, baseSeq: 0 }),
    );
    expect(stale).toBeInstanceOf(ConflictError);
    for (const user of [users.ame, users.viewer, users.director]) {
      const error = await refusedWithoutWrites(db, () =>
        setReadiness(db, user, { unitId: HR, periodId: f.period.delar, ready: false, baseSeq: 1 }),
      );
      expect(error, user.email).toBeInstanceOf(ForbiddenError);
    }

    expect(await setReadiness(db, users.hr, { unitId: HR, periodId: f.period.delar, ready: false, baseSeq: 1 })).toEqual({ seq: 2 });
    const after = await getMyReporting(db, users.hr, f.period.delar, roots);
    expect(after.readiness).toEqual([
      { unitId: HR, unitName: 'HR-avdelningen', ready: false, seq: 2, locked: false, canChange: true, missing, reason: null },
    ]);
    const events = await db
      .select({ action: s.auditEvents.action })
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.entityType, 'unit'), eq(s.auditEvents.entityId, HR)))
      .orderBy(s.auditEvents.id);
    expect(events.map((e) => e.action)).toEqual(['readiness.mark', 'readiness.unmark']);
  });

  it('(i) two readiness changes on the same base at once: one is stored, the other conflicts showing the newer one', async () => {
    const { db, users } = f;
    const HR = f.unit('KS-KLF-HR');
    const roots = reportingRoots(users.hr, null);
    const { seq: baseSeq } = (await getMyReporting(db, users.hr, f.period.delar, roots)).readiness[0]!;
    const results = await Promise.allSettled(
      [true, true].map((ready) => setReadiness(db, users.hr, { unitId: HR, periodId: f.period.delar, ready, baseSeq, reason: 'Resten rapporteras senare.' })),
    );
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const [loser] = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(loser?.reason).toBeInstanceOf(ConflictError);
    // DESIGN.md: "the second gets a conflict showing the newer value" (as the indicator, goal and
    // assignment saves do, and as setReadiness itself does when the stale base is seen before the insert).
    expect((loser!.reason as ConflictError).newer).toEqual({ seq: baseSeq + 1, ready: true });
  });

  it('(j) Min rapportering: the HR-chef sees HR\'s indicators and goals with "reported" flags, missing first; the näringslivschef has none', async () => {
    const { db, users } = f;
    const mine = await getMyReporting(db, users.hr, f.period.delar, reportingRoots(users.hr, null));
    expect(mine.scopeUnitNames).toEqual(['HR-avdelningen']);
    const indicatorIds = ['KS-2024-M1-I1', 'KS-2024-M1-I2', 'KS-2024-M2-I1'].map(f.indicator);
    const goalIds = ['KS-2024-M1', 'KS-2024-M2'].map(f.goal);
    expect(mine.items.filter((i) => i.kind === 'indicator').map((i) => i.id).sort()).toEqual([...indicatorIds].sort());
    expect(mine.items.filter((i) => i.kind === 'goal').map((i) => i.id).sort()).toEqual([...goalIds].sort());
    expect(mine.items.filter((i) => i.kind === 'assignment')).toEqual([]);
    expect(mine.items.every((i) => i.unitName === 'HR-avdelningen' && i.canReport)).toBe(true);

    // "reported" is whether the item has a version in the period.
    const reportedValues = new Set(
      (await db.select({ id: s.indicatorValues.indicatorId }).from(s.indicatorValues).where(eq(s.indicatorValues.periodId, f.period.delar))).map(
        (r) => r.id,
      ),
    );
    const reportedGoals = new Set(
      (await db.select({ id: s.goalAssessments.goalId }).from(s.goalAssessments).where(eq(s.goalAssessments.periodId, f.period.delar))).map(
        (r) => r.id,
      ),
    );
    const writtenParts = new Set(
      (await db.select({ id: s.narrativeVersions.partId }).from(s.narrativeVersions).where(eq(s.narrativeVersions.periodId, f.period.delar))).map(
        (r) => r.id,
      ),
    );
    for (const item of mine.items) {
      const expected =
        item.kind === 'indicator' ? reportedValues.has(item.id) : item.kind === 'narrative' ? writtenParts.has(item.id) : reportedGoals.has(item.id);
      expect(item.reported, `${item.kind} ${item.title}`).toBe(expected);
    }
    // The demo has values for all three indicators; Mål 2 has not been assessed.
    expect(mine.items.filter((i) => i.kind === 'indicator').every((i) => i.reported)).toBe(true);
    const m2 = mine.items.find((i) => i.id === f.goal('KS-2024-M2'))!;
    expect(m2).toMatchObject({ reported: false, colour: null, title: expect.stringMatching(/^Kommunstyrelsens mål 2: /) });
    // Missing first.
    const flags = mine.items.map((i) => i.reported);
    expect(flags).toEqual([...flags].sort((x, y) => Number(x) - Number(y)));
    expect(mine.items[0]!.reported).toBe(false);
    expect(mine.reportedCount).toBe(flags.filter(Boolean).length);
    // The newest version's colour (the red 5,5 saved in (g) on Mål 1's first indicator).
    expect(mine.items.find((i) => i.id === f.indicator('KS-2024-M1-I1'))).toMatchObject({ colour: 'red' });

    const none = await getMyReporting(db, users.naringsliv, f.period.delar, reportingRoots(users.naringsliv, null));
    // Nothing in Mål och uppdrag; the unit writes its three parts of the Översikt (issue 15), already written in the demo.
    expect(none.items.map((i) => [i.kind, i.title, i.reported])).toEqual([
      ['narrative', 'Näringslivsfrågor', true],
      ['narrative', 'Turistverksamhet', true],
      ['narrative', 'Kommunikation', true],
    ]);
    expect(none.reportedCount).toBe(3);
    expect(none.scopeUnitNames).toEqual(['Näringsliv och kommunikation']);
  });

  it('(k) the trend compares with last year through the `continues` link: 2,10 in delår 2023 → 1,86 is better', async () => {
    const { db, users, orgId } = f;
    const KS = f.unit('KS');
    const HR = f.unit('KS-KLF-HR');
    const I1 = f.indicator('KS-2024-M1-I1');
    const [mo1] = await db
      .select({ id: s.focusAreas.id })
      .from(s.focusAreas)
      .where(and(eq(s.focusAreas.organizationId, orgId), eq(s.focusAreas.code, 'MO1')));

    // Last year: a 2023 plan with the same goal and indicator, a closed delår 2023 with 2,10.
    const [plan2023] = await db.insert(s.plans).values({ organizationId: orgId, code: 'KS-2023', boardId: KS, year: 2023 }).returning();
    const [goal2023] = await db
      .insert(s.boardGoals)
      .values({
        organizationId: orgId,
        code: 'KS-2023-M1',
        planId: plan2023!.id,
        focusAreaId: mo1!.id,
        number: 1,
        text: 'Sjukskrivningstalen ska vara under 5 procent.',
        rule: 'all',
      })
      .returning();
    await db.insert(s.boardGoalUnits).values({ organizationId: orgId, boardGoalId: goal2023!.id, unitId: HR });
    const [indicator2023] = await db
      .insert(s.indicators)
      .values({
        organizationId: orgId,
        code: 'KS-2023-M1-I1',
        goalId: goal2023!.id,
        name: 'Sjukfrånvaro exkl. AME, procent',
        unitOfMeasure: 'procent',
        decimals: 2,
        comparator: 'lt',
        targetValue: 5,
        targetLabel: 'Lägre än 5,00',
        responsibleUnitId: HR,
      })
      .returning();
    const [delar2023] = await db
      .insert(s.periods)
      .values({ organizationId: orgId, year: 2023, kind: 'delar', endDate: '2023-08-31', state: 'closed' })
      .returning();
    await db.insert(s.indicatorValues).values({
      organizationId: orgId,
      indicatorId: indicator2023!.id,
      periodId: delar2023!.id,
      seq: 1,
      outcome: 2.1,
      computedColour: 'green',
      judgedAgainst: { comparator: 'lt', value: 5, low: null, high: null, direction: null, tolerance: null, previous: null },
      authorId: users.admin.id,
    });
    // Indicators are structural: linking this year's to last year's is an update.
    await db.update(s.indicators).set({ continuesId: indicator2023!.id }).where(and(eq(s.indicators.organizationId, orgId), eq(s.indicators.id, I1)));

    const report = await getIndicatorReport(db, users.hr, I1, f.period.delar);
    expect(report.lastYear).toMatchObject({ label: 'Delår 2023', outcome: 2.1, colour: 'green' });
    expect(report.earlier).toMatchObject({ label: 'Delår 2023', outcome: 2.1 });

    const saved = await saveIndicatorValue(
      db,
      users.hr,
      // A chosen arrow is ignored where there is something to compare with.
      valueInput({ indicatorId: I1, periodId: f.period.delar, baseSeq: report.latest!.seq, outcome: '1,86', chosenTrend: 'worse' }),
    );
    expect(saved.value).toMatchObject({ computedColour: 'green', computedTrend: 'better', chosenTrend: null, shownTrend: 'better' });

    const after = await getIndicatorReport(db, users.viewer, I1, f.period.delar);
    expect(after.lastYear?.outcome).toBe(2.1);
    expect(after.latest).toMatchObject({ seq: saved.seq, outcome: 1.86, computedTrend: 'better', chosenTrend: null });
    const [stored] = await db
      .select({ judgedAgainst: s.indicatorValues.judgedAgainst })
      .from(s.indicatorValues)
      .where(and(eq(s.indicatorValues.indicatorId, I1), eq(s.indicatorValues.periodId, f.period.delar)))
      .orderBy(desc(s.indicatorValues.seq))
      .limit(1);
    expect(stored!.judgedAgainst).toMatchObject({ comparator: 'lt', value: 5, previous: 2.1 });

    // The history runs across the years.
    const history = await getIndicatorHistory(db, users.viewer, I1);
    expect(history.versions.at(-1)).toMatchObject({ periodLabel: 'Delår 2023', outcome: 2.1 });
  });
});

// ---------------------------------------------------------------- an approved period, on its own database

describe.each(engines)('an approved board period on $name', (engine) => {
  let f: Fixture;

  beforeAll(async () => {
    f = await openDemo(() => engine.open());
    // The director approved Kommunstyrelsen's delår 2024.
    await f.db.insert(s.approvals).values({
      organizationId: f.orgId,
      boardId: f.unit('KS'),
      periodId: f.period.delar,
      seq: 1,
      action: 'approved',
      authorId: f.users.admin.id,
    });
  });

  afterAll(async () => {
    await f?.database.close();
  });

  it('(e) locks every save for Kommunstyrelsen\'s items: values, goal assessments, assignment reports, readiness', async () => {
    const { db, users } = f;
    const I1 = f.indicator('KS-2024-M1-I1');
    const report = await getIndicatorReport(db, users.hr, I1, f.period.delar);
    expect(report).toMatchObject({ locked: true, canReport: false });
    expect((await getIndicatorReport(db, users.admin, I1, f.period.delar)).canReport).toBe(false);
    const baseSeq = report.latest!.seq;

    for (const user of [users.hr, users.admin]) {
      const value = await refusedWithoutWrites(db, () =>
        saveIndicatorValue(db, user, valueInput({ indicatorId: I1, periodId: f.period.delar, baseSeq, outcome: '1,86' })),
      );
      expect(value, user.email).toBeInstanceOf(ForbiddenError);

      const goal = await refusedWithoutWrites(db, () =>
        saveGoalAssessment(
          db,
          user,
          goalInput({ goalId: f.goal('KS-2024-M1'), periodId: f.period.delar, baseSeq: 0, analysis: 'A.', forecastColour: 'green' }),
        ),
      );
      expect(goal, user.email).toBeInstanceOf(ForbiddenError);

      const readiness = await refusedWithoutWrites(db, () =>
        setReadiness(db, user, { unitId: f.unit('KS-KLF-HR'), periodId: f.period.delar, ready: true, baseSeq: 0 }),
      );
      expect(readiness, user.email).toBeInstanceOf(ForbiddenError);
    }
    const assignmentId = f.assignment('KS-U-STYRMODELL');
    const unitId = f.unit('KS-KLF');
    expect(await getAssignmentReport(db, users.admin, assignmentId, unitId, f.period.delar)).toMatchObject({
      locked: true,
      canReport: false,
    });
    const assignment = await refusedWithoutWrites(db, () =>
      saveAssignmentReport(
        db,
        users.admin,
        reportInput({ assignmentId, unitId, periodId: f.period.delar, baseSeq: 1, status: 'done', body: 'Klart.' }),
      ),
    );
    expect(assignment).toBeInstanceOf(ForbiddenError);
    // Kommunstyrelsen's own unit reporting on the joint assignment is locked too.
    const joint = await refusedWithoutWrites(db, () =>
      saveAssignmentReport(
        db,
        users.admin,
        reportInput({
          assignmentId: f.assignment('KF-U-SOCIAL-OMSORG'),
          unitId: f.unit('KS'),
          periodId: f.period.delar,
          baseSeq: 0,
          status: 'in_progress',
          body: 'Text.',
        }),
      ),
    );
    expect(joint).toBeInstanceOf(ForbiddenError);

    const goal = await getGoalAssessment(db, users.hr, f.goal('KS-2024-M1'), f.period.delar);
    expect(goal).toMatchObject({ locked: true, canReport: false });
    const mine = await getMyReporting(db, users.hr, f.period.delar, reportingRoots(users.hr, null));
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((i) => !i.canReport)).toBe(true);
    expect(mine.readiness).toMatchObject([{ locked: true, canChange: false }]);
  });

  it("leaves another board's items open: Socialnämnden's report on the joint assignment", async () => {
    const { db, users } = f;
    const assignmentId = f.assignment('KF-U-SOCIAL-OMSORG');
    const unitId = f.unit('SN');
    const current = await getAssignmentReport(db, users.admin, assignmentId, unitId, f.period.delar);
    expect(current).toMatchObject({ locked: false, canReport: true });
    expect(
      await saveAssignmentReport(
        db,
        users.admin,
        reportInput({ assignmentId, unitId, periodId: f.period.delar, baseSeq: current.latest!.seq, status: 'in_progress', body: 'Pågår.' }),
      ),
    ).toEqual({ seq: current.latest!.seq + 1 });
  });

  it('opens again after a reopening row (the newest approval row decides)', async () => {
    const { db, users } = f;
    await db.insert(s.approvals).values({
      organizationId: f.orgId,
      boardId: f.unit('KS'),
      periodId: f.period.delar,
      seq: 2,
      action: 'reopened',
      reason: 'Rättelse av ett mått.',
      authorId: users.admin.id,
    });
    const I1 = f.indicator('KS-2024-M1-I1');
    const report = await getIndicatorReport(db, users.hr, I1, f.period.delar);
    expect(report).toMatchObject({ locked: false, canReport: true });
    expect(
      await saveIndicatorValue(
        db,
        users.hr,
        valueInput({ indicatorId: I1, periodId: f.period.delar, baseSeq: report.latest!.seq, outcome: '1,86' }),
      ),
    ).toMatchObject({ seq: report.latest!.seq + 1 });
  });
});
