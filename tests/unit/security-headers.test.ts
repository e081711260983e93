// The security headers: a nonce'd script policy without 'unsafe-inline', no framing, and
// HSTS only for a configured https deployment.
import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isHttpsDeployment, staticSecurityHeaders } from '@/lib/security-headers';

describe('security headers', () => {
  it('lets scripts run only with the nonce, and nothing frame the app', () => {
    const csp = contentSecurityPolicy('abc123==');
    expect(csp).toContain("script-src 'self' 'nonce-abc123==' 'strict-dynamic'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-(inline|eval)/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(contentSecurityPolicy('n', { development: true })).toMatch(/script-src[^;]*'unsafe-eval'/);
  });

  it('sends HSTS and upgrades requests only when the configured public URL is https', () => {
    const names = (https: boolean) => staticSecurityHeaders({ https }).map((h) => h.key);
    expect(names(false)).toEqual(['X-Frame-Options', 'X-Content-Type-Options', 'Referrer-Policy', 'Permissions-Policy', 'Cross-Origin-Opener-Policy']);
    expect(names(true)).toContain('Strict-Transport-Security');
    expect(contentSecurityPolicy('n', { https: true })).toContain('upgrade-insecure-requests');
    expect(isHttpsDeployment({ MALBILD_PUBLIC_URL: 'https://malbild.askersund.se' })).toBe(true);
    expect(isHttpsDeployment({ AUTH_URL: 'HTTPS://x' })).toBe(true);
    expect(isHttpsDeployment({ MALBILD_PUBLIC_URL: 'http://127.0.0.1:3000' })).toBe(false);
    expect(isHttpsDeployment({})).toBe(false);
  });
});
