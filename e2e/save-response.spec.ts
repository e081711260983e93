// Issue 19, item 1: a reporting save answers with its result alone (the form page is not
// rendered again into the action's response), and every other page shows the new value on
// the next visit, through a link as well as by address.
import { expect, test } from '@playwright/test';
import { login } from './helpers';

const SICK_LEAVE = 'Sjukfrånvaro exkl. AME, procent';

test('saving a value returns the result only, and the overview and the history show the new value next', async ({ page }) => {
  await login(page, 'hr-chef@askersund.example');
  await page.goto('/rapportering');
  await page.getByRole('link', { name: SICK_LEAVE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SICK_LEAVE);

  await page.getByLabel(/^Utfall/).fill('1,77');
  // The action's response is read as it passes (Chromium may drop a body it has handed over).
  let body = null as string | null;
  await page.route('**/rapportering/**', async (route) => {
    const request = route.request();
    if (request.method() !== 'POST' || request.headers()['next-action'] === undefined) return route.continue();
    const response = await route.fetch();
    body = await response.text();
    await route.fulfill({ response, body });
  });
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  const saved = page.getByText(/Sparat som version \d+\. Måluppfyllelse: Uppfyllt\./);
  await expect(saved).toBeVisible();
  const version = Number(/version (\d+)/.exec((await saved.textContent()) ?? '')?.[1]);
  await page.unrouteAll({ behavior: 'wait' });
  if (body === null) throw new Error('the save action was not seen');
  const text: string = body;
  // The result is in the response; the page (its aside, its links, its layout) is not.
  expect(text).toContain('Sparat som version');
  expect(text).not.toContain('Visa historik och diagram');
  expect(text).not.toContain('Min rapportering');
  expect(text.length).toBeLessThan(2_000);

  // A second save in the same form builds on the first (the form follows the result).
  await page.getByLabel(/^Utfall/).fill('1,78');
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  // The next version's message, not the first save's (which is still on the page until the answer comes).
  await expect(page.getByText(`Sparat som version ${version + 1}. Måluppfyllelse: Uppfyllt.`)).toBeVisible();
  await expect(page.getByRole('alert').filter({ hasText: 'Någon annan har sparat en nyare version' })).toHaveCount(0);

  // Other pages, by link (the client router) and by address, show the new value.
  await page.getByRole('link', { name: 'Visa historik och diagram' }).click();
  await expect(page.getByRole('table', { name: 'Utfall per period' })).toContainText('1,78');
  await page.goto('/');
  await expect(page.getByText('1,78').first()).toBeVisible();
});
