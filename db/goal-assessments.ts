// Assessing a board goal for a period: its computed attainment from the indicators'
// colours, the newest assessment, and the save (the next version, or a conflict).
import 'server-only';
import { and, desc, eq, inArray } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { recordAudit } from './audit';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { appendVersion, newestVersions } from './history';
import { isLockedFor, loadPeriodLock } from './locks';
import type { CurrentUser } from '@/lib/current-user';
import { authorize, authorizeInOwnOrganization, can } from '@/lib/policy';
import type { Colour } from '@/lib/colour';
import { ARCHIVED_MESSAGE, isLive } from '@/lib/live';
import type { GoalRule } from '@/lib/goal-rule';
import { periodLabel, type PeriodKind, type PeriodState } from '@/lib/period';
import { boardGoalTitle } from '@/lib/swedish-text';
import { judgeGoalAssessment, type GoalAssessmentInput } from '@/lib/goal-assessment-input';

export interface AssessmentVersionDTO {
  seq: number;
  periodLabel: string;
  computedColour: Colour | null;
  chosenColour: Colour | null;
  justification: string | null;
  analysis: string | null;
  forecastColour: Colour | null;
  authorName: string;
  createdAt: string;
}

export interface GoalAssessmentDTO {
  goal: { id: string; title: string; text: string; methodText: string | null; rule: GoalRule; unitIds: string[]; unitNames: string[] };
  period: { id: string; year: number; kind: PeriodKind; state: PeriodState; label: string };
  indicators: { id: string; name: string; colour: Colour }[];
  needsForecast: boolean;
  /** Live in the period (lib/live.ts): an archived goal, or one of an archived plan, is not. */
  live: boolean;
  locked: boolean;
  canReport: boolean;
  latest: AssessmentVersionDTO | null;
}

const versionColumns = {
  seq: s.goalAssessments.seq,
  computedColour: s.goalAssessments.computedColour,
  chosenColour: s.goalAssessments.chosenColour,
  justification: s.goalAssessments.justification,
  analysis: s.goalAssessments.analysis,
  forecastColour: s.goalAssessments.forecastColour,
  authorName: s.users.name,
  createdAt: s.goalAssessments.createdAt,
};

export async function getGoalAssessment(db: Db, user: CurrentUser | null, goalId: string, periodId: string): Promise<GoalAssessmentDTO> {
  const org = authorizeInOwnOrganization(user, 'read', 'goal');
  const [goal] = await db
    .select({
      id: s.boardGoals.id,
      number: s.boardGoals.number,
      text: s.boardGoals.text,
      methodText: s.boardGoals.methodText,
      rule: s.boardGoals.rule,
      archivedAt: s.boardGoals.archivedAt,
      planArchivedAt: s.plans.archivedAt,
      planYear: s.plans.year,
      boardId: s.plans.boardId,
      boardName: s.units.name,
    })
    .from(s.boardGoals)
    .innerJoin(s.plans, and(eq(s.plans.organizationId, org), eq(s.plans.id, s.boardGoals.planId)))
    .innerJoin(s.units, and(eq(s.units.organizationId, org), eq(s.units.id, s.plans.boardId)))
    .where(and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, goalId)));
  const [period] = await db
    .select({ id: s.periods.id, year: s.periods.year, kind: s.periods.kind, state: s.periods.state })
    .from(s.periods)
    .where(and(eq(s.periods.organizationId, org), eq(s.periods.id, periodId)));
  if (!goal || !period || period.year !== goal.planYear) throw new NotFoundError('goal');

  const [units, indicators, latest, lock] = await Promise.all([
    db
      .select({ id: s.units.id, name: s.units.name })
      .from(s.boardGoalUnits)
      .innerJoin(s.units, and(eq(s.units.organizationId, org), eq(s.units.id, s.boardGoalUnits.unitId)))
      .where(and(eq(s.boardGoalUnits.organizationId, org), eq(s.boardGoalUnits.boardGoalId, goalId)))
      .orderBy(s.boardGoalUnits.position),
    db
      .select({ id: s.indicators.id, name: s.indicators.name, archivedAt: s.indicators.archivedAt })
      .from(s.indicators)
      .where(and(eq(s.indicators.organizationId, org), eq(s.indicators.goalId, goalId)))
      .orderBy(s.indicators.sortOrder),
    newestVersions(
      db,
      'goalAssessments',
      org,
      versionColumns,
      and(eq(s.goalAssessments.goalId, goalId), eq(s.goalAssessments.periodId, periodId)),
      { withAuthor: true },
    ),
    loadPeriodLock(db, org, periodId),
  ]);
  const goalLive = isLive({ kind: 'goal', ...goal }, period);
  // The goal is judged on its live indicators only: the same ones the overview shows.
  const liveIndicators = indicators.filter((i) =>
    isLive({ kind: 'indicator', planYear: goal.planYear, planArchivedAt: goal.planArchivedAt, goalArchivedAt: goal.archivedAt, archivedAt: i.archivedAt }, period),
  );
  const values = liveIndicators.length
    ? await newestVersions(
        db,
        'indicatorValues',
        org,
        { id: s.indicatorValues.indicatorId, computed: s.indicatorValues.computedColour, chosen: s.indicatorValues.chosenColour },
        and(
          eq(s.indicatorValues.periodId, periodId),
          inArray(
            s.indicatorValues.indicatorId,
            liveIndicators.map((i) => i.id),
          ),
        ),
      )
    : [];
  const colourOf = new Map(values.map((v) => [v.id, v.chosen ?? v.computed]));
  const locked = isLockedFor(lock!, goal.boardId);
  const label = periodLabel(period.kind, period.year);
  return {
    goal: {
      id: goal.id,
      title: boardGoalTitle(goal.boardName, goal.number),
      text: goal.text,
      methodText: goal.methodText,
      rule: goal.rule,
      unitIds: units.map((u) => u.id),
      unitNames: units.map((u) => u.name),
    },
    period: { ...period, label },
    indicators: liveIndicators.map((i) => ({ id: i.id, name: i.name, colour: colourOf.get(i.id) ?? 'grey' })),
    needsForecast: period.kind === 'delar',
    live: goalLive,
    locked,
    canReport: goalLive && can(user, 'report', { kind: 'goal', organizationId: org, unitIds: units.map((u) => u.id), locked }),
    latest: latest[0] ? { ...latest[0], periodLabel: label, createdAt: latest[0].createdAt.toISOString() } : null,
  };
}

