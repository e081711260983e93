// Administration of how an organization's people sign in (issue 17): whether unknown people
// are refused or created without rights at a single sign-on login, whether password logins
// are allowed, and the table from the identity provider's groups to roles and unit grants.
// Every change is in the audit log with what it was and what it became.
import 'server-only';
import { and, asc, eq } from 'drizzle-orm';
import type { Db } from '../client';
import * as s from '../schema';
import { recordAudit } from '../audit';
import { loadSignInSettings, type SignInSettings } from '../sso';
import { assertActiveUnits } from './units';
import { isUniqueViolation, NotFoundError, ValidationError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import type { Role } from '@/lib/roles';
import { authorizeInOwnOrganization } from '@/lib/policy';

export type { SignInSettings };

/** The organization's sign-in settings (admin only). */
export async function getSignInSettings(db: Db, actor: CurrentUser | null): Promise<SignInSettings> {
  const org = authorizeInOwnOrganization(actor, 'manage', 'organization');
  return loadSignInSettings(db, org);
}

/**
 * Changes the settings. Password logins can be switched off only while single sign-on logs
 * in to this organization (`ssoServesOrganization`), so nobody is locked out of Målbild.
 */
export async function updateSignInSettings(
  db: Db,
  actor: CurrentUser,
  input: SignInSettings,
  ssoServesOrganization: boolean,
): Promise<SignInSettings> {
  const org = authorizeInOwnOrganization(actor, 'manage', 'organization');
  if (!input.passwordLogin && !ssoServesOrganization) {
    throw new ValidationError('Inloggning med lösenord kan inte stängas av när ingen annan inloggning finns.', {
      passwordLogin: ['Inloggning med lösenord kan bara stängas av när inloggning via kommunens identitetstjänst är konfigurerad.'],
    });
  }
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const before = await loadSignInSettings(t, org);
    const values = { unknownPeople: input.unknownPeople, passwordLogin: input.passwordLogin, updatedAt: new Date() };
    await t
      .insert(s.signInSettings)
      .values({ organizationId: org, ...values })
      .onConflictDoUpdate({ target: s.signInSettings.organizationId, set: values });
    await recordAudit(t, {
      organizationId: org,
      actorId: actor.id,
      action: 'sign_in.settings',
      entityType: 'organization',
      entityId: org,
      changes: { before, after: input },
    });
    return input;
  });
}

export interface GroupMappingDTO {
  id: string;
  groupName: string;
  role: Role;
  unitId: string | null;
  unitName: string | null;
  unitArchived: boolean;
}

/** The table from groups to grants, by group name (admin only). */
export async function listGroupMappings(db: Db, actor: CurrentUser | null): Promise<GroupMappingDTO[]> {
  const org = authorizeInOwnOrganization(actor, 'manage', 'organization');
  const rows = await db
    .select({
      id: s.ssoGroupMappings.id,
      groupName: s.ssoGroupMappings.groupName,
      role: s.ssoGroupMappings.role,
      unitId: s.ssoGroupMappings.unitId,
      unitName: s.units.name,
      unitArchivedAt: s.units.archivedAt,
    })
    .from(s.ssoGroupMappings)
    .leftJoin(s.units, and(eq(s.units.organizationId, org), eq(s.units.id, s.ssoGroupMappings.unitId)))
    .where(eq(s.ssoGroupMappings.organizationId, org))
    .orderBy(asc(s.ssoGroupMappings.groupName), asc(s.ssoGroupMappings.createdAt));
  return rows.map(({ unitArchivedAt, ...r }) => ({ ...r, unitArchived: unitArchivedAt !== null }));
}

/** Adds a row: members of the group get the role (an editor for the unit) at their next login. */
export async function addGroupMapping(
  db: Db,
  actor: CurrentUser,
  input: { groupName: string; role: Role; unitId: string | null },
): Promise<{ id: string }> {
  const org = authorizeInOwnOrganization(actor, 'manage', 'organization');
  const unitId = input.role === 'editor' ? input.unitId : null;
  if (input.role === 'editor' && !unitId) {
    throw new ValidationError('Välj en enhet.', { unitId: ['Välj vilken enhet gruppens medlemmar rapporterar för.'] });
  }
  try {
    return await db.transaction(async (tx) => {
      const t = tx as unknown as Db;
      if (unitId) await assertActiveUnits(t, org, [unitId], 'unitId');
      const [row] = await t
        .insert(s.ssoGroupMappings)
        .values({ organizationId: org, groupName: input.groupName, role: input.role, unitId })
        .returning({ id: s.ssoGroupMappings.id });
      await recordAudit(t, {
        organizationId: org,
        actorId: actor.id,
        action: 'sign_in.group_add',
        entityType: 'organization',
        entityId: org,
        changes: { mappingId: row!.id, groupName: input.groupName, role: input.role, unitId },
      });
      return { id: row!.id };
    });
  } catch (error) {
    if (isUniqueViolation(error)) {
      throw new ValidationError('Gruppen ger redan den behörigheten.', { groupName: ['Gruppen ger redan den behörigheten.'] });
    }
    throw error;
  }
}

/** Removes a row: its grants leave the group's members at their next login. */
export async function removeGroupMapping(db: Db, actor: CurrentUser, input: { mappingId: string }): Promise<{ groupName: string }> {
  const org = authorizeInOwnOrganization(actor, 'manage', 'organization');
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [removed] = await t
      .delete(s.ssoGroupMappings)
      .where(and(eq(s.ssoGroupMappings.organizationId, org), eq(s.ssoGroupMappings.id, input.mappingId)))
      .returning({ groupName: s.ssoGroupMappings.groupName, role: s.ssoGroupMappings.role, unitId: s.ssoGroupMappings.unitId });
    if (!removed) throw new NotFoundError('group mapping');
    await recordAudit(t, {
      organizationId: org,
      actorId: actor.id,
      action: 'sign_in.group_remove',
      entityType: 'organization',
      entityId: org,
      changes: { mappingId: input.mappingId, ...removed },
    });
    return { groupName: removed.groupName };
  });
}
