import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { DEMO_PASSWORD, DEMO_USERS, login, logout } from './helpers';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the overview sends a visitor without a session to the login page', async ({ page }) => {
  await page.goto('/');
  await expect(page).toHaveURL(/\/logga-in$/);
  await expect(page.getByRole('heading', { name: 'Logga in' })).toBeVisible();
  await expectNoAxeViolations(page);
});

for (const user of DEMO_USERS) {
  test(`${user.name} logs in and sees the overview with the seed's figures`, async ({ page }) => {
    await login(page, user.email);
    const header = page.getByRole('banner');
    await expect(header).toContainText(user.name);
    await expect(header).toContainText(user.role);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Översikt Delår 2024/);
    await expect(page.getByRole('row').filter({ hasText: 'Sjukfrånvaro exkl. AME, procent' })).toContainText('1,86');
    await expect(page.getByRole('row').filter({ hasText: 'Elever som klarar minst två kurser' })).toContainText('58');
    await logout(page);
  });
}

test('an editor sees which items are theirs, and one with nothing gets an honest empty state', async ({ page }) => {
  await login(page, 'hr-chef@askersund.example');
  const mine = page.getByRole('region', { name: 'Ditt ansvar: HR-avdelningen' });
  await expect(mine).toContainText('Du rapporterar för 3 mått i 2 mål.');
  await expect(page.getByRole('rowheader', { name: /Sjukfrånvaro exkl\. AME, procent\s*Ditt ansvar/ })).toBeVisible();
  await expect(page.getByRole('rowheader', { name: /Andel deltagare/ })).not.toContainText('Ditt ansvar');
  await expectNoAxeViolations(page);
  await logout(page);

  await login(page, 'naringslivschef@askersund.example');
  await expect(page.getByRole('region', { name: 'Ditt ansvar: Näringsliv och kommunikation' })).toContainText(
    'Din enhet har inga mål eller mått att rapportera på i den här perioden.',
  );
  await expect(page.getByText('Ditt ansvar', { exact: true })).toHaveCount(0);
});

test('a wrong password shows a Swedish error, keeps the email and lets no one in', async ({ page }) => {
  await page.goto('/logga-in');
  await page.getByLabel('E-postadress').fill('ledamot@askersund.example');
  await page.getByLabel('Lösenord').fill('fel-lösenord');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.locator('#login-error')).toHaveText('Fel e-postadress eller lösenord.');
  await expect(page.getByLabel('E-postadress')).toHaveValue('ledamot@askersund.example');
  await expect(page).toHaveURL(/\/logga-in/);
  await expectNoAxeViolations(page);
  await page.goto('/');
  await expect(page).toHaveURL(/\/logga-in$/);
});

test('an empty form gets an error per field, announced and linked to the field', async ({ page }) => {
  await page.goto('/logga-in');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.locator('#email-error')).toHaveText('Ange din e-postadress.');
  await expect(page.locator('#password-error')).toHaveText('Ange ditt lösenord.');
  await expect(page.getByLabel('E-postadress')).toHaveAttribute('aria-describedby', 'email-error');
  await expect(page.getByLabel('E-postadress')).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolations(page);
});

test('after logout the overview redirects to login', async ({ page }) => {
  await login(page, 'kommundirektor@askersund.example');
  await logout(page);
  await page.goto('/');
  await expect(page).toHaveURL(/\/logga-in$/);
});

test('a disabled user is refused on the next request, and can log in again once enabled', async ({ browser }) => {
  const adminContext = await browser.newContext();
  const hrContext = await browser.newContext();
  const admin = await adminContext.newPage();
  const hr = await hrContext.newPage();
  await login(hr, 'hr-chef@askersund.example');
  await login(admin, 'admin@askersund.example');

  await admin.getByRole('link', { name: 'Administration' }).click();
  await admin.getByRole('link', { name: 'Användare' }).click();
  await expect(admin.getByRole('heading', { level: 1 })).toHaveText('Användare');
  await expectNoAxeViolations(admin);
  const row = admin.getByRole('row').filter({ hasText: 'hr-chef@askersund.example' });
  await row.getByRole('button', { name: 'Inaktivera Helena HR-chef' }).click();
  await row.getByRole('button', { name: 'Ja, inaktivera' }).click();
  await expect(row).toContainText('Helena HR-chef är inaktiverad och utloggad.');
  await expect(row.getByRole('cell', { name: 'Inaktiverad', exact: true })).toBeVisible();

  await hr.reload();
  await expect(hr).toHaveURL(/\/logga-in$/);
  await hr.getByLabel('E-postadress').fill('hr-chef@askersund.example');
  await hr.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  await hr.getByRole('button', { name: 'Logga in' }).click();
  await expect(hr.locator('#login-error')).toHaveText('Fel e-postadress eller lösenord.');

  await row.getByRole('button', { name: 'Aktivera Helena HR-chef' }).click();
  await expect(row).toContainText('Helena HR-chef är aktiverad igen.');
  await login(hr, 'hr-chef@askersund.example');
  await adminContext.close();
  await hrContext.close();
});

test('what is not the user’s looks exactly like what does not exist', async ({ page }) => {
  await login(page, 'ledamot@askersund.example');
  await expect(page.getByRole('link', { name: 'Administration' })).toHaveCount(0);
  const forbidden = await page.goto('/admin/anvandare');
  expect(forbidden?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Sidan finns inte');
  const forbiddenText = await page.locator('main').innerText();
  const missing = await page.goto('/finns-inte');
  expect(missing?.status()).toBe(404);
  expect(await page.locator('main').innerText()).toBe(forbiddenText);
});
