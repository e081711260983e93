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
  focusAreas: FocusAreaDTO[];
  /** Per board shown, the assignments it gave its administration, which no målområde holds. */
  boardAssignments: BoardAssignmentsDTO[];
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

  const focusAreas = parts.areas
    .filter((a) => a.parentId === null)
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
        notes: parts.notes.filter((n) => topOf(n.focusAreaId) === area.id).map((n) => ({ heading: n.heading, body: n.body })),
        goals,
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
    });

  const boardName = new Map(boards.map((b) => [b.id, b.name]));
  // The board's own assignments: issued by the board (the monitor's issuer=board&namnd=…).
  const boardAssignments = (boardId ? boards.filter((b) => b.id === boardId) : boards).flatMap((board): BoardAssignmentsDTO[] => {
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
  };
}
