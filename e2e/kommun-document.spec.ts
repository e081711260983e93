// The kommun's report (issue 15 item 4): the kommundirektör opens it from /rapport, writes the
// kommun's introduction, leaves Socialnämnden out, and reads the report — the introduction,
// the rollup per målområde and Kommunstyrelsen marked "Ej attesterad" with its text preliminary
// — and downloads it as one DOCX (with the download's progress shown). A viewer reads it
// but is offered no editing. Socialnämnden is put back at the end (a further version), so the
// specs after this one meet the demo's layout.
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import JSZip from 'jszip';
import { login, sidewaysScroll } from './helpers';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const INTRO = 'Askersunds kommun redovisar här alla nämnders uppföljning för delåret.';
const SCREENS = process.env.E2E_SCREENSHOTS ?? '';

/** With E2E_SCREENSHOTS set: the page's top (or what `at` scrolls to) at 1366 and 390 px, for the docs. */
async function shoot(page: Page, name: string, at?: () => Promise<void>) {
  if (!SCREENS) return;
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: width === 390 ? 844 : 1000 });
    if (at) await at();
    else await page.evaluate(() => window.scrollTo(0, 0));
    await page.screenshot({ path: `${SCREENS}/issue15-kommun-${name}-${width}.png` });
  }
  await page.setViewportSize({ width: 1366, height: 900 });
}

test.describe.configure({ timeout: 4 * 60_000 });

