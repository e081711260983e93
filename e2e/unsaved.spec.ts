// Unsaved text in a reporting form: a warning before the page is left (a link inside the app,
// a reload or a close), and a draft of the long texts kept in the browser until saved, with
// "Återställ utkast" after a reload.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { login } from './helpers';

const INDICATOR = 'Andel deltagare som går vidare till arbete eller studier, procent';
const LEAVE_QUESTION = 'Du har ändringar som inte är sparade. Vill du lämna sidan ändå?';
const TEXT = 'Utkast: fler deltagare har gått vidare till studier under hösten.';

async function openIndicator(page: Page) {
  await page.goto('/rapportering');
  await page.getByRole('link', { name: INDICATOR }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(INDICATOR);
}

const analysis = (page: Page) => page.getByLabel(/^Analys/);

test('typed text: a link inside the app asks first, a close warns, a reload offers the draft until it is saved', async ({ page }) => {
  test.setTimeout(120_000);
  await login(page, 'ame-chef@askersund.example');
  await openIndicator(page);
  const formUrl = page.url();
  const saved = await analysis(page).inputValue();

  // Nothing typed: links work without a question.
  await page.getByRole('link', { name: 'Min rapportering' }).first().click();
  await expect(page).toHaveURL(/\/rapportering(\?|$)/);
  await page.goto(formUrl);

  // Typed: a link inside the app asks; "Avbryt" keeps the page and the text.
  await analysis(page).fill(TEXT);
  const questions: string[] = [];
  page.once('dialog', (dialog) => {
    questions.push(`${dialog.type()}: ${dialog.message()}`);
    void dialog.dismiss();
  });
  await page.getByRole('link', { name: 'Min rapportering' }).first().click();
  await expect.poll(() => questions).toEqual([`confirm: ${LEAVE_QUESTION}`]);
  await expect(page).toHaveURL(formUrl);
  await expect(analysis(page)).toHaveValue(TEXT);

  // A reload (accepted) loses nothing: the draft is offered and restored.
  page.once('dialog', (dialog) => {
    questions.push(dialog.type());
    void dialog.accept();
  });
  await page.reload();
  await expect.poll(() => questions).toEqual([`confirm: ${LEAVE_QUESTION}`, 'beforeunload']);
  const offer = page.getByRole('status').filter({ hasText: 'Det finns ett osparat utkast' });
  await expect(offer).toBeVisible();
  await expect(analysis(page)).toHaveValue(saved);
  const axe = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
  await offer.getByRole('button', { name: 'Återställ utkast' }).click();
  await expect(analysis(page)).toHaveValue(TEXT);
  await expect(offer).toHaveCount(0);

  // Saved: the draft is gone, and leaving asks nothing.
  await page.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(page.getByText(/Sparat som version \d+/)).toBeVisible();
  expect(await page.evaluate(() => Object.keys(window.localStorage).filter((k) => k.startsWith('malbild:utkast:')))).toEqual([]);
  await page.reload();
  await expect(analysis(page)).toHaveValue(TEXT);
  await expect(page.getByText('Det finns ett osparat utkast')).toHaveCount(0);
  await page.getByRole('link', { name: 'Min rapportering' }).first().click();
  await expect(page).toHaveURL(/\/rapportering(\?|$)/);
  expect(questions).toHaveLength(2);
});

test('closing a form with typed text runs the browser warning; "Släng utkastet" drops the draft', async ({ browser }) => {
  test.setTimeout(120_000);
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, 'ame-chef@askersund.example');
  await openIndicator(page);
  const formUrl = page.url();
  await analysis(page).fill('Ett utkast som ska slängas.');
  const dialog = page.waitForEvent('dialog');
  await page.close({ runBeforeUnload: true });
  const warning = await dialog;
  expect(warning.type()).toBe('beforeunload');
  await warning.accept();

  // Same browser, same user: the draft is there; thrown away it does not come back.
  const again = await context.newPage();
  await again.goto(formUrl);
  const offer = again.getByRole('status').filter({ hasText: 'Det finns ett osparat utkast' });
  await expect(offer).toBeVisible();
  await offer.getByRole('button', { name: 'Släng utkastet' }).click();
  await expect(offer).toHaveCount(0);
  await again.reload();
  await expect(again.getByRole('heading', { level: 1 })).toHaveText(INDICATOR);
  await expect(again.getByText('Det finns ett osparat utkast')).toHaveCount(0);

  await context.close();
});
