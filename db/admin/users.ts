// Administration of accounts: read one for editing, create, edit, set a new password and
// add or remove role grants. Users are never deleted (they author history); they are
// disabled (db/users.ts setUserDisabled). Grants are re-read on every request, so a
// removed grant takes effect at the user's next request. Password hashes never leave here.
import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import * as s from '../schema';
import { recordAudit } from '../audit';
import { isUniqueViolation, NotFoundError, ValidationError } from '@/lib/errors';
import { assertActiveUnits } from './units';
import type { CurrentUser } from '@/lib/current-user';
import type { Role } from '@/lib/roles';
import { authorize, authorizeInOwnOrganization } from '@/lib/policy';
import { hashPassword } from '@/server/password';
import { MIN_PASSWORD_LENGTH } from '@/lib/password-rules';

/** The roles granted without a unit; an editor grant always names a unit. */
export type OrganizationRole = Exclude<Role, 'editor'>;

export interface GrantDTO {
  id: string;
  role: Role;
  unitId: string | null;
  unitName: string | null;
  unitArchived: boolean;
}

export interface AdminUserDTO {
  id: string;
  name: string;
  email: string;
  title: string | null;
  disabled: boolean;
  isSelf: boolean;
  grants: GrantDTO[];
}

export interface UserDetailsInput {
  name: string;
  email: string;
  title: string | null;
}

export interface NewUserInput extends UserDetailsInput {
  password: string;
  roles: OrganizationRole[];
  editorUnitIds: string[];
}

const userResource = (actor: CurrentUser, userId?: string) => ({
  kind: 'user' as const,
  organizationId: actor.organizationId,
  userId,
});

const EMAIL_TAKEN = new ValidationError('E-postadressen används redan.', {
  email: ['E-postadressen används redan av en annan användare.'],
});

const normalizeEmail = (email: string) => email.trim().toLowerCase();

function checkPassword(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH) {
    throw new ValidationError('Lösenordet är för kort.', { password: [`Lösenordet ska ha minst ${MIN_PASSWORD_LENGTH} tecken.`] });
  }
}

async function findUser(db: Db, org: string, userId: string) {
  const [row] = await db
    .select()
    .from(s.users)
    .where(and(eq(s.users.organizationId, org), eq(s.users.id, userId)));
  if (!row) throw new NotFoundError('user');
  return row;
}

/** One account with its grants (page /admin/anvandare/[userId]). */
export async function getUserForAdmin(db: Db, actor: CurrentUser | null, userId: string): Promise<AdminUserDTO> {
  const org = authorizeInOwnOrganization(actor, 'manage', 'user');
  const user = await findUser(db, org, userId);
  const grants = await db
    .select({
      id: s.roleGrants.id,
      role: s.roleGrants.role,
      unitId: s.roleGrants.unitId,
      unitName: s.units.name,
      unitArchivedAt: s.units.archivedAt,
    })
    .from(s.roleGrants)
    .leftJoin(s.units, and(eq(s.units.organizationId, org), eq(s.units.id, s.roleGrants.unitId)))
    .where(and(eq(s.roleGrants.organizationId, org), eq(s.roleGrants.userId, user.id)))
    .orderBy(asc(s.roleGrants.role), asc(s.units.name));
  return {
    id: user.id,
    name: user.name,
    email: user.email,
    title: user.title,
    disabled: user.disabledAt !== null,
    isSelf: user.id === actor?.id,
    grants: grants.map((g) => ({
      id: g.id,
      role: g.role,
      unitId: g.unitId,
      unitName: g.unitName,
      unitArchived: g.unitArchivedAt !== null,
    })),
  };
}

/** Creates an account with a password and its grants; the email is unique in the organization. */
export async function createUser(db: Db, actor: CurrentUser, input: NewUserInput): Promise<{ id: string; name: string }> {
  authorize(actor, 'manage', userResource(actor));
  const org = actor.organizationId;
  checkPassword(input.password);
  const roles = [...new Set(input.roles)];
  const unitIds = [...new Set(input.editorUnitIds)];
  if (roles.length === 0 && unitIds.length === 0) {
    throw new ValidationError('Ge användaren minst en roll.', { roles: ['Välj minst en roll eller en enhet att rapportera för.'] });
  }
  const passwordHash = await hashPassword(input.password);
  try {
    return await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      await assertActiveUnits(t, org, unitIds, 'editorUnitIds');
      const details = { name: input.name, email: normalizeEmail(input.email), title: input.title };
      const [row] = await t
        .insert(s.users)
        .values({ organizationId: org, ...details, passwordHash })
        .returning({ id: s.users.id, name: s.users.name });
      const grants = [
        ...roles.map((role) => ({ role, unitId: null })),
        ...unitIds.map((unitId) => ({ role: 'editor' as const, unitId })),
      ];
      await t.insert(s.roleGrants).values(grants.map((g) => ({ organizationId: org, userId: row!.id, ...g })));
      await recordAudit(t, {
        organizationId: org,
        actorId: actor.id,
        action: 'user.create',
        entityType: 'user',
        entityId: row!.id,
        changes: { after: { ...details, grants } },
      });
      return row!;
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw EMAIL_TAKEN;
    throw error;
  }
}

