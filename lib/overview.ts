// The overview of a period, for one board or the whole kommun: each målområde with its
// goals and their indicators, the rollup (goals by colour, "n av m mål uppfyllda", the
// full-year forecast at delår, the change against the same period last year) and its
// assignments by status — a pure function of the period's overview parts.
import type { Period } from './period';
import { COLOURS, type Colour } from './colour';
import { focusAreaRollup, type FocusAreaRollup } from './rollup';
import type { AssignmentSummaryDTO, GoalDTO, OverviewParts } from './overview-parts';
import { filtersToQuery, STATUS_FILTERS, type AssignmentFilters, type StatusFilter } from './assignment-filters';
import { genitive } from './swedish-text';
import { pageOfWeighted, type PageInfo } from './paging';

/** The whole kommun's overview lists its goals only up to this many; above, a rollup per board (issue 19). */
export const KOMMUN_GOALS_LISTED = 12;
/** A page of an overview that lists goals (a board's, or a small kommun's): at most this many goals and indicators. */
export const GOALS_PER_PAGE = { maxItems: 10, maxWeight: 24 };

/** A board's goals by colour, for the whole kommun's table of boards. */
export interface BoardRollupDTO {
  id: string;
  name: string;
  goals: Record<Colour, number>;
  total: number;
  met: number;
  /** The board's own assignments to its administration: how many, how many late, and the monitor filtered to them. */
  ownAssignments: { count: number; overdue: number; href: string };
}

/** Where an assignment count leads: the monitor (/uppdrag) filtered to exactly the assignments counted. */
export interface AssignmentLinks {
  all: string;
  byStatus: Record<StatusFilter, string>;
  overdue: string;
}

export function assignmentLinks(base: Partial<AssignmentFilters>): AssignmentLinks {
  const href = (more: Partial<AssignmentFilters>) => `/uppdrag?${filtersToQuery({ ...base, ...more })}`;
  return {
    all: href({}),
    byStatus: Object.fromEntries(STATUS_FILTERS.map((s) => [s, href({ status: s })])) as Record<StatusFilter, string>,
    overdue: href({ forsenat: '1' }),
  };
}

/** A board's own assignments to its administration (nämndens uppdrag till förvaltningen). */
export interface BoardAssignmentsDTO {
  boardId: string;
  /** "Kommunstyrelsens uppdrag till förvaltningen" */
  title: string;
  assignments: AssignmentSummaryDTO[];
  rollup: Pick<FocusAreaRollup, 'assignments' | 'overdue'>;
  links: AssignmentLinks;
}

export interface FocusAreaDTO {
  id: string;
  number: number | null;
  name: string;
  councilGoals: string[];
  notes: { heading: string | null; body: string }[];
  goals: GoalDTO[];
  assignments: AssignmentSummaryDTO[];
  rollup: FocusAreaRollup;
  /** The monitor filtered to the målområde's assignments (of the board shown), per status. */
  assignmentLinks: AssignmentLinks;
  /** Goals by full-year forecast, at delår (null otherwise). */
  forecast: Record<Colour, number> | null;
  /** At delår: no goal of the målområde has a forecast ("ingen prognos lämnad", not 0/0/0/0). */
  noForecast: boolean;
  /** Goals met in the same period last year (null when there is no such period or it had no goals here). */
  lastYearMet: number | null;
}

export interface OverviewDTO {
  period: Period;
  /** The board shown, or null for the whole kommun. */
  boardId: string | null;
  boards: { id: string; name: string }[];
  /** Boards whose period is approved: shown from their snapshots. */
  approvedBoards: { id: string; name: string }[];
  lastYearLabel: string | null;
  /**
   * The målområden shown: each with its rollup over all its goals, and `goals` only those of
   * the page shown (none when goals are not listed). Empty målområden are shown on page 1.
   */
  focusAreas: FocusAreaDTO[];
  /** Per board shown, the assignments it gave its administration, which no målområde holds. */
  boardAssignments: BoardAssignmentsDTO[];
  /**
   * Goals are listed (a board's overview, or a kommun with few goals); otherwise the whole
   * kommun shows rollups per målområde and per board, and a board's goals open on its own page.
   */
  listed: boolean;
  /** The page of goals shown (when listed). */
  goalPage: PageInfo;
  /** Per board with goals in the period, its goals by colour (the whole kommun's view). */
  boardRollups: BoardRollupDTO[];
  /** Every goal shown by the view, however paged, with what the policy needs to tell an editor's own. */
  responsibility: { id: string; unitIds: string[]; indicators: { id: string; responsibleUnitId: string }[] }[];
}

/** Only one board's part (or everything, for the whole kommun). */
export function forBoard(parts: OverviewParts, boardId: string | null): OverviewParts {
  if (!boardId) return parts;
  return {
    ...parts,
    goals: parts.goals.filter((g) => g.boardId === boardId),
    notes: parts.notes.filter((n) => n.boardId === boardId),
    assignments: parts.assignments.filter((a) => a.boardIds.includes(boardId)),
  };
}

