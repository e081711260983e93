// Search across a period's texts (issue 15, item 5): the director searches "sjukfrånvaro" from
// the header's link with the keyboard, sees HR's text with the word marked and who wrote it,
// and opens it; a too short query is refused with the query kept in the field; an empty
// result says so; an editor has no search. axe runs on each state.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { login, sidewaysScroll } from './helpers';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function screens(page: Page, name: string) {
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    expect(await sidewaysScroll(page), `${name} at ${width} px`).toEqual([]);
    await page.screenshot({ path: `test-results/screens/issue15-search-${name}-${width}.png`, fullPage: true });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

test('the director finds who wrote what about "sjukfrånvaro"', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, 'kommundirektor@askersund.example');
  await page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Sök', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Sök i texter' })).toBeVisible();
  await expectNoAxeViolations(page);

  // With the keyboard: type and press Enter.
  const field = page.getByRole('searchbox', { name: 'Sök efter' });
  await field.focus();
  await page.keyboard.type('sjukfrånvaro');
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: /texter? innehåller ”sjukfrånvaro”/ })).toBeVisible();
  await expect(field).toHaveValue('sjukfrånvaro');

  // HR's text is one hit (a send-back comment about it, when another spec wrote one, is another kind of hit).
  const hr = page
    .getByRole('listitem')
    .filter({ has: page.getByRole('link', { name: 'HR i Översikt över verksamhetens utveckling' }) })
    .filter({ hasText: /^Text till rapporten ·/ });
  await expect(hr).toHaveCount(1);
  await expect(hr).toContainText('Text till rapporten · Kommunstyrelsen · HR-avdelningen');
  await expect(hr).toContainText(/Version \d+ \(senaste\) av /);
  const marks = hr.locator('mark');
  expect(await marks.count()).toBeGreaterThan(0);
  for (const text of await marks.allTextContents()) expect(text.toLowerCase()).toBe('sjukfrånvaro');
  await expectNoAxeViolations(page);
  await screens(page, 'results');

  // With earlier versions: still HR's text, each version with its author.
  await page.getByRole('checkbox', { name: 'Ta med tidigare versioner' }).check();
  await page.getByRole('button', { name: 'Sök', exact: true }).click();
  await expect(page).toHaveURL(/historik=1/);
  await expect(page.getByText('I någon version av varje text i delår 2024.')).toBeVisible();

  // The hit leads to the text and its versions.
  await page.getByRole('link', { name: 'HR i Översikt över verksamhetens utveckling' }).first().click();
  await expect(page.getByRole('heading', { level: 1 })).toContainText('HR');
  await expect(page.getByRole('heading', { name: /Versioner i Delår 2024/ })).toBeVisible();
});

test('a too short query is refused with the query kept; an empty result says so', async ({ page }) => {
  await page.setViewportSize({ width: 1366, height: 900 });
  await login(page, 'kommundirektor@askersund.example');
  await page.goto('/sok?q=ab');
  const field = page.getByRole('searchbox', { name: 'Sök efter' });
  await expect(field).toHaveValue('ab');
  await expect(field).toHaveAttribute('aria-invalid', 'true');
  await expect(field).toHaveAccessibleDescription(/Sökningen är för kort: minst ett ord måste ha 3 tecken eller fler\./);
  await expectNoAxeViolations(page);
  await screens(page, 'too-short');

  await field.fill('konto_nr 100%');
  await field.press('Enter');
  await expect(page.getByRole('heading', { level: 2, name: 'Inga texter innehåller ”konto_nr 100%”' })).toBeVisible();
  await expect(page.getByRole('searchbox', { name: 'Sök efter' })).toHaveValue('konto_nr 100%');
  await expectNoAxeViolations(page);
  await screens(page, 'empty');
});

test('an editor has no search', async ({ page }) => {
  await login(page, 'hr-chef@askersund.example');
  await expect(page.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Sök', exact: true })).toHaveCount(0);
  const response = await page.goto('/sok?q=sjukfr%C3%A5nvaro');
  expect(response?.status()).toBe(404);
  await expect(page.getByText('HR i Översikt över verksamhetens utveckling')).toHaveCount(0);
});
