// "Avvikelser" (lib/deviations.ts) for a period, for the whole kommun or one board, from the
// period's content through the one loader.
import 'server-only';
import type { Db } from './client';
import { loadUnitTree } from './unit-tree';
import { listPeriods, type PeriodDTO } from './queries/periods';
import { loadPeriodContent } from './period-content';
import { NotFoundError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { buildDeviations, type DeviationsDTO } from '@/lib/deviations';
import { todayInStockholm } from '@/lib/time-format';

export { DEVIATION_KINDS, DEVIATIONS_PER_PAGE, deviationHeading, type DeviationDTO, type DeviationGroupDTO, type DeviationKind, type DeviationsDTO } from '@/lib/deviations';

/** The boards (nämnder/styrelser) of the user's organization, in tree order, for the filter. */
export async function listBoards(db: Db, user: CurrentUser | null): Promise<{ id: string; name: string }[]> {
  const org = authorizeInOwnOrganization(user, 'read', 'unit');
  const tree = await loadUnitTree(db, org);
  return tree.units.filter((u) => u.kind === 'board').map((u) => ({ id: u.id, name: u.name }));
}

/**
 * NotFoundError for an unknown period or board. `today` (ISO date) decides what is overdue;
 * `page` the page of entries shown (lib/deviations.ts DEVIATIONS_PER_PAGE a page). Also the
 * organization's periods for the page's period picker: the period shown is found among them
 * (one read for both), and the board picker's boards come from the content's units.
 */
export async function getDeviations(
  db: Db,
  user: CurrentUser | null,
  periodId: string,
  boardId: string | null,
  today: string = todayInStockholm(),
  page = 1,
): Promise<DeviationsDTO & { boards: { id: string; name: string }[]; periods: PeriodDTO[] }> {
  const org = authorizeInOwnOrganization(user, 'read', 'period');
  const periods = await listPeriods(db, user);
  const period = periods.find((p) => p.id === periodId);
  if (!period) throw new NotFoundError('period');
  // A board's page reads only its plan (filtered in SQL); an unknown board is not found.
  // Avvikelser shows no written texts: their four reads are left out (texts: false).
  const content = await loadPeriodContent(db, org, period, { boardId, texts: false });
  if (boardId !== null && !content.units.some((u) => u.id === boardId && u.kind === 'board')) throw new NotFoundError('board');
  // The board picker's boards come from the content's units (in the order listBoards gives): no second read.
  const boards = content.units.filter((u) => u.kind === 'board').map((u) => ({ id: u.id, name: u.name }));
  return { ...buildDeviations(content, user, boardId, today, page), boards, periods };
}
