// A single sign-on login in the database: the organization whose people sign in with the
// identity provider, the person's Målbild user (linked, matched by email, created without
// rights, or refused: lib/sso-mapping.ts decides), and their grants from their groups.
// This is the authentication itself, so no policy is asked; every outcome is audited in the
// organization's log like a password login (the session's start in db/sessions.ts).
import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { recordAudit } from './audit';
import { isUniqueViolation } from '@/lib/errors';
import {
  decideSsoLogin,
  grantChanges,
  type SsoCandidate,
  type SsoIdentity,
  type SsoRefusal,
  type UnknownPeoplePolicy,
} from '@/lib/sso-mapping';

export interface SignInSettings {
  unknownPeople: UnknownPeoplePolicy;
  passwordLogin: boolean;
}

export const DEFAULT_SIGN_IN_SETTINGS: SignInSettings = { unknownPeople: 'refuse', passwordLogin: true };

/** An organization's sign-in settings (the defaults when the admin never changed them). */
export async function loadSignInSettings(db: Db, organizationId: string): Promise<SignInSettings> {
  const [row] = await db
    .select({ unknownPeople: s.signInSettings.unknownPeople, passwordLogin: s.signInSettings.passwordLogin })
    .from(s.signInSettings)
    .where(eq(s.signInSettings.organizationId, organizationId));
  if (!row) return DEFAULT_SIGN_IN_SETTINGS;
  return { unknownPeople: row.unknownPeople === 'create' ? 'create' : 'refuse', passwordLogin: row.passwordLogin };
}

/** Whether any organization still lets its people log in with a password (the login page's form). */
export async function anyPasswordLogin(db: Db): Promise<boolean> {
  const orgs = await db.select({ id: s.organizations.id }).from(s.organizations);
  if (orgs.length === 0) return true;
  const off = await db
    .select({ id: s.signInSettings.organizationId })
    .from(s.signInSettings)
    .where(eq(s.signInSettings.passwordLogin, false));
  return off.length < orgs.length;
}

/** The organization single sign-on logs in to: by its code, or the only one there is. */
export async function ssoOrganizationId(db: Db, code: string | null): Promise<string | null> {
  const rows = await db
    .select({ id: s.organizations.id })
    .from(s.organizations)
    .where(code ? eq(s.organizations.code, code) : undefined)
    .limit(2);
  return rows.length === 1 ? rows[0]!.id : null;
}

export type SsoLoginResult = { ok: true; userId: string } | { ok: false; reason: SsoRefusal };

const candidateColumns = {
  id: s.users.id,
  disabledAt: s.users.disabledAt,
  externalIssuer: s.users.externalIssuer,
  externalSubject: s.users.externalSubject,
};
const asCandidate = (row: { id: string; disabledAt: Date | null; externalIssuer: string | null; externalSubject: string | null } | undefined): SsoCandidate | null =>
  row ? { id: row.id, disabled: row.disabledAt !== null, externalIssuer: row.externalIssuer, externalSubject: row.externalSubject } : null;

/**
 * Logs a person in by single sign-on to an organization, or refuses them: the user, linked
 * to the identity on the first login, with grants following their groups when the
 * organization maps groups. Two first logins of one new person at once: the second finds
 * the user the first made (the unique email key), and is retried once.
 */
export async function loginWithSso(db: Db, organizationId: string, identity: SsoIdentity): Promise<SsoLoginResult> {
  try {
    return await loginOnce(db, organizationId, identity);
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    return loginOnce(db, organizationId, identity);
  }
}

async function loginOnce(db: Db, org: string, identity: SsoIdentity): Promise<SsoLoginResult> {
  return db.transaction(async (tx) => {
    const t = tx as unknown as Db;
    const [settings, [linkedRow], [byEmailRow]] = await Promise.all([
      loadSignInSettings(t, org),
      t
        .select(candidateColumns)
        .from(s.users)
        .where(and(eq(s.users.organizationId, org), eq(s.users.externalIssuer, identity.issuer), eq(s.users.externalSubject, identity.subject))),
      t
        .select(candidateColumns)
        .from(s.users)
        .where(and(eq(s.users.organizationId, org), eq(s.users.email, identity.email))),
    ]);
    const decision = decideSsoLogin(identity, asCandidate(linkedRow), asCandidate(byEmailRow), settings.unknownPeople);
    const who = { idp: identity.issuer, subject: identity.subject, email: identity.email };

    if (decision.kind === 'refuse') {
      await recordAudit(t, {
        organizationId: org,
        actorId: null,
        action: 'login.failure',
        entityType: 'user',
        entityId: decision.userId,
        changes: { method: 'sso', reason: decision.reason, ...who },
      });
      return { ok: false, reason: decision.reason };
    }

    let userId: string;
    if (decision.kind === 'create') {
      const [created] = await t
        .insert(s.users)
        .values({ organizationId: org, email: identity.email, name: identity.name, externalIssuer: identity.issuer, externalSubject: identity.subject })
        .returning({ id: s.users.id });
      userId = created!.id;
      await recordAudit(t, {
        organizationId: org,
        actorId: null,
        action: 'user.create',
        entityType: 'user',
        entityId: userId,
        changes: { method: 'sso', name: identity.name, ...who },
      });
    } else {
      userId = decision.userId;
      if (decision.link) {
        await t
          .update(s.users)
          .set({ externalIssuer: identity.issuer, externalSubject: identity.subject })
          .where(and(eq(s.users.organizationId, org), eq(s.users.id, userId)));
        await recordAudit(t, { organizationId: org, actorId: null, action: 'user.sso_link', entityType: 'user', entityId: userId, changes: who });
      }
    }
    await syncGrants(t, org, userId, identity.groups);
    return { ok: true, userId };
  });
}

/** The person's grants become what their groups give (when the organization maps groups and the claim came). */
async function syncGrants(db: Db, org: string, userId: string, groups: string[] | null): Promise<void> {
  if (groups === null) return;
  const [mappings, current] = await Promise.all([
    db
      .select({ groupName: s.ssoGroupMappings.groupName, role: s.ssoGroupMappings.role, unitId: s.ssoGroupMappings.unitId, archivedAt: s.units.archivedAt })
      .from(s.ssoGroupMappings)
      .leftJoin(s.units, and(eq(s.units.organizationId, org), eq(s.units.id, s.ssoGroupMappings.unitId)))
      .where(eq(s.ssoGroupMappings.organizationId, org)),
    db
      .select({ id: s.roleGrants.id, role: s.roleGrants.role, unitId: s.roleGrants.unitId })
      .from(s.roleGrants)
      .where(and(eq(s.roleGrants.organizationId, org), eq(s.roleGrants.userId, userId)))
      .orderBy(asc(s.roleGrants.createdAt)),
  ]);
  // A row for an archived unit gives nothing (nobody reports for an archived unit).
  const live = mappings.filter((m) => m.archivedAt === null);
  const { add, remove } = grantChanges(current, groups, live);
  if (remove.length) {
    await db.delete(s.roleGrants).where(and(eq(s.roleGrants.organizationId, org), inArray(s.roleGrants.id, remove.map((g) => g.id))));
  }
  if (add.length) await db.insert(s.roleGrants).values(add.map((g) => ({ organizationId: org, userId, role: g.role, unitId: g.unitId })));
  if (add.length || remove.length) {
    await recordAudit(db, {
      organizationId: org,
      actorId: null,
      action: 'user.grants_from_groups',
      entityType: 'user',
      entityId: userId,
      changes: { groups, added: add, removed: remove.map(({ role, unitId }) => ({ role, unitId })) },
    });
  }
}
