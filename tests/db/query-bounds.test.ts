// The overview, Avvikelser, the assignment monitor and Min rapportering run a bounded
// number of SQL queries whatever the number of goals or assignments: counted on the demo
// and on a generated data set ten times its size, the counts are the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database, type Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { getOverview } from '@/db/queries/overview';
import { getDeviations } from '@/db/deviations';
import { getAssignmentMonitor } from '@/db/assignment-monitor';
import { getMyReporting } from '@/db/my-reporting';
import type { CurrentUser } from '@/lib/current-user';
import { demoUser, DEMO_EMAILS } from './demo-users';

/** Nine more copies of every goal (with indicators and values) and every assignment (with units and reports). */
async function multiplyByTen(db: Db) {
  const goals = await db.select().from(s.boardGoals);
  const indicators = await db.select().from(s.indicators);
  const values = await db.select().from(s.indicatorValues);
  const goalUnits = await db.select().from(s.boardGoalUnits);
  const assignments = await db.select().from(s.assignments);
  const assignmentUnits = await db.select().from(s.assignmentUnits);
  const reports = await db.select().from(s.assignmentReports);
  for (let copy = 1; copy <= 9; copy++) {
    for (const goal of goals) {
      const { id: _id, createdAt: _c, ...g } = goal;
      const [newGoal] = await db
        .insert(s.boardGoals)
        .values({ ...g, code: `${g.code}-x${copy}`, number: g.number + copy * 10 })
        .returning();
      const units = goalUnits.filter((u) => u.boardGoalId === goal.id);
      if (units.length) await db.insert(s.boardGoalUnits).values(units.map((u) => ({ ...u, boardGoalId: newGoal!.id })));
      for (const indicator of indicators.filter((i) => i.goalId === goal.id)) {
        const { id: _i, createdAt: _ic, ...ind } = indicator;
        const [newIndicator] = await db
          .insert(s.indicators)
          .values({ ...ind, code: `${ind.code}-x${copy}`, goalId: newGoal!.id })
          .returning();
        const rows = values.filter((v) => v.indicatorId === indicator.id).map(({ id: _v, createdAt: _vc, ...v }) => v);
        if (rows.length) await db.insert(s.indicatorValues).values(rows.map((v) => ({ ...v, indicatorId: newIndicator!.id })));
      }
    }
    for (const assignment of assignments) {
      const { id: _id, createdAt: _c, ...a } = assignment;
      const [newAssignment] = await db.insert(s.assignments).values({ ...a, code: `${a.code}-x${copy}` }).returning();
      const units = assignmentUnits.filter((u) => u.assignmentId === assignment.id);
      await db.insert(s.assignmentUnits).values(units.map((u) => ({ ...u, assignmentId: newAssignment!.id })));
      const rows = reports.filter((r) => r.assignmentId === assignment.id).map(({ id: _r, createdAt: _rc, ...r }) => r);
      if (rows.length) await db.insert(s.assignmentReports).values(rows.map((r) => ({ ...r, assignmentId: newAssignment!.id })));
    }
  }
}

// Multiplies the demo by ten and reads four pages before and after (7 s under load).
describe('a bounded number of queries per page', { timeout: 120_000 }, () => {
  let database: Database;
  let counting = false;
  let count = 0;
  let viewer: CurrentUser;
  let hr: CurrentUser;
  let periodId: string;
  let hrUnit: string;

  beforeAll(async () => {
    database = await openDatabase({
      dataDir: 'memory://',
      onQuery: () => {
        if (counting) count += 1;
      },
    });
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    viewer = await demoUser(database.db, DEMO_EMAILS.viewer);
    hr = await demoUser(database.db, DEMO_EMAILS.hr);
    const [period] = await database.db.select().from(s.periods).where(eq(s.periods.kind, 'delar'));
    periodId = period!.id;
    hrUnit = hr.grantUnits[0]!.id;
  });

  afterAll(async () => {
    await database?.close();
  });

  async function queriesOf(fn: () => Promise<unknown>): Promise<number> {
    count = 0;
    counting = true;
    try {
      await fn();
    } finally {
      counting = false;
    }
    return count;
  }

  const pages = () => ({
    overview: () => getOverview(database.db, viewer, periodId),
    deviations: () => getDeviations(database.db, viewer, periodId, null),
    monitor: () => getAssignmentMonitor(database.db, viewer, periodId),
    myReporting: () => getMyReporting(database.db, hr, periodId, [hrUnit]),
  });

  it('runs the same number of queries on ten times the demo', async () => {
    const before: Record<string, number> = {};
    for (const [name, fn] of Object.entries(pages())) before[name] = await queriesOf(fn);

    await multiplyByTen(database.db);
    expect(await database.db.select({ id: s.boardGoals.id }).from(s.boardGoals)).toHaveLength(40);
    expect(await database.db.select({ id: s.assignments.id }).from(s.assignments)).toHaveLength(70);

    const after: Record<string, number> = {};
    for (const [name, fn] of Object.entries(pages())) after[name] = await queriesOf(fn);
    expect(after).toEqual(before);
    // And the bound itself is small.
    for (const n of Object.values(after)) expect(n).toBeLessThan(40);
  });

  it('shows the multiplied data: ten times the goals in the overview', async () => {
    const overview = await getOverview(database.db, viewer, periodId);
    // Too many goals for one page: the whole kommun counts them in its rollups and lists none.
    expect(overview.focusAreas.reduce((n, a) => n + a.rollup.total, 0)).toBe(40);
    expect(overview.responsibility).toHaveLength(40);
    expect(overview.listed).toBe(false);
    expect(overview.focusAreas.flatMap((a) => a.assignments).length).toBeGreaterThanOrEqual(30);
  });
});
