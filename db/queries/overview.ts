// The overview of a period, for one board or the whole kommun: each målområde with its
// goals and their indicators, the rollup (goals by colour, "n av m mål uppfyllda", the
// full-year forecast at delår, the change against the same period last year) and its
// assignments by status. A fixed number of queries whatever the size.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import * as s from '../schema';
import { getPeriod, type PeriodDTO } from './periods';
import { loadOverviewParts, type AssignmentSummaryDTO, type GoalDTO, type OverviewParts } from './overview-parts';
import type { CurrentUser } from '@/lib/current-user';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { COLOURS, type Colour } from '@/lib/colour';
import { focusAreaRollup, type FocusAreaRollup } from '@/lib/rollup';
import { periodLabel } from '@/lib/period';

export type { PeriodDTO } from './periods';
export { getCurrentPeriod, getPeriod, listPeriods, periodIdFromQuery } from './periods';
export type { GoalDTO, IndicatorRowDTO, AssignmentSummaryDTO } from './overview-parts';

export interface FocusAreaDTO {
  id: string;
  number: number | null;
  name: string;
  councilGoals: string[];
  notes: { heading: string | null; body: string }[];
  goals: GoalDTO[];
  assignments: AssignmentSummaryDTO[];
  rollup: FocusAreaRollup;
  /** Goals by full-year forecast, at delår (null otherwise). */
  forecast: Record<Colour, number> | null;
  /** Goals met in the same period last year (null when there is no such period or it had no goals here). */
  lastYearMet: number | null;
}

export interface OverviewDTO {
  period: PeriodDTO;
  /** The board shown, or null for the whole kommun. */
  boardId: string | null;
  boards: { id: string; name: string }[];
  /** Boards whose period is approved: shown from their snapshots. */
  approvedBoards: { id: string; name: string }[];
  lastYearLabel: string | null;
  focusAreas: FocusAreaDTO[];
}

function forBoard(parts: OverviewParts, boardId: string | null): OverviewParts {
  if (!boardId) return parts;
  return {
    ...parts,
    goals: parts.goals.filter((g) => g.boardId === boardId),
    notes: parts.notes.filter((n) => n.boardId === boardId),
    assignments: parts.assignments.filter((a) => a.boardIds.includes(boardId)),
  };
}

export async function getOverview(db: Db, user: CurrentUser | null, periodId: string, boardId: string | null = null): Promise<OverviewDTO> {
  const period = await getPeriod(db, user, periodId);
  const org = authorizeInOwnOrganization(user, 'read', 'organization');
  const today = new Date().toISOString().slice(0, 10);
  const [lastYearPeriod] = await db
    .select({ id: s.periods.id, year: s.periods.year, kind: s.periods.kind, endDate: s.periods.endDate, deadline: s.periods.deadline, state: s.periods.state })
    .from(s.periods)
    .where(and(eq(s.periods.organizationId, org), eq(s.periods.year, period.year - 1), eq(s.periods.kind, period.kind)));
  const [allParts, lastYearParts, boardRows] = await Promise.all([
    loadOverviewParts(db, org, period, today),
    lastYearPeriod ? loadOverviewParts(db, org, lastYearPeriod, today) : null,
    db
      .select({ id: s.units.id, name: s.units.name })
      .from(s.units)
      .where(and(eq(s.units.organizationId, org), eq(s.units.kind, 'board')))
      .orderBy(s.units.sortOrder),
  ]);
  if (boardId && !boardRows.some((b) => b.id === boardId)) boardId = null; // not a board of this organization
  const parts = forBoard(allParts, boardId);
  const lastYear = lastYearParts ? forBoard(lastYearParts, boardId) : null;

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
        forecast: period.kind === 'delar' ? forecast : null,
        lastYearMet: lastYearAreas.has(area.id) ? (lastYearMet.get(area.id) ?? 0) : null,
      };
    });

  const boardName = new Map(boardRows.map((b) => [b.id, b.name]));
  return {
    period,
    boardId,
    boards: boardRows,
    approvedBoards: allParts.approvedBoards.map((id) => ({ id, name: boardName.get(id) ?? '' })),
    lastYearLabel: lastYearPeriod ? periodLabel(lastYearPeriod.kind, lastYearPeriod.year) : null,
    focusAreas,
  };
}
