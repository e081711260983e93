// Loads a demo data set (db/demo/askersund.ts) into an empty database, in one
// transaction. Values are judged by the same rules as every later save.
import { sql } from 'drizzle-orm';
import type { Db } from '../client';
import * as s from '../schema';
import type { DemoData } from './types';
import { evaluateTarget, type Target } from '@/lib/target';
import { computeTrend } from '@/lib/trend';
import { hashPassword } from '@/server/password';
import { FINANCE_SCHEMAS, FINANCE_TABLES } from '@/lib/finance-model';

const DEMO_REASON = 'Demodata: Kommunstyrelsens delårsbokslut 2024-08-31, Askersunds kommun';

/**
 * Loads `data` when the database holds no organization at all; returns whether it did.
 * Run it under the migration lock (Database.prepare) so two boots cannot both load.
 */
export async function loadDemoIfEmpty(db: Db, data: DemoData, password: string): Promise<boolean> {
  return db.transaction(async (tx) => {
    const [{ count }] = (await tx.select({ count: sql<number>`count(*)::int` }).from(s.organizations)) as [
      { count: number },
    ];
    if (count > 0) return false;
    await insertDemo(tx as unknown as Db, data, await hashPassword(password));
    return true;
  });
}

function must<T>(map: Map<string, T>, code: string, what: string): T {
  const value = map.get(code);
  if (value === undefined) throw new Error(`demo data: unknown ${what} code ${code}`);
  return value;
}

