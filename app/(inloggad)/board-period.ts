// What a board's page (attest, rapport) shows and offers in its picker: the period and the
// board from the query, else the current period and the first board; an unknown id is not found.
import 'server-only';
import { notFound } from 'next/navigation';
import type { Db } from '@/db/client';
import { listBoards } from '@/db/deviations';
import { listPeriods, periodIdFromQuery } from '@/db/queries/overview';
import type { CurrentUser } from '@/lib/current-user';
import { parseId } from '@/lib/route-params';

export async function boardAndPeriodFromQuery(db: Db, user: CurrentUser, query: { period?: string; namnd?: string }) {
  const [periodId, boards, periods] = await Promise.all([
    periodIdFromQuery(db, user, query.period),
    listBoards(db, user),
    listPeriods(db, user),
  ]);
  const boardId = parseId(query.namnd) ?? boards[0]?.id ?? null;
  if (!periodId || !boardId) notFound();
  return { periodId, boardId, boards, periods };
}
