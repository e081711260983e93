// The overview of a period: each målområde with its board goals, each goal with its
// indicators and their newest values. A fixed number of queries whatever the size.
import 'server-only';
import { and, asc, desc, eq, inArray, isNull, or, gte, lte } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import * as s from '../schema';
import type { Colour } from '@/lib/colour';
import type { Trend } from '@/lib/trend';
import type { GoalRule } from '@/lib/goal-rule';
import { goalAttainment } from '@/lib/goal-rule';
import type { PeriodKind, PeriodState } from '@/lib/period';
import type { CurrentUser } from '@/lib/current-user';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { NotFoundError } from '../errors';
import { parseId } from '@/lib/route-params';

export interface PeriodDTO {
  id: string;
  year: number;
  kind: PeriodKind;
  endDate: string;
  deadline: string | null;
  state: PeriodState;
}

export interface IndicatorRowDTO {
  id: string;
  name: string;
  targetLabel: string;
  decimals: number;
  outcome: number | null;
  referenceNote: string | null;
  /** The colour shown: the reporter's choice where there is one, else the computed one. */
  colour: Colour;
  trend: Trend | null;
  analysis: string | null;
  reported: boolean;
  responsibleUnitId: string;
}

export interface GoalDTO {
  id: string;
  boardName: string;
  number: number;
  text: string;
  rule: GoalRule;
  /** The assessed colour, else the one the goal's rule gives; null under a manual rule not yet assessed. */
  colour: Colour | null;
  subAreaName: string | null;
  /** "Adressering": the units the goal is addressed to. */
  unitIds: string[];
  indicators: IndicatorRowDTO[];
}

export interface FocusAreaDTO {
  id: string;
  number: number | null;
  name: string;
  councilGoals: string[];
  notes: { heading: string | null; body: string }[];
  goals: GoalDTO[];
}

export interface OverviewDTO {
  period: PeriodDTO;
  focusAreas: FocusAreaDTO[];
}

const periodColumns = {
  id: s.periods.id,
  year: s.periods.year,
  kind: s.periods.kind,
  endDate: s.periods.endDate,
  deadline: s.periods.deadline,
  state: s.periods.state,
};

/** The open period (the newest one, should several be open), else the newest closed one. */
export async function getCurrentPeriod(db: Db, user: CurrentUser | null): Promise<PeriodDTO | null> {
  const organizationId = authorizeInOwnOrganization(user, 'read', 'period');
  const [row] = await db
    .select(periodColumns)
    .from(s.periods)
    .where(and(eq(s.periods.organizationId, organizationId), inArray(s.periods.state, ['open', 'closed'])))
    .orderBy(desc(eq(s.periods.state, 'open')), desc(s.periods.endDate))
    .limit(1);
  return row ?? null;
}

/** A period of the user's organization by id; NotFoundError for anything else. */
export async function getPeriod(db: Db, user: CurrentUser | null, periodId: string): Promise<PeriodDTO> {
  const organizationId = authorizeInOwnOrganization(user, 'read', 'period');
  const [row] = await db
    .select(periodColumns)
    .from(s.periods)
    .where(and(eq(s.periods.organizationId, organizationId), eq(s.periods.id, periodId)));
  if (!row) throw new NotFoundError('period');
  return row;
}

