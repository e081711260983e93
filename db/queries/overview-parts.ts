// What a period's overview is made of, per board: its goals with their indicators and
// colours, its målområde notes, and the assignments it answers for with their status.
// A board whose period is approved is shown from the snapshot frozen at approval, so
// later edits of goal texts or targets never change it. A fixed number of queries.
import 'server-only';
import { and, asc, desc, eq, gte, isNull, lte, or } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import * as s from '../schema';
import { loadUnitTree } from '../unit-tree';
import { newestGoalAssessments, newestIndicatorValues } from './newest-in-period';
import type { PeriodDTO } from './periods';
import type { Colour } from '@/lib/colour';
import type { Trend } from '@/lib/trend';
import { goalAttainment, type GoalRule } from '@/lib/goal-rule';
import { assignmentStatus, isOverdue, type ReportStatus } from '@/lib/assignment-status';
import type { ReportModel } from '@/lib/report-model';

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
  boardId: string;
  boardName: string;
  focusAreaId: string;
  number: number;
  text: string;
  rule: GoalRule;
  /** The assessed colour, else the one the goal's rule gives; null under a manual rule not yet assessed. */
  colour: Colour | null;
  forecastColour: Colour | null;
  subAreaName: string | null;
  /** "Adressering": the units the goal is addressed to. */
  unitIds: string[];
  indicators: IndicatorRowDTO[];
}

export interface NoteDTO {
  boardId: string;
  focusAreaId: string;
  heading: string | null;
  body: string;
}

export interface AssignmentSummaryDTO {
  id: string;
  title: string;
  focusAreaId: string | null;
  /** The boards it belongs to: the issuing board and the boards of its responsible units. */
  boardIds: string[];
  status: ReportStatus | null;
  overdue: boolean;
}

/** What an approval freezes for one board (stored as JSON in approvals.snapshot). */
export interface BoardSnapshot {
  version: 1;
  goals: GoalDTO[];
  notes: NoteDTO[];
  assignments: AssignmentSummaryDTO[];
  /** The report ("Mål och uppdrag") exactly as it was at approval. */
  report?: ReportModel;
}

export interface OverviewParts {
  areas: { id: string; number: number | null; name: string; parentId: string | null }[];
  councilGoals: { focusAreaId: string; text: string }[];
  goals: GoalDTO[];
  notes: NoteDTO[];
  assignments: AssignmentSummaryDTO[];
  /** Boards whose period is approved; their goals, notes and assignments come from the snapshot. */
  approvedBoards: string[];
}