test("the director assembles the kommun's report and downloads it as one DOCX", async ({ page, browser }) => {
  await login(page, 'kommundirektor@askersund.example');
  await page.goto('/rapport');
  await page.getByRole('link', { name: 'Kommunens rapport med alla nämnder' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Kommunens delårsrapport' })).toBeVisible();
  await expect(page.getByText('Ingen inledning är skriven ännu.')).toBeVisible();

  await page.getByRole('link', { name: 'Skriv inledningen och välj nämnder och ordning' }).click();
  await expect(page).toHaveURL(/\/rapport\/kommun\/redigera\?period=/);
  await expect(page.getByRole('heading', { level: 1, name: 'Sätt ihop kommunens delårsrapport' })).toBeVisible();
  await expect(page.getByText('Ingen version sparad ännu.')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.getByRole('textbox', { name: 'Inledning' }).fill(`${INTRO}\n\n- Alla nämnder är med`);
  await page.getByRole('button', { name: 'Spara inledningen' }).click();
  await expect(page.getByText('Inledningen är sparad som version 1.')).toBeVisible();
  // The list of versions beside the form shows it at once, without a reload.
  const versions = page.getByRole('complementary', { name: /^Versioner i / });
  await expect(versions.getByRole('heading', { name: 'Version 1', exact: true })).toBeVisible();
  await expect(versions).not.toContainText('Ingen version sparad ännu.');

  await page.getByRole('button', { name: 'Utelämna Socialnämnden' }).click();
  await expect(page.getByText(/Nämnden är utelämnad ur rapporten/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Ta med Socialnämnden' })).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await sidewaysScroll(page)).toEqual([]);
  await page.setViewportSize({ width: 1366, height: 900 });
  await page.reload();
  await shoot(page, 'satt-ihop');

  await page.getByRole('link', { name: 'Kommunens delårsrapport' }).click();
  await expect(page).toHaveURL(/\/rapport\/kommun\?period=/);
  const report = page.locator('article');
  await expect(report.getByRole('heading', { level: 1, name: 'Inledning' })).toBeVisible();
  await expect(report).toContainText(INTRO);
  await expect(report.getByRole('heading', { level: 1, name: 'Måluppfyllelse per målområde' })).toBeVisible();
  await expect(report.getByRole('heading', { level: 1, name: 'Kommunstyrelsen' })).toBeVisible();
  await expect(report.getByRole('heading', { level: 1, name: 'Socialnämnden' })).toHaveCount(0);
  await expect(report).toContainText('Ej attesterad');
  await expect(report).toContainText('Nämndens period är inte attesterad och texten kan ändras.');
  await expect(report.getByRole('heading', { name: 'HR', exact: true })).toBeVisible();
  await expectNoAxeViolations(page);
  // Nothing scrolls sideways, the boards' widest finance tables included, at 1366 px and on a phone.
  expect(await sidewaysScroll(page)).toEqual([]);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await sidewaysScroll(page)).toEqual([]);
  await page.setViewportSize({ width: 1366, height: 900 });
  await shoot(page, 'rapport');
  await shoot(page, 'rapport-malomraden', () => report.getByRole('heading', { level: 1, name: 'Inledning' }).scrollIntoViewIfNeeded());
  await shoot(page, 'rapport-namnd', () => report.getByRole('heading', { level: 1, name: 'Kommunstyrelsen' }).scrollIntoViewIfNeeded());

  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Ladda ner Word (DOCX)' }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe('Delarsrapport-Askersunds-kommun-Delar-2024.docx');
  const zip = await JSZip.loadAsync(fs.readFileSync((await download.path())!));
  const xml = await zip.file('word/document.xml')!.async('string');
  expect(xml).toContain(INTRO);
  expect(xml).toContain('Kommunstyrelsen');
  expect(xml).toContain('Ej attesterad');

  // A viewer reads the report but is offered no editing.
  const viewer = await (await browser.newContext()).newPage();
  await login(viewer, 'ledamot@askersund.example');
  await viewer.goto('/rapport/kommun');
  await expect(viewer.locator('article')).toContainText(INTRO);
  await expect(viewer.getByRole('link', { name: 'Skriv inledningen och välj nämnder och ordning' })).toHaveCount(0);
  await viewer.goto('/rapport/kommun/redigera');
  await expect(viewer.getByText('Kommunens rapport sätts ihop av administratören och kommundirektören.')).toBeVisible();
  await expect(viewer.getByRole('button', { name: 'Spara inledningen' })).toHaveCount(0);

  // Put Socialnämnden back for the specs that follow.
  await page.goto('/rapport/kommun/redigera');
  await page.getByRole('button', { name: 'Ta med Socialnämnden' }).click();
  await expect(page.getByRole('button', { name: 'Utelämna Socialnämnden' })).toBeVisible();
});

test('after a refused save of the introduction the list of versions shows the newer one, and the typed text stays', async ({ browser }) => {
  const director = await (await browser.newContext()).newPage();
  const admin = await (await browser.newContext()).newPage();
  await login(director, 'kommundirektor@askersund.example');
  await login(admin, 'admin@askersund.example');
  await director.goto('/rapport/kommun/redigera');
  await admin.goto('/rapport/kommun/redigera');
  const versions = (page: Page) => page.getByRole('complementary', { name: /^Versioner i / });

  const NEWER = 'Administratörens nyare inledning.';
  await admin.getByRole('textbox', { name: 'Inledning' }).fill(NEWER);
  await admin.getByRole('button', { name: 'Spara inledningen' }).click();
  const saved = admin.getByText(/Inledningen är sparad som version \d+\./);
  await expect(saved).toBeVisible();
  const newerSeq = Number((await saved.textContent())!.match(/version (\d+)/)![1]);
  await expect(versions(director)).not.toContainText(NEWER);

  const MINE = 'Kommundirektörens inledning, skriven samtidigt.';
  await director.getByRole('textbox', { name: 'Inledning' }).fill(MINE);
  await director.getByRole('button', { name: 'Spara inledningen' }).click();
  await expect(director.getByRole('alert').filter({ hasText: 'Någon annan har sparat en nyare version' })).toContainText(`version ${newerSeq}`);
  await expect(versions(director).getByRole('heading', { name: `Version ${newerSeq}`, exact: true })).toBeVisible();
  await expect(versions(director)).toContainText(NEWER);
  await expect(director.getByRole('textbox', { name: 'Inledning' })).toHaveValue(MINE);
  await expectNoAxeViolations(director);
});
