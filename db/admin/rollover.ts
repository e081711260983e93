// The year rollover (årsskifte, admin only): a board's plan for year Y becomes the
// starting point of the same board's plan for Y + 1. The new plan gets a copy of every
// non-archived goal (with its KF-mål and responsible units) and every non-archived
// indicator under those goals, each with a `continues` link to the item it copies and a
// code with the year replaced (KS-2024-M1 → KS-2025-M1). The board's texts of the source
// plan's newest period are offered as version 1 of the same texts in the new year's
// period of the same kind, when that period exists. Nothing with history (values,
// assessments, reports, readiness) is copied; assignments live on across years as they are.
//
// previewRollover lists exactly what applyRollover writes, and why it would be refused;
// applyRollover re-plans inside its one transaction and refuses on any such reason.
import 'server-only';
import { and, asc, desc, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import * as s from '../schema';
import { recordAudit } from '../audit';
import { ValidationError, isUniqueViolation } from '@/lib/errors';
import { loadPeriodLock } from '../locks';
import { loadPlan } from './goals';
import type { CurrentUser } from '@/lib/current-user';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { periodLabel, type PeriodKind } from '@/lib/period';

export interface RolloverGoalDTO {
  sourceId: string;
  sourceCode: string;
  code: string;
  number: number;
  text: string;
}

export interface RolloverIndicatorDTO {
  sourceId: string;
  sourceCode: string;
  code: string;
  name: string;
  /** The new code of the goal it sits under. */
  goalCode: string;
}

export interface RolloverTextDTO {
  slot: (typeof s.textSlot.enumValues)[number];
  focusAreaId: string | null;
  /** "Inledning till Mål och uppdrag", "Kommentar för målområde 3 Tillväxt och demografi" */
  label: string;
}

export interface RolloverPreviewDTO {
  source: { id: string; code: string; year: number; boardId: string; boardName: string };
  target: { code: string; year: number };
  goals: RolloverGoalDTO[];
  indicators: RolloverIndicatorDTO[];
  texts: {
    /** The source plan's newest period with texts (null: the plan has no texts). */
    fromPeriod: { id: string; label: string } | null;
    /** The new year's period the texts go to (null: none, so no texts are copied). */
    toPeriod: { id: string; label: string } | null;
    blocks: RolloverTextDTO[];
    /** In Swedish: what happens to the texts. */
    note: string;
  };
  /** In Swedish: why the rollover would be refused (empty: it can be applied). */
  blockers: string[];
}

export interface RolloverResultDTO {
  planId: string;
  code: string;
  year: number;
  goals: number;
  indicators: number;
  textBlocks: number;
}

/** A code for the next year: the year replaced where it stands alone, else "-{next}" appended. */
export function nextYearCode(code: string, year: number): string {
  const pattern = new RegExp(`(?<!\\d)${year}(?!\\d)`, 'g');
  return pattern.test(code) ? code.replace(pattern, String(year + 1)) : `${code}-${year + 1}`;
}

const SLOT_LABELS = {
  goals_intro: 'Inledning till Mål och uppdrag',
  overall_perspective: 'Övergripande perspektiv',
  assignments_intro: 'Inledning till uppföljning av nämndens uppdrag',
} as const;
const SLOT_ORDER = ['goals_intro', 'focus_area_note', 'overall_perspective', 'assignments_intro'];

interface Plan {
  preview: RolloverPreviewDTO;
  goalRows: (typeof s.boardGoals.$inferSelect)[];
  indicatorRows: (typeof s.indicators.$inferSelect)[];
  bearings: { goalId: string; councilGoalId: string }[];
  goalUnits: { goalId: string; unitId: string; position: number }[];
  textVersions: { slot: RolloverTextDTO['slot']; focusAreaId: string | null; heading: string | null; body: string }[];
}

/** Reads the source plan and everything the rollover would write (a fixed number of queries). */
async function planRollover(db: Db, org: string, planId: string): Promise<Plan> {
  const source = await loadPlan(db, org, planId);
  const year = source.year + 1;
  const targetCode = nextYearCode(source.code, source.year);

  const goalRows = await db
    .select()
    .from(s.boardGoals)
    .where(and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.planId, source.id), isNull(s.boardGoals.archivedAt)))
    .orderBy(asc(s.boardGoals.sortOrder), asc(s.boardGoals.number));
  const goalIds = goalRows.map((g) => g.id);
  const goalCode = new Map(goalRows.map((g) => [g.id, nextYearCode(g.code, source.year)]));

  const [indicatorRows, bearings, goalUnits, existingTarget, textPeriods] = await Promise.all([
    goalIds.length
      ? db
          .select()
          .from(s.indicators)
          .where(and(eq(s.indicators.organizationId, org), inArray(s.indicators.goalId, goalIds), isNull(s.indicators.archivedAt)))
          .orderBy(asc(s.indicators.sortOrder), asc(s.indicators.code))
      : [],
    goalIds.length
      ? db
          .select({ goalId: s.boardGoalCouncilGoals.boardGoalId, councilGoalId: s.boardGoalCouncilGoals.councilGoalId })
          .from(s.boardGoalCouncilGoals)
          .where(and(eq(s.boardGoalCouncilGoals.organizationId, org), inArray(s.boardGoalCouncilGoals.boardGoalId, goalIds)))
      : [],
    goalIds.length
      ? db
          .select({ goalId: s.boardGoalUnits.boardGoalId, unitId: s.boardGoalUnits.unitId, position: s.boardGoalUnits.position })
          .from(s.boardGoalUnits)
          .where(and(eq(s.boardGoalUnits.organizationId, org), inArray(s.boardGoalUnits.boardGoalId, goalIds)))
          .orderBy(asc(s.boardGoalUnits.position))
      : [],
    db
      .select({ code: s.plans.code })
      .from(s.plans)
      .where(and(eq(s.plans.organizationId, org), eq(s.plans.boardId, source.boardId), eq(s.plans.year, year))),
    // The periods in which the source plan has texts, newest first.
    db
      .selectDistinct({ id: s.periods.id, year: s.periods.year, kind: s.periods.kind, endDate: s.periods.endDate })
      .from(s.textBlocks)
      .innerJoin(s.periods, and(eq(s.periods.organizationId, org), eq(s.periods.id, s.textBlocks.periodId)))
      .where(and(eq(s.textBlocks.organizationId, org), eq(s.textBlocks.planId, source.id)))
      .orderBy(desc(s.periods.endDate)),
  ]);

  const goals: RolloverGoalDTO[] = goalRows.map((g) => ({
    sourceId: g.id,
    sourceCode: g.code,
    code: goalCode.get(g.id)!,
    number: g.number,
    text: g.text,
  }));
  const indicators: RolloverIndicatorDTO[] = indicatorRows.map((i) => ({
    sourceId: i.id,
    sourceCode: i.code,
    code: nextYearCode(i.code, source.year),
    name: i.name,
    goalCode: goalCode.get(i.goalId)!,
  }));

  // Codes that are taken already, or that the copy would use twice.
  const [takenPlans, takenGoals, takenIndicators] = await Promise.all([
    db.select({ code: s.plans.code }).from(s.plans).where(and(eq(s.plans.organizationId, org), eq(s.plans.code, targetCode))),
    goals.length
      ? db
          .select({ code: s.boardGoals.code })
          .from(s.boardGoals)
          .where(and(eq(s.boardGoals.organizationId, org), inArray(s.boardGoals.code, goals.map((g) => g.code))))
      : [],
    indicators.length
      ? db
          .select({ code: s.indicators.code })
          .from(s.indicators)
          .where(and(eq(s.indicators.organizationId, org), inArray(s.indicators.code, indicators.map((i) => i.code))))
      : [],
  ]);
  const twice = (codes: string[]) => codes.filter((c, i) => codes.indexOf(c) !== i);
  const collisions = [
    ...new Set([
      ...takenGoals.map((r) => r.code),
      ...takenIndicators.map((r) => r.code),
      ...twice(goals.map((g) => g.code)),
      ...twice(indicators.map((i) => i.code)),
    ]),
  ].sort();

  const blockers: string[] = [];
  if (source.archivedAt) blockers.push(`Planen ${source.code} är arkiverad. Återställ den först om den ska föras över till ${year}.`);
  if (existingTarget.length) {
    blockers.push(`${source.boardName} har redan en verksamhetsplan för ${year} (${existingTarget[0]!.code}).`);
  } else if (takenPlans.length) {
    blockers.push(`Koden ${targetCode} används redan av en annan plan.`);
  }
  if (collisions.length) blockers.push(`Koderna används redan: ${collisions.join(', ')}.`);

  // The texts: the newest versions of the source plan's newest period with texts, into the
  // new year's period of the same kind.
  const fromPeriod = textPeriods[0] ?? null;
  let toPeriod: { id: string; kind: PeriodKind } | null = null;
  let blocks: RolloverTextDTO[] = [];
  let textVersions: Plan['textVersions'] = [];
  let note: string;
  if (!fromPeriod) {
    note = `Planen ${source.code} har inga texter, så inga texter kopieras.`;
  } else {
    const fromLabel = periodLabel(fromPeriod.kind, fromPeriod.year);
    const toLabel = periodLabel(fromPeriod.kind, year);
    const [target] = await db
      .select({ id: s.periods.id, kind: s.periods.kind })
      .from(s.periods)
      .where(and(eq(s.periods.organizationId, org), eq(s.periods.year, year), eq(s.periods.kind, fromPeriod.kind)));
    const lock = target ? await loadPeriodLock(db, org, target.id) : null;
    if (!target) {
      note = `Det finns ingen period ${toLabel.toLowerCase()} ännu, så inga texter kopieras. Skapa perioden under Perioder före årsskiftet om texterna från ${fromLabel.toLowerCase()} ska följa med.`;
    } else if (lock && lock.periodState === 'closed') {
      note = `Perioden ${toLabel.toLowerCase()} är stängd, så inga texter kopieras.`;
    } else if (lock && lock.approvedBoards.has(source.boardId)) {
      note = `Perioden ${toLabel.toLowerCase()} är attesterad för nämnden, så inga texter kopieras.`;
    } else {
      toPeriod = target;
      const versions = await db
        .selectDistinctOn([s.textBlockVersions.textBlockId], {
          slot: s.textBlocks.slot,
          focusAreaId: s.textBlocks.focusAreaId,
          heading: s.textBlockVersions.heading,
          body: s.textBlockVersions.body,
          areaNumber: s.focusAreas.number,
          areaName: s.focusAreas.name,
          areaSort: s.focusAreas.sortOrder,
        })
        .from(s.textBlockVersions)
        .innerJoin(s.textBlocks, and(eq(s.textBlocks.organizationId, org), eq(s.textBlocks.id, s.textBlockVersions.textBlockId)))
        .leftJoin(s.focusAreas, and(eq(s.focusAreas.organizationId, org), eq(s.focusAreas.id, s.textBlocks.focusAreaId)))
        .where(
          and(
            eq(s.textBlockVersions.organizationId, org),
            eq(s.textBlocks.planId, source.id),
            eq(s.textBlocks.periodId, fromPeriod.id),
          ),
        )
        .orderBy(s.textBlockVersions.textBlockId, desc(s.textBlockVersions.seq));
      versions.sort(
        (a, b) =>
          SLOT_ORDER.indexOf(a.slot) - SLOT_ORDER.indexOf(b.slot) ||
          (a.areaSort ?? 0) - (b.areaSort ?? 0) ||
          (a.areaNumber ?? 0) - (b.areaNumber ?? 0),
      );
      textVersions = versions.map(({ slot, focusAreaId, heading, body }) => ({ slot, focusAreaId, heading, body }));
      blocks = versions.map((v) => ({
        slot: v.slot,
        focusAreaId: v.focusAreaId,
        label:
          v.slot === 'focus_area_note'
            ? `Kommentar för målområde ${v.areaNumber !== null ? `${v.areaNumber} ` : ''}${v.areaName ?? ''}`.trim()
            : SLOT_LABELS[v.slot],
      }));
      note = `${blocks.length} ${blocks.length === 1 ? 'text' : 'texter'} från ${fromLabel.toLowerCase()} kopieras som version 1 till ${toLabel.toLowerCase()}, som en utgångspunkt att skriva vidare på.`;
    }
  }

  return {
    preview: {
      source: { id: source.id, code: source.code, year: source.year, boardId: source.boardId, boardName: source.boardName },
      target: { code: targetCode, year },
      goals,
      indicators,
      texts: {
        fromPeriod: fromPeriod ? { id: fromPeriod.id, label: periodLabel(fromPeriod.kind, fromPeriod.year) } : null,
        toPeriod: toPeriod ? { id: toPeriod.id, label: periodLabel(toPeriod.kind, year) } : null,
        blocks,
        note,
      },
      blockers,
    },
    goalRows,
    indicatorRows,
    bearings,
    goalUnits,
    textVersions,
  };
}