/** The live parts of a period, for every board (no snapshots applied). */
export async function loadLiveParts(db: Db, org: string, period: PeriodDTO, today: string): Promise<OverviewParts> {
  const validInYear = (from: AnyPgColumn, to: AnyPgColumn) => and(lte(from, period.year), or(isNull(to), gte(to, period.year)));
  const [areas, councilGoals, goals, goalUnits, indicatorRows, values, assessments, notes, assignments, assignmentUnits, reports, tree] =
    await Promise.all([
      db
        .select({ id: s.focusAreas.id, number: s.focusAreas.number, name: s.focusAreas.name, parentId: s.focusAreas.parentId })
        .from(s.focusAreas)
        .where(and(eq(s.focusAreas.organizationId, org), isNull(s.focusAreas.archivedAt), validInYear(s.focusAreas.validFrom, s.focusAreas.validTo)))
        .orderBy(asc(s.focusAreas.sortOrder)),
      db
        .select({ focusAreaId: s.councilGoals.focusAreaId, text: s.councilGoals.text })
        .from(s.councilGoals)
        .where(
          and(eq(s.councilGoals.organizationId, org), isNull(s.councilGoals.archivedAt), validInYear(s.councilGoals.validFrom, s.councilGoals.validTo)),
        )
        .orderBy(asc(s.councilGoals.sortOrder)),
      db
        .select({
          id: s.boardGoals.id,
          focusAreaId: s.boardGoals.focusAreaId,
          number: s.boardGoals.number,
          text: s.boardGoals.text,
          rule: s.boardGoals.rule,
          boardId: s.plans.boardId,
          boardName: s.units.name,
        })
        .from(s.boardGoals)
        .innerJoin(s.plans, and(eq(s.plans.organizationId, org), eq(s.plans.id, s.boardGoals.planId)))
        .innerJoin(s.units, and(eq(s.units.organizationId, org), eq(s.units.id, s.plans.boardId)))
        .where(and(eq(s.boardGoals.organizationId, org), eq(s.plans.year, period.year), isNull(s.boardGoals.archivedAt), isNull(s.plans.archivedAt)))
        .orderBy(asc(s.units.sortOrder), asc(s.boardGoals.number)),
      db
        .select({ goalId: s.boardGoalUnits.boardGoalId, unitId: s.boardGoalUnits.unitId })
        .from(s.boardGoalUnits)
        .innerJoin(s.boardGoals, and(eq(s.boardGoals.organizationId, org), eq(s.boardGoals.id, s.boardGoalUnits.boardGoalId)))
        .innerJoin(s.plans, and(eq(s.plans.organizationId, org), eq(s.plans.id, s.boardGoals.planId)))
        .where(and(eq(s.boardGoalUnits.organizationId, org), eq(s.plans.year, period.year)))
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
      newestIndicatorValues(db, org, period.id),
      newestGoalAssessments(db, org, period.id),
      db
        .selectDistinctOn([s.textBlockVersions.textBlockId], {
          focusAreaId: s.textBlocks.focusAreaId,
          boardId: s.plans.boardId,
          heading: s.textBlockVersions.heading,
          body: s.textBlockVersions.body,
        })
        .from(s.textBlockVersions)
        .innerJoin(s.textBlocks, and(eq(s.textBlocks.organizationId, org), eq(s.textBlocks.id, s.textBlockVersions.textBlockId)))
        .innerJoin(s.plans, and(eq(s.plans.organizationId, org), eq(s.plans.id, s.textBlocks.planId)))
        .where(and(eq(s.textBlockVersions.organizationId, org), eq(s.textBlocks.periodId, period.id), eq(s.textBlocks.slot, 'focus_area_note')))
        .orderBy(s.textBlockVersions.textBlockId, desc(s.textBlockVersions.seq)),
      db
        .select({
          id: s.assignments.id,
          title: s.assignments.title,
          focusAreaId: s.assignments.focusAreaId,
          issuerBoardId: s.assignments.issuerBoardId,
          dueDate: s.assignments.dueDate,
        })
        .from(s.assignments)
        .where(and(eq(s.assignments.organizationId, org), isNull(s.assignments.archivedAt)))
        .orderBy(asc(s.assignments.sortOrder)),
      db
        .select({ assignmentId: s.assignmentUnits.assignmentId, unitId: s.assignmentUnits.unitId })
        .from(s.assignmentUnits)
        .where(eq(s.assignmentUnits.organizationId, org)),
      db
        .selectDistinctOn([s.assignmentReports.assignmentId, s.assignmentReports.unitId], {
          assignmentId: s.assignmentReports.assignmentId,
          unitId: s.assignmentReports.unitId,
          status: s.assignmentReports.status,
        })
        .from(s.assignmentReports)
        .where(and(eq(s.assignmentReports.organizationId, org), eq(s.assignmentReports.periodId, period.id)))
        .orderBy(s.assignmentReports.assignmentId, s.assignmentReports.unitId, desc(s.assignmentReports.seq)),
      loadUnitTree(db, org),
    ]);

  const valueOf = new Map(values.map((v) => [v.indicatorId, v]));
  const assessmentOf = new Map(assessments.map((a) => [a.goalId, a]));
  const group = <T, K>(rows: T[], key: (row: T) => K) => {
    const map = new Map<K, T[]>();
    for (const row of rows) map.set(key(row), [...(map.get(key(row)) ?? []), row]);
    return map;
  };
  const unitsOfGoal = group(goalUnits, (u) => u.goalId);
  const indicatorsOfGoal = group(indicatorRows, (i) => i.goalId);
  const unitsOfAssignment = group(assignmentUnits, (u) => u.assignmentId);
  const statusOf = new Map(reports.map((r) => [`${r.assignmentId}:${r.unitId}`, r.status]));
  const areaById = new Map(areas.map((a) => [a.id, a]));

  return {
    areas,
    councilGoals,
    approvedBoards: [],
    goals: goals.map((g): GoalDTO => {
      const indicators = (indicatorsOfGoal.get(g.id) ?? []).map((ind): IndicatorRowDTO => {
        const v = valueOf.get(ind.id);
        return {
          ...ind,
          outcome: v?.outcome ?? null,
          referenceNote: v?.referenceNote ?? null,
          colour: v ? (v.chosenColour ?? v.computedColour) : 'grey',
          trend: v ? (v.chosenTrend ?? v.computedTrend) : null,
          analysis: v?.analysis ?? null,
          reported: v !== undefined,
        };
      });
      const assessed = assessmentOf.get(g.id);
      const sub = areaById.get(g.focusAreaId);
      return {
        id: g.id,
        boardId: g.boardId,
        boardName: g.boardName,
        focusAreaId: g.focusAreaId,
        number: g.number,
        text: g.text,
        rule: g.rule,
        colour: assessed?.chosenColour ?? assessed?.computedColour ?? goalAttainment(g.rule, indicators.map((i) => i.colour)),
        forecastColour: assessed?.forecastColour ?? null,
        subAreaName: sub?.parentId ? sub.name : null,
        unitIds: (unitsOfGoal.get(g.id) ?? []).map((u) => u.unitId),
        indicators,
      };
    }),
    notes: notes.flatMap((n) => (n.focusAreaId ? [{ boardId: n.boardId, focusAreaId: n.focusAreaId, heading: n.heading, body: n.body }] : [])),
    assignments: assignments.map((a): AssignmentSummaryDTO => {
      const units = (unitsOfAssignment.get(a.id) ?? []).map((u) => u.unitId);
      const status = assignmentStatus(units.map((u) => statusOf.get(`${a.id}:${u}`) ?? null));
      const boards = new Set<string>();
      if (a.issuerBoardId) boards.add(a.issuerBoardId);
      for (const u of units) {
        const board = tree.boardOf(u);
        if (board) boards.add(board);
      }
      return {
        id: a.id,
        title: a.title,
        focusAreaId: a.focusAreaId,
        boardIds: [...boards],
        status,
        overdue: isOverdue(status, a.dueDate, today),
      };
    }),
  };
}

