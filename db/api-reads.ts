// The REST API's reads (issue 17): each authorizes through the one policy (as the token's
// user), reads a period through the one loader (db/period-content.ts) and builds its answer
// with the pure builders of lib/api-v1.ts, the same parts the pages use.
import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { loadPeriodContent } from './period-content';
import { getOverview, getPeriod, listPeriods } from './queries/overview';
import type { CurrentUser } from '@/lib/current-user';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { buildOverviewParts } from '@/lib/overview-parts';
import { todayInStockholm } from '@/lib/time-format';
import { apiAssignments, apiGoals, apiPeriod, apiRollups, apiValues } from '@/lib/api-v1';

export async function apiListPeriods(db: Db, user: CurrentUser | null) {
  return { periods: (await listPeriods(db, user)).map(apiPeriod) };
}

export async function apiListPlans(db: Db, user: CurrentUser | null) {
  const org = authorizeInOwnOrganization(user, 'read', 'plan');
  const rows = await db
    .select({ id: s.plans.id, code: s.plans.code, year: s.plans.year, boardId: s.plans.boardId, boardName: s.units.name, archivedAt: s.plans.archivedAt })
    .from(s.plans)
    .innerJoin(s.units, and(eq(s.units.organizationId, org), eq(s.units.id, s.plans.boardId)))
    .where(eq(s.plans.organizationId, org))
    .orderBy(asc(s.plans.year), asc(s.units.sortOrder));
  return { plans: rows.map(({ archivedAt, ...p }) => ({ ...p, archived: archivedAt !== null })) };
}

async function periodContent(db: Db, user: CurrentUser | null, periodId: string) {
  const period = await getPeriod(db, user, periodId);
  const org = authorizeInOwnOrganization(user, 'read', 'organization');
  return loadPeriodContent(db, org, period);
}

export async function apiPeriodGoals(db: Db, user: CurrentUser | null, periodId: string) {
  const content = await periodContent(db, user, periodId);
  return apiGoals(content, buildOverviewParts(content, todayInStockholm()));
}

export async function apiPeriodValues(db: Db, user: CurrentUser | null, periodId: string) {
  return apiValues(await periodContent(db, user, periodId));
}

export async function apiPeriodAssignments(db: Db, user: CurrentUser | null, periodId: string) {
  return apiAssignments(await periodContent(db, user, periodId));
}

export async function apiPeriodRollups(db: Db, user: CurrentUser | null, periodId: string, boardId: string | null) {
  return apiRollups(await getOverview(db, user, periodId, boardId));
}
