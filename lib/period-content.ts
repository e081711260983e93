// A period's content: everything any screen or file of the period shows, as loaded by the
// one loader (db/period-content.ts) — structure with its archive marks, and the newest
// version of every value, assessment, report, text, readiness and approval. Every surface
// is a pure function of this (lib/overview-parts.ts, lib/report-build.ts,
// lib/my-reporting.ts, lib/deviations.ts, …) and asks lib/live.ts what is live.
import type { Colour } from './colour';
import type { Trend } from './trend';
import type { GoalRule } from './goal-rule';
import type { ReportStatus } from './assignment-status';
import type { Target } from './target';
import type { Frequency } from './frequency';
import type { Period, PeriodKind } from './period';
import { isLive } from './live';
import { UnitTree, type UnitNode } from './unit-tree';
import { isLockedFor, isLockedForAny, periodLock, type PeriodLock } from './period-lock';
import type { RankContext } from './kolada-rank';

type Archived = Date | string | null;

export interface ContentFocusArea {
  id: string;
  number: number | null;
  name: string;
  parentId: string | null;
  validFrom: number;
  validTo: number | null;
  archivedAt: Archived;
}

export interface ContentCouncilGoal {
  id: string;
  focusAreaId: string;
  text: string;
  phrase: string | null;
  validFrom: number;
  validTo: number | null;
  archivedAt: Archived;
}

export interface ContentPlan {
  id: string;
  code: string;
  boardId: string;
  year: number;
  archivedAt: Archived;
}

export interface ContentGoal {
  id: string;
  code: string;
  planId: string;
  planYear: number;
  planArchivedAt: Archived;
  boardId: string;
  focusAreaId: string;
  number: number;
  text: string;
  methodText: string | null;
  rule: GoalRule;
  /** The report's table has the seed's "År | 2024 | 2024" row under its header. */
  reportYearRow?: boolean;
  archivedAt: Archived;
  /** "Bäring på": the council goals, in their order. */
  councilGoalIds: string[];
  /** "Adressering": the responsible units, in order. */
  unitIds: string[];
}

export interface ContentIndicator {
  id: string;
  code: string;
  goalId: string;
  planYear: number;
  planArchivedAt: Archived;
  goalArchivedAt: Archived;
  name: string;
  unitOfMeasure: string | null;
  decimals: number;
  target: Target;
  targetLabel: string;
  trendTolerance: number | null;
  frequency: Frequency;
  yearlyPeriodKind: PeriodKind | null;
  baselineValue: number | null;
  baselineYear: number | null;
  responsibleUnitId: string;
  continuesId: string | null;
  archivedAt: Archived;
}

export interface ContentAssignment {
  id: string;
  code: string;
  issuer: 'council' | 'board';
  issuerBoardId: string | null;
  decisionDate: string | null;
  diaryNumber: string | null;
  title: string;
  description: string | null;
  focusAreaId: string | null;
  dueDate: string | null;
  groupLabel: string | null;
  archivedAt: Archived;
  /** The responsible units, in order. */
  unitIds: string[];
}

/** The newest version of an indicator's value in the period. */
export interface ContentValue {
  indicatorId: string;
  seq: number;
  outcome: number | null;
  referenceNote: string | null;
  analysis: string | null;
  computedColour: Colour;
  chosenColour: Colour | null;
  /** Why the reporter chose the colour (set with chosenColour). */
  colourJustification: string | null;
  computedTrend: Trend | null;
  chosenTrend: Trend | null;
  /** Why the reporter set the arrow (set with chosenTrend). */
  trendJustification: string | null;
  /** A value fetched from Kolada: the kommun's place in the län it was made of (issue 18). */
  koladaContext?: RankContext | null;
}

export interface ContentAssessment {
  goalId: string;
  seq: number;
  computedColour: Colour | null;
  chosenColour: Colour | null;
  /** Why the reporter chose the colour (set with chosenColour). */
  justification: string | null;
  forecastColour: Colour | null;
  analysis: string | null;
}

export interface ContentReport {
  assignmentId: string;
  unitId: string;
  seq: number;
  status: ReportStatus | null;
  heading: string | null;
  body: string | null;
  createdAt: string;
}