export async function saveGoalAssessment(db: Db, user: CurrentUser, input: GoalAssessmentInput): Promise<{ seq: number }> {
  const current = await getGoalAssessment(db, user, input.goalId, input.periodId);
  const org = user.organizationId;
  authorize(user, 'report', { kind: 'goal', organizationId: org, unitIds: current.goal.unitIds, locked: current.locked });
  if (!current.live) throw new ValidationError(ARCHIVED_MESSAGE);

  const judged = judgeGoalAssessment(input, {
    rule: current.goal.rule,
    indicatorColours: current.indicators.map((i) => i.colour),
    needsForecast: current.needsForecast,
  });
  if (!judged.ok) throw new ValidationError('Uppgifterna behöver rättas. Se markeringarna vid fälten.', judged.errors);
  return appendVersion(db, {
    baseSeq: input.baseSeq,
    newestSeq: current.latest?.seq ?? 0,
    newer: async () => (await getGoalAssessment(db, user, input.goalId, input.periodId)).latest,
    write: async (tx, seq) => {
      await tx.insert(s.goalAssessments).values({
        organizationId: org,
        goalId: input.goalId,
        periodId: input.periodId,
        seq,
        computedColour: judged.value.computedColour,
        chosenColour: judged.value.chosenColour,
        justification: judged.value.chosenColour ? input.justification : null,
        analysis: input.analysis.trim() ? input.analysis : null,
        forecastColour: judged.value.forecastColour,
        authorId: user.id,
      });
      await recordAudit(tx, {
        organizationId: org,
        actorId: user.id,
        action: 'goal_assessment.save',
        entityType: 'goal',
        entityId: input.goalId,
        changes: { periodId: input.periodId, seq, colour: judged.value.shownColour, forecast: judged.value.forecastColour },
      });
    },
  });
}

/** Every assessment version of a goal over all periods, newest first. */
export async function getGoalAssessmentHistory(db: Db, user: CurrentUser | null, goalId: string) {
  const org = authorizeInOwnOrganization(user, 'read', 'goal');
  const [[goal], rows] = await Promise.all([
    db
      .select({ id: s.boardGoals.id, number: s.boardGoals.number, text: s.boardGoals.text, boardName: s.units.name })
      .from(s.boardGoals)
      .innerJoin(s.plans, and(eq(s.plans.organizationId, org), eq(s.plans.id, s.boardGoals.planId)))
      .innerJoin(s.units, and(eq(s.units.organizationId, org), eq(s.units.id, s.plans.boardId)))
      .where(and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, goalId))),
    db
      .select({ ...versionColumns, periodId: s.goalAssessments.periodId, year: s.periods.year, kind: s.periods.kind })
      .from(s.goalAssessments)
      .innerJoin(s.users, and(eq(s.users.organizationId, org), eq(s.users.id, s.goalAssessments.authorId)))
      .innerJoin(s.periods, and(eq(s.periods.organizationId, org), eq(s.periods.id, s.goalAssessments.periodId)))
      .where(and(eq(s.goalAssessments.organizationId, org), eq(s.goalAssessments.goalId, goalId)))
      .orderBy(desc(s.periods.endDate), desc(s.goalAssessments.seq)),
  ]);
  if (!goal) throw new NotFoundError('goal');
  return {
    goal: { id: goal.id, title: boardGoalTitle(goal.boardName, goal.number), text: goal.text },
    versions: rows.map((r) => ({ ...r, periodLabel: periodLabel(r.kind, r.year), createdAt: r.createdAt.toISOString() })),
  };
}