/** Changes an account's name, email and title. */
export async function updateUser(
  db: Db,
  actor: CurrentUser,
  input: UserDetailsInput & { userId: string },
): Promise<{ id: string; name: string }> {
  authorize(actor, 'manage', userResource(actor, input.userId));
  const org = actor.organizationId;
  try {
    return await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const before = await findUser(t, org, input.userId);
      const after = { name: input.name, email: normalizeEmail(input.email), title: input.title };
      await t
        .update(s.users)
        .set(after)
        .where(and(eq(s.users.organizationId, org), eq(s.users.id, before.id)));
      await recordAudit(t, {
        organizationId: org,
        actorId: actor.id,
        action: 'user.update',
        entityType: 'user',
        entityId: before.id,
        changes: { before: { name: before.name, email: before.email, title: before.title }, after },
      });
      return { id: before.id, name: after.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) throw EMAIL_TAKEN;
    throw error;
  }
}

/**
 * Sets a new password. Every session that began before now ends (sessions_valid_from),
 * and a lockout after failed logins is lifted.
 */
export async function setUserPassword(
  db: Db,
  actor: CurrentUser,
  input: { userId: string; password: string },
): Promise<{ name: string }> {
  authorize(actor, 'manage', userResource(actor, input.userId));
  const org = actor.organizationId;
  checkPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [row] = await t
      .update(s.users)
      .set({ passwordHash, sessionsValidFrom: new Date() })
      .where(and(eq(s.users.organizationId, org), eq(s.users.id, input.userId)))
      .returning({ id: s.users.id, name: s.users.name });
    if (!row) throw new NotFoundError('user');
    await recordAudit(t, {
      organizationId: org,
      actorId: actor.id,
      action: 'user.password_set',
      entityType: 'user',
      entityId: row.id,
      changes: { sessionsEnded: true },
    });
    return { name: row.name };
  });
}

/** Adds a grant: admin, director or viewer without a unit, editor on one unit. */
export async function addGrant(
  db: Db,
  actor: CurrentUser,
  input: { userId: string; role: Role; unitId: string | null },
): Promise<{ id: string; userName: string }> {
  authorize(actor, 'manage', userResource(actor, input.userId));
  const org = actor.organizationId;
  const unitId = input.role === 'editor' ? input.unitId : null;
  if (input.role === 'editor' && !unitId) {
    throw new ValidationError('Välj en enhet.', { unitId: ['Välj vilken enhet användaren rapporterar för.'] });
  }
  try {
    return await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      const user = await findUser(t, org, input.userId);
      if (unitId) await assertActiveUnits(t, org, [unitId], 'unitId');
      const [grant] = await t
        .insert(s.roleGrants)
        .values({ organizationId: org, userId: user.id, role: input.role, unitId })
        .returning({ id: s.roleGrants.id });
      await recordAudit(t, {
        organizationId: org,
        actorId: actor.id,
        action: 'user.grant_add',
        entityType: 'user',
        entityId: user.id,
        changes: { grantId: grant!.id, role: input.role, unitId },
      });
      return { id: grant!.id, userName: user.name };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      const field = unitId ? 'unitId' : 'role';
      throw new ValidationError('Användaren har redan den behörigheten.', { [field]: ['Användaren har redan den behörigheten.'] });
    }
    throw error;
  }
}

/** Removes a grant; it stops at the user's next request. The admin keeps their own admin grant. */
export async function removeGrant(
  db: Db,
  actor: CurrentUser,
  input: { userId: string; grantId: string },
): Promise<{ userName: string }> {
  authorize(actor, 'manage', userResource(actor, input.userId));
  const org = actor.organizationId;
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const user = await findUser(t, org, input.userId);
    const [grant] = await t
      .select()
      .from(s.roleGrants)
      .where(
        and(eq(s.roleGrants.organizationId, org), eq(s.roleGrants.userId, user.id), eq(s.roleGrants.id, input.grantId)),
      );
    if (!grant) throw new NotFoundError('grant');
    if (grant.role === 'admin' && user.id === actor.id) {
      throw new ValidationError('Du kan inte ta bort din egen behörighet som systemförvaltare.');
    }
    await t.delete(s.roleGrants).where(and(eq(s.roleGrants.organizationId, org), eq(s.roleGrants.id, grant.id)));
    await recordAudit(t, {
      organizationId: org,
      actorId: actor.id,
      action: 'user.grant_remove',
      entityType: 'user',
      entityId: user.id,
      changes: { grantId: grant.id, role: grant.role, unitId: grant.unitId },
    });
    return { userName: user.name };
  });
}
