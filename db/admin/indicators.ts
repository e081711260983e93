// Administration of indicators (mått) under a board goal: the structured target, how
// often and from where the indicator is reported, and its links. Editing the target or a
// tolerance re-judges the newest value in every open, unapproved period of the plan's
// year as a new history version; approved periods keep their snapshot and older
// versions keep the target they were judged against.
import 'server-only';
import { and, asc, eq, inArray, max } from 'drizzle-orm';
import type { Db } from '../client';
import * as s from '../schema';
import { recordAudit } from '../audit';
import { NotFoundError, ValidationError, isUniqueViolation } from '@/lib/errors';
import { getIndicatorReport } from '../indicator-values';
import { changedFields, constraintOf, throwIfErrors, withUniqueCode } from './focus-areas';
import type { CurrentUser } from '@/lib/current-user';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { evaluateTarget, validateTarget, type Comparator, type Direction, type Target } from '@/lib/target';
import { computeTrend } from '@/lib/trend';
import { suggestTargetLabel } from '@/lib/target-label';
import type { PeriodKind } from '@/lib/period';
import type { Colour } from '@/lib/colour';

export const REEVALUATION_REASON = 'Målvärdet ändrades';

export interface IndicatorInput {
  code: string;
  name: string;
  unitOfMeasure: string | null;
  decimals: number;
  comparator: Comparator;
  targetValue: number | null;
  targetLow: number | null;
  targetHigh: number | null;
  direction: Direction | null;
  tolerance: number | null;
  trendTolerance: number | null;
  /** As shown ("Lägre än 5,00"); empty means the suggestion from the target. */
  targetLabel: string;
  frequency: 'every_period' | 'yearly';
  yearlyPeriodKind: PeriodKind | null;
  baselineValue: number | null;
  baselineYear: number | null;
  source: 'manual' | 'kolada' | 'other';
  sourceRef: string | null;
  responsibleUnitId: string;
  continuesId: string | null;
}

export interface IndicatorAdminDTO extends IndicatorInput {
  id: string;
  goalId: string;
  archived: boolean;
  /** No values, no revision requests and no later indicator continues it: it may be deleted. */
  deletable: boolean;
}

type IndicatorRow = typeof s.indicators.$inferSelect;

function indicatorFields(row: IndicatorRow): IndicatorInput {
  return {
    code: row.code,
    name: row.name,
    unitOfMeasure: row.unitOfMeasure,
    decimals: row.decimals,
    comparator: row.comparator,
    targetValue: row.targetValue,
    targetLow: row.targetLow,
    targetHigh: row.targetHigh,
    direction: row.direction,
    tolerance: row.tolerance,
    trendTolerance: row.trendTolerance,
    targetLabel: row.targetLabel,
    frequency: row.frequency,
    yearlyPeriodKind: row.yearlyPeriodKind,
    baselineValue: row.baselineValue,
    baselineYear: row.baselineYear,
    source: row.source,
    sourceRef: row.sourceRef,
    responsibleUnitId: row.responsibleUnitId,
    continuesId: row.continuesId,
  };
}

function targetOf(input: IndicatorInput): Target {
  return {
    comparator: input.comparator,
    value: input.targetValue,
    low: input.targetLow,
    high: input.targetHigh,
    direction: input.direction,
    tolerance: input.tolerance,
  };
}

/** Keeps only the fields the comparator, frequency and source use; fills in an empty label. */
function normalized(input: IndicatorInput): IndicatorInput {
  const c = input.comparator;
  const single = c !== 'between' && c !== 'not_worse';
  const out: IndicatorInput = {
    ...input,
    targetValue: single ? input.targetValue : null,
    targetLow: c === 'between' ? input.targetLow : null,
    targetHigh: c === 'between' ? input.targetHigh : null,
    direction: c === 'not_worse' ? (input.direction ?? 'higher') : null,
    yearlyPeriodKind: input.frequency === 'yearly' ? (input.yearlyPeriodKind ?? 'helar') : null,
    sourceRef: input.source === 'manual' ? null : input.sourceRef,
    targetLabel: input.targetLabel.trim(),
  };
  if (!out.targetLabel) out.targetLabel = suggestTargetLabel(targetOf(out), out.decimals);
  return out;
}

