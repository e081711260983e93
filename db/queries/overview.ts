// The overview of a period (lib/overview.ts), for one board or the whole kommun: the
// period's content and, for the change on last year, the same period last year's, each
// through the one loader. A fixed number of queries whatever the size.
import 'server-only';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../client';
import * as s from '../schema';
import { getPeriod, periodColumns } from './periods';
import { loadPeriodContent } from '../period-content';
import type { CurrentUser } from '@/lib/current-user';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { periodLabel } from '@/lib/period';
import { buildOverviewParts } from '@/lib/overview-parts';
import { buildOverview, type OverviewDTO } from '@/lib/overview';
import { todayInStockholm } from '@/lib/time-format';

export type { PeriodDTO } from './periods';
export { getCurrentPeriod, getPeriod, listPeriods, periodIdFromQuery } from './periods';
export type { GoalDTO, IndicatorRowDTO, AssignmentSummaryDTO } from '@/lib/overview-parts';
export type { AssignmentLinks, BoardAssignmentsDTO, BoardRollupDTO, FocusAreaDTO, OverviewDTO } from '@/lib/overview';

/** `page`: the page of goals (lib/overview.ts pages a board's goals; the whole kommun of any size shows rollups). */
export async function getOverview(
  db: Db,
  user: CurrentUser | null,
  periodId: string,
  boardId: string | null = null,
  page = 1,
): Promise<OverviewDTO> {
  const period = await getPeriod(db, user, periodId);
  const org = authorizeInOwnOrganization(user, 'read', 'organization');
  const today = todayInStockholm();
  const [lastYearPeriod] = await db
    .select(periodColumns)
    .from(s.periods)
    .where(and(eq(s.periods.organizationId, org), eq(s.periods.year, period.year - 1), eq(s.periods.kind, period.kind)));
  // A board's overview reads only its plan (filtered in SQL); a board id that is no board of
  // this organization shows the whole kommun, read again unscoped (a rare path). Of last year
  // only the goals' colours count (lib/overview.ts: the change against last year): its
  // texts, assignments and reports are not read.
  const load = (scope: string | null) =>
    Promise.all([
      loadPeriodContent(db, org, period, { boardId: scope }),
      lastYearPeriod ? loadPeriodContent(db, org, lastYearPeriod, { boardId: scope, texts: false, assignments: false }) : null,
    ]);
  let [content, lastYearContent] = await load(boardId);
  const boards = content.units.filter((u) => u.kind === 'board').map((b) => ({ id: b.id, name: b.name }));
  const isBoard = boardId !== null && boards.some((b) => b.id === boardId);
  if (boardId !== null && !isBoard) [content, lastYearContent] = await load(null);
  return buildOverview({
    period,
    boardId: isBoard ? boardId : null,
    boards,
    allParts: buildOverviewParts(content, today),
    lastYearParts: lastYearContent ? buildOverviewParts(lastYearContent, today) : null,
    lastYearLabel: lastYearPeriod ? periodLabel(lastYearPeriod.kind, lastYearPeriod.year) : null,
    page,
  });
}
