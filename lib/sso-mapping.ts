// Who a single sign-on login is, and what it may do: from the identity provider's claims
// to a Målbild user (matched, created without rights, or refused) and from the person's
// groups to role grants by the admin's table. Pure: the database work is in db/sso.ts.
import type { Role } from './roles';

export interface SsoIdentity {
  issuer: string;
  subject: string;
  /** Lower-case; compared with the users' email addresses. */
  email: string;
  name: string;
  /** The groups claim's values; null when the provider sent no such claim. */
  groups: string[] | null;
}

export type ClaimsProblem = 'no_subject' | 'no_match_value' | 'email_unverified';

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() ? value.trim() : null);

/**
 * The person an ID token describes. With the match claim 'email' the provider must say the
 * address is verified (email_verified true); another claim (Entra ID's preferred_username,
 * say) is trusted as the organization configured it.
 */
export function identityFromClaims(
  claims: Record<string, unknown>,
  config: { issuer: string; matchClaim: string; groupsClaim: string },
): { ok: true; identity: SsoIdentity } | { ok: false; problem: ClaimsProblem } {
  const subject = text(claims.sub);
  if (!subject) return { ok: false, problem: 'no_subject' };
  const matchValue = text(claims[config.matchClaim]);
  if (!matchValue || !matchValue.includes('@')) return { ok: false, problem: 'no_match_value' };
  if (config.matchClaim === 'email' && claims.email_verified !== true && claims.email_verified !== 'true') {
    return { ok: false, problem: 'email_unverified' };
  }
  const email = matchValue.toLowerCase();
  const rawGroups = claims[config.groupsClaim];
  const groups =
    rawGroups === undefined || rawGroups === null
      ? null
      : (Array.isArray(rawGroups) ? rawGroups : [rawGroups]).map(text).filter((g): g is string => g !== null);
  const name = text(claims.name) ?? ([text(claims.given_name), text(claims.family_name)].filter(Boolean).join(' ') || email);
  return { ok: true, identity: { issuer: config.issuer, subject, email, name, groups } };
}

export interface SsoCandidate {
  id: string;
  disabled: boolean;
  externalIssuer: string | null;
  externalSubject: string | null;
}

export type UnknownPeoplePolicy = 'refuse' | 'create';

export type SsoRefusal = 'unknown' | 'disabled' | 'linked_to_other';

export type SsoDecision =
  | { kind: 'login'; userId: string; link: boolean }
  | { kind: 'create' }
  | { kind: 'refuse'; reason: SsoRefusal; userId: string | null };

/**
 * Who logs in: the user already linked to this identity (issuer + subject), else the user
 * with the identity's email, who is then linked to it. A user linked to another identity is
 * refused (the address may have been given to someone else at the provider); a disabled user
 * is refused whatever the provider says; an unknown person is created without rights or
 * refused, as the organization decided.
 */
export function decideSsoLogin(
  identity: Pick<SsoIdentity, 'issuer' | 'subject'>,
  linked: SsoCandidate | null,
  byEmail: SsoCandidate | null,
  unknownPeople: UnknownPeoplePolicy,
): SsoDecision {
  const user = linked ?? byEmail;
  if (!user) return unknownPeople === 'create' ? { kind: 'create' } : { kind: 'refuse', reason: 'unknown', userId: null };
  if (user.disabled) return { kind: 'refuse', reason: 'disabled', userId: user.id };
  if (linked) return { kind: 'login', userId: linked.id, link: false };
  const linkedElsewhere =
    user.externalSubject !== null && (user.externalIssuer !== identity.issuer || user.externalSubject !== identity.subject);
  if (linkedElsewhere) return { kind: 'refuse', reason: 'linked_to_other', userId: user.id };
  return { kind: 'login', userId: user.id, link: true };
}

export interface Grant {
  role: Role;
  unitId: string | null;
}

export interface GroupMapping extends Grant {
  groupName: string;
}

const grantKey = (g: Grant) => `${g.role}|${g.unitId ?? ''}`;

/** The grants a person's groups give by the organization's table (each once). Group names match exactly. */
export function grantsForGroups(groups: readonly string[], mappings: readonly GroupMapping[]): Grant[] {
  const mine = new Set(groups);
  const out = new Map<string, Grant>();
  for (const m of mappings) {
    if (!mine.has(m.groupName)) continue;
    const grant = { role: m.role, unitId: m.role === 'editor' ? m.unitId : null };
    out.set(grantKey(grant), grant);
  }
  return [...out.values()];
}

/**
 * What a login changes in the person's grants. The groups decide only when the organization
 * has a table (at least one row) and the provider sent the groups claim; then the grants
 * become exactly what the groups give. Otherwise nothing changes (the admin grants by hand).
 */
export function grantChanges<G extends Grant>(
  current: readonly G[],
  groups: readonly string[] | null,
  mappings: readonly GroupMapping[],
): { add: Grant[]; remove: G[] } {
  if (groups === null || mappings.length === 0) return { add: [], remove: [] };
  const wanted = grantsForGroups(groups, mappings);
  const have = new Set(current.map(grantKey));
  const want = new Set(wanted.map(grantKey));
  return {
    add: wanted.filter((g) => !have.has(grantKey(g))),
    remove: current.filter((g) => !want.has(grantKey(g))),
  };
}
