// Administration as a systemförvaltare sets up a kommun's own structure and people: a
// unit, a user reporting for it, a goal with an indicator; the user reports; disabling
// the user stops them at once; an archived goal leaves the overview but its values stay.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { login } from './helpers';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const NEW_PASSWORD = 'Kvalitet-2024!';
const GOAL_TEXT = 'Kvaliteten i kommunens tjänster ska öka (e2e).';
const INDICATOR = 'Nöjd kund-index, e2e';

test('the admin sets up a unit, a user, a goal and an indicator; the user reports; disabling and archiving work', async ({ browser }) => {
  const admin = await (await browser.newContext()).newPage();
  await login(admin, 'admin@askersund.example');

  // A unit under kommunledningsförvaltningen.
  await admin.getByRole('link', { name: 'Administration' }).click();
  await admin.getByRole('link', { name: 'Enheter' }).click();
  // Axe once the client-side navigation has finished (its title included), not in between.
  await expect(admin).toHaveTitle('Enheter – Målbild');
  await expectNoAxeViolations(admin);
  const newUnit = admin.getByRole('region', { name: 'Ny enhet' });
  await newUnit.getByLabel('Namn').fill('Kvalitetsenheten');
  await newUnit.getByLabel('Kod').fill('E2E-KVAL');
  await newUnit.getByLabel('Typ').selectOption({ label: 'Avdelning/enhet' });
  await newUnit.getByLabel('Överordnad enhet').selectOption({ label: 'Kommunledningsförvaltningen' });
  await newUnit.getByRole('button', { name: 'Skapa enhet' }).click();
  await expect(admin.getByRole('link', { name: 'Kvalitetsenheten' })).toBeVisible();

  // A user who reports for it.
  await admin.goto('/admin/anvandare/ny');
  await admin.getByLabel('Namn').fill('Kim Kvalitetschef');
  await admin.getByLabel('E-post').fill('kvalitet@askersund.example');
  await admin.getByLabel('Lösenord', { exact: true }).fill(NEW_PASSWORD);
  await admin.getByLabel('Upprepa lösenordet').fill(NEW_PASSWORD);
  await admin.getByRole('group', { name: 'Rapportör för enheter' }).getByLabel('Kvalitetsenheten').check();
  await admin.getByRole('button', { name: 'Skapa användare' }).click();
  await expect(admin.getByText('kvalitet@askersund.example').first()).toBeVisible();

  // A goal in Kommunstyrelsen's 2024 plan addressed to the unit, with an indicator.
  await admin.goto('/admin/mal');
  await admin.locator('summary', { hasText: 'Nytt mål i planen' }).click();
  const goalForm = admin.locator('details', { has: admin.locator('summary', { hasText: 'Nytt mål i planen' }) });
  await goalForm.getByLabel('Kod').fill('KS-2024-M9');
  await goalForm.getByLabel('Nummer').fill('9');
  await goalForm.getByLabel('Målet').fill(GOAL_TEXT);
  await goalForm.getByLabel('Målområde').selectOption({ index: 1 });
  await goalForm.getByRole('group', { name: 'Ansvariga enheter (adressering)' }).getByLabel('Kvalitetsenheten').check();
  await goalForm.getByRole('button', { name: 'Skapa målet' }).click();
  await expect(admin.getByRole('heading', { name: 'Kommunstyrelsens mål 9' })).toBeVisible();
  const newIndicator = admin.locator('summary', { hasText: 'Nytt mått under Kommunstyrelsens mål 9' });
  await newIndicator.click();
  const indicatorForm = admin.locator('details', { has: newIndicator });
  await indicatorForm.getByLabel('Kod', { exact: true }).fill('KS-2024-M9-I1');
  await indicatorForm.getByLabel('Namn', { exact: true }).fill(INDICATOR);
  await indicatorForm.getByLabel('Utfallet ska vara').selectOption({ index: 3 });
  await indicatorForm.getByLabel('Värde', { exact: true }).fill('80');
  await indicatorForm.getByLabel('Ansvarig enhet').selectOption({ label: 'Kvalitetsenheten' });
  await indicatorForm.getByRole('button', { name: 'Skapa måttet' }).click();
  await expect(admin.getByText(`Måttet ”${INDICATOR}” är skapat.`)).toBeVisible();
  await expectNoAxeViolations(admin);

  // The new user reports on it.
  const userContext = await browser.newContext();
  const user = await userContext.newPage();
  await login(user, 'kvalitet@askersund.example', NEW_PASSWORD);
  await user.getByRole('link', { name: 'Min rapportering' }).click();
  await expect(user.getByRole('heading', { level: 1 })).toHaveText('Min rapportering');
  await user.getByRole('link', { name: INDICATOR, exact: true }).click();
  await user.getByLabel(/^Utfall/).fill('85');
  await user.getByRole('button', { name: 'Spara', exact: true }).click();
  await expect(user.getByText(/Sparat som version 1\. Måluppfyllelse: Uppfyllt\./)).toBeVisible();

  // Disabled: the user's next click is refused.
  await admin.goto('/admin/anvandare');
  const row = admin.getByRole('row').filter({ hasText: 'kvalitet@askersund.example' });
  await row.getByRole('button', { name: /^Inaktivera/ }).click();
  await row.getByRole('button', { name: 'Ja, inaktivera' }).click();
  await expect(row.getByRole('cell', { name: 'Inaktiverad', exact: true })).toBeVisible();
  await user.getByRole('link', { name: 'Översikt' }).click();
  await expect(user).toHaveURL(/\/logga-in/);

  // Archived: the goal leaves the overview, its value stays in the history.
  await admin.goto('/');
  await expect(admin.getByRole('heading', { name: 'Kommunstyrelsens mål 9' })).toBeVisible();
  await admin.getByRole('link', { name: INDICATOR, exact: true }).click();
  await expect(admin).toHaveURL(/\/historik\/matt\//);
  const historyUrl = admin.url();
  // The director approves the period first: its report is frozen with the goal in it.
  const director = await (await browser.newContext()).newPage();
  await login(director, 'kommundirektor@askersund.example');
  await director.goto('/attest');
  await director.getByRole('button', { name: 'Attestera perioden' }).click();
  await director.getByRole('button', { name: 'Ja, attestera' }).click();
  await expect(director.getByText(/🔒 Attesterad och låst/)).toBeVisible();

  await admin.goto('/admin/mal');
  await admin.getByRole('button', { name: 'Arkivera Kommunstyrelsens mål 9' }).click();
  await expect(admin.getByRole('heading', { name: /Kommunstyrelsens mål 9\s*Arkiverat/ })).toBeVisible();

  // The locked period's report still holds the goal and its value …
  await admin.goto('/rapport');
  await expect(admin.getByText('Attesterad: rapporten visas som den såg ut vid attesten.')).toBeVisible();
  await expect(admin.getByRole('heading', { name: `Kommunstyrelsens mål 9: ${GOAL_TEXT}` })).toBeVisible();
  await expect(admin.getByRole('row').filter({ hasText: INDICATOR })).toContainText('85');

  // … and once the period is reopened, the current overview no longer shows the archived goal.
  await admin.goto('/attest');
  await admin.getByLabel('Skäl till att perioden öppnas igen').fill('Testet öppnar perioden igen.');
  await admin.getByRole('button', { name: 'Öppna perioden igen' }).click();
  await expect(admin.getByText(/Inte attesterad · Senast öppnad igen/)).toBeVisible();
  await admin.goto('/');
  await expect(admin.getByRole('heading', { name: /^Översikt Delår 2024/ })).toBeVisible();
  await expect(admin.getByRole('heading', { name: 'Kommunstyrelsens mål 9' })).toHaveCount(0);
  await admin.goto(historyUrl);
  await expect(admin.getByRole('table', { name: 'Utfall per period' })).toContainText('85');
  await expect(admin.getByText('Kim Kvalitetschef').first()).toBeVisible();

  // The audit log shows what the admin did.
  await admin.goto('/admin/logg');
  await expect(admin.getByRole('main')).toContainText('Kvalitetsenheten');
  // In Swedish only: no action key of the code ("unit.create"), no field name ("parentId").
  await expect(admin.getByRole('main')).toContainText('Skapade en enhet');
  await expect(admin.getByRole('main')).not.toContainText(/\b[a-z_]+\.(create|update|login|load|save|import|archive|restore|delete)\b|[a-z][A-Z][a-z]+Id\b/);
  await expectNoAxeViolations(admin);
  await userContext.close();
});