export interface ContentText {
  planId: string;
  slot: 'goals_intro' | 'focus_area_note' | 'overall_perspective' | 'assignments_intro';
  focusAreaId: string | null;
  seq: number;
  heading: string | null;
  body: string;
}

export interface ContentReadiness {
  unitId: string;
  seq: number;
  ready: boolean;
  /** Why the unit marked itself ready with items unreported (or the send-back that took it away). */
  comment: string | null;
}

/** A revision request that no later save of its item has answered. */
export interface ContentRevision {
  itemKind: 'indicator' | 'goal' | 'assignment' | 'narrative';
  itemId: string;
  unitId: string;
  comment: string;
  authorName: string;
  createdAt: string;
}

/** The newest approval row of a board's period; the snapshot only with 'approved'. */
export interface ContentApproval {
  boardId: string;
  seq: number;
  action: 'approved' | 'reopened';
  reason: string | null;
  authorName: string;
  createdAt: string;
  snapshot: unknown;
}

/** A chapter of the organization's report template for the period's kind (issue 15). */
export interface ContentChapter {
  id: string;
  kind: ChapterKind;
  title: string;
  archivedAt: Archived;
}

/** A part of a chapter, written by one unit; heading null: the chapter's opening text. */
export interface ContentChapterPart {
  id: string;
  chapterId: string;
  heading: string | null;
  unitId: string;
  archivedAt: Archived;
}

/** The newest version of a chapter part's text in the period. */
export interface ContentNarrative {
  partId: string;
  seq: number;
  body: string;
  authorName: string;
  createdAt: string;
}

export type ChapterKind = 'narrative' | 'goals' | 'overall_perspective' | 'board_assignments' | 'finance_result' | 'investments';

export interface PeriodContent {
  period: Period;
  units: UnitNode[];
  focusAreas: ContentFocusArea[];
  councilGoals: ContentCouncilGoal[];
  /** The plans of the period's year (archived ones too: ask isLive). */
  plans: ContentPlan[];
  goals: ContentGoal[];
  indicators: ContentIndicator[];
  assignments: ContentAssignment[];
  values: ContentValue[];
  assessments: ContentAssessment[];
  reports: ContentReport[];
  texts: ContentText[];
  readiness: ContentReadiness[];
  revisions: ContentRevision[];
  approvals: ContentApproval[];
  /** The report template's chapters for the period's kind, in order (archived ones too). */
  chapters: ContentChapter[];
  /** Their parts, in order within each chapter (archived ones too). */
  chapterParts: ContentChapterPart[];
  narratives: ContentNarrative[];
}

/** The content with only what is live in the period (lib/live.ts decides, nothing else). */
export function liveContent(content: PeriodContent): PeriodContent {
  const { period } = content;
  // The rule is asked with only the fields it reads: a copy of every goal and indicator was
  // a large kommun's thousands of objects per page (issue 19).
  const goals = content.goals.filter((g) =>
    isLive({ kind: 'goal', planYear: g.planYear, planArchivedAt: g.planArchivedAt, archivedAt: g.archivedAt }, period),
  );
  const goalIds = new Set(goals.map((g) => g.id));
  const indicators = content.indicators.filter(
    (i) =>
      goalIds.has(i.goalId) &&
      isLive({ kind: 'indicator', planYear: i.planYear, planArchivedAt: i.planArchivedAt, goalArchivedAt: i.goalArchivedAt, archivedAt: i.archivedAt }, period),
  );
  const plans = content.plans.filter((p) => isLive({ kind: 'plan', planYear: p.year, archivedAt: p.archivedAt }, period));
  const planIds = new Set(plans.map((p) => p.id));
  const chapterArchivedAt = new Map(content.chapters.map((c) => [c.id, c.archivedAt]));
  return {
    ...content,
    focusAreas: content.focusAreas.filter((a) => isLive({ kind: 'focus_area', ...a }, period)),
    councilGoals: content.councilGoals.filter((c) => isLive({ kind: 'council_goal', ...c }, period)),
    plans,
    goals,
    indicators,
    assignments: content.assignments.filter((a) => isLive({ kind: 'assignment', archivedAt: a.archivedAt }, period)),
    texts: content.texts.filter((t) => planIds.has(t.planId)),
    chapters: content.chapters.filter((c) => isLive({ kind: 'chapter', archivedAt: c.archivedAt }, period)),
    chapterParts: content.chapterParts.filter((p) =>
      isLive({ kind: 'chapter_part', archivedAt: p.archivedAt, chapterArchivedAt: chapterArchivedAt.get(p.chapterId) ?? null }, period),
    ),
  };
}

