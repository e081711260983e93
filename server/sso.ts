// Single sign-on over OpenID Connect (issue 17): the Auth.js provider built from the
// environment (lib/sso-config.ts), the login it leads to (db/sso.ts), and the provider's
// end-session address for the logout page.
import 'server-only';
import type { OIDCConfig } from 'next-auth/providers';
import type { Db } from '@/db/client';
import { loginWithSso, ssoOrganizationId } from '@/db/sso';
import { ssoConfigFrom, type SsoConfig } from '@/lib/sso-config';
import { identityFromClaims, type ClaimsProblem, type SsoRefusal } from '@/lib/sso-mapping';

export const SSO_PROVIDER_ID = 'oidc';

export function ssoConfig(): SsoConfig | null {
  return ssoConfigFrom(process.env);
}

/** Auth.js' generic OIDC provider: PKCE, state and nonce are all checked. */
export function ssoProvider(config: SsoConfig): OIDCConfig<Record<string, unknown>> {
  return {
    id: SSO_PROVIDER_ID,
    name: config.displayName,
    type: 'oidc',
    issuer: config.issuer,
    clientId: config.clientId,
    clientSecret: config.clientSecret,
    checks: ['pkce', 'state', 'nonce'],
    authorization: { params: { scope: 'openid email profile' } },
    // Who the person is in Målbild is decided in the signIn callback (resolveSsoLogin).
    profile: (claims) => ({ id: String(claims.sub ?? ''), name: typeof claims.name === 'string' ? claims.name : null }),
  };
}

/** Why a single sign-on login was refused: the login page's `fel` parameter. */
export type SsoProblem = SsoRefusal | ClaimsProblem | 'no_organization';

/** The Målbild user an ID token's claims log in as, or why not (audited in db/sso.ts). */
export async function resolveSsoLogin(
  db: Db,
  config: SsoConfig,
  claims: Record<string, unknown>,
): Promise<{ ok: true; userId: string; organizationId: string } | { ok: false; problem: SsoProblem }> {
  const organizationId = await ssoOrganizationId(db, config.organizationCode);
  if (!organizationId) {
    console.error('[sso] no organization to log in to: set MALBILD_OIDC_ORGANIZATION to an organization code');
    return { ok: false, problem: 'no_organization' };
  }
  const parsed = identityFromClaims(claims, config);
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  const result = await loginWithSso(db, organizationId, parsed.identity);
  return result.ok ? { ok: true, userId: result.userId, organizationId } : { ok: false, problem: result.reason };
}

const endSessionCache = new Map<string, { url: string | null; at: number }>();

/**
 * The provider's RP-initiated logout address (its discovery document's end_session_endpoint)
 * with this client's id, and the way back to Målbild's login page when the public address is
 * known; null when the provider has none or cannot be reached.
 */
export async function providerLogoutUrl(config: SsoConfig): Promise<string | null> {
  const cached = endSessionCache.get(config.issuer);
  let endpoint = cached && Date.now() - cached.at < 10 * 60_000 ? cached.url : undefined;
  if (endpoint === undefined) {
    try {
      const response = await fetch(`${config.issuer}/.well-known/openid-configuration`, { signal: AbortSignal.timeout(3000) });
      const discovery = response.ok ? ((await response.json()) as { end_session_endpoint?: unknown }) : {};
      endpoint = typeof discovery.end_session_endpoint === 'string' ? discovery.end_session_endpoint : null;
    } catch {
      endpoint = null;
    }
    endSessionCache.set(config.issuer, { url: endpoint, at: Date.now() });
  }
  if (!endpoint) return null;
  const url = new URL(endpoint);
  url.searchParams.set('client_id', config.clientId);
  const publicUrl = (process.env.MALBILD_PUBLIC_URL ?? '').trim().replace(/\/+$/, '');
  if (publicUrl) url.searchParams.set('post_logout_redirect_uri', `${publicUrl}/logga-in`);
  return url.toString();
}
