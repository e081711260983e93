// The overview's parts of a period, per board: its goals with their indicators and
// colours, its målområde notes, and the assignments it answers for with their status —
// built from the period's live content. A board whose period is approved is shown from
// the snapshot frozen at approval, so later edits of goal texts or targets never change it.
import type { Colour } from './colour';
import type { Trend } from './trend';
import { goalAttainment, type GoalRule } from './goal-rule';
import { assignmentStatus, isOverdue, overdueDay, type ReportStatus } from './assignment-status';
import type { DocumentChapter } from './board-document';
import type { ReportModel } from './report-model';
import type { WorkbookModel } from './report-workbook-model';
import { ContentIndex, liveContent, type PeriodContent } from './period-content';

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
  /** The colour shown was chosen by the reporter, with this justification (absent in snapshots made before). */
  colourChoice?: ReporterChoice | null;
  /** The arrow shown was set by the reporter, with this justification (absent in snapshots made before). */
  trendChoice?: ReporterChoice | null;
  analysis: string | null;
  reported: boolean;
  responsibleUnitId: string;
}

/** A colour or arrow the reporter chose instead of the computed one, and why. */
export interface ReporterChoice {
  justification: string;
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
  /** The colour was chosen by the reporter, with this justification (absent in snapshots made before). */
  colourChoice?: ReporterChoice | null;
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
  /** Who gave it (missing in snapshots frozen before this field existed). */
  issuer?: 'council' | 'board';
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
  /** The workbook (XLSX) exactly as it was at approval (snapshots since the one period model). */
  workbook?: WorkbookModel;
  /** The whole document's chapters exactly as they were at approval (issue 15). */
  chapters?: DocumentChapter[];
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

/** The live parts of a period, for every board (no snapshots applied); "Försenat" as of lib/assignment-status overdueDay. */
export function buildLiveParts(content: PeriodContent, today: string): OverviewParts {
  const live = liveContent(content);
  const index = new ContentIndex(live);
  const { tree } = index;
  const areaById = new Map(live.focusAreas.map((a) => [a.id, a]));
  const boardOrder = new Map(live.units.map((u, i) => [u.id, i]));
  const goals = [...live.goals].sort((a, b) => (boardOrder.get(a.boardId) ?? 0) - (boardOrder.get(b.boardId) ?? 0) || a.number - b.number);
  return {
    areas: live.focusAreas.map(({ id, number, name, parentId }) => ({ id, number, name, parentId })),
    councilGoals: live.councilGoals.map(({ focusAreaId, text }) => ({ focusAreaId, text })),
    approvedBoards: [],
    goals: goals.map((g): GoalDTO => {
      const indicators = index.indicatorsOfGoal(g.id).map((ind): IndicatorRowDTO => {
        const v = index.value(ind.id);
        return {
          id: ind.id,
          name: ind.name,
          targetLabel: ind.targetLabel,
          decimals: ind.decimals,
          responsibleUnitId: ind.responsibleUnitId,
          outcome: v?.outcome ?? null,
          referenceNote: v?.referenceNote ?? null,
          colour: index.indicatorColour(ind.id),
          trend: index.indicatorTrend(ind.id),
          colourChoice: v?.chosenColour ? { justification: v.colourJustification ?? '' } : null,
          trendChoice: v?.chosenTrend ? { justification: v.trendJustification ?? '' } : null,
          analysis: v?.analysis ?? null,
          reported: v !== undefined,
        };
      });
      const assessed = index.assessment(g.id);
      const sub = areaById.get(g.focusAreaId);
      return {
        id: g.id,
        boardId: g.boardId,
        boardName: tree.name(g.boardId),
        focusAreaId: g.focusAreaId,
        number: g.number,
        text: g.text,
        rule: g.rule,
        colour: assessed?.chosenColour ?? assessed?.computedColour ?? goalAttainment(g.rule, indicators.map((i) => i.colour)),
        colourChoice: assessed?.chosenColour ? { justification: assessed.justification ?? '' } : null,
        forecastColour: assessed?.forecastColour ?? null,
        subAreaName: sub?.parentId ? sub.name : null,
        unitIds: g.unitIds,
        indicators,
      };
    }),
    notes: live.texts.flatMap((t) => {
      const plan = live.plans.find((p) => p.id === t.planId);
      return t.slot === 'focus_area_note' && t.focusAreaId && plan
        ? [{ boardId: plan.boardId, focusAreaId: t.focusAreaId, heading: t.heading, body: t.body }]
        : [];
    }),
    assignments: live.assignments.map((a): AssignmentSummaryDTO => {
      const status = assignmentStatus(a.unitIds.map((u) => index.report(a.id, u)?.status ?? null));
      return {
        id: a.id,
        title: a.title,
        focusAreaId: a.focusAreaId,
        issuer: a.issuer,
        boardIds: assignmentBoards(a, (u) => tree.boardOf(u)),
        status,
        overdue: isOverdue(status, a.dueDate, overdueDay(live.period, today)),
      };
    }),
  };
}

/** The boards an assignment belongs to: the issuing board and the boards of its responsible units. */
export function assignmentBoards(a: { issuerBoardId: string | null; unitIds: string[] }, boardOf: (unitId: string) => string | null): string[] {
  const boards = new Set<string>();
  if (a.issuerBoardId) boards.add(a.issuerBoardId);
  for (const u of a.unitIds) {
    const board = boardOf(u);
    if (board) boards.add(board);
  }
  return [...boards];
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
export function approvedSnapshots(content: PeriodContent): Map<string, BoardSnapshot> {
  return new Map(
    content.approvals.flatMap((a) => (a.action === 'approved' && a.snapshot ? [[a.boardId, a.snapshot as BoardSnapshot] as const] : [])),
  );
}

/** The parts of a period as they are to be shown: live, with approved boards from their snapshots. */
export function buildOverviewParts(content: PeriodContent, today: string): OverviewParts {
  const live = buildLiveParts(content, today);
  const snapshots = approvedSnapshots(content);
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
