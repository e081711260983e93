// Periods of the user's organization: the current one, one by id, all of them.
import 'server-only';
import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../client';
import * as s from '../schema';
import { NotFoundError } from '@/lib/errors';
import type { Period } from '@/lib/period';
import type { CurrentUser } from '@/lib/current-user';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { parseId } from '@/lib/route-params';
import { builtOnce } from '../prepared';

export type PeriodDTO = Period;

export const periodColumns = {
  id: s.periods.id,
  year: s.periods.year,
  kind: s.periods.kind,
  endDate: s.periods.endDate,
  deadline: s.periods.deadline,
  state: s.periods.state,
};

// The two reads of nearly every page (the period a page shows when the URL names none, and
// the period pickers), built once (db/prepared.ts).
const currentPeriodQuery = builtOnce((db) =>
  db
    .select(periodColumns)
    .from(s.periods)
    .where(and(eq(s.periods.organizationId, sql.placeholder('organizationId')), inArray(s.periods.state, ['open', 'closed'])))
    .orderBy(desc(eq(s.periods.state, 'open')), desc(s.periods.endDate))
    .limit(1)
    .prepare('current_period'),
);

const periodsQuery = builtOnce((db) =>
  db
    .select(periodColumns)
    .from(s.periods)
    .where(eq(s.periods.organizationId, sql.placeholder('organizationId')))
    .orderBy(desc(s.periods.endDate))
    .prepare('periods'),
);

/** The open period (the newest one, should several be open), else the newest closed one. */
export async function getCurrentPeriod(db: Db, user: CurrentUser | null): Promise<PeriodDTO | null> {
  const organizationId = authorizeInOwnOrganization(user, 'read', 'period');
  const [row] = await currentPeriodQuery(db).execute({ organizationId });
  return row ?? null;
}

/** A period of the user's organization by id; NotFoundError for anything else. */
export async function getPeriod(db: Db, user: CurrentUser | null, periodId: string): Promise<PeriodDTO> {
  const organizationId = authorizeInOwnOrganization(user, 'read', 'period');
  const [row] = await db
    .select(periodColumns)
    .from(s.periods)
    .where(and(eq(s.periods.organizationId, organizationId), eq(s.periods.id, periodId)));
  if (!row) throw new NotFoundError('period');
  return row;
}

/** The period a page shows: the one named in the URL (if it is a UUID), else the current one. */
export async function periodIdFromQuery(db: Db, user: CurrentUser, value: string | undefined): Promise<string | null> {
  if (value === undefined) return (await getCurrentPeriod(db, user))?.id ?? null;
  return parseId(value);
}

/** Every period of the user's organization, newest first, for period pickers. */
export async function listPeriods(db: Db, user: CurrentUser | null): Promise<PeriodDTO[]> {
  const organizationId = authorizeInOwnOrganization(user, 'read', 'period');
  return periodsQuery(db).execute({ organizationId });
}
