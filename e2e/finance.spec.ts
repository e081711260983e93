// Issue 16: the finance page. A member of the board reads the demo's tables and sees every
// inconsistency of the seed as a warning naming both figures; the admin imports a corrected
// file (dry run, then apply) and the warnings are gone; the original file is imported back
// so that the demo is as it was for the specs after this one.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import ExcelJS from 'exceljs';
import { login, logout, sidewaysScroll } from './helpers';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const nb = (s: string) => s.replace(/(\d) (\d)/g, '$1\u00a0$2');

// Each inconsistency the issue names, as the warning shows it (both figures).
const SEED_WARNINGS = [
  ['92 Gemensamma verksamheter, Utfall: −2 662 är angivet', 'kräver −26 632'],
  ['Investering enligt reinvesteringsplan 2024, Utfall: −858 är angivet', 'delposterna summerar till −1 057'],
  ['Summa, Utfall: −63 684 är angivet', 'Summan stämmer om Investering enligt reinvesteringsplan 2024 har delposternas −1 057 i stället för −858'],
  ['Hammars skola, förskola, om/tillbyggnad, Prognos: −14 500 i investeringsredovisningen', '14 500 i tabellen med projektkostnader ("Hammars skola/förskola") (omvänt tecken)'],
  ['Åsbro förskola, Utfall: −17 833 i investeringsredovisningen', '−17 824 i tabellen med projektkostnader'],
  ['Askersund förskola, Utfall: −21 390 i investeringsredovisningen', '−19 585 i tabellen med projektkostnader'],
  ['Hammars skola, förskola, om/tillbyggnad, Utfall: −14 282', '−14 280'],
  ['Exploatering Gustavslund, Prognos: −2 178', '−2 217'],
  ['Analys 9 (92 Gemensamma verksamheter): prognosen −39 882', 'ger −40 253'],
  ['Summa, Prognos: −81 621 är angivet', 'projekten summerar till −81 618'],
] as const;

type Edit = [sheet: string, match: string, column: number, value: string | number];