/** One board's part of the live parts: what its approval freezes. */
export function boardSnapshot(parts: OverviewParts, boardId: string): BoardSnapshot {
  return {
    version: 1,
    goals: parts.goals.filter((g) => g.boardId === boardId),
    notes: parts.notes.filter((n) => n.boardId === boardId),
    assignments: parts.assignments.filter((a) => a.boardIds.includes(boardId)),
  };
}

/** The snapshots of the boards whose newest approval row for the period is an approval. */
export async function loadApprovedSnapshots(db: Db, org: string, periodId: string): Promise<Map<string, BoardSnapshot>> {
  const rows = await db
    .selectDistinctOn([s.approvals.boardId], { boardId: s.approvals.boardId, action: s.approvals.action, snapshot: s.approvals.snapshot })
    .from(s.approvals)
    .where(and(eq(s.approvals.organizationId, org), eq(s.approvals.periodId, periodId)))
    .orderBy(s.approvals.boardId, desc(s.approvals.seq));
  return new Map(rows.filter((r) => r.action === 'approved' && r.snapshot).map((r) => [r.boardId, r.snapshot as BoardSnapshot]));
}

/** The parts of a period as they are to be shown: live, with approved boards from their snapshots. */
export async function loadOverviewParts(db: Db, org: string, period: PeriodDTO, today: string): Promise<OverviewParts> {
  const [live, snapshots] = await Promise.all([loadLiveParts(db, org, period, today), loadApprovedSnapshots(db, org, period.id)]);
  if (snapshots.size === 0) return live;
  const frozen = [...snapshots.keys()];
  const isFrozen = (boardIds: string[]) => boardIds.some((b) => snapshots.has(b));
  const frozenAssignments = new Map<string, AssignmentSummaryDTO>();
  for (const snapshot of snapshots.values()) for (const a of snapshot.assignments) frozenAssignments.set(a.id, a);
  return {
    ...live,
    approvedBoards: frozen,
    goals: [...live.goals.filter((g) => !snapshots.has(g.boardId)), ...[...snapshots.values()].flatMap((sn) => sn.goals)],
    notes: [...live.notes.filter((n) => !snapshots.has(n.boardId)), ...[...snapshots.values()].flatMap((sn) => sn.notes)],
    assignments: [
      ...live.assignments.filter((a) => !isFrozen(a.boardIds) && !frozenAssignments.has(a.id)),
      ...frozenAssignments.values(),
    ],
  };
}