export function buildOverview(input: {
  period: Period;
  boardId: string | null;
  boards: { id: string; name: string }[];
  allParts: OverviewParts;
  lastYearParts: OverviewParts | null;
  lastYearLabel: string | null;
  /** The page of goals asked for (1-based; clamped). */
  page?: number;
}): OverviewDTO {
  const { period, boardId, boards } = input;
  const parts = forBoard(input.allParts, boardId);
  const lastYear = input.lastYearParts ? forBoard(input.lastYearParts, boardId) : null;

  // A goal, note or assignment under a sub-area belongs to the sub-area's top-level målområde.
  const areaById = new Map(parts.areas.map((a) => [a.id, a]));
  const topOf = (id: string): string => {
    const parent = areaById.get(id)?.parentId;
    return parent && areaById.has(parent) ? topOf(parent) : id;
  };
  const lastYearMet = new Map<string, number>();
  for (const g of lastYear?.goals ?? []) {
    const top = topOf(g.focusAreaId);
    lastYearMet.set(top, (lastYearMet.get(top) ?? 0) + (g.colour === 'green' ? 1 : 0));
  }
  const lastYearAreas = new Set((lastYear?.goals ?? []).map((g) => topOf(g.focusAreaId)));
  const sortedGoals = [...parts.goals].sort((a, b) => a.boardName.localeCompare(b.boardName, 'sv') || a.number - b.number);
  const topAreas = parts.areas.filter((a) => a.parentId === null);
  const areaIndex = new Map(topAreas.map((a, i) => [a.id, i]));
  const listed = boardId !== null || sortedGoals.length <= KOMMUN_GOALS_LISTED;
  // Pages run through the goals in the order they are shown: by målområde, board, number.
  const inShownOrder = listed
    ? [...sortedGoals].sort((a, b) => (areaIndex.get(topOf(a.focusAreaId)) ?? 0) - (areaIndex.get(topOf(b.focusAreaId)) ?? 0))
    : [];
  const { items: pageGoals, info: goalPage } = pageOfWeighted(inShownOrder, input.page ?? 1, (g) => Math.max(1, g.indicators.length), GOALS_PER_PAGE);
  const onPage = new Set(pageGoals.map((g) => g.id));

  const focusAreas = topAreas
    .map((area): FocusAreaDTO => {
      const goals = sortedGoals.filter((g) => topOf(g.focusAreaId) === area.id);
      const assignments = parts.assignments.filter((a) => a.focusAreaId && topOf(a.focusAreaId) === area.id);
      const forecast = Object.fromEntries(COLOURS.map((c) => [c, 0])) as Record<Colour, number>;
      for (const g of goals) if (g.forecastColour) forecast[g.forecastColour] += 1;
      const forecastGiven = goals.some((g) => g.forecastColour);
      return {
        id: area.id,
        number: area.number,
        name: area.name,
        councilGoals: parts.councilGoals.filter((c) => topOf(c.focusAreaId) === area.id).map((c) => c.text),
        // A board's notes belong with its goals: not in the whole kommun's rollups.
        notes: listed ? parts.notes.filter((n) => topOf(n.focusAreaId) === area.id).map((n) => ({ heading: n.heading, body: n.body })) : [],
        goals: goals.filter((g) => onPage.has(g.id)),
        assignments,
        rollup: focusAreaRollup(
          goals.map((g) => g.colour ?? 'grey'),
          assignments.map((a) => ({ status: a.status, overdue: a.overdue })),
        ),
        assignmentLinks: assignmentLinks({ period: period.id, malomrade: area.id, namnd: boardId ?? '' }),
        forecast: period.kind === 'delar' ? forecast : null,
        noForecast: period.kind === 'delar' && !forecastGiven,
        lastYearMet: lastYearAreas.has(area.id) ? (lastYearMet.get(area.id) ?? 0) : null,
      };
    })
    .filter((area) => !listed || area.goals.length > 0 || (area.rollup.total === 0 && goalPage.page === 1));

  const boardRollups = boards.flatMap((board): BoardRollupDTO[] => {
    const goals = parts.goals.filter((g) => g.boardId === board.id);
    const own = parts.assignments.filter((a) => a.issuer === 'board' && a.boardIds.includes(board.id));
    if (goals.length === 0 && own.length === 0) return [];
    const { goals: byColour, total, met } = focusAreaRollup(goals.map((g) => g.colour ?? 'grey'), []);
    const ownAssignments = { count: own.length, overdue: own.filter((a) => a.overdue).length, href: assignmentLinks({ period: period.id, issuer: 'board', namnd: board.id }).all };
    return [{ id: board.id, name: board.name, goals: byColour, total, met, ownAssignments }];
  });

  const boardName = new Map(boards.map((b) => [b.id, b.name]));
  // The board's own assignments: issued by the board (the monitor's issuer=board&namnd=…).
  // The whole kommun's rollups count each board's own assignments in the table of boards instead.
  const boardAssignments = (boardId ? boards.filter((b) => b.id === boardId) : listed ? boards : []).flatMap((board): BoardAssignmentsDTO[] => {
    const own = parts.assignments.filter((a) => a.issuer === 'board' && a.boardIds.includes(board.id));
    if (own.length === 0) return [];
    const { assignments, overdue } = focusAreaRollup([], own.map((a) => ({ status: a.status, overdue: a.overdue })));
    return [
      {
        boardId: board.id,
        title: `${genitive(board.name)} uppdrag till förvaltningen`,
        assignments: [...own].sort((a, b) => a.title.localeCompare(b.title, 'sv')),
        rollup: { assignments, overdue },
        links: assignmentLinks({ period: period.id, issuer: 'board', namnd: board.id }),
      },
    ];
  });
  return {
    period,
    boardId,
    boards,
    approvedBoards: input.allParts.approvedBoards.map((id) => ({ id, name: boardName.get(id) ?? '' })),
    lastYearLabel: input.lastYearLabel,
    focusAreas,
    boardAssignments,
    listed,
    goalPage,
    boardRollups,
    responsibility: parts.goals.map((g) => ({
      id: g.id,
      unitIds: g.unitIds,
      indicators: g.indicators.map((i) => ({ id: i.id, responsibleUnitId: i.responsibleUnitId })),
    })),
  };
}