/** The template with cells changed: in `sheet`, the row whose first or second cell is `match`. */
async function edited(template: Buffer, edits: Edit[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(template as unknown as ArrayBuffer);
  for (const [sheet, match, column, value] of edits) {
    let found = false;
    wb.getWorksheet(sheet)!.eachRow((row) => {
      if (row.getCell(1).text === match || row.getCell(2).text === match) {
        row.getCell(column).value = value;
        found = true;
      }
    });
    if (!found) throw new Error(`no row ${match} in ${sheet}`);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

// Written as an ekonomisystem export would be: spaces, U+2212 minus, "tkr".
const CORRECTIONS: Edit[] = [
  ['Driftredovisning', '92', 3, '−26 632'],
  ['Driftredovisning', '92', 9, '-40 855 tkr'],
  ['Driftredovisning', '92', 11, -40197],
  ['Investeringar', 'Investering enligt reinvesteringsplan 2024', 4, '−1\u00a0057'],
  ['Investeringar', 'Kommunens intranät', 5, '-223'],
  ['Investeringar', 'Kommunens intranät', 7, '−3'],
  ['Projektkostnader', 'Åsbro förskola', 3, -17833],
  ['Projektkostnader', 'Askersund förskola', 3, '-21 390'],
  ['Projektkostnader', 'Hammars skola/förskola', 3, -14282],
  ['Projektkostnader', 'Hammars skola/förskola', 4, '−14 500'],
  ['Projektkostnader', 'Expl Gustavslund', 4, -2178],
];

async function importFile(page: Page, buffer: Buffer, name: string) {
  await page.getByLabel('Excelfil med ekonomitabeller (.xlsx, högst 5 MB)').setInputFiles({
    name,
    mimeType: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    buffer,
  });
  await page.getByRole('button', { name: 'Kontrollera filen' }).click();
}

test('the demo’s finance page shows every seed inconsistency; a corrected import clears them', async ({ page }) => {
  test.setTimeout(120_000); // two imports and two page walks on a shared machine

  // A member of Kommunstyrelsen reads: every warning, no forms.
  await login(page, 'ledamot@askersund.example');
  await page.getByRole('link', { name: 'Ekonomi' }).first().click();
  await expect(page.getByRole('heading', { level: 1, name: 'Ekonomi' })).toBeVisible();
  const checks = page.locator('section[aria-labelledby="kontroller"]');
  await expect(checks).toContainText('14 av 14 skillnader är inte förklarade');
  for (const parts of SEED_WARNINGS) {
    for (const part of parts) await expect(checks).toContainText(nb(part));
  }
  await expect(page.getByRole('table', { name: /Driftredovisning 2024/ })).toContainText(nb('−2 662'));
  await expect(page.getByRole('button', { name: 'Spara raden' })).toHaveCount(0);
  await expect(page.getByText('Förklara skillnaden')).toHaveCount(0);
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/finance-desktop.png', fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  // Only the wide tables scroll sideways, each in its own labelled region.
  expect((await sidewaysScroll(page)).filter((s) => s.includes('the page'))).toEqual([]);
  await page.screenshot({ path: 'test-results/finance-phone.png', fullPage: false });
  await page.setViewportSize({ width: 1280, height: 720 });
  await logout(page);

  // The admin imports a corrected file after a dry run.
  await login(page, 'admin@askersund.example');
  await page.goto('/ekonomi');
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner mallen (Excel)' }).click()]);
  const original = Buffer.concat(await (await download.createReadStream()).toArray());

  // A file with an error writes nothing and says where.
  await importFile(page, await edited(original, [['Driftredovisning', '10', 3, 'mycket']]), 'fel.xlsx');
  await expect(page.getByRole('table').filter({ hasText: 'Problem' })).toContainText('Ange ett belopp i hela tkr');
  await expect(page.getByRole('button', { name: 'Verkställ importen' })).toHaveCount(0);

  await importFile(page, await edited(original, CORRECTIONS), 'rattad.xlsx');
  await expect(page.getByText('Efter importen stämmer alla summor')).toBeVisible();
  await page.getByRole('button', { name: 'Verkställ importen' }).click();
  await expect(page.getByText(/Importen är klar: Driftredovisning, Investeringar sparades som nya versioner/)).toBeVisible();
  await page.goto('/ekonomi');
  await expect(checks).toContainText('Inga skillnader');
  await expect(page.getByRole('table', { name: /Driftredovisning 2024/ })).toContainText(nb('−26 632'));

  // Back to the seed's figures for the specs after this one: the warnings return.
  await importFile(page, original, 'original.xlsx');
  await expect(page.getByText('⚠ Efter importen finns 14 oförklarade skillnader:')).toBeVisible();
  await page.getByRole('button', { name: 'Verkställ importen' }).click();
  await expect(page.getByText(/Importen är klar/)).toBeVisible();
  await page.goto('/ekonomi');
  await expect(checks).toContainText('14 av 14 skillnader är inte förklarade');
});

test('the director sees every board’s result against budget, largest deviation first, and the forecast over the year', async ({ page }) => {
  await login(page, 'kommundirektor@askersund.example');
  await page.goto('/ekonomi/kommun');
  const table = page.getByRole('table', { name: 'Nämndernas resultat mot budget, tkr' });
  const rows = table.locator('tbody tr');
  await expect(rows.first()).toContainText(`Kommunstyrelsen${nb('−174 861')}${nb('−169 744')}${nb('−5 117')} (underskott)⚠ 14`);
  await expect(rows.nth(1)).toContainText('Socialnämnden');
  await expect(rows.nth(1)).toContainText('Inga siffror');
  await expectNoAxeViolations(page);
  await rows.first().getByRole('link', { name: 'Kommunstyrelsen' }).click();
  const chart = page.locator('section[aria-labelledby="prognos-over-aret"]');
  await expect(chart.getByRole('table', { name: 'Prognos per period' })).toContainText(`Delår 2024${nb('−174 861')}`);
  await expect(chart.getByRole('table', { name: 'Prognos per period' })).toContainText('Tertial 1 2024– Ingen prognos');
  await page.getByRole('region', { name: 'Driftredovisning 2024, tkr' }).scrollIntoViewIfNeeded();
  await page.getByRole('region', { name: 'Driftredovisning 2024, tkr' }).screenshot({ path: 'test-results/finance-table.png' });
});