/** validateTarget's Swedish message on the field it is about, plus the other rules of an indicator. */
function fieldErrors(input: IndicatorInput): Record<string, string[]> {
  const errors: Record<string, string[]> = {};
  const target = targetOf(input);
  const message = validateTarget(target);
  if (message) {
    const c = input.comparator;
    let field = 'tolerance';
    if (c !== 'between' && c !== 'not_worse' && target.value === null) field = 'targetValue';
    else if (c === 'between' && target.low === null) field = 'targetLow';
    else if (c === 'between' && (target.high === null || target.low! > target.high)) field = 'targetHigh';
    errors[field] = [message];
  }
  if (input.trendTolerance !== null && input.trendTolerance < 0) errors.trendTolerance = ['Trendtoleransen får inte vara negativ.'];
  if (input.baselineValue !== null && input.baselineYear === null) errors.baselineYear = ['Ange vilket år basvärdet avser.'];
  if (input.baselineValue === null && input.baselineYear !== null) errors.baselineValue = ['Ange basvärdet, eller lämna även året tomt.'];
  if (input.source === 'kolada' && input.sourceRef && !/^[A-Za-z]\d{5}$/.test(input.sourceRef)) {
    errors.sourceRef = ['Ett Kolada-id är en bokstav och fem siffror, till exempel N00945.'];
  }
  return errors;
}

const TARGET_KEYS = ['comparator', 'targetValue', 'targetLow', 'targetHigh', 'direction', 'tolerance', 'trendTolerance'] as const;

async function loadGoalWithPlan(db: Db, org: string, goalId: string) {
  const [goal] = await db
    .select({ id: s.boardGoals.id, planId: s.plans.id, year: s.plans.year, boardId: s.plans.boardId })
    .from(s.boardGoals)
    .innerJoin(s.plans, and(eq(s.plans.organizationId, org), eq(s.plans.id, s.boardGoals.planId)))
    .where(and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, goalId)));
  if (!goal) throw new NotFoundError('goal');
  return goal;
}

/** Checks the links: the responsible unit, and `continues` pointing at an earlier plan of the same board. */
async function checkLinks(db: Db, org: string, input: IndicatorInput, plan: { year: number; boardId: string }, id: string | null) {
  const [unit] = await db
    .select({ id: s.units.id })
    .from(s.units)
    .where(and(eq(s.units.organizationId, org), eq(s.units.id, input.responsibleUnitId)));
  if (!unit) throw new NotFoundError('unit');
  if (input.continuesId) {
    const [earlier] = await db
      .select({ id: s.indicators.id, year: s.plans.year, boardId: s.plans.boardId })
      .from(s.indicators)
      .innerJoin(s.boardGoals, and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, s.indicators.goalId)))
      .innerJoin(s.plans, and(eq(s.plans.organizationId, org), eq(s.plans.id, s.boardGoals.planId)))
      .where(and(eq(s.indicators.organizationId, org), eq(s.indicators.id, input.continuesId)));
    if (!earlier) throw new NotFoundError('indicator');
    if (earlier.id === id || earlier.boardId !== plan.boardId || earlier.year >= plan.year) {
      throwIfErrors({ continuesId: ['Välj ett mått i en tidigare plan för samma nämnd.'] });
    }
  }
}

/**
 * Indicators that must be archived rather than deleted: with values or revision requests,
 * or continued by a later indicator.
 */
export async function indicatorsWithHistory(db: Db, org: string, ids: string[]): Promise<Set<string>> {
  if (!ids.length) return new Set();
  const [values, revisions, continued] = await Promise.all([
    db
      .selectDistinct({ id: s.indicatorValues.indicatorId })
      .from(s.indicatorValues)
      .where(and(eq(s.indicatorValues.organizationId, org), inArray(s.indicatorValues.indicatorId, ids))),
    db
      .selectDistinct({ id: s.revisionRequests.itemId })
      .from(s.revisionRequests)
      .where(
        and(eq(s.revisionRequests.organizationId, org), eq(s.revisionRequests.itemKind, 'indicator'), inArray(s.revisionRequests.itemId, ids)),
      ),
    db
      .selectDistinct({ id: s.indicators.continuesId })
      .from(s.indicators)
      .where(and(eq(s.indicators.organizationId, org), inArray(s.indicators.continuesId, ids))),
  ]);
  return new Set([...values, ...revisions, ...continued].flatMap((r) => (r.id ? [r.id] : [])));
}

