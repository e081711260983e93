// The daily Kolada fetch's settings in the database (issue 18): every save is a new row of
// kolada_schedules (append-only), the newest in force, with an audit event. A save based on
// an older row than the newest is refused with a conflict. The scheduler itself
// (server/kolada-schedule.ts) reads the schedules in force without a signed-in user: it is
// the server's own job, and it runs each fetch as the admin who saved the schedule.
import 'server-only';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { recordAudit } from './audit';
import { ConflictError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import { authorizeInOwnOrganization } from '@/lib/policy';

export interface KoladaScheduleDTO {
  id: string;
  enabled: boolean;
  timeOfDay: string;
  /** The admin who saved it, in whose name the fetch runs. */
  actorId: string;
  actorName: string;
  savedAt: string; // ISO
}

export interface KoladaScheduleInput {
  enabled: boolean;
  timeOfDay: string;
  /** The id of the schedule the admin saw (null: none yet). */
  basedOn: string | null;
}

async function newestSchedule(db: Db, organizationId: string): Promise<KoladaScheduleDTO | null> {
  const [row] = await db
    .select({
      id: s.koladaSchedules.id,
      enabled: s.koladaSchedules.enabled,
      timeOfDay: s.koladaSchedules.timeOfDay,
      actorId: s.koladaSchedules.actorId,
      actorName: s.users.name,
      savedAt: s.koladaSchedules.createdAt,
    })
    .from(s.koladaSchedules)
    .innerJoin(s.users, and(eq(s.users.organizationId, s.koladaSchedules.organizationId), eq(s.users.id, s.koladaSchedules.actorId)))
    .where(eq(s.koladaSchedules.organizationId, organizationId))
    .orderBy(desc(s.koladaSchedules.createdAt), desc(s.koladaSchedules.id))
    .limit(1);
  return row ? { ...row, savedAt: row.savedAt.toISOString() } : null;
}

/** The schedule in force for the user's organization (null: never set, so off). */
export async function getKoladaSchedule(db: Db, user: CurrentUser | null): Promise<KoladaScheduleDTO | null> {
  const org = authorizeInOwnOrganization(user, 'manage', 'indicator');
  return newestSchedule(db, org);
}

/** Saves a new version of the schedule, in the admin's name; refuses a save based on an older one. */
export async function saveKoladaSchedule(db: Db, user: CurrentUser, input: KoladaScheduleInput): Promise<KoladaScheduleDTO> {
  const org = authorizeInOwnOrganization(user, 'manage', 'organization');
  return db.transaction(async (t) => {
    const tx = t as unknown as Db;
    // Two saves at once: the second waits here and then sees the first as the newest.
    await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`kolada_schedule:${org}`}))`);
    const current = await newestSchedule(tx, org);
    if ((current?.id ?? null) !== input.basedOn) throw new ConflictError(current);
    await tx.insert(s.koladaSchedules).values({ organizationId: org, enabled: input.enabled, timeOfDay: input.timeOfDay, actorId: user.id });
    await recordAudit(tx, {
      organizationId: org,
      actorId: user.id,
      action: 'kolada.schedule',
      entityType: 'organization',
      entityId: org,
      changes: { enabled: input.enabled, timeOfDay: input.timeOfDay },
    });
    return (await newestSchedule(tx, org))!;
  });
}

/** For the scheduler (no signed-in user): the schedule in force for one organization. */
export function scheduleInForce(db: Db, organizationId: string): Promise<KoladaScheduleDTO | null> {
  return newestSchedule(db, organizationId);
}

/** For the scheduler at start: every organization's schedule in force. */
export async function schedulesInForce(db: Db): Promise<(KoladaScheduleDTO & { organizationId: string })[]> {
  const orgs = await db.selectDistinct({ organizationId: s.koladaSchedules.organizationId }).from(s.koladaSchedules);
  const out: (KoladaScheduleDTO & { organizationId: string })[] = [];
  for (const { organizationId } of orgs) {
    const schedule = await newestSchedule(db, organizationId);
    if (schedule) out.push({ ...schedule, organizationId });
  }
  return out;
}

/**
 * For the scheduler: a scheduled run that could not start, because the admin in whose name it
 * runs is no longer one. Logged as a failed fetch in their name, so the page says so.
 */
export async function recordScheduleRefusal(db: Db, organizationId: string, actorId: string, message: string): Promise<void> {
  await db.insert(s.koladaFetches).values({ organizationId, scope: 'organization', scopeId: null, ok: false, message, requests: 0, trigger: 'schedule', actorId });
}