async function insertDemo(db: Db, data: DemoData, passwordHash: string): Promise<void> {
  const [org] = await db.insert(s.organizations).values(data.organization).returning({ id: s.organizations.id });
  if (data.municipalityCode) {
    await db.insert(s.koladaSettings).values({ organizationId: org!.id, municipalityCode: data.municipalityCode });
  }
  const organizationId = org!.id;

  const unitIds = new Map<string, string>();
  for (const [i, unit] of data.units.entries()) {
    const [row] = await db
      .insert(s.units)
      .values({
        organizationId,
        code: unit.code,
        kind: unit.kind,
        name: unit.name,
        parentId: unit.parent ? must(unitIds, unit.parent, 'unit') : null,
        sortOrder: i,
      })
      .returning({ id: s.units.id });
    unitIds.set(unit.code, row!.id);
  }

  let authorId: string | undefined;
  for (const user of data.users) {
    const [row] = await db
      .insert(s.users)
      .values({ organizationId, email: user.email.toLowerCase(), name: user.name, title: user.title, passwordHash })
      .returning({ id: s.users.id });
    const grants = user.units?.length
      ? user.units.map((code) => ({ organizationId, userId: row!.id, role: user.role, unitId: must(unitIds, code, 'unit') }))
      : [{ organizationId, userId: row!.id, role: user.role, unitId: null }];
    await db.insert(s.roleGrants).values(grants);
    if (user.role === 'admin') authorId ??= row!.id;
  }
  if (!authorId) throw new Error('demo data: needs an admin user to author its history');

  const periodIds = new Map<string, string>();
  for (const period of data.periods) {
    const [row] = await db
      .insert(s.periods)
      .values({ organizationId, ...period, deadline: period.deadline ?? null })
      .returning({ id: s.periods.id });
    periodIds.set(`${period.year}-${period.kind}`, row!.id);
  }
  const periodId = must(periodIds, `${data.reportingPeriod.year}-${data.reportingPeriod.kind}`, 'period');

  const focusAreaIds = new Map<string, string>();
  for (const [i, area] of data.focusAreas.entries()) {
    const [row] = await db
      .insert(s.focusAreas)
      .values({
        organizationId,
        code: area.code,
        number: area.number ?? null,
        name: area.name,
        parentId: area.parent ? must(focusAreaIds, area.parent, 'focus area') : null,
        sortOrder: i,
        validFrom: area.validFrom,
      })
      .returning({ id: s.focusAreas.id });
    focusAreaIds.set(area.code, row!.id);
  }

  const councilGoalIds = new Map<string, string>();
  for (const [i, goal] of data.councilGoals.entries()) {
    const [row] = await db
      .insert(s.councilGoals)
      .values({
        organizationId,
        code: goal.code,
        focusAreaId: must(focusAreaIds, goal.focusArea, 'focus area'),
        text: goal.text,
        phrase: goal.phrase ?? null,
        sortOrder: i,
        validFrom: goal.validFrom,
      })
      .returning({ id: s.councilGoals.id });
    councilGoalIds.set(goal.code, row!.id);
  }

  const [plan] = await db
    .insert(s.plans)
    .values({ organizationId, code: data.plan.code, boardId: must(unitIds, data.plan.board, 'unit'), year: data.plan.year })
    .returning({ id: s.plans.id });

  for (const [gi, goal] of data.goals.entries()) {
    const [goalRow] = await db
      .insert(s.boardGoals)
      .values({
        organizationId,
        code: goal.code,
        planId: plan!.id,
        focusAreaId: must(focusAreaIds, goal.focusArea, 'focus area'),
        number: goal.number,
        text: goal.text,
        methodText: goal.methodText ?? null,
        rule: goal.rule,
        reportYearRow: goal.yearRow ?? false,
        sortOrder: gi,
      })
      .returning({ id: s.boardGoals.id });
    const boardGoalId = goalRow!.id;
    if (goal.bearsOn.length) {
      await db.insert(s.boardGoalCouncilGoals).values(
        goal.bearsOn.map((code) => ({ organizationId, boardGoalId, councilGoalId: must(councilGoalIds, code, 'council goal') })),
      );
    }
    await db
      .insert(s.boardGoalUnits)
      .values(goal.units.map((code, position) => ({ organizationId, boardGoalId, unitId: must(unitIds, code, 'unit'), position })));

    for (const [ii, ind] of goal.indicators.entries()) {
      const [indRow] = await db
        .insert(s.indicators)
        .values({
          organizationId,
          code: ind.code,
          goalId: boardGoalId,
          name: ind.name,
          unitOfMeasure: ind.unitOfMeasure ?? null,
          decimals: ind.decimals,
          comparator: ind.comparator,
          targetValue: ind.targetValue ?? null,
          targetLow: ind.targetLow ?? null,
          targetHigh: ind.targetHigh ?? null,
          direction: ind.direction ?? null,
          targetLabel: ind.targetLabel,
          tolerance: ind.tolerance ?? null,
          trendTolerance: ind.trendTolerance ?? null,
          frequency: ind.frequency,
          yearlyPeriodKind: ind.yearlyPeriodKind ?? null,
          baselineValue: ind.baselineValue ?? null,
          baselineYear: ind.baselineYear ?? null,
          source: ind.source,
          sourceRef: ind.sourceRef ?? null,
          responsibleUnitId: must(unitIds, ind.responsibleUnit, 'unit'),
          sortOrder: ii,
        })
        .returning({ id: s.indicators.id });
      if (!ind.value) continue;
      const target: Target = {
        comparator: ind.comparator,
        value: ind.targetValue ?? null,
        low: ind.targetLow ?? null,
        high: ind.targetHigh ?? null,
        direction: ind.direction ?? null,
        tolerance: ind.tolerance ?? null,
      };
      // The demo holds no earlier period, so the only earlier value is the baseline.
      const previous = ind.baselineValue ?? null;
      const v = ind.value;
      await db.insert(s.indicatorValues).values({
        organizationId,
        indicatorId: indRow!.id,
        periodId,
        seq: 1,
        outcome: v.outcome,
        referenceNote: v.referenceNote ?? null,
        analysis: v.analysis ?? null,
        computedColour: evaluateTarget(target, v.outcome, previous),
        chosenColour: v.chosenColour ?? null,
        colourJustification: v.colourJustification ?? null,
        computedTrend: computeTrend(target, v.outcome, previous, ind.trendTolerance ?? null),
        chosenTrend: v.chosenTrend ?? null,
        trendJustification: v.trendJustification ?? null,
        judgedAgainst: { ...target, previous },
        authorId,
        reason: DEMO_REASON,
      });
    }
  }

  for (const [ai, a] of data.assignments.entries()) {
    const [row] = await db
      .insert(s.assignments)
      .values({
        organizationId,
        code: a.code,
        issuer: a.issuer,
        issuerBoardId: a.issuerBoard ? must(unitIds, a.issuerBoard, 'unit') : null,
        decisionDate: a.decisionDate ?? null,
        title: a.title,
        description: a.description ?? null,
        focusAreaId: a.focusArea ? must(focusAreaIds, a.focusArea, 'focus area') : null,
        groupLabel: a.groupLabel ?? null,
        sortOrder: ai,
      })
      .returning({ id: s.assignments.id });
    await db
      .insert(s.assignmentUnits)
      .values(a.units.map((code, position) => ({ organizationId, assignmentId: row!.id, unitId: must(unitIds, code, 'unit'), position })));
    for (const report of a.reports) {
      if (!a.units.includes(report.unit)) throw new Error(`demo data: ${a.code} is reported by ${report.unit}, not one of its units`);
      await db.insert(s.assignmentReports).values({
        organizationId,
        assignmentId: row!.id,
        unitId: must(unitIds, report.unit, 'unit'),
        periodId,
        seq: 1,
        status: report.status ?? null,
        heading: report.heading ?? null,
        body: report.body,
        authorId,
        reason: DEMO_REASON,
      });
    }
  }

  for (const block of data.textBlocks) {
    const [row] = await db
      .insert(s.textBlocks)
      .values({
        organizationId,
        planId: plan!.id,
        periodId,
        slot: block.slot,
        focusAreaId: block.focusArea ? must(focusAreaIds, block.focusArea, 'focus area') : null,
      })
      .returning({ id: s.textBlocks.id });
    await db.insert(s.textBlockVersions).values({
      organizationId,
      textBlockId: row!.id,
      seq: 1,
      heading: block.heading ?? null,
      body: block.body,
      authorId,
      reason: DEMO_REASON,
    });
  }

  for (const [i, chapter] of (data.chapters ?? []).entries()) {
    const [row] = await db
      .insert(s.reportChapters)
      .values({ organizationId, periodKind: data.reportingPeriod.kind, kind: chapter.kind, title: chapter.title, sortOrder: i })
      .returning({ id: s.reportChapters.id });
    for (const [j, part] of (chapter.parts ?? []).entries()) {
      const [p] = await db
        .insert(s.reportChapterParts)
        .values({ organizationId, chapterId: row!.id, heading: part.heading, unitId: must(unitIds, part.unit, 'unit'), sortOrder: j })
        .returning({ id: s.reportChapterParts.id });
      await db.insert(s.narrativeVersions).values({ organizationId, partId: p!.id, periodId, seq: 1, body: part.body, authorId, reason: DEMO_REASON });
    }
  }

  if (data.finance) {
    // issue 16: the seed's finance tables, verbatim (errors included), as version 1 of each.
    const boardId = must(unitIds, data.plan.board, 'unit');
    for (const table of FINANCE_TABLES) {
      const value = data.finance[table];
      if (!value) continue;
      await db.insert(s.financeVersions).values({
        organizationId,
        boardId,
        periodId,
        table,
        seq: 1,
        data: FINANCE_SCHEMAS[table].parse(value),
        authorId,
        reason: DEMO_REASON,
      });
    }
  }

  await db.insert(s.auditEvents).values({
    organizationId,
    actorId: null,
    action: 'demo.load',
    entityType: 'organization',
    entityId: organizationId,
    changes: { source: DEMO_REASON },
  });
}
