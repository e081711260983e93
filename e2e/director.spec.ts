// The kommundirektör's reading: any unit's reporting page (read-only) from Avvikelser, sending
// back from an assignment's page, and the overview's board assignments with counts that open
// the monitor filtered.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { login } from './helpers';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test("the director opens a unit's reporting page from Avvikelser, read-only", async ({ page }) => {
  await login(page, 'kommundirektor@askersund.example');
  await page.goto('/avvikelser');
  const notReady = page.getByRole('region', { name: /^Enheter som inte är klarmarkerade/ });
  await notReady.getByRole('link', { name: 'HR-avdelningen' }).click();
  await expect(page).toHaveURL(/\/rapportering\?period=.*&enhet=/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Min rapportering');
  await expect(page.getByText('Du har ingen enhet att rapportera för')).toHaveCount(0);
  await expect(page.getByText(/Endast läsning\.\s*Du ser HR-avdelningens rapportering men rapporterar inte för enheten/)).toBeVisible();
  await expect(page.getByRole('heading', { name: /\d+ av 6 rapporterade/ })).toBeVisible();
  await expect(page.getByLabel('Visa enhet')).toHaveValue(/.+/);
  const readiness = page.getByRole('region', { name: 'Klarmarkering' });
  await expect(readiness).toContainText('HR-avdelningen');
  await expect(readiness.getByRole('button')).toHaveCount(0);
  await expectNoAxeViolations(page);

  // An item's form is read-only for her, with the reason in Swedish.
  await page.getByRole('link', { name: 'Sjukfrånvaro exkl. AME, procent' }).click();
  await expect(page.getByText(/^Endast läsning\./)).toBeVisible();
  await expect(page.getByRole('button', { name: 'Spara', exact: true })).toHaveCount(0);
});

test("the director sends an assignment back from the assignment's page; the unit's section shows it", async ({ page }) => {
  await login(page, 'kommundirektor@askersund.example');
  await page.goto('/uppdrag');
  await page.getByRole('link', { name: 'Färdigställa styrmodellen för Askersunds kommun.' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Färdigställa styrmodellen för Askersunds kommun.');
  const unit = page.getByRole('region', { name: 'Kommunledningsförvaltningen' });
  const sendBack = unit.getByRole('region', { name: 'Skicka tillbaka för komplettering' });
  await sendBack.getByRole('button', { name: 'Skicka tillbaka' }).click();
  await expect(sendBack.getByText('Skriv vad som behöver kompletteras.')).toBeVisible();
  await sendBack.getByLabel('Vad behöver kompletteras?').fill('Ange när beslutet om styrmodellen fattas.');
  await sendBack.getByRole('button', { name: 'Skicka tillbaka' }).click();
  await expect(sendBack.getByText('Skickat tillbaka. Enheten ser kommentaren i Min rapportering.')).toBeVisible();
  await expect(unit.getByRole('region', { name: 'Återsänd' })).toContainText('Ange när beslutet om styrmodellen fattas.');
  await expectNoAxeViolations(page);

  // Avvikelser lists it as sent back.
  await page.goto('/avvikelser');
  await expect(page.getByRole('region', { name: /^Skickat tillbaka/ })).toContainText('Ange när beslutet om styrmodellen fattas.');
});

test("the overview shows the board's own assignments; counts open the monitor filtered; no forecast is said in words", async ({ page }) => {
  await login(page, 'kommundirektor@askersund.example');
  await page.getByLabel('Nämnd').selectOption({ label: 'Kommunstyrelsen' });
  await page.getByRole('button', { name: 'Visa' }).click();
  const own = page.getByRole('region', { name: 'Kommunstyrelsens uppdrag till förvaltningen' });
  // The demo's four and the e2e fixture's overdue one.
  await expect(own.getByRole('list', { name: 'Kommunstyrelsens uppdrag till förvaltningen' }).getByRole('listitem')).toHaveCount(5);
  await expect(own).toContainText('Handlingsplaner för att minska kommunens befarade underskott 2024.');
  await expect(own).toContainText('Ta fram en plan för e-arkiv (testuppdrag)');
  await expect(page.getByText('Prognos för helåret: ingen prognos lämnad').first()).toBeVisible();
  await expectNoAxeViolations(page);

  await own.getByRole('link', { name: '5 uppdrag' }).click();
  await expect(page).toHaveURL(/\/uppdrag\?issuer=board&namnd=[0-9a-f-]+&period=/);
  await expect(page.getByLabel('Nämnd')).toHaveValue(/[0-9a-f-]{36}/);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(6); // the header and the five
  await page.goBack();
  await own.getByRole('list', { name: 'Uppdragen efter status' }).getByRole('link', { name: /Försenat: 1/ }).click();
  await expect(page).toHaveURL(/\/uppdrag\?issuer=board&namnd=[0-9a-f-]+&forsenat=1&period=/);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(2);
  await expect(page.getByRole('table')).toContainText('Ta fram en plan för e-arkiv (testuppdrag)');

  // A målområde's count by status leads to the same assignments in the monitor.
  await page.goBack();
  const mo2 = page.getByRole('region', { name: /^Målområde 2/ });
  const link = mo2.getByRole('list', { name: 'Uppdragen efter status' }).getByRole('link').first();
  const label = (await link.textContent()) ?? '';
  const count = Number(label.split(': ')[1]);
  await link.click();
  await expect(page).toHaveURL(/\/uppdrag\?status=[a-z_]+&namnd=[0-9a-f-]+&malomrade=[0-9a-f-]+&period=/);
  await expect(page.getByRole('table').getByRole('row')).toHaveCount(count + 1);
});
