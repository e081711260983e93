// Logout ends the session on the server: a cookie copied before logout opens no page, saves
// nothing and is not renewed by /api/auth/session.
import { expect, test } from '@playwright/test';
import { login, logout } from './helpers';

test('a cookie copied before logout is dead after it', async ({ page, browser, baseURL }) => {
  await login(page, 'hr-chef@askersund.example');
  const copied = await page.context().cookies();
  expect(copied.some((c) => c.name.includes('authjs.session-token'))).toBe(true);

  // The copy works while the session lives…
  const thief = await browser.newContext({ baseURL });
  await thief.addCookies(copied);
  const stolen = await thief.newPage();
  await stolen.goto('/rapportering');
  await expect(stolen.getByRole('heading', { level: 1 })).toContainText('Min rapportering');

  // …and not after the owner logs out.
  await logout(page);
  await stolen.goto('/rapportering');
  await expect(stolen).toHaveURL(/\/logga-in/);

  const again = await browser.newContext({ baseURL });
  await again.addCookies(copied);
  const response = await again.request.get('/api/auth/session');
  expect(response.ok()).toBe(true);
  const body = (await response.json()) as { user?: unknown } | null;
  expect(body?.user).toBeUndefined();
  const renewed = (response.headersArray() ?? []).filter((h) => h.name.toLowerCase() === 'set-cookie' && /authjs\.session-token=[^;]+/.test(h.value));
  expect(renewed.every((h) => /authjs\.session-token=;/.test(h.value) || /Max-Age=0|Expires=Thu, 01 Jan 1970/i.test(h.value))).toBe(true);
  await thief.close();
  await again.close();
});