/** The indicators of the given goals, archived ones too, for the administration page. */
export async function indicatorsOfGoals(db: Db, org: string, goalIds: string[]): Promise<IndicatorAdminDTO[]> {
  if (!goalIds.length) return [];
  const rows = await db
    .select()
    .from(s.indicators)
    .where(and(eq(s.indicators.organizationId, org), inArray(s.indicators.goalId, goalIds)))
    .orderBy(asc(s.indicators.sortOrder), asc(s.indicators.code));
  const withHistory = await indicatorsWithHistory(db, org, rows.map((r) => r.id));
  return rows.map((r) => ({
    ...indicatorFields(r),
    id: r.id,
    goalId: r.goalId,
    archived: r.archivedAt !== null,
    deletable: !withHistory.has(r.id),
  }));
}

async function loadIndicator(db: Db, org: string, id: string): Promise<IndicatorRow> {
  const [row] = await db
    .select()
    .from(s.indicators)
    .where(and(eq(s.indicators.organizationId, org), eq(s.indicators.id, id)))
    .for('update');
  if (!row) throw new NotFoundError('indicator');
  return row;
}

export async function createIndicator(
  db: Db,
  user: CurrentUser,
  input: IndicatorInput & { goalId: string },
): Promise<{ id: string; name: string }> {
  const org = authorizeInOwnOrganization(user, 'manage', 'indicator');
  const { goalId, ...raw } = input;
  const fields = normalized(raw);
  return withUniqueCode(() =>
    db.transaction(async (t) => {
      const tx = t as unknown as Db;
      const goal = await loadGoalWithPlan(tx, org, goalId);
      throwIfErrors(fieldErrors(fields));
      await checkLinks(tx, org, fields, goal, null);
      const [last] = await tx
        .select({ n: max(s.indicators.sortOrder) })
        .from(s.indicators)
        .where(and(eq(s.indicators.organizationId, org), eq(s.indicators.goalId, goalId)));
      const [row] = await tx
        .insert(s.indicators)
        .values({ organizationId: org, goalId, ...fields, sortOrder: (last?.n ?? -1) + 1 })
        .returning({ id: s.indicators.id, name: s.indicators.name });
      await recordAudit(tx, {
        organizationId: org,
        actorId: user.id,
        action: 'indicator.create',
        entityType: 'indicator',
        entityId: row!.id,
        changes: { after: { goalId, ...fields } },
      });
      return row!;
    }),
  );
}

export interface ReevaluatedValue {
  periodId: string;
  seq: number;
  computedColour: Colour;
}

/**
 * Edits an indicator. When its target or a tolerance changes, the newest value in every
 * open period of the plan's year whose board period is not approved gets a new version
 * judged against the new target (same outcome, texts and choices), in the same transaction.
 */
export async function updateIndicator(
  db: Db,
  user: CurrentUser,
  input: IndicatorInput & { id: string },
): Promise<{ id: string; name: string; reevaluated: ReevaluatedValue[] }> {
  const org = authorizeInOwnOrganization(user, 'manage', 'indicator');
  const { id, ...raw } = input;
  const fields = normalized(raw);
  try {
    return await withUniqueCode(() =>
      db.transaction(async (t) => {
        const tx = t as unknown as Db;
        const before = await loadIndicator(tx, org, id);
        const goal = await loadGoalWithPlan(tx, org, before.goalId);
        throwIfErrors(fieldErrors(fields));
        await checkLinks(tx, org, fields, goal, id);
        await tx
          .update(s.indicators)
          .set(fields)
          .where(and(eq(s.indicators.organizationId, org), eq(s.indicators.id, id)));

        const changes = changedFields(indicatorFields(before), fields);
        const targetChanged = TARGET_KEYS.some((key) => key in changes.after);
        const reevaluated = targetChanged ? await reevaluateOpenPeriods(tx, user, id, goal.year) : [];
        await recordAudit(tx, {
          organizationId: org,
          actorId: user.id,
          action: 'indicator.update',
          entityType: 'indicator',
          entityId: id,
          changes: reevaluated.length ? { ...changes, reevaluated } : changes,
        });
        return { id, name: fields.name, reevaluated };
      }),
    );
  } catch (error) {
    // A reporter saved a value between our read and our insert: nothing was changed.
    if (isUniqueViolation(error) && constraintOf(error) === 'indicator_values_org_item_seq') {
      throw new ValidationError('Någon sparade ett värde för måttet samtidigt. Inget ändrades; försök igen.');
    }
    throw error;
  }
}

