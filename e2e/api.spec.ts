// The REST API v1 (issue 17) end to end: the admin makes a token in the administration (its
// secret shown once), a system writes an outcome over HTTP with it, the overview shows it,
// and the admin revokes the token. The demo is left as found: the outcome written over is
// written back as a new version (the rank of unemployment among foreign-born, 33, which
// only the overview spec reads, after this one), and the token is revoked.
import { expect, test, type APIRequestContext } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { login } from './helpers';

const RANK = 'Den öppna arbetslösheten bland utrikes födda i kommunen ska vara bland de 25 % lägsta i länet.';
const RANK_ANALYSIS = '8 av 12 kommuner i länet har lägre arbetslöshet för gruppen utrikes födda än Askersund';
const SCREENS = 'test-results/screens';

async function axe(page: import('@playwright/test').Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('a token made by the admin writes an outcome over the API that the overview then shows', async ({ page, playwright, baseURL }) => {
  await login(page, 'admin@askersund.example');
  await page.goto('/admin/api');
  await expect(page.getByRole('heading', { level: 1, name: 'API-nycklar' })).toBeVisible();

  // A write token for Kommunledningsförvaltningen, which answers for the rank.
  await page.getByLabel('Namn', { exact: true }).fill('Statistiksystemet (e2e)');
  await page.getByLabel('Behörighet').selectOption('write');
  const unit = page.getByLabel('Enhet som nyckeln skriver för');
  const klf = await unit.locator('option', { hasText: 'Kommunledningsförvaltningen' }).getAttribute('value');
  await unit.selectOption(klf!);
  await page.getByRole('button', { name: 'Skapa nyckeln' }).click();
  await expect(page.getByText('Nyckeln visas bara nu')).toBeVisible();
  const secret = await page.getByLabel('API-nyckel').inputValue();
  expect(secret).toMatch(/^mbk_/);
  const row = page.getByRole('row').filter({ hasText: 'Statistiksystemet (e2e)' });
  await expect(row).toContainText('Aktiv');
  await expect(row).toContainText('Läsa, och skriva för Kommunledningsförvaltningen');
  await axe(page);
  await page.screenshot({ path: `${SCREENS}/1366-admin-api.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENS}/390-admin-api.png`, fullPage: true });
  await page.setViewportSize({ width: 1366, height: 900 });

  // A system with the token and no cookies.
  const api: APIRequestContext = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  try {
    const periods = (await (await api.get('/api/v1/periods')).json()) as { periods: { id: string; label: string }[] };
    const period = periods.periods.find((p) => p.label === 'Delår 2024')!;
    const goals = (await (await api.get(`/api/v1/periods/${period.id}/goals`)).json()) as {
      goals: { indicators: { id: string; name: string; outcome: number }[] }[];
    };
    const rank = goals.goals.flatMap((g) => g.indicators).find((i) => i.name === RANK)!;
    expect(rank.outcome).toBe(33);
    const values = (await (await api.get(`/api/v1/periods/${period.id}/values`)).json()) as { values: { indicatorId: string; seq: number }[] };
    const base = values.values.find((v) => v.indicatorId === rank.id)!.seq;

    const write = (outcome: string, baseSeq: number, key: string) =>
      api.post('/api/v1/values', {
        headers: { 'idempotency-key': key },
        data: { indicatorId: rank.id, periodId: period.id, baseSeq, outcome, analysis: RANK_ANALYSIS },
      });
    const saved = await write('30', base, `e2e-${Date.now()}-1`);
    expect(saved.status()).toBe(201);
    expect(await saved.json()).toMatchObject({ seq: base + 1 });

    await page.goto('/');
    const overviewRow = page.getByRole('row').filter({ has: page.getByRole('rowheader', { name: RANK }) });
    await expect(overviewRow.getByRole('cell').nth(1)).toHaveText('30');

    // The demo as it was: 33 again, as a new version.
    const restored = await write('33', base + 1, `e2e-${Date.now()}-2`);
    expect(restored.status()).toBe(201);
    await page.reload();
    await expect(overviewRow.getByRole('cell').nth(1)).toHaveText('33');
  } finally {
    await api.dispose();
  }

  // Revoked, the token opens nothing any more.
  await page.goto('/admin/api');
  await row.getByRole('button', { name: /^Återkalla/ }).click();
  await page.getByRole('button', { name: 'Ja, återkalla' }).click();
  await expect(row).toContainText('Återkallad');
  const after = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { authorization: `Bearer ${secret}` } });
  expect((await after.get('/api/v1/periods')).status()).toBe(401);
  await after.dispose();
});

test('the API refuses a session cookie, answers JSON problems (never HTML), and documents itself', async ({ page }) => {
  await login(page, 'admin@askersund.example');
  // page.request carries the browser's session cookie: the API does not take it.
  const cookieOnly = await page.request.get('/api/v1/periods');
  expect(cookieOnly.status()).toBe(401);
  expect(cookieOnly.headers()['content-type']).toContain('application/problem+json');
  expect(((await cookieOnly.json()) as { title: string }).title).toBe('Ingen giltig API-nyckel');

  for (const [method, path] of [
    ['GET', '/api/v1/finns-inte'],
    ['POST', '/api/v1/finns/inte/heller'],
    ['DELETE', '/api/v1/values'],
  ] as const) {
    const response = await page.request.fetch(path, { method, maxRedirects: 0 });
    expect(response.status(), `${method} ${path}`).toBeGreaterThanOrEqual(400);
    expect(response.headers()['content-type'] ?? '', `${method} ${path}`).not.toContain('html');
  }

  const openapi = await page.request.get('/api/v1/openapi.json');
  expect(openapi.status()).toBe(200);
  expect(((await openapi.json()) as { openapi: string }).openapi).toBe('3.1.0');

  await page.goto('/admin/api/dokumentation');
  await expect(page.getByRole('heading', { level: 1, name: 'API-dokumentation' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'POST /api/v1/values' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'IndicatorValueInput' })).toBeVisible();
  await axe(page);
  await page.screenshot({ path: `${SCREENS}/1366-admin-api-dokumentation.png` });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `${SCREENS}/390-admin-api-dokumentation.png` });
});

test('an anonymous visitor to /api/v1 is not sent to the login page', async ({ request }) => {
  const response = await request.get('/api/v1/plans', { maxRedirects: 0 });
  expect(response.status()).toBe(401);
  expect(response.headers()['content-type']).toContain('application/problem+json');
});
