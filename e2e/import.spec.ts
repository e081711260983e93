// Getting data in: the admin downloads the values template, changes one outcome, sees the
// dry run list exactly that change, applies it, and a file with an error writes nothing.
// The year rollover shows what it would create.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import { login, sidewaysScroll } from './helpers';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

/** The template with the outcome of one indicator set to `outcome`. */
async function editedTemplate(template: Buffer, code: string, outcome: string): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet('Värden')!;
  sheet.eachRow((row, n) => {
    if (n > 1 && row.getCell(1).text === code) row.getCell(3).value = outcome;
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

test('the admin imports values from Excel after a dry run; an erroneous file writes nothing', async ({ page }) => {
  await login(page, 'admin@askersund.example');
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Import av värden' }).click();
  await expectNoAxeViolations(page);

  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hämta mallen (Excel)' }).click()]);
  const template = Buffer.concat(await (await download.createReadStream()).toArray());

  // An error: a closed period's row would be refused, and so is text in a number.
  const broken = await editedTemplate(template, 'KS-2024-M3-I1', 'femton');
  await page.getByLabel('Excelfil med värden (.xlsx, högst 5 MB)').setInputFiles({
    name: 'fel.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: broken,
  });
  await page.getByRole('button', { name: 'Kontrollera filen' }).click();
  await expect(page.getByRole('table').filter({ hasText: 'Problem' })).toContainText('Ange ett tal, till exempel 1,86.');
  await expect(page.getByRole('button', { name: 'Verkställ importen' })).toHaveCount(0);
  // On a phone the problems are stacked rows: nothing scrolls sideways.
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await sidewaysScroll(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 720 });

  // A good file: one change.
  const good = await editedTemplate(template, 'KS-2024-M3-I1', '21');
  await page.getByLabel('Excelfil med värden (.xlsx, högst 5 MB)').setInputFiles({
    name: 'varden.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: good,
  });
  await page.getByRole('button', { name: 'Kontrollera filen' }).click();
  const changes = page.getByRole('table').filter({ hasText: 'KS-2024-M3-I1' });
  await expect(changes).toContainText('21');
  await expectNoAxeViolations(page);
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await sidewaysScroll(page)).toEqual([]);
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.getByRole('button', { name: 'Verkställ importen' }).click();
  await expect(page.getByText(/^Importen är klar: 1 värde sparades som nya versioner/)).toBeVisible();

  await page.goto('/');
  await expect(page.getByRole('row').filter({ hasText: 'Andel deltagare som går vidare till arbete eller studier' })).toContainText('21');

  // The untouched template puts the seed's 15 back (the other tests read the seed's figures).
  await page.goto('/admin/import');
  await page.getByLabel('Excelfil med värden (.xlsx, högst 5 MB)').setInputFiles({
    name: 'mall.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer: template,
  });
  await page.getByRole('button', { name: 'Kontrollera filen' }).click();
  await expect(page.getByRole('table').filter({ hasText: 'KS-2024-M3-I1' })).toContainText('15');
  await page.getByRole('button', { name: 'Verkställ importen' }).click();
  await expect(page.getByText(/^Importen är klar: 1 värde sparades som nya versioner/)).toBeVisible();
  await page.goto('/');
  await expect(page.getByRole('row').filter({ hasText: 'Andel deltagare som går vidare till arbete eller studier' })).toContainText('15');
});

test('the year rollover previews next year’s plan from this one', async ({ page }) => {
  await login(page, 'admin@askersund.example');
  await page.goto('/admin/arsskifte');
  await page.getByLabel('Plan att utgå från').selectOption({ label: 'Kommunstyrelsen 2024 (KS-2024)' });
  await page.getByRole('button', { name: 'Visa vad som skapas' }).click();
  await expect(page.getByRole('main')).toContainText('KS-2025-M1-I1');
  await expect(page.getByRole('button', { name: 'Skapa verksamhetsplan för 2025' })).toBeVisible();
  await expectNoAxeViolations(page);
});
