// Prepares the e2e server's data folder before the server starts: the demo, plus what
// the tests need beyond the seed (DESIGN.md: tests build their own fixtures) — last year's
// plan with sjukfrånvaro exkl. AME at 2,10 in delår 2023, continued by the 2024 indicator.
import { and, eq } from 'drizzle-orm';
import { openDatabase } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';

async function main() {
  const dataDir = process.argv[2];
  if (!dataDir) throw new Error('usage: e2e-fixtures.ts <data dir>');
  const database = await openDatabase({ dataDir });
  try {
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    const db = database.db;
    const one = async <T>(rows: Promise<T[]>) => (await rows)[0]!;
    const org = await one(db.select({ id: s.organizations.id }).from(s.organizations).where(eq(s.organizations.code, 'askersund')));
    const organizationId = org.id;
    const ks = await one(db.select().from(s.units).where(and(eq(s.units.organizationId, organizationId), eq(s.units.code, 'KS'))));
    const hr = await one(db.select().from(s.units).where(and(eq(s.units.organizationId, organizationId), eq(s.units.code, 'KS-KLF-HR'))));
    const admin = await one(db.select().from(s.users).where(eq(s.users.email, 'admin@askersund.example')));
    const current = await one(db.select().from(s.indicators).where(eq(s.indicators.code, 'KS-2024-M1-I1')));
    const goal2024 = await one(db.select().from(s.boardGoals).where(eq(s.boardGoals.code, 'KS-2024-M1')));

    // The målområden were valid in 2023 too.
    await db.update(s.focusAreas).set({ validFrom: 2023 }).where(eq(s.focusAreas.organizationId, organizationId));
    await db.update(s.councilGoals).set({ validFrom: 2023 }).where(eq(s.councilGoals.organizationId, organizationId));
    const [period] = await db
      .insert(s.periods)
      .values({ organizationId, year: 2023, kind: 'delar', endDate: '2023-08-31', state: 'closed' })
      .returning();
    const [plan] = await db.insert(s.plans).values({ organizationId, code: 'KS-2023', boardId: ks.id, year: 2023 }).returning();
    const [goal] = await db
      .insert(s.boardGoals)
      .values({
        organizationId,
        code: 'KS-2023-M1',
        planId: plan!.id,
        focusAreaId: goal2024.focusAreaId,
        number: 1,
        text: goal2024.text,
        rule: 'all',
      })
      .returning();
    const [indicator] = await db
      .insert(s.indicators)
      .values({
        organizationId,
        code: 'KS-2023-M1-I1',
        goalId: goal!.id,
        name: current.name,
        unitOfMeasure: current.unitOfMeasure,
        decimals: 2,
        comparator: 'lt',
        targetValue: 5,
        targetLabel: 'Lägre än 5,00',
        responsibleUnitId: hr.id,
      })
      .returning();
    const target = { comparator: 'lt', value: 5, low: null, high: null, direction: null, tolerance: null, previous: null };
    await db.insert(s.indicatorValues).values({
      organizationId,
      indicatorId: indicator!.id,
      periodId: period!.id,
      seq: 1,
      outcome: 2.1,
      computedColour: 'green',
      judgedAgainst: target,
      authorId: admin.id,
      reason: 'e2e-fixtur',
    });
    await db.update(s.indicators).set({ continuesId: indicator!.id }).where(eq(s.indicators.id, current.id));

    // An overdue assignment nobody has reported on.
    const klf = await one(db.select().from(s.units).where(and(eq(s.units.organizationId, organizationId), eq(s.units.code, 'KS-KLF'))));
    const [overdue] = await db
      .insert(s.assignments)
      .values({
        organizationId,
        code: 'E2E-FORSENAT',
        issuer: 'board',
        issuerBoardId: ks.id,
        title: 'Ta fram en plan för e-arkiv (testuppdrag)',
        dueDate: '2024-06-30',
        groupLabel: 'Andra pågående uppdrag',
        sortOrder: 99,
      })
      .returning();
    await db.insert(s.assignmentUnits).values({ organizationId, assignmentId: overdue!.id, unitId: klf.id });
    console.log('e2e fixtures: delår 2023 with sjukfrånvaro exkl. AME 2,10; an overdue unreported assignment');
  } finally {
    await database.close();
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
