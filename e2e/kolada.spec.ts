// Kolada (issue 18) against a fake Kolada API v3 on 127.0.0.1 (port E2E_PORT + 1, which the
// app reads as KOLADA_BASE_URL at start). The admin links Mål 4's unemployment indicator to a
// KPI as a share of the län, previews the fetch (a 429 retried, three pages followed), fetches
// the 2024 value (the rank target judged), sees an outage write nothing, and a value Kolada
// revised become a new version. The demo is left as it was shown: the revised value is the
// seed's 33 (so the overview still says 33, Ej uppfyllt), the analysis untouched, the link
// removed. Only versions are added; the API spec writes this indicator too, so the spec counts
// the versions it adds from the newest one it finds.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { login } from './helpers';
import { startFakeKolada, type FakeKolada } from '../tests/support/fake-kolada';
import { UNEMPLOYMENT_2024 } from '../tests/support/kolada-fixtures';

const PORT = Number(process.env.E2E_PORT || 3210);
const NAME = 'Den öppna arbetslösheten bland utrikes födda i kommunen ska vara bland de 25 % lägsta i länet.';
let fake: FakeKolada;

test.beforeAll(async () => {
  fake = await startFakeKolada({ port: PORT + 1, pageSize: 5 });
});
test.afterAll(async () => {
  await fake?.close();
});

const item = (page: Page) => page.getByRole('list', { name: 'Mått' }).getByRole('listitem').filter({ hasText: NAME });
const askersund2024 = () => fake.data.data.find((r) => r.kpi === 'X99001' && r.municipality === '1882' && r.period === 2024)!;

