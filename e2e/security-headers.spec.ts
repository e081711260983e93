// The security headers on every kind of route (page, login page, redirect, file download,
// the auth API, a static asset), a CSP nonce that differs per response and sits on Next's
// own scripts, and no page of the app shown inside another origin's frame.
import { expect, test, type APIResponse } from '@playwright/test';
import { login } from './helpers';

function expectSecurityHeaders(response: APIResponse | null, what: string) {
  expect(response, what).not.toBeNull();
  const h = response!.headers();
  expect(h['content-security-policy'], what).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(h['content-security-policy'], what).toContain("frame-ancestors 'none'");
  expect(h['content-security-policy'], what).not.toMatch(/script-src[^;]*'unsafe-inline'/);
  expect(h['x-frame-options'], what).toBe('DENY');
  expect(h['x-content-type-options'], what).toBe('nosniff');
  expect(h['referrer-policy'], what).toBe('strict-origin-when-cross-origin');
  expect(h['permissions-policy'], what).toContain('camera=()');
  // The e2e server's public URL is http: no HSTS (a client-sent X-Forwarded-Proto never turns it on).
  expect(h['strict-transport-security'], what).toBeUndefined();
}

test('every kind of route sends the security headers, and the nonce is new each time', async ({ page, request }) => {
  const anonymous = [
    ['the login page', '/logga-in'],
    ['a redirect to the login page', '/attest'],
    ['the auth API', '/api/auth/session'],
    ['a file download without a session', '/rapport/docx'],
  ] as const;
  for (const [what, path] of anonymous) {
    expectSecurityHeaders(await request.get(path, { maxRedirects: 0, headers: { 'X-Forwarded-Proto': 'https' } }), what);
  }
  const first = await request.get('/logga-in');
  const second = await request.get('/logga-in');
  const nonceOf = (r: APIResponse) => /'nonce-([^']+)'/.exec(r.headers()['content-security-policy'] ?? '')?.[1];
  expect(nonceOf(first)).toBeTruthy();
  expect(nonceOf(first)).not.toBe(nonceOf(second));

  await login(page, 'kommundirektor@askersund.example');
  await page.goto('/attest');
  expectSecurityHeaders(await page.request.get('/attest'), 'a signed-in page');
  // Next's own scripts carry the response's nonce (the page works: the login above ran its scripts).
  const nonce = await page.locator('script[nonce]').first().evaluate((s) => (s as HTMLScriptElement).nonce);
  expect(nonce).toBeTruthy();
  const script = await page.locator('script[src*="/_next/static/"]').first().getAttribute('src');
  expectSecurityHeaders(await page.request.get(script!), 'a static asset');
});

test('another origin cannot show the app in a frame', async ({ page, baseURL }) => {
  await login(page, 'kommundirektor@askersund.example');
  // A page of another origin (about:blank) that frames the director's approval page.
  await page.setContent(`<iframe id="ram" onload="window.framed = true" src="${baseURL}/attest" width="800" height="600"></iframe>`);
  await page.waitForFunction(() => (window as unknown as { framed?: boolean }).framed === true);
  const frame = page.frames().find((f) => f !== page.mainFrame());
  const shown = frame ? await frame.locator('body').innerText().catch(() => '') : '';
  expect(shown).not.toContain('Attestera');
});