/** What a rollover of the plan would create, and why it would be refused. */
export async function previewRollover(db: Db, user: CurrentUser | null, input: { planId: string }): Promise<RolloverPreviewDTO> {
  const org = authorizeInOwnOrganization(user, 'manage', 'plan');
  return (await planRollover(db, org, input.planId)).preview;
}

/** Creates next year's plan from the plan, in one transaction; refuses (and writes nothing) on any blocker. */
export async function applyRollover(db: Db, user: CurrentUser, input: { planId: string }): Promise<RolloverResultDTO> {
  const org = authorizeInOwnOrganization(user, 'manage', 'plan');
  try {
    return await db.transaction(async (t) => {
      const tx = t as unknown as Db;
      const { preview, goalRows, indicatorRows, bearings, goalUnits, textVersions } = await planRollover(tx, org, input.planId);
      if (preview.blockers.length) throw new ValidationError(preview.blockers.join(' '));
      const sourceYear = preview.source.year;

      const [plan] = await tx
        .insert(s.plans)
        .values({ organizationId: org, code: preview.target.code, boardId: preview.source.boardId, year: preview.target.year })
        .returning({ id: s.plans.id });
      const planId = plan!.id;

      // Goals, then their links, then the indicators under the new goals.
      const newGoalId = new Map<string, string>();
      if (goalRows.length) {
        const inserted = await tx
          .insert(s.boardGoals)
          .values(
            goalRows.map((g) => ({
              organizationId: org,
              code: nextYearCode(g.code, sourceYear),
              planId,
              focusAreaId: g.focusAreaId,
              number: g.number,
              text: g.text,
              methodText: g.methodText,
              rule: g.rule,
              continuesId: g.id,
              sortOrder: g.sortOrder,
              reportYearRow: g.reportYearRow,
            })),
          )
          .returning({ id: s.boardGoals.id, continuesId: s.boardGoals.continuesId });
        for (const row of inserted) newGoalId.set(row.continuesId!, row.id);
      }
      if (bearings.length) {
        await tx
          .insert(s.boardGoalCouncilGoals)
          .values(bearings.map((b) => ({ organizationId: org, boardGoalId: newGoalId.get(b.goalId)!, councilGoalId: b.councilGoalId })));
      }
      if (goalUnits.length) {
        await tx
          .insert(s.boardGoalUnits)
          .values(goalUnits.map((u) => ({ organizationId: org, boardGoalId: newGoalId.get(u.goalId)!, unitId: u.unitId, position: u.position })));
      }
      if (indicatorRows.length) {
        await tx.insert(s.indicators).values(
          indicatorRows.map(({ id, createdAt: _c, archivedAt: _a, ...i }) => ({
            ...i,
            code: nextYearCode(i.code, sourceYear),
            goalId: newGoalId.get(i.goalId)!,
            continuesId: id,
          })),
        );
      }

      // The texts, as version 1 in the new year's period.
      const toPeriod = preview.texts.toPeriod;
      if (toPeriod && textVersions.length) {
        const blocks = await tx
          .insert(s.textBlocks)
          .values(textVersions.map((v) => ({ organizationId: org, planId, periodId: toPeriod.id, slot: v.slot, focusAreaId: v.focusAreaId })))
          .returning({ id: s.textBlocks.id, slot: s.textBlocks.slot, focusAreaId: s.textBlocks.focusAreaId });
        await tx.insert(s.textBlockVersions).values(
          textVersions.map((v) => ({
            organizationId: org,
            textBlockId: blocks.find((b) => b.slot === v.slot && b.focusAreaId === v.focusAreaId)!.id,
            seq: 1,
            heading: v.heading,
            body: v.body,
            authorId: user.id,
            reason: `Årsskifte från ${preview.source.code}`,
          })),
        );
      }

      const result: RolloverResultDTO = {
        planId,
        code: preview.target.code,
        year: preview.target.year,
        goals: goalRows.length,
        indicators: indicatorRows.length,
        textBlocks: toPeriod ? textVersions.length : 0,
      };
      await recordAudit(tx, {
        organizationId: org,
        actorId: user.id,
        action: 'plan.rollover',
        entityType: 'plan',
        entityId: planId,
        changes: {
          from: { planId: preview.source.id, code: preview.source.code, year: preview.source.year },
          to: { planId, code: result.code, year: result.year },
          counts: { goals: result.goals, indicators: result.indicators, textBlocks: result.textBlocks },
          goals: preview.goals.map((g) => g.code),
          indicators: preview.indicators.map((i) => i.code),
          textPeriod: toPeriod?.label ?? null,
        },
      });
      return result;
    });
  } catch (error) {
    // Another rollover or a new item got there first: the unique keys refuse it.
    if (isUniqueViolation(error)) {
      throw new ValidationError('Planen för nästa år, eller någon av koderna, finns redan. Inget har skapats.');
    }
    throw error;
  }
}
