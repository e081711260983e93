// A kommun's own structure from Excel: the template, filled with a board unlike the demo's
// (a majority rule, a between target, a lower-is-better indicator continuing last year's,
// an overdue assignment), imports after a dry run and shows in the overview by the rules;
// a file with errors lists them all and writes nothing.
import { expect, test, type Page } from '@playwright/test';
import ExcelJS from 'exceljs';
import { login } from './helpers';

type Rows = Record<string, (string | number | { formula: string })[][]>;

async function filled(template: Buffer, rows: Rows): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(template as unknown as ArrayBuffer);
  for (const [sheet, values] of Object.entries(rows)) {
    const ws = workbook.getWorksheet(sheet)!;
    for (const row of values) ws.addRow(row);
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const TEKNISKA: Rows = {
  Enheter: [
    ['TN', 'Tekniska nämnden', 'nämnd', ''],
    ['TN-TF', 'Tekniska förvaltningen', 'förvaltning', 'TN'],
  ],
  Planer: [
    ['TN-2023', 'TN', 2023],
    ['TN-2024', 'TN', 2024],
  ],
  Mål: [
    ['TN-2023-M1', 'TN-2023', 1, 'Driften ska vara effektiv.', '', 'majoritet', 'MO1', '', 'TN-TF', ''], // the e2e data's MO1 is valid from 2023
    ['TN-2024-M1', 'TN-2024', 1, 'Driften ska vara effektiv och leverera i tid.', '', 'majoritet', 'MO1', '', 'TN-TF', 'TN-2023-M1'],
  ],
  Mått: [
    ['TN-2023-M1-I1', 'TN-2023-M1', 'Kostnad per ton avfall, kronor', 'kronor', 0, 'lt', '1200', '', '', '', '', '', '', 'varje period', '', '', '', 'manuell', '', 'TN-TF', ''],
    ['TN-2024-M1-I1', 'TN-2024-M1', 'Kostnad per ton avfall, kronor', 'kronor', 0, 'lt', '1200', '', '', '', '', '', '', 'varje period', '', '', '', 'manuell', '', 'TN-TF', 'TN-2023-M1-I1'],
    ['TN-2024-M1-I2', 'TN-2024-M1', 'Leveranssäkerhet vatten, procent', 'procent', 1, 'between', '', '99,5', '100', '', '', '', '', 'varje period', '', '', '', 'manuell', '', 'TN-TF', ''],
  ],
  Uppdrag: [['TN-U-1', 'TN', '2024-01-15', 'TN 2024/12', 'Ta fram en plan för förnyelse av VA-nätet', '', 'MO1', 'Andra pågående uppdrag', 'TN-TF', '2024-06-30']],
};

async function upload(page: Page, buffer: Buffer) {
  await page.getByLabel('Excelfil med struktur (.xlsx, högst 5 MB)').setInputFiles({
    name: 'struktur.xlsx',
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  await page.getByRole('button', { name: 'Kontrollera filen' }).click();
}

test('a board unlike the demo imports from the template and shows in the overview; an erroneous file writes nothing', async ({ page }) => {
  await login(page, 'admin@askersund.example');
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Import av struktur' }).click();
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hämta mallen (Excel)' }).click()]);
  const template = Buffer.concat(await (await download.createReadStream()).toArray());

  // Errors: an unknown parent, a range upside down, a formula — all listed, nothing written.
  const broken = await filled(template, {
    Enheter: [
      ['TN2', 'Trasiga nämnden', 'förvaltning', 'FINNS-INTE'],
      ['TN3', { formula: 'CONCAT("Formel","nämnden")' }, 'nämnd', ''],
    ],
    Mått: [['X-1', 'KS-2024-M1', 'Fel intervall', '', 0, 'between', '', '110', '90', '', '', '', '', 'varje period', '', '', '', 'manuell', '', 'KS-KLF-HR', '']],
  });
  await upload(page, broken);
  const problems = page.getByRole('region', { name: 'Problem i filen' });
  await expect(problems).toContainText('FINNS-INTE');
  await expect(problems).toContainText('Lägsta värdet får inte vara högre än det högsta.');
  await expect(problems).toContainText('Formler är inte tillåtna.'); // never evaluated
  await expect(page.getByRole('button', { name: 'Verkställ importen' })).toHaveCount(0);

  // Checking the next file: the previous file's problems are gone at once, not only when the
  // new answer arrives (the check is held until this is seen).
  let release: () => void = () => {};
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route('**/admin/import/struktur', async (route) => {
    if (route.request().method() === 'POST') await held;
    await route.continue();
  });
  await upload(page, await filled(template, TEKNISKA));
  await expect(page.getByRole('button', { name: 'Kontrollerar filen …' })).toBeVisible();
  await expect(problems).toHaveCount(0);
  release(); // later posts pass straight through
  await expect(page.getByRole('region', { name: 'Ändringar' })).toContainText('TN-2024-M1-I2');
  await page.getByRole('button', { name: 'Verkställ importen' }).click();
  await expect(page.getByText(/^Importen är klar/)).toBeVisible();

  // The same file again changes nothing.
  await upload(page, await filled(template, TEKNISKA));
  await expect(page.getByRole('button', { name: 'Verkställ importen' })).toHaveCount(0);

  // The current structure, downloaded as the filled template, imports untouched as nothing changes.
  const [current] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Hämta nuvarande struktur (Excel)' }).click()]);
  await upload(page, Buffer.concat(await (await current.createReadStream()).toArray()));
  await expect(page.getByText(/^Filen är korrekt men ändrar ingenting/)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Verkställ importen' })).toHaveCount(0);

  // The overview by the rules: no values yet → ej mätt; the assignment is overdue.
  await page.goto('/');
  await expect(page.getByLabel('Nämnd', { exact: true }).locator('option')).not.toContainText(['Trasiga nämnden']);
  await page.getByLabel('Nämnd', { exact: true }).selectOption({ label: 'Tekniska nämnden' });
  await page.getByRole('button', { name: 'Visa' }).click();
  const mo1 = page.getByRole('region', { name: /^Målområde 1/ });
  await expect(mo1).toContainText('0 av 1 mål uppfyllda');
  await expect(mo1.getByRole('list', { name: 'Målen efter måluppfyllelse' })).toContainText('Ej mätt: 1');
  await expect(mo1).toContainText('⚠ Försenat: 1');
  await expect(mo1.getByRole('article', { name: 'Tekniska nämndens mål 1' })).toContainText('Mellan');
});
