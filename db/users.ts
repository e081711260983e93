// Users: login lookups, the signed-in user with the units their grants cover, and the
// administration of accounts. Password hashes never leave this file except to the
// credential check in server/credentials.ts.
import 'server-only';
import { and, asc, eq, sql } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { recordAudit } from './audit';
import { parsedJson } from './json-column';
import { NotFoundError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import type { Role } from '@/lib/roles';
import { authorize, authorizeInOwnOrganization } from '@/lib/policy';

export interface LoginCandidate {
  id: string;
  organizationId: string;
  passwordHash: string | null;
  disabled: boolean;
  /** Whether the account's organization lets its people log in with a password (issue 17). */
  passwordLogin: boolean;
}

/** Every account with this email (one per organization at most). */
export async function findLoginCandidates(db: Db, email: string): Promise<LoginCandidate[]> {
  const rows = await db
    .select({
      id: s.users.id,
      organizationId: s.users.organizationId,
      passwordHash: s.users.passwordHash,
      disabledAt: s.users.disabledAt,
      passwordLogin: s.signInSettings.passwordLogin,
    })
    .from(s.users)
    .leftJoin(s.signInSettings, eq(s.signInSettings.organizationId, s.users.organizationId))
    .where(eq(s.users.email, email.trim().toLowerCase()))
    .orderBy(asc(s.users.createdAt));
  return rows.map((r) => ({
    id: r.id,
    organizationId: r.organizationId,
    passwordHash: r.passwordHash,
    disabled: r.disabledAt !== null,
    passwordLogin: r.passwordLogin ?? true,
  }));
}

/** A refused login on a real account, in its organization's audit log (never the password). */
export async function recordLoginRefusal(
  db: Db,
  candidate: { id: string; organizationId: string },
  reason: 'wrong_password' | 'throttled' | 'disabled' | 'password_login_off',
): Promise<void> {
  await recordAudit(db, {
    organizationId: candidate.organizationId,
    actorId: null,
    action: reason === 'throttled' ? 'login.throttled' : 'login.failure',
    entityType: 'user',
    entityId: candidate.id,
    changes: { reason },
  });
}

/** Every unit in `roots` and below them, from the organization's unit tree. */
export function descendantsOf(units: { id: string; parentId: string | null }[], roots: string[]): string[] {
  const children = new Map<string, string[]>();
  for (const u of units) if (u.parentId) children.set(u.parentId, [...(children.get(u.parentId) ?? []), u.id]);
  const seen = new Set<string>();
  const stack = [...roots];
  while (stack.length) {
    const id = stack.pop()!;
    if (seen.has(id)) continue;
    seen.add(id);
    stack.push(...(children.get(id) ?? []));
  }
  return [...seen];
}

/**
 * One statement's row: the user as CurrentUser has them (its plain columns), the account's
 * state, their grants and the units those cover; currentUserOf turns it into a CurrentUser.
 */
export type CurrentUserRow = Pick<CurrentUser, 'id' | 'organizationId' | 'organizationName' | 'name' | 'email' | 'title'> & {
  disabledAt: Date | null;
  sessionsValidFrom: Date | null;
  /** Every grant, with the granted unit's name (editor grants name a unit): CurrentUser's roles and grantUnits. */
  grants: { role: Role; unitId: string | null; unitName: string | null }[];
  /** The units an editor grant covers: the granted units and all their descendants (CurrentUser's coveredUnitIds). */
  covered: CurrentUser['coveredUnitIds'];
};

/**
 * The columns of a CurrentUserRow, for a select from `s.users` joined with
 * `s.organizations` (db/sessions.ts adds the session's to the same statement): grants and
 * covered units are subqueries (a recursive one walks down the unit tree from the editor
 * grants), so the user is read in one round trip however many units the organization has.
 */
export function currentUserColumns() {
  return {
    id: s.users.id,
    organizationId: s.users.organizationId,
    organizationName: s.organizations.name,
    name: s.users.name,
    email: s.users.email,
    title: s.users.title,
    disabledAt: s.users.disabledAt,
    sessionsValidFrom: s.users.sessionsValidFrom,
    grants: sql<CurrentUserRow['grants'] | string>`coalesce((
      select json_agg(json_build_object('role', g.role, 'unitId', g.unit_id, 'unitName', gu.name) order by gu.sort_order, g.role)
      from ${s.roleGrants} g
      left join ${s.units} gu on gu.organization_id = g.organization_id and gu.id = g.unit_id
      where g.organization_id = ${s.users.organizationId} and g.user_id = ${s.users.id}
    ), '[]'::json)`,
    covered: sql<string[] | string>`coalesce((
      with recursive covered(id) as (
        select g.unit_id from ${s.roleGrants} g
        where g.organization_id = ${s.users.organizationId} and g.user_id = ${s.users.id} and g.role = 'editor' and g.unit_id is not null
        union
        select child.id from ${s.units} child join covered on child.parent_id = covered.id
        where child.organization_id = ${s.users.organizationId}
      )
      select json_agg(id) from covered
    ), '[]'::json)`,
  };
}

/**
 * The CurrentUser of a row, or null when the account is disabled or the session (begun at
 * `sessionStartedAt`, ms since epoch) began before the account's sessions were invalidated.
 */
export function currentUserOf(
  row: Omit<CurrentUserRow, 'grants' | 'covered'> & { grants: CurrentUserRow['grants'] | string; covered: string[] | string },
  sessionStartedAt?: number,
): CurrentUser | null {
  if (row.disabledAt) return null;
  if (sessionStartedAt !== undefined && row.sessionsValidFrom && sessionStartedAt < row.sessionsValidFrom.getTime()) return null;
  const grants = parsedJson(row.grants);
  const editorGrants = grants.filter((g) => g.role === 'editor' && g.unitId);
  return {
    id: row.id,
    organizationId: row.organizationId,
    organizationName: row.organizationName,
    name: row.name,
    email: row.email,
    title: row.title,
    roles: [...new Set(grants.map((g) => g.role))],
    grantUnits: editorGrants.map((g) => ({ id: g.unitId!, name: g.unitName ?? '' })),
    coveredUnitIds: parsedJson(row.covered),
  };
}

/**
 * The signed-in user as the policy needs them, or null when the account no longer exists
 * or is disabled. Runs on every request (one statement): a disabled user or a removed
 * grant stops at once.
 */
export async function loadCurrentUser(
  db: Db,
  organizationId: string,
  userId: string,
  /** When the session began (ms since epoch): one begun before the account was disabled stays invalid. */
  sessionStartedAt?: number,
): Promise<CurrentUser | null> {
  const [row] = await db
    .select(currentUserColumns())
    .from(s.users)
    .innerJoin(s.organizations, eq(s.organizations.id, s.users.organizationId))
    .where(and(eq(s.users.organizationId, organizationId), eq(s.users.id, userId)));
  return row ? currentUserOf(row, sessionStartedAt) : null;
}

export interface UserListItemDTO {
  id: string;
  name: string;
  email: string;
  title: string | null;
  roles: Role[];
  units: string[];
  disabled: boolean;
}

/** The organization's users for the administration page (admin only). */
export async function listUsers(db: Db, actor: CurrentUser | null): Promise<UserListItemDTO[]> {
  const org = authorizeInOwnOrganization(actor, 'manage', 'user');
  const [users, grants] = await Promise.all([
    db
      .select({ id: s.users.id, name: s.users.name, email: s.users.email, title: s.users.title, disabledAt: s.users.disabledAt })
      .from(s.users)
      .where(eq(s.users.organizationId, org))
      .orderBy(asc(s.users.name)),
    db
      .select({ userId: s.roleGrants.userId, role: s.roleGrants.role, unitName: s.units.name })
      .from(s.roleGrants)
      .leftJoin(s.units, and(eq(s.units.organizationId, org), eq(s.units.id, s.roleGrants.unitId)))
      .where(eq(s.roleGrants.organizationId, org)),
  ]);
  return users.map((u) => {
    const mine = grants.filter((g) => g.userId === u.id);
    return {
      id: u.id,
      name: u.name,
      email: u.email,
      title: u.title,
      roles: [...new Set(mine.map((g) => g.role))],
      units: mine.flatMap((g) => (g.unitName ? [g.unitName] : [])),
      disabled: u.disabledAt !== null,
    };
  });
}

/** Disables (out at once) or enables an account of the actor's organization; audited. */
export async function setUserDisabled(
  db: Db,
  actor: CurrentUser,
  input: { userId: string; disabled: boolean },
): Promise<{ name: string }> {
  authorize(actor, 'manage', { kind: 'user', organizationId: actor.organizationId, userId: input.userId });
  return db.transaction(async (tx) => {
    const [row] = await tx
      .update(s.users)
      .set(input.disabled ? { disabledAt: new Date(), sessionsValidFrom: new Date() } : { disabledAt: null })
      .where(and(eq(s.users.organizationId, actor.organizationId), eq(s.users.id, input.userId)))
      .returning({ id: s.users.id, name: s.users.name });
    if (!row) throw new NotFoundError('user');
    await recordAudit(tx as unknown as Db, {
      organizationId: actor.organizationId,
      actorId: actor.id,
      action: input.disabled ? 'user.disable' : 'user.enable',
      entityType: 'user',
      entityId: row.id,
    });
    return { name: row.name };
  });
}
