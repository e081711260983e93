// The reading side: the board member's rollup, Avvikelser, the director's assignment
// monitor, sending back, approval (which locks the HR-chef's forms) and earlier periods.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { login } from './helpers';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const area = (page: Page, name: RegExp) => page.getByRole('region', { name });

test("the KS member sees the seed's rollup and drills down to the history of 1,86", async ({ page }) => {
  await login(page, 'ledamot@askersund.example');
  await page.getByLabel('Nämnd').selectOption({ label: 'Kommunstyrelsen' });
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Översikt Delår 2024, Kommunstyrelsen');

  const mo1 = area(page, /^Målområde 1/);
  await expect(mo1).toContainText('1 av 2 mål uppfyllda');
  await expect(mo1.getByRole('list', { name: 'Målen efter måluppfyllelse' })).toContainText('Uppfyllt: 1');
  await expect(mo1.getByRole('list', { name: 'Målen efter måluppfyllelse' })).toContainText('Ej mätt: 1');
  await expect(mo1.getByRole('img', { name: /Målen efter måluppfyllelse: Uppfyllt: 1, Ej mätt: 1/ })).toBeVisible();
  await expect(area(page, /^Målområde 2/)).toContainText('0 av 1 mål uppfyllda');
  await expect(area(page, /^Målområde 2/).getByRole('list', { name: 'Målen efter måluppfyllelse' })).toContainText('Ej uppfyllt: 1');
  await expect(area(page, /^Målområde 4/)).toContainText('0 av 1 mål uppfyllda');
  await expect(area(page, /^Målområde 4/).getByRole('list', { name: 'Målen efter måluppfyllelse' })).toContainText('Ej uppfyllt: 1');
  await expectNoAxeViolations(page);

  await mo1.getByRole('link', { name: 'Sjukfrånvaro exkl. AME, procent' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Historik: Sjukfrånvaro exkl. AME, procent');
  await expect(page.getByRole('table', { name: 'Utfall per period' })).toContainText('1,86');
});

test('an earlier period shows its own values', async ({ page }) => {
  await login(page, 'ledamot@askersund.example');
  await page.getByLabel('Period').selectOption({ label: 'Delår 2023 (stängd)' });
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Översikt Delår 2023/);
  await expect(page.getByRole('row').filter({ hasText: 'Sjukfrånvaro exkl. AME, procent' })).toContainText('2,10');
  await expect(page.getByRole('row').filter({ hasText: 'Sjukfrånvaro exkl. AME, procent' })).not.toContainText('1,86');
});

test('Avvikelser lists what needs attention, with who answers for it', async ({ page }) => {
  await login(page, 'kommundirektor@askersund.example');
  await page.getByRole('link', { name: 'Avvikelser' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Avvikelser');
  await expect(page.getByText('Andel deltagare som går vidare till arbete eller studier, procent')).toBeVisible();
  await expect(page.getByText('Ta fram en plan för e-arkiv (testuppdrag)').first()).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the director filters the monitor to overdue and unreported assignments, in a shareable URL', async ({ page }) => {
  await login(page, 'kommundirektor@askersund.example');
  await page.getByRole('link', { name: 'Uppdrag', exact: true }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uppdrag');
  await expectNoAxeViolations(page);
  await page.getByLabel('Försenade').check();
  await page.getByLabel('Ej rapporterade denna period').check();
  await page.getByRole('button', { name: 'Filtrera' }).click();
  await expect(page).toHaveURL(/forsenat=1/);
  await expect(page).toHaveURL(/ejrapporterat=1/);
  const table = page.getByRole('table');
  await expect(table.getByRole('row')).toHaveCount(2); // the header and the overdue fixture
  await expect(table).toContainText('Ta fram en plan för e-arkiv (testuppdrag)');
  await expect(table).toContainText('Försenat');

  // The same view, opened from its URL.
  const shared = page.url();
  await page.goto('/');
  await page.goto(shared);
  await expect(page.getByRole('table')).toContainText('Ta fram en plan för e-arkiv (testuppdrag)');
  await page.getByRole('link', { name: 'Ta fram en plan för e-arkiv (testuppdrag)' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Ta fram en plan för e-arkiv (testuppdrag)');
  await expectNoAxeViolations(page);
});

test('the director sends an item back, the HR-chef sees why, the director approves and the forms lock', async ({ browser }) => {
  const director = await (await browser.newContext()).newPage();
  const hr = await (await browser.newContext()).newPage();
  const admin = await (await browser.newContext()).newPage();
  await login(director, 'kommundirektor@askersund.example');
  await login(hr, 'hr-chef@askersund.example');
  await login(admin, 'admin@askersund.example');

  // HR marks its part ready; sending back takes that away.
  await hr.goto('/rapportering');
  await hr.getByRole('region', { name: 'Klarmarkering' }).getByLabel('Skäl till klarmarkering fast allt inte är rapporterat').fill('Resten kommer i helårsbokslutet.');
  await hr.getByRole('region', { name: 'Klarmarkering' }).getByRole('button', { name: 'Markera som klar' }).click();
  await expect(hr.getByRole('region', { name: 'Klarmarkering' })).toContainText('✓ Markerad som klar');

  await director.goto('/');
  await director.getByRole('link', { name: 'Sjukfrånvaro AME, procent' }).click();
  await expect(director).toHaveURL(/\/historik\/matt\//);
  const historyUrl = director.url();
  await director.goto(historyUrl.replace('/historik/matt/', '/rapportering/matt/'));
  const sendBack = director.getByRole('region', { name: 'Skicka tillbaka för komplettering' });
  await sendBack.getByRole('button', { name: 'Skicka tillbaka' }).click();
  await expect(sendBack.getByText('Skriv vad som behöver kompletteras.')).toBeVisible();
  await sendBack.getByLabel('Vad behöver kompletteras?').fill('Beskriv vad ökningen beror på.');
  await sendBack.getByRole('button', { name: 'Skicka tillbaka' }).click();
  await expect(sendBack.getByText('Skickat tillbaka. Enheten ser kommentaren i Min rapportering.')).toBeVisible();
  await expectNoAxeViolations(director);

  await hr.goto('/rapportering');
  const item = hr.getByRole('listitem').filter({ hasText: 'Sjukfrånvaro AME, procent' });
  await expect(item).toContainText('Återsänd för komplettering');
  await expect(item).toContainText('Beskriv vad ökningen beror på.');
  await expect(item).toContainText('↩ Återsänd');
  await expect(item).not.toContainText('✓ Rapporterat');
  await expect(hr.getByRole('region', { name: 'Klarmarkering' })).toContainText('Inte markerad som klar');

  await director.goto('/avvikelser');
  await expect(director.getByText('Beskriv vad ökningen beror på.')).toBeVisible();

  // The item's form shows "Återsänd" with the director's comment until the unit saves a new version.
  await item.getByRole('link', { name: 'Sjukfrånvaro AME, procent' }).click();
  const returned = hr.getByRole('region', { name: 'Återsänd' });
  await expect(returned).toContainText('↩ Återsänd för komplettering');
  await expect(returned).toContainText('Beskriv vad ökningen beror på.');
  await expect(returned).toContainText('Karin Kommundirektör');
  await expectNoAxeViolations(hr);
  await hr.getByLabel(/^Analys/).fill('Ökningen beror på några långa sjukskrivningar under våren.');
  await hr.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(hr.getByText(/Sparat som version \d+/)).toBeVisible();
  await hr.reload();
  await expect(hr.getByRole('region', { name: 'Återsänd' })).toHaveCount(0);
  await hr.goto('/rapportering');
  await expect(hr.getByRole('listitem').filter({ hasText: 'Sjukfrånvaro AME, procent' })).toContainText('✓ Rapporterat');

  // Approval.
  await director.getByRole('link', { name: 'Attest' }).click();
  await expect(director.getByRole('heading', { name: 'Kommunstyrelsens delår 2024' })).toBeVisible();
  await expectNoAxeViolations(director);
  await director.getByRole('button', { name: 'Attestera perioden' }).click();
  await director.getByRole('button', { name: 'Ja, attestera' }).click();
  await expect(director.getByText(/🔒 Attesterad och låst · Senast attesterad av Karin Kommundirektör/)).toBeVisible();

  await hr.goto('/rapportering');
  await hr.getByRole('link', { name: 'Sjukfrånvaro exkl. AME, procent' }).click();
  await expect(hr.getByText('Nämndens period är attesterad och låst. Inget kan ändras.')).toBeVisible();
  await expect(hr.getByRole('button', { name: 'Spara', exact: true })).toHaveCount(0);
  await hr.goto('/');
  await expect(hr.getByText(/Kommunstyrelsens delår 2024 är attesterad och låst/)).toBeVisible();

  // The admin reopens with a reason; the forms open again.
  await admin.goto('/attest');
  await admin.getByRole('button', { name: 'Öppna perioden igen' }).click();
  await expect(admin.getByText('Ange varför perioden öppnas igen.')).toBeVisible();
  await admin.getByLabel('Skäl till att perioden öppnas igen').fill('Ett utfall behöver rättas.');
  await admin.getByRole('button', { name: 'Öppna perioden igen' }).click();
  await expect(admin.getByText(/Inte attesterad · Senast öppnad igen av Sara Systemförvaltare .*\(skäl: Ett utfall behöver rättas\.\)/)).toBeVisible();
  await hr.goto('/rapportering');
  await hr.getByRole('link', { name: 'Sjukfrånvaro exkl. AME, procent' }).click();
  await expect(hr.getByRole('button', { name: 'Spara', exact: true })).toBeVisible();
});
