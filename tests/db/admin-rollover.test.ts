// The year rollover on each engine: KS-2024 becomes KS-2025 with copies of its goals and
// indicators (continues links to 2024), no history, the same assignments, and the texts of
// delår 2024 as version 1 in delår 2025 when that period exists. A refused rollover
// (twice, archived source, a code in use, a non-admin) writes nothing.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq, inArray, is, sql } from 'drizzle-orm';
import { PgTable } from 'drizzle-orm/pg-core';
import type { Database, Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { applyRollover, nextYearCode, previewRollover } from '@/db/admin/rollover';
import { getAssignmentMonitor } from '@/db/assignment-monitor';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

/** Row counts of every table: what a refused rollover must not change. */
async function fingerprint(db: Db): Promise<string> {
  const tables = (Object.values(s) as unknown[]).filter((value): value is PgTable => is(value, PgTable));
  const counts = await Promise.all(
    tables.map(async (table) => {
      const [row] = (await db.select({ n: sql<number>`count(*)::int` }).from(table)) as [{ n: number }];
      return row.n;
    }),
  );
  return JSON.stringify(counts);
}

const GOAL_CODES = ['KS-2025-M1', 'KS-2025-M2', 'KS-2025-M3', 'KS-2025-M4'];

describe.each(engines)('year rollover on $name', (engine) => {
  let database: Database;
  let db: Db;
  let admin: CurrentUser, director: CurrentUser, hr: CurrentUser, otherAdmin: CurrentUser;
  let ksPlan: string, ksBoard: string, org: string, focusArea: string;

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((d) => loadDemoIfEmpty(d, askersund, DEMO_PASSWORD).then(() => undefined));
    db = database.db;
    [admin, director, hr] = (await Promise.all(
      [DEMO_EMAILS.admin, DEMO_EMAILS.director, DEMO_EMAILS.hr].map((e) => demoUser(db, e)),
    )) as [CurrentUser, CurrentUser, CurrentUser];
    org = admin.organizationId;
    ksPlan = (await db.select().from(s.plans).where(eq(s.plans.code, 'KS-2024')))[0]!.id;
    ksBoard = (await db.select().from(s.units).where(eq(s.units.code, 'KS')))[0]!.id;
    focusArea = (await db.select().from(s.focusAreas).where(eq(s.focusAreas.code, 'MO1')))[0]!.id;

    const [other] = await db.insert(s.organizations).values({ code: 'annan', name: 'Annan kommun' }).returning();
    const [otherUser] = await db
      .insert(s.users)
      .values({ organizationId: other!.id, email: 'admin@annan.example', name: 'Annan Admin' })
      .returning();
    await db.insert(s.roleGrants).values({ organizationId: other!.id, userId: otherUser!.id, role: 'admin' });
    otherAdmin = await demoUser(db, 'admin@annan.example');
  });
  afterAll(async () => {
    await database?.close();
  });

  /** A board of its own with a plan for `year` and one goal (with `goalCode`). */
  async function fixturePlan(code: string, year: number, goalCode: string, archived = false) {
    const [board] = await db
      .insert(s.units)
      .values({ organizationId: org, code: `B-${code}`, kind: 'board', name: `Nämnd ${code}` })
      .returning();
    const [plan] = await db
      .insert(s.plans)
      .values({ organizationId: org, code, boardId: board!.id, year, archivedAt: archived ? new Date() : null })
      .returning();
    await db.insert(s.boardGoals).values({
      organizationId: org,
      code: goalCode,
      planId: plan!.id,
      focusAreaId: focusArea,
      number: 1,
      text: 'Ett mål',
      rule: 'all',
    });
    return plan!.id;
  }

  it('derives the codes by replacing the year, or by appending the next one', () => {
    expect(nextYearCode('KS-2024', 2024)).toBe('KS-2025');
    expect(nextYearCode('KS-2024-M1-I1', 2024)).toBe('KS-2025-M1-I1');
    expect(nextYearCode('KS-12024', 2024)).toBe('KS-12024-2025');
    expect(nextYearCode('SN', 2024)).toBe('SN-2025');
  });

  it('previews KS-2024: the plan, 4 goals and 6 indicators with new codes, and no texts without a 2025 period', async () => {
    const preview = await previewRollover(db, admin, { planId: ksPlan });
    expect(preview.source).toMatchObject({ code: 'KS-2024', year: 2024, boardName: 'Kommunstyrelsen' });
    expect(preview.target).toEqual({ code: 'KS-2025', year: 2025 });
    expect(preview.blockers).toEqual([]);
    expect(preview.goals.map((g) => g.code)).toEqual(GOAL_CODES);
    expect(preview.goals[0]).toMatchObject({ sourceCode: 'KS-2024-M1', number: 1 });
    expect(preview.indicators).toHaveLength(6);
    expect(preview.indicators.map((i) => i.code)).toContain('KS-2025-M1-I1');
    expect(preview.indicators.every((i) => i.code === nextYearCode(i.sourceCode, 2024) && i.code.startsWith(`${i.goalCode}-`))).toBe(true);
    expect(preview.texts.fromPeriod?.label).toBe('Delår 2024');
    expect(preview.texts.toPeriod).toBeNull();
    expect(preview.texts.blocks).toEqual([]);
    expect(preview.texts.note).toContain('Det finns ingen period delår 2025');
  });

  it('refuses non-admins and another organization, and writes nothing', async () => {
    const before = await fingerprint(db);
    for (const user of [director, hr]) {
      await expect(previewRollover(db, user, { planId: ksPlan })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(applyRollover(db, user, { planId: ksPlan })).rejects.toBeInstanceOf(ForbiddenError);
    }
    await expect(previewRollover(db, otherAdmin, { planId: ksPlan })).rejects.toBeInstanceOf(NotFoundError);
    await expect(applyRollover(db, otherAdmin, { planId: ksPlan })).rejects.toBeInstanceOf(NotFoundError);
    expect(await fingerprint(db)).toBe(before);
  });

  it('refuses an archived source plan and a copied code in use, writing nothing', async () => {
    const archived = await fixturePlan('ARK-2030', 2030, 'ARK-2030-M1', true);
    const clash = await fixturePlan('KOL-2030', 2030, 'KOL-2030-M1');
    await fixturePlan('ANNAN-2031', 2031, 'KOL-2031-M1'); // takes the code the copy would use
    const before = await fingerprint(db);

    expect((await previewRollover(db, admin, { planId: archived })).blockers[0]).toContain('är arkiverad');
    await expect(applyRollover(db, admin, { planId: archived })).rejects.toBeInstanceOf(ValidationError);
    expect((await previewRollover(db, admin, { planId: clash })).blockers).toEqual(['Koderna används redan: KOL-2031-M1.']);
    await expect(applyRollover(db, admin, { planId: clash })).rejects.toThrow(/KOL-2031-M1/);
    expect(await fingerprint(db)).toBe(before);
  });

  it('without a period of the new year, creates the plan and copies no texts', async () => {
    const planId = await fixturePlan('UTAN-2030', 2030, 'UTAN-2030-M1');
    const [period] = await db
      .insert(s.periods)
      .values({ organizationId: org, year: 2030, kind: 'helar', endDate: '2030-12-31', state: 'open' })
      .returning();
    const [block] = await db
      .insert(s.textBlocks)
      .values({ organizationId: org, planId, periodId: period!.id, slot: 'goals_intro' })
      .returning();
    await db.insert(s.textBlockVersions).values({ organizationId: org, textBlockId: block!.id, seq: 1, body: 'Inledning', authorId: admin.id });

    const result = await applyRollover(db, admin, { planId });
    expect(result).toMatchObject({ code: 'UTAN-2031', year: 2031, goals: 1, indicators: 0, textBlocks: 0 });
    expect(await db.select().from(s.textBlocks).where(eq(s.textBlocks.planId, result.planId))).toEqual([]);
  });

  describe('KS-2024 with a delår 2025 period', () => {
    let delar2025: string;
    let countsBefore: { values: number; assessments: number; reports: number; assignments: number; readiness: number };
    const count = async (table: PgTable) =>
      ((await db.select({ n: sql<number>`count(*)::int` }).from(table)) as [{ n: number }])[0].n;

    beforeAll(async () => {
      const [period] = await db
        .insert(s.periods)
        .values({ organizationId: org, year: 2025, kind: 'delar', endDate: '2025-08-31', state: 'draft' })
        .returning();
      delar2025 = period!.id;
      countsBefore = {
        values: await count(s.indicatorValues),
        assessments: await count(s.goalAssessments),
        reports: await count(s.assignmentReports),
        assignments: await count(s.assignments),
        readiness: await count(s.readinessEvents),
      };
    });

    it('previews the texts of delår 2024 going to delår 2025', async () => {
      const preview = await previewRollover(db, admin, { planId: ksPlan });
      expect(preview.texts.toPeriod).toEqual({ id: delar2025, label: 'Delår 2025' });
      expect(preview.texts.blocks.map((b) => b.label)).toEqual([
        'Inledning till Mål och uppdrag',
        'Kommentar för målområde 3 Tillväxt och demografi',
        'Övergripande perspektiv',
        'Inledning till uppföljning av nämndens uppdrag',
      ]);
    });

    it('creates KS-2025 with goals and indicators continuing 2024, and no history', async () => {
      const result = await applyRollover(db, admin, { planId: ksPlan });
      expect(result).toMatchObject({ code: 'KS-2025', year: 2025, goals: 4, indicators: 6, textBlocks: 4 });

      const [plan] = await db.select().from(s.plans).where(eq(s.plans.id, result.planId));
      expect(plan).toMatchObject({ code: 'KS-2025', year: 2025, boardId: ksBoard, archivedAt: null });

      const oldGoals = await db.select().from(s.boardGoals).where(eq(s.boardGoals.planId, ksPlan)).orderBy(asc(s.boardGoals.number));
      const newGoals = await db.select().from(s.boardGoals).where(eq(s.boardGoals.planId, result.planId)).orderBy(asc(s.boardGoals.number));
      expect(newGoals.map((g) => g.code)).toEqual(GOAL_CODES);
      newGoals.forEach((g, i) => {
        const old = oldGoals[i]!;
        expect(g.continuesId).toBe(old.id);
        expect({ ...g, id: 0, code: 0, planId: 0, continuesId: 0, createdAt: 0 }).toEqual({ ...old, id: 0, code: 0, planId: 0, continuesId: 0, createdAt: 0 });
      });
      const links = async (ids: string[]) => ({
        bearings: (
          await db.select().from(s.boardGoalCouncilGoals).where(inArray(s.boardGoalCouncilGoals.boardGoalId, ids))
        ).map((b) => `${ids.indexOf(b.boardGoalId)}:${b.councilGoalId}`).sort(),
        units: (await db.select().from(s.boardGoalUnits).where(inArray(s.boardGoalUnits.boardGoalId, ids)))
          .map((u) => `${ids.indexOf(u.boardGoalId)}:${u.unitId}:${u.position}`)
          .sort(),
      });
      const oldLinks = await links(oldGoals.map((g) => g.id));
      expect(oldLinks.bearings.length).toBeGreaterThan(0);
      expect(await links(newGoals.map((g) => g.id))).toEqual(oldLinks);

      const newIndicators = await db.select().from(s.indicators).where(inArray(s.indicators.goalId, newGoals.map((g) => g.id)));
      expect(newIndicators).toHaveLength(6);
      const [oldI1] = await db.select().from(s.indicators).where(eq(s.indicators.code, 'KS-2024-M1-I1'));
      const newI1 = newIndicators.find((i) => i.code === 'KS-2025-M1-I1')!;
      expect(newI1.continuesId).toBe(oldI1!.id);
      expect(newI1.goalId).toBe(newGoals[0]!.id);
      const strip = (i: typeof oldI1) => ({ ...i, id: 0, code: 0, goalId: 0, continuesId: 0, createdAt: 0 });
      expect(strip(newI1)).toEqual(strip(oldI1!));
      for (const i of newIndicators) {
        const [old] = await db.select().from(s.indicators).where(eq(s.indicators.id, i.continuesId!));
        expect(i.code).toBe(nextYearCode(old!.code, 2024));
        expect(strip(i)).toEqual(strip(old!));
      }

      // No values, assessments, reports or readiness copied; 2024's values untouched.
      expect(await count(s.indicatorValues)).toBe(countsBefore.values);
      expect(await count(s.goalAssessments)).toBe(countsBefore.assessments);
      expect(await count(s.assignmentReports)).toBe(countsBefore.reports);
      expect(await count(s.readinessEvents)).toBe(countsBefore.readiness);
      expect((await db.select().from(s.indicatorValues).where(eq(s.indicatorValues.indicatorId, oldI1!.id))).length).toBeGreaterThan(0);
      expect(await db.select().from(s.indicatorValues).where(inArray(s.indicatorValues.indicatorId, newIndicators.map((i) => i.id)))).toEqual([]);
    });

    it('copies the texts of delår 2024 as version 1 in delår 2025', async () => {
      const [plan] = await db.select().from(s.plans).where(eq(s.plans.code, 'KS-2025'));
      const [delar2024] = await db.select().from(s.periods).where(and(eq(s.periods.year, 2024), eq(s.periods.kind, 'delar')));
      const texts = async (planId: string, periodId: string) =>
        (
          await db
            .select({ slot: s.textBlocks.slot, focusAreaId: s.textBlocks.focusAreaId, seq: s.textBlockVersions.seq, heading: s.textBlockVersions.heading, body: s.textBlockVersions.body })
            .from(s.textBlockVersions)
            .innerJoin(s.textBlocks, eq(s.textBlocks.id, s.textBlockVersions.textBlockId))
            .where(and(eq(s.textBlocks.planId, planId), eq(s.textBlocks.periodId, periodId)))
        ).sort((a, b) => a.slot.localeCompare(b.slot));
      const copied = await texts(plan!.id, delar2025);
      expect(copied).toHaveLength(4);
      expect(copied.every((t) => t.seq === 1)).toBe(true);
      expect(copied).toEqual(await texts(ksPlan, delar2024!.id));
    });

    it('does not copy assignments; the unfinished ones stay in the monitor for 2025', async () => {
      expect(await count(s.assignments)).toBe(countsBefore.assignments);
      const monitor = await getAssignmentMonitor(db, director, delar2025, { today: '2025-06-01' });
      const unfinished = (await getAssignmentMonitor(db, director, (await db.select().from(s.periods).where(and(eq(s.periods.year, 2024), eq(s.periods.kind, 'delar'))))[0]!.id))
        .rows.filter((r) => r.status !== 'done' && r.status !== 'cancelled');
      expect(unfinished.length).toBeGreaterThan(0);
      const shown = monitor.rows.map((r) => r.id);
      expect(unfinished.every((r) => shown.includes(r.id))).toBe(true);
      expect(monitor.rows.some((r) => r.issuer === 'council')).toBe(true);
      expect(monitor.rows.some((r) => r.issuer === 'board')).toBe(true);
    });

    it('records the rollover in the audit log', async () => {
      const [event] = await db.select().from(s.auditEvents).where(eq(s.auditEvents.action, 'plan.rollover')).orderBy(sql`${s.auditEvents.id} desc`);
      const [plan] = await db.select().from(s.plans).where(eq(s.plans.code, 'KS-2025'));
      expect(event).toMatchObject({ actorId: admin.id, entityType: 'plan', entityId: plan!.id });
      expect(event!.changes).toMatchObject({
        from: { code: 'KS-2024', year: 2024 },
        to: { code: 'KS-2025', year: 2025 },
        counts: { goals: 4, indicators: 6, textBlocks: 4 },
      });
    });

    it('refuses a second rollover and writes nothing', async () => {
      const before = await fingerprint(db);
      const preview = await previewRollover(db, admin, { planId: ksPlan });
      expect(preview.blockers[0]).toBe('Kommunstyrelsen har redan en verksamhetsplan för 2025 (KS-2025).');
      await expect(applyRollover(db, admin, { planId: ksPlan })).rejects.toBeInstanceOf(ValidationError);
      expect(await fingerprint(db)).toBe(before);
    });
  });

});