/** Lookups over a period's content, built once per content. */
export class ContentIndex {
  readonly tree: UnitTree;
  private readonly valueOf: Map<string, ContentValue>;
  private readonly assessmentOf: Map<string, ContentAssessment>;
  private readonly reportOf: Map<string, ContentReport>;
  private readonly readinessOf: Map<string, ContentReadiness>;
  private readonly approvalOf: Map<string, ContentApproval>;
  private readonly indicatorsOf = new Map<string, ContentIndicator[]>();

  constructor(readonly content: PeriodContent) {
    this.tree = new UnitTree(content.units);
    this.valueOf = new Map(content.values.map((v) => [v.indicatorId, v]));
    this.assessmentOf = new Map(content.assessments.map((a) => [a.goalId, a]));
    this.reportOf = new Map(content.reports.map((r) => [`${r.assignmentId}:${r.unitId}`, r]));
    this.readinessOf = new Map(content.readiness.map((r) => [r.unitId, r]));
    this.approvalOf = new Map(content.approvals.map((a) => [a.boardId, a]));
    for (const i of content.indicators) {
      const ofGoal = this.indicatorsOf.get(i.goalId);
      if (ofGoal) ofGoal.push(i);
      else this.indicatorsOf.set(i.goalId, [i]);
    }
  }

  value(indicatorId: string): ContentValue | undefined {
    return this.valueOf.get(indicatorId);
  }

  /** The colour shown for an indicator: the reporter's choice, else the computed one; grey when not reported. */
  indicatorColour(indicatorId: string): Colour {
    const v = this.valueOf.get(indicatorId);
    return v ? (v.chosenColour ?? v.computedColour) : 'grey';
  }

  indicatorTrend(indicatorId: string): Trend | null {
    const v = this.valueOf.get(indicatorId);
    return v ? (v.chosenTrend ?? v.computedTrend) : null;
  }

  indicatorsOfGoal(goalId: string): ContentIndicator[] {
    return this.indicatorsOf.get(goalId) ?? [];
  }

  assessment(goalId: string): ContentAssessment | undefined {
    return this.assessmentOf.get(goalId);
  }

  report(assignmentId: string, unitId: string): ContentReport | undefined {
    return this.reportOf.get(`${assignmentId}:${unitId}`);
  }

  readiness(unitId: string): ContentReadiness | undefined {
    return this.readinessOf.get(unitId);
  }

  /** The newest approval row of the board's period (approved or reopened). */
  approval(boardId: string): ContentApproval | undefined {
    return this.approvalOf.get(boardId);
  }

  /**
   * The boards a unit's part of the period belongs to: its own board, or for a unit outside
   * every board (an external body), the boards of the goals and indicators it (or a unit
   * below it) answers for. Ask it of live content.
   */
  boardsOfUnit(unitId: string): string[] {
    const own = this.tree.boardOf(unitId);
    if (own) return [own];
    const inScope = new Set(this.tree.units.filter((u) => this.tree.ancestry(u.id).includes(unitId)).map((u) => u.id));
    const goalBoard = new Map(this.content.goals.map((g) => [g.id, g.boardId]));
    const boards = new Set<string>();
    for (const g of this.content.goals) if (g.unitIds.some((u) => inScope.has(u))) boards.add(g.boardId);
    for (const i of this.content.indicators) {
      const board = goalBoard.get(i.goalId);
      if (board && inScope.has(i.responsibleUnitId)) boards.add(board);
    }
    return [...boards];
  }

  /** The period's lock (lib/period-lock.ts). */
  get lock(): PeriodLock {
    return periodLock(this.content.period.state, this.content.approvals);
  }

  isLockedFor(boardId: string | null): boolean {
    return isLockedFor(this.lock, boardId);
  }

  isLockedForAny(boardIds: string[]): boolean {
    return isLockedForAny(this.lock, boardIds);
  }
}