/** The overview of a period of the user's organization (see getPeriod). */
export async function getOverview(db: Db, user: CurrentUser | null, periodId: string): Promise<OverviewDTO> {
  const period = await getPeriod(db, user, periodId);
  const org = authorizeInOwnOrganization(user, 'read', 'organization');
  const validInYear = (from: AnyPgColumn, to: AnyPgColumn) =>
    and(lte(from, period.year), or(isNull(to), gte(to, period.year)));

  const [areas, councilGoals, goals, goalUnits, indicatorRows, values, assessments, notes] = await Promise.all([
    db
      .select({ id: s.focusAreas.id, number: s.focusAreas.number, name: s.focusAreas.name, parentId: s.focusAreas.parentId })
      .from(s.focusAreas)
      .where(
        and(
          eq(s.focusAreas.organizationId, org),
          isNull(s.focusAreas.archivedAt),
          validInYear(s.focusAreas.validFrom, s.focusAreas.validTo),
        ),
      )
      .orderBy(asc(s.focusAreas.sortOrder)),
    db
      .select({ focusAreaId: s.councilGoals.focusAreaId, text: s.councilGoals.text })
      .from(s.councilGoals)
      .where(
        and(
          eq(s.councilGoals.organizationId, org),
          isNull(s.councilGoals.archivedAt),
          validInYear(s.councilGoals.validFrom, s.councilGoals.validTo),
        ),
      )
      .orderBy(asc(s.councilGoals.sortOrder)),
    db
      .select({
        id: s.boardGoals.id,
        focusAreaId: s.boardGoals.focusAreaId,
        number: s.boardGoals.number,
        text: s.boardGoals.text,
        rule: s.boardGoals.rule,
        boardName: s.units.name,
      })
      .from(s.boardGoals)
      .innerJoin(s.plans, and(eq(s.plans.organizationId, org), eq(s.plans.id, s.boardGoals.planId)))
      .innerJoin(s.units, and(eq(s.units.organizationId, org), eq(s.units.id, s.plans.boardId)))
      .where(
        and(
          eq(s.boardGoals.organizationId, org),
          eq(s.plans.year, period.year),
          isNull(s.boardGoals.archivedAt),
          isNull(s.plans.archivedAt),
        ),
      )
      .orderBy(asc(s.units.sortOrder), asc(s.boardGoals.number)),
    db
      .select({ goalId: s.boardGoalUnits.boardGoalId, unitId: s.boardGoalUnits.unitId })
      .from(s.boardGoalUnits)
      .where(eq(s.boardGoalUnits.organizationId, org))
      .orderBy(asc(s.boardGoalUnits.position)),
    db
      .select({
        id: s.indicators.id,
        goalId: s.indicators.goalId,
        name: s.indicators.name,
        targetLabel: s.indicators.targetLabel,
        decimals: s.indicators.decimals,
        responsibleUnitId: s.indicators.responsibleUnitId,
      })
      .from(s.indicators)
      .innerJoin(s.boardGoals, and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, s.indicators.goalId)))
      .innerJoin(s.plans, and(eq(s.plans.organizationId, org), eq(s.plans.id, s.boardGoals.planId)))
      .where(and(eq(s.indicators.organizationId, org), eq(s.plans.year, period.year), isNull(s.indicators.archivedAt)))
      .orderBy(asc(s.indicators.sortOrder)),
    // Newest value per indicator in the period (served by the unique (org, item, period, seq) index).
    db
      .selectDistinctOn([s.indicatorValues.indicatorId], {
        indicatorId: s.indicatorValues.indicatorId,
        outcome: s.indicatorValues.outcome,
        referenceNote: s.indicatorValues.referenceNote,
        analysis: s.indicatorValues.analysis,
        computedColour: s.indicatorValues.computedColour,
        chosenColour: s.indicatorValues.chosenColour,
        computedTrend: s.indicatorValues.computedTrend,
        chosenTrend: s.indicatorValues.chosenTrend,
      })
      .from(s.indicatorValues)
      .where(and(eq(s.indicatorValues.organizationId, org), eq(s.indicatorValues.periodId, period.id)))
      .orderBy(s.indicatorValues.indicatorId, desc(s.indicatorValues.seq)),
    db
      .selectDistinctOn([s.goalAssessments.goalId], {
        goalId: s.goalAssessments.goalId,
        computedColour: s.goalAssessments.computedColour,
        chosenColour: s.goalAssessments.chosenColour,
      })
      .from(s.goalAssessments)
      .where(and(eq(s.goalAssessments.organizationId, org), eq(s.goalAssessments.periodId, period.id)))
      .orderBy(s.goalAssessments.goalId, desc(s.goalAssessments.seq)),
    db
      .selectDistinctOn([s.textBlockVersions.textBlockId], {
        focusAreaId: s.textBlocks.focusAreaId,
        heading: s.textBlockVersions.heading,
        body: s.textBlockVersions.body,
      })
      .from(s.textBlockVersions)
      .innerJoin(s.textBlocks, and(eq(s.textBlocks.organizationId, org), eq(s.textBlocks.id, s.textBlockVersions.textBlockId)))
      .where(
        and(
          eq(s.textBlockVersions.organizationId, org),
          eq(s.textBlocks.periodId, period.id),
          eq(s.textBlocks.slot, 'focus_area_note'),
        ),
      )
      .orderBy(s.textBlockVersions.textBlockId, desc(s.textBlockVersions.seq)),
  ]);

  const valueByIndicator = new Map(values.map((v) => [v.indicatorId, v]));
  const assessmentByGoal = new Map(assessments.map((a) => [a.goalId, a]));
  const unitsByGoal = new Map<string, string[]>();
  for (const u of goalUnits) unitsByGoal.set(u.goalId, [...(unitsByGoal.get(u.goalId) ?? []), u.unitId]);
  const indicatorsByGoal = new Map<string, IndicatorRowDTO[]>();
  for (const ind of indicatorRows) {
    const v = valueByIndicator.get(ind.id);
    const row: IndicatorRowDTO = {
      id: ind.id,
      name: ind.name,
      targetLabel: ind.targetLabel,
      decimals: ind.decimals,
      outcome: v?.outcome ?? null,
      referenceNote: v?.referenceNote ?? null,
      colour: v ? (v.chosenColour ?? v.computedColour) : 'grey',
      trend: v ? (v.chosenTrend ?? v.computedTrend) : null,
      analysis: v?.analysis ?? null,
      reported: v !== undefined,
      responsibleUnitId: ind.responsibleUnitId,
    };
    indicatorsByGoal.set(ind.goalId, [...(indicatorsByGoal.get(ind.goalId) ?? []), row]);
  }

  // A goal under a sub-area belongs to the sub-area's top-level målområde.
  const areaById = new Map(areas.map((a) => [a.id, a]));
  const topOf = (id: string): string => {
    const parent = areaById.get(id)?.parentId;
    return parent && areaById.has(parent) ? topOf(parent) : id;
  };

  const result: FocusAreaDTO[] = areas
    .filter((a) => a.parentId === null)
    .map((a) => ({ id: a.id, number: a.number, name: a.name, councilGoals: [], notes: [], goals: [] }));
  const resultById = new Map(result.map((a) => [a.id, a]));

  for (const cg of councilGoals) resultById.get(topOf(cg.focusAreaId))?.councilGoals.push(cg.text);
  for (const note of notes) {
    if (note.focusAreaId) resultById.get(topOf(note.focusAreaId))?.notes.push({ heading: note.heading, body: note.body });
  }
  for (const g of goals) {
    const area = resultById.get(topOf(g.focusAreaId));
    if (!area) continue; // its målområde is archived or not valid this year
    const indicators = indicatorsByGoal.get(g.id) ?? [];
    const assessed = assessmentByGoal.get(g.id);
    const sub = areaById.get(g.focusAreaId);
    area.goals.push({
      id: g.id,
      boardName: g.boardName,
      number: g.number,
      text: g.text,
      rule: g.rule,
      colour:
        assessed?.chosenColour ??
        assessed?.computedColour ??
        goalAttainment(
          g.rule,
          indicators.map((i) => i.colour),
        ),
      subAreaName: sub && sub.parentId ? sub.name : null,
      unitIds: unitsByGoal.get(g.id) ?? [],
      indicators,
    });
  }
  return { period, focusAreas: result };
}

/** The period a page shows: the one named in the URL (if it is a UUID), else the current one. */
export async function periodIdFromQuery(db: Db, user: CurrentUser, value: string | undefined): Promise<string | null> {
  if (value === undefined) return (await getCurrentPeriod(db, user))?.id ?? null;
  return parseId(value);
}

/** Every period of the user's organization, newest first, for period pickers. */
export async function listPeriods(db: Db, user: CurrentUser | null): Promise<PeriodDTO[]> {
  const organizationId = authorizeInOwnOrganization(user, 'read', 'period');
  return db
    .select(periodColumns)
    .from(s.periods)
    .where(eq(s.periods.organizationId, organizationId))
    .orderBy(desc(s.periods.endDate));
}
