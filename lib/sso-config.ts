// Single sign-on over OpenID Connect, configured by the environment: which identity provider,
// the client Målbild is registered as, the name the login page shows, the organization whose
// people sign in there, and which claims identify a person and carry their groups.
// Pure: reads only the variables it is given.

export interface SsoConfig {
  issuer: string;
  clientId: string;
  clientSecret: string;
  /** Shown as "Logga in med <displayName>". */
  displayName: string;
  /** The organization's code; null: the installation's only organization. */
  organizationCode: string | null;
  /** The claim whose value is the person's email address in Målbild ('email' also needs email_verified). */
  matchClaim: string;
  /** The claim that lists the person's groups (mapped to roles by the admin's table). */
  groupsClaim: string;
}

const trimmed = (value: string | undefined) => (value ?? '').trim();

/** The configuration, or null when single sign-on is not set up (issuer, client id or secret missing). */
export function ssoConfigFrom(env: Record<string, string | undefined>): SsoConfig | null {
  const issuer = trimmed(env.MALBILD_OIDC_ISSUER).replace(/\/+$/, '');
  const clientId = trimmed(env.MALBILD_OIDC_CLIENT_ID);
  const clientSecret = trimmed(env.MALBILD_OIDC_CLIENT_SECRET);
  if (!issuer || !clientId || !clientSecret) return null;
  return {
    issuer,
    clientId,
    clientSecret,
    displayName: trimmed(env.MALBILD_OIDC_NAME) || 'kommunens konto',
    organizationCode: trimmed(env.MALBILD_OIDC_ORGANIZATION) || null,
    matchClaim: trimmed(env.MALBILD_OIDC_MATCH_CLAIM) || 'email',
    groupsClaim: trimmed(env.MALBILD_OIDC_GROUPS_CLAIM) || 'groups',
  };
}
