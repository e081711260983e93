// Users: login lookups, the signed-in user with the units their grants cover, and the
// administration of accounts. Password hashes never leave this file except to the
// credential check in server/credentials.ts.
import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { recordAudit } from './audit';
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
 * The signed-in user as the policy needs them, or null when the account no longer exists
 * or is disabled. Runs on every request: a disabled user or a removed grant stops at once.
 */
export async function loadCurrentUser(
  db: Db,
  organizationId: string,
  userId: string,
  /** When the session began (ms since epoch): one begun before the account was disabled stays invalid. */
  sessionStartedAt?: number,
): Promise<CurrentUser | null> {
  const [user] = await db
    .select({
      id: s.users.id,
      organizationId: s.users.organizationId,
      organizationName: s.organizations.name,
      name: s.users.name,
      email: s.users.email,
      title: s.users.title,
      disabledAt: s.users.disabledAt,
      sessionsValidFrom: s.users.sessionsValidFrom,
    })
    .from(s.users)
    .innerJoin(s.organizations, eq(s.organizations.id, s.users.organizationId))
    .where(and(eq(s.users.organizationId, organizationId), eq(s.users.id, userId)));
  if (!user || user.disabledAt) return null;
  if (sessionStartedAt !== undefined && user.sessionsValidFrom && sessionStartedAt < user.sessionsValidFrom.getTime()) return null;

  const [grants, units] = await Promise.all([
    db
      .select({ role: s.roleGrants.role, unitId: s.roleGrants.unitId })
      .from(s.roleGrants)
      .where(and(eq(s.roleGrants.organizationId, organizationId), eq(s.roleGrants.userId, userId))),
    db
      .select({ id: s.units.id, parentId: s.units.parentId, name: s.units.name, archivedAt: s.units.archivedAt })
      .from(s.units)
      .where(eq(s.units.organizationId, organizationId))
      .orderBy(asc(s.units.sortOrder)),
  ]);
  const editorUnits = grants.filter((g) => g.role === 'editor' && g.unitId).map((g) => g.unitId!);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return {
    id: user.id,
    organizationId: user.organizationId,
    organizationName: user.organizationName,
    name: user.name,
    email: user.email,
    title: user.title,
    roles: [...new Set(grants.map((g) => g.role))],
    grantUnits: editorUnits.map((id) => ({ id, name: unitName.get(id) ?? '' })),
    coveredUnitIds: descendantsOf(units, editorUnits),
  };
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