async function axe(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('an indicator linked to a Kolada KPI fills its 2024 value, ranked in the län', async ({ page }) => {
  // Several fetches (one waits out an outage's retries), two axe runs and four full-page
  // screenshots on a shared 2-core machine: about two minutes under load.
  test.setTimeout(300_000);
  await login(page, 'admin@askersund.example');
  await page.goto('/admin/kolada');
  await expect(page.getByRole('heading', { level: 1, name: 'Kolada' })).toBeVisible();
  await expect(page.getByLabel('Kommunens kod')).toHaveValue('1882');
  await expect(page.getByText('Inget mått är kopplat till Kolada än.')).toBeVisible();
  // The e2e server runs on the embedded database: no scheduler, and the page says what to do instead.
  const schedule = page.getByRole('region', { name: 'Schemalagd hämtning' });
  await expect(schedule).toContainText('Schemalagd hämtning kräver att Målbild körs mot en PostgreSQL-server');
  await expect(schedule).toContainText('npm run kolada:sync');
  await expect(schedule.getByRole('button', { name: 'Spara schemat' })).toHaveCount(0);
  // Other specs (the API's) may have added versions of this indicator before: count from its newest.
  const base = await newestDelarVersion(page, await historyIdFromPage(page));
  const fetched = `Delår 2024, version ${base + 1}`;
  const revised = `Delår 2024, version ${base + 2}`;
  await page.goto('/admin/kolada');

  // The group of "liknande kommuner" for the comparison chart, found by name.
  await page.getByLabel('Sök kommungrupp på namn').fill('liknande');
  await page.getByRole('button', { name: 'Sök i Kolada' }).first().click();
  await expect(page.getByRole('list', { name: 'Träffar i Kolada' }).getByText('G99001')).toBeVisible();
  await page.getByLabel('Liknande kommuner: gruppens id').fill('G99001');
  await page.getByLabel('Liknande kommuner: gruppens namn').fill('Liknande kommuner');
  await page.getByRole('button', { name: 'Spara inställningarna' }).click();
  await expect(page.getByText('Inställningarna för Kolada är sparade.')).toBeVisible();

  // Find the KPI by title, with its description.
  await page.getByLabel('Sök nyckeltal på namn').fill('utrikes födda');
  await page.getByRole('button', { name: 'Sök i Kolada' }).nth(1).click();
  const hits = page.getByRole('list', { name: 'Träffar i Kolada' });
  await expect(hits.getByText('X99001', { exact: true })).toBeVisible();
  await expect(hits.getByText(/Testdata för Målbilds tester/)).toBeVisible();

  // Pick it among the hits: the indicator's link form offers it.
  await hits.getByRole('button', { name: /^Välj X99001 för ett mått/ }).click();
  await expect(page.getByText(/^Valt: X99001 /)).toBeVisible();

  // Link it: the outcome is Askersund's place as a share of the län, lowest first.
  await item(page).locator('summary', { hasText: 'Koppla till Kolada' }).click();
  await item(page).getByRole('button', { name: /^Fyll i X99001/ }).click();
  await expect(item(page).getByLabel('Nyckeltal (KPI-id)')).toHaveValue('X99001');
  await item(page).getByLabel('Utfallet är').selectOption('share');
  await item(page).getByLabel('Plats 1 i länet').selectOption('lowest_first');
  await item(page).getByRole('button', { name: 'Koppla till Kolada' }).click();
  await expect(item(page).getByText(`”${NAME}” hämtar sina värden från X99001 i Kolada.`)).toBeVisible();
  await expect(item(page).getByText('Kolada: X99001, totalt, plats i länet som andel', { exact: false })).toBeVisible();
  await expect(item(page).getByLabel('Utfallet är')).toHaveValue('share'); // the form shows what was saved

  // Preview: Kolada first answers 429 (retried after its Retry-After), then pages of five rows.
  fake.requests.length = 0;
  fake.failNext(429, 1, 1);
  await item(page).getByRole('button', { name: `Förhandsgranska hämtning: ${NAME}` }).click();
  // Its steps show while Kolada makes us wait (the 429's Retry-After of a second).
  await expect(item(page).getByRole('progressbar', { name: /% klart: Hämtar länets kommuner från Kolada …/ })).toBeVisible();
  await page.screenshot({ path: 'test-results/kolada-progress-desktop.png' });
  const preview = item(page).getByRole('region', { name: 'Det här skulle ändras' });
  const row = preview.getByRole('row').filter({ hasText: 'Delår 2024' });
  await expect(row).toContainText('Ändras: 75');
  await expect(row.getByRole('cell').nth(2)).toHaveText('33'); // "Nu": the seed's value, in the indicator's 0 decimals
  await expect(row).toContainText('Plats 9 av 12 i länet 2024. Gräns för målet: plats 3, värde 16,4.');
  await expect(row).toContainText('8 av 12 kommuner i länet har lägre värde än Askersund.');
  await expect(row.getByText('Ej uppfyllt')).toBeVisible();
  await expect(item(page).getByText('Hämtningen skulle spara ett värde.')).toBeVisible();
  expect(fake.requests[0]).toBe(fake.requests[1]); // the 429'd request, sent again
  expect(fake.requests.filter((r) => r.startsWith('/v3/data/kpi/X99001/year/2024'))).toHaveLength(3);
  expect(fake.requests.filter((r) => r.includes('page=3'))).not.toHaveLength(0);
  await axe(page);
  await page.screenshot({ path: 'test-results/kolada-preview-desktop.png', fullPage: true });

  // Fetch and save.
  await item(page).getByRole('button', { name: `Hämta och spara: ${NAME}` }).click();
  await expect(item(page).getByText('Hämtningen sparade ett värde.')).toBeVisible();
  await page.reload();
  await expect(page.getByText(/^Senaste lyckade hämtning: .*Hämtningen sparade ett värde\./)).toBeVisible();

  // Kolada revises Askersund's value; the preview sees it, then Kolada goes down: nothing is written.
  askersund2024().values[0]!.value = 17.0; // 3 kommuner lower: place 4 of 12, 33 %
  await item(page).getByRole('button', { name: `Förhandsgranska hämtning: ${NAME}` }).click();
  await expect(item(page).getByRole('region', { name: 'Det här skulle ändras' })).toContainText('Ändras: 33');
  fake.down();
  await item(page).getByRole('button', { name: `Hämta och spara: ${NAME}` }).click();
  await expect(item(page).getByText('Kolada kunde inte nås. Kontrollera nätverket och försök igen senare; inget har ändrats.')).toBeVisible({ timeout: 30_000 });
  await page.reload();
  await expect(page.getByText(/^Senaste försöket, .*, misslyckades: Kolada kunde inte nås/)).toBeVisible();
  await page.goto('/historik/matt/' + (await historyId(page)));
  await expect(page.getByRole('listitem').filter({ hasText: fetched })).toContainText('Utfall 75');
  await expect(page.getByText(revised)).toHaveCount(0);

  // Back up: the revised value becomes a new version, the earlier one kept.
  fake.down(false);
  await page.goto('/admin/kolada');
  await item(page).getByRole('button', { name: `Förhandsgranska hämtning: ${NAME}` }).click();
  await item(page).getByRole('button', { name: `Hämta och spara: ${NAME}` }).click();
  await expect(item(page).getByText('Hämtningen sparade ett värde.')).toBeVisible();
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/kolada-fetched-phone.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  await page.goto('/historik/matt/' + (await historyIdFromPage(page)));
  const v3 = page.getByRole('listitem').filter({ hasText: revised });
  await expect(v3).toContainText('Utfall 33');
  await expect(v3).toContainText('Källa: Kolada (X99001, 2024), hämtat');
  await expect(v3).toContainText('3 av 12 kommuner i länet har lägre värde än Askersund.');
  await expect(v3).toContainText('8 av 12 kommuner i länet har lägre arbetslöshet för gruppen utrikes födda än Askersund');
  await expect(page.getByRole('listitem').filter({ hasText: fetched })).toContainText('Utfall 75');
  // The comparison: Askersund's own value against the län's median and the group's, with its table.
  const table = page.getByRole('region', { name: 'Jämförelsen som tabell' });
  await expect(table.getByRole('columnheader')).toHaveText(['År', 'Askersund', 'Länets median', 'Liknande kommuner (median)']);
  await expect(table.getByRole('row').filter({ hasText: '2024' }).getByRole('cell')).toHaveText(['17,0', '18,9', '24,6']);
  await axe(page);
  await page.screenshot({ path: 'test-results/kolada-history-desktop.png', fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: 'test-results/kolada-history-phone.png', fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });

  // Put the demo back: the link removed, the fake's value as it was.
  askersund2024().values[0]!.value = UNEMPLOYMENT_2024['1882']!;
  await page.goto('/admin/kolada');
  await item(page).getByText('Ändra kopplingen').click();
  await item(page).getByRole('button', { name: 'Ta bort kopplingen' }).click();
  await expect(item(page).getByText('Inte kopplat till Kolada.')).toBeVisible();
  await page.getByLabel('Liknande kommuner: gruppens id').fill('');
  await page.getByLabel('Liknande kommuner: gruppens namn').fill('');
  await page.getByRole('button', { name: 'Spara inställningarna' }).click();
  await expect(page.getByText('Inställningarna för Kolada är sparade.')).toBeVisible();
});

/** The indicator's id, from its history link on the Kolada page. */
/** The highest version number of the indicator's Delår 2024 values, as its history page lists them. */
async function newestDelarVersion(page: Page, indicatorId: string): Promise<number> {
  await page.goto('/historik/matt/' + indicatorId);
  const texts = await page.getByRole('listitem').allTextContents();
  return Math.max(...texts.map((t) => Number(/Delår 2024, version (\d+)/.exec(t)?.[1] ?? 0)));
}
async function historyId(page: Page): Promise<string> {
  await page.goto('/admin/kolada');
  return historyIdFromPage(page);
}
async function historyIdFromPage(page: Page): Promise<string> {
  const href = await item(page).getByRole('link', { name: `Historik: ${NAME}` }).getAttribute('href');
  return href!.split('/').at(-1)!;
}