/** Appends a version judged against the indicator's (new) target in each open, unlocked period with a value. */
async function reevaluateOpenPeriods(tx: Db, user: CurrentUser, indicatorId: string, year: number): Promise<ReevaluatedValue[]> {
  const org = user.organizationId;
  const openPeriods = await tx
    .select({ id: s.periods.id })
    .from(s.periods)
    .where(and(eq(s.periods.organizationId, org), eq(s.periods.year, year), eq(s.periods.state, 'open')))
    .orderBy(asc(s.periods.endDate));
  const out: ReevaluatedValue[] = [];
  for (const period of openPeriods) {
    // The same earlier value (last year's through `continues`, else the baseline) and lock as a save uses.
    const report = await getIndicatorReport(tx, user, indicatorId, period.id);
    const latest = report.latest;
    if (report.locked || !latest) continue;
    const target = report.indicator.target;
    const previous = report.earlier?.outcome ?? null;
    const computedColour = evaluateTarget(target, latest.outcome, previous);
    const seq = latest.seq + 1;
    await tx.insert(s.indicatorValues).values({
      organizationId: org,
      indicatorId,
      periodId: period.id,
      seq,
      outcome: latest.outcome,
      referenceNote: latest.referenceNote,
      analysis: latest.analysis,
      computedColour,
      chosenColour: latest.chosenColour,
      colourJustification: latest.colourJustification,
      computedTrend: computeTrend(target, latest.outcome, previous, report.indicator.trendTolerance),
      chosenTrend: latest.chosenTrend,
      trendJustification: latest.trendJustification,
      judgedAgainst: { ...target, previous },
      authorId: user.id,
      reason: REEVALUATION_REASON,
      // The outcome is the same one: so is where it came from.
      source: latest.source,
      kpiId: latest.kpiId,
      fetchedAt: latest.fetchedAt ? new Date(latest.fetchedAt) : null,
      koladaContext: latest.koladaContext,
    });
    out.push({ periodId: period.id, seq, computedColour });
  }
  return out;
}

export async function setIndicatorArchived(
  db: Db,
  user: CurrentUser,
  input: { id: string; archived: boolean },
): Promise<{ name: string }> {
  const org = authorizeInOwnOrganization(user, 'manage', 'indicator');
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const [row] = await tx
      .update(s.indicators)
      .set({ archivedAt: input.archived ? new Date() : null })
      .where(and(eq(s.indicators.organizationId, org), eq(s.indicators.id, input.id)))
      .returning({ id: s.indicators.id, name: s.indicators.name });
    if (!row) throw new NotFoundError('indicator');
    await recordAudit(tx, {
      organizationId: org,
      actorId: user.id,
      action: input.archived ? 'indicator.archive' : 'indicator.restore',
      entityType: 'indicator',
      entityId: row.id,
    });
    return { name: row.name };
  });
}

/** Deletes an indicator without history; one with history must be archived instead. */
export async function deleteIndicator(db: Db, user: CurrentUser, input: { id: string }): Promise<{ name: string }> {
  const org = authorizeInOwnOrganization(user, 'manage', 'indicator');
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    const row = await loadIndicator(tx, org, input.id);
    if ((await indicatorsWithHistory(tx, org, [row.id])).size > 0) {
      throw new ValidationError('Måttet har historik (värden eller återremisser) eller fortsätts av ett senare mått och kan inte tas bort. Arkivera det i stället.');
    }
    // Its Kolada link (issue 18) is structure, not history: it goes with it.
    await tx.delete(s.indicatorKoladaLinks).where(and(eq(s.indicatorKoladaLinks.organizationId, org), eq(s.indicatorKoladaLinks.indicatorId, row.id)));
    await tx.delete(s.indicators).where(and(eq(s.indicators.organizationId, org), eq(s.indicators.id, row.id)));
    await recordAudit(tx, {
      organizationId: org,
      actorId: user.id,
      action: 'indicator.delete',
      entityType: 'indicator',
      entityId: row.id,
      changes: { before: { goalId: row.goalId, ...indicatorFields(row) } },
    });
    return { name: row.name };
  });
}
