// The organization's audit events for the administration (admin only): newest first,
// 50 to a page, filtered by who, by the kind of item the action concerns (a fixed list of
// prefixes) and by a date range in Swedish time. Always the same four queries: the
// users for the filter, the count, the page, and the names of the page's entities.
import 'server-only';
import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import { unionAll, type AnyPgColumn, type PgTable } from 'drizzle-orm/pg-core';
import type { Db } from '../client';
import * as s from '../schema';
import type { CurrentUser } from '@/lib/current-user';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { periodLabel, type PeriodKind } from '@/lib/period';

export const AUDIT_PAGE_SIZE = 50;

/** The kinds of item an action can concern: the part of the action before the dot. */
export const AUDIT_ENTITY_PREFIXES = [
  'user',
  'unit',
  'period',
  'plan',
  'text_block',
  'focus_area',
  'council_goal',
  'goal',
  'indicator',
  'assignment',
  'indicator_value',
  'goal_assessment',
  'assignment_report',
  'readiness',
  'item',
  'demo',
  'api',
  'api_token',
  'sign_in',
] as const;
export type AuditEntityPrefix = (typeof AUDIT_ENTITY_PREFIXES)[number];

export interface AuditFilters {
  page: number;
  actorId: string | null;
  prefix: AuditEntityPrefix | null;
  /** YYYY-MM-DD, inclusive, in Swedish time. */
  from: string | null;
  to: string | null;
}

export interface AuditEventDTO {
  id: number;
  createdAt: string;
  /** null for the system (the demo load). */
  actorName: string | null;
  action: string;
  entityType: string;
  entityId: string | null;
  /** What the entity id names (a unit's name, a period's label, …), where it can be found. */
  entityName: string | null;
  changes: unknown;
}

export interface AuditLogDTO {
  events: AuditEventDTO[];
  total: number;
  page: number;
  pageCount: number;
  /** The organization's users, for the "vem" filter. */
  users: { id: string; name: string }[];
  /** Names of the ids that the page's entities and changes mention (id → name). */
  names: Record<string, string>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The uuids an entity id holds ("boardId:periodId" holds two). */
function uuidsIn(entityId: string | null): string[] {
  return (entityId ?? '').split(':').filter((part) => UUID.test(part));
}

/** The uuids among the values of a change set (one level deep, and in before/after pairs). */
function uuidsInChanges(changes: unknown): string[] {
  if (!changes || typeof changes !== 'object') return [];
  return Object.values(changes).flatMap((value) => {
    if (typeof value === 'string') return UUID.test(value) ? [value] : [];
    if (value && typeof value === 'object') return Object.values(value).filter((v): v is string => typeof v === 'string' && UUID.test(v));
    return [];
  });
}

/** Names for ids of the organization's items, whatever their table, in one query. */
async function namesFor(db: Db, org: string, ids: string[]): Promise<Map<string, string>> {
  // Run even for an empty page (inArray of nothing is false), so the count of queries never varies.
  const named = (table: PgTable & { id: AnyPgColumn; organizationId: AnyPgColumn }, name: SQL, isPeriod = false) =>
    db
      .select({
        id: sql<string>`${table.id}::text`.as('id'),
        name: sql<string>`${name}`.as('name'),
        isPeriod: sql<boolean>`${isPeriod}::boolean`.as('is_period'),
      })
      .from(table)
      .where(and(eq(table.organizationId, org), inArray(table.id, ids)));
  const rows = await unionAll(
    named(s.units, sql`${s.units.name}`),
    named(s.users, sql`${s.users.name}`),
    named(s.periods, sql`${s.periods.kind}::text || ' ' || ${s.periods.year}::text`, true),
    named(s.plans, sql`${s.plans.code}`),
    named(s.focusAreas, sql`${s.focusAreas.name}`),
    named(s.councilGoals, sql`${s.councilGoals.code}`),
    named(s.boardGoals, sql`${s.boardGoals.code}`),
    named(s.indicators, sql`${s.indicators.code}`),
    named(s.assignments, sql`${s.assignments.code}`),
  );
  const names = new Map<string, string>();
  for (const row of rows) {
    // A period comes back as "delar 2024" and is shown as "Delår 2024".
    const [kind, year] = row.name.split(' ') as [PeriodKind, string];
    names.set(row.id, row.isPeriod ? periodLabel(kind, Number(year)) : row.name);
  }
  return names;
}

export async function getAuditLog(db: Db, user: CurrentUser | null, filters: AuditFilters): Promise<AuditLogDTO> {
  const org = authorizeInOwnOrganization(user, 'manage', 'organization');
  const conditions: SQL[] = [eq(s.auditEvents.organizationId, org)];
  if (filters.actorId) conditions.push(eq(s.auditEvents.actorId, filters.actorId));
  if (filters.prefix) conditions.push(sql`starts_with(${s.auditEvents.action}, ${`${filters.prefix}.`})`);
  // Days in Swedish time: from the start of "från" to the end of "till".
  if (filters.from) conditions.push(sql`${s.auditEvents.createdAt} >= (${filters.from}::date::timestamp at time zone 'Europe/Stockholm')`);
  if (filters.to) {
    conditions.push(sql`${s.auditEvents.createdAt} < ((${filters.to}::date + 1)::timestamp at time zone 'Europe/Stockholm')`);
  }
  const where = and(...conditions);
  const page = Math.max(1, Math.floor(filters.page));

  const [users, [counted], rows] = await Promise.all([
    db.select({ id: s.users.id, name: s.users.name }).from(s.users).where(eq(s.users.organizationId, org)).orderBy(asc(s.users.name)),
    db.select({ n: count() }).from(s.auditEvents).where(where),
    db
      .select({
        id: s.auditEvents.id,
        createdAt: s.auditEvents.createdAt,
        actorName: s.users.name,
        action: s.auditEvents.action,
        entityType: s.auditEvents.entityType,
        entityId: s.auditEvents.entityId,
        changes: s.auditEvents.changes,
      })
      .from(s.auditEvents)
      .leftJoin(s.users, and(eq(s.users.organizationId, org), eq(s.users.id, s.auditEvents.actorId)))
      .where(where)
      .orderBy(desc(s.auditEvents.createdAt), desc(s.auditEvents.id))
      .limit(AUDIT_PAGE_SIZE)
      .offset((page - 1) * AUDIT_PAGE_SIZE),
  ]);
  const names = await namesFor(db, org, [...new Set(rows.flatMap((r) => [...uuidsIn(r.entityId), ...uuidsInChanges(r.changes)]))]);
  const total = counted?.n ?? 0;
  return {
    events: rows.map((r) => {
      const parts = uuidsIn(r.entityId).map((id) => names.get(id));
      return {
        id: r.id,
        createdAt: r.createdAt.toISOString(),
        actorName: r.actorName,
        action: r.action,
        entityType: r.entityType,
        entityId: r.entityId,
        entityName: parts.length && parts.every(Boolean) ? parts.join(', ') : null,
        changes: r.changes,
      };
    }),
    total,
    page,
    pageCount: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)),
    users,
    names: Object.fromEntries(names),
  };
}
