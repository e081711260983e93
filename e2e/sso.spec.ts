// Single sign-on over OpenID Connect against a real provider on 127.0.0.1
// (tests/support/oidc-provider.mjs, started by playwright.config.ts): a known person reaches
// the overview in their role, an unknown one is refused in Swedish, a group gives a new
// person their role, and a disabled user is refused although the provider vouches for them.
// Leaves the demo as it found it, apart from the new person it creates (disabled at the end).
import { expect, test, type Page } from '@playwright/test';
import { login, logout } from './helpers';
import { OIDC_ISSUER, OIDC_NAME } from '../playwright.config';

const SCREENS = 'test-results/screens';
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };

test.describe.configure({ mode: 'serial' });

/** "Logga in med …", then the provider's own login page (any password), back to Målbild. */
async function loginAtProvider(page: Page, account: string): Promise<void> {
  await page.goto('/logga-in');
  await page.getByRole('link', { name: `Logga in med ${OIDC_NAME}` }).click();
  await expect(page).toHaveURL(new RegExp(`^${OIDC_ISSUER}/interaction/`));
  await page.locator('input[name="login"]').fill(account);
  await page.locator('input[name="password"]').fill('vad-som-helst');
  await page.getByRole('button', { name: 'Sign-in' }).click();
}

async function shot(page: Page, name: string): Promise<void> {
  for (const [width, size] of [
    ['390', PHONE],
    ['1366', DESKTOP],
  ] as const) {
    await page.setViewportSize(size);
    await page.screenshot({ path: `${SCREENS}/${width}-sso-${name}.png`, fullPage: true });
  }
}

test('the login page offers the kommun\'s identity provider beside the password form', async ({ page }) => {
  await page.goto('/logga-in');
  await expect(page.getByRole('link', { name: `Logga in med ${OIDC_NAME}` })).toBeVisible();
  await expect(page.getByLabel('E-postadress')).toBeVisible();
  await shot(page, 'logga-in');
});

test('a known person logs in through the provider and reaches the overview in their role; logout offers the provider\'s', async ({ page }) => {
  await loginAtProvider(page, 'karin');
  await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Översikt');
  const header = page.getByRole('banner');
  await expect(header).toContainText('Karin Kommundirektör');
  await expect(header).toContainText('Kommundirektör');
  await expect(header.getByRole('link', { name: 'Attest' }).first()).toBeAttached();

  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page).toHaveURL(/\/logga-in\?utloggad=sso$/);
  await expect(page.getByText('Du är utloggad från Målbild.')).toBeVisible();
  const providerLogout = page.getByRole('link', { name: `Logga ut från ${OIDC_NAME} också` });
  const href = await providerLogout.getAttribute('href');
  expect(href).toMatch(new RegExp(`^${OIDC_ISSUER}/session/end\\?client_id=malbild-e2e`));
  // Målbild's session is over: a page asks for login again.
  await page.goto('/uppdrag');
  await expect(page).toHaveURL(/\/logga-in/);

  // The provider's logout ends the session there too: the next login asks for the password again.
  await page.goto('/logga-in?utloggad=sso');
  await providerLogout.click();
  await page.getByRole('button', { name: 'Yes, sign me out' }).click();
  await expect(page.getByText(/sign-out .*was successful/i)).toBeVisible();
  await page.goto('/logga-in');
  await page.getByRole('link', { name: `Logga in med ${OIDC_NAME}` }).click();
  await expect(page.locator('input[name="login"]')).toBeVisible();
});

test('an unknown person is refused with a message in Swedish, and nobody is created', async ({ page }) => {
  await loginAtProvider(page, 'okand');
  await expect(page).toHaveURL(/\/logga-in\?fel=unknown$/);
  await expect(page.locator('#sso-error')).toHaveText(/^Du är inte upplagd som användare i Målbild\. Be kommunens systemförvaltare/);
  await page.goto('/');
  await expect(page).toHaveURL(/\/logga-in/);
});

test('an email the provider has not verified logs in nobody, not even the account with that address', async ({ page }) => {
  await loginAtProvider(page, 'overifierad');
  await expect(page).toHaveURL(/\/logga-in\?fel=email_unverified$/);
  await expect(page.locator('#sso-error')).toContainText('har inte bekräftat din e-postadress');
});

test('the admin lets unknown people in without rights and maps a group to läsare; a new person in it logs in as läsare', async ({ page, browser, baseURL }) => {
  await login(page, 'admin@askersund.example');
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Inloggning' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Inloggning' })).toBeVisible();
  await expect(page.getByText(`Logga in med ${OIDC_NAME}`)).toBeVisible();

  // An editor row without a unit is refused, with the error at the field and nothing typed lost.
  await page.getByLabel('Grupp', { exact: true }).fill('malbild-lasare');
  await page.getByLabel('Roll', { exact: true }).selectOption('editor');
  await page.getByRole('button', { name: 'Lägg till grupp' }).click();
  await expect(page.getByLabel('Enhet', { exact: true })).toHaveAccessibleDescription(/Välj vilken enhet gruppens medlemmar rapporterar för/);
  await expect(page.getByLabel('Grupp', { exact: true })).toHaveValue('malbild-lasare');

  await page.getByLabel('Roll', { exact: true }).selectOption('viewer');
  await page.getByRole('button', { name: 'Lägg till grupp' }).click();
  await expect(page.getByText('Gruppen malbild-lasare är tillagd.')).toBeVisible();
  await expect(page.getByLabel('Grupp', { exact: true })).toHaveValue(''); // ready for the next row
  await expect(page.getByRole('table', { name: 'Grupper och de behörigheter de ger' })).toContainText('malbild-lasare');

  await page.getByLabel('Personer som inte finns i Målbild').selectOption('create');
  await page.getByRole('button', { name: 'Spara inställningar' }).click();
  await expect(page.getByText('Inställningarna för inloggning är sparade.')).toBeVisible();
  await shot(page, 'admin-inloggning');

  const other = await browser.newContext({ baseURL });
  const nina = await other.newPage();
  await loginAtProvider(nina, 'ny');
  await expect(nina).toHaveURL(/\/$/, { timeout: 30_000 });
  const header = nina.getByRole('banner');
  await expect(header).toContainText('Nina Nyanställd');
  await expect(header).toContainText('Läsare');
  await expect(header.getByRole('link', { name: 'Administration' })).toHaveCount(0);
  await other.close();

  // A new person in no group is created without rights: logged in, told so, shown nothing.
  const third = await browser.newContext({ baseURL });
  const ulf = await third.newPage();
  await loginAtProvider(ulf, 'utan');
  await expect(ulf).toHaveURL(/\/$/, { timeout: 30_000 });
  await expect(ulf.getByRole('main')).toContainText('du har ännu ingen behörighet i Målbild');
  // Any other page brings them back to that message.
  await ulf.goto('/uppdrag');
  await expect(ulf).toHaveURL(/\/$/);
  await expect(ulf.getByRole('main')).toContainText('du har ännu ingen behörighet i Målbild');
  await third.close();
});

test('a disabled user is refused even with a valid login at the provider', async ({ page }) => {
  await login(page, 'admin@askersund.example');
  await page.goto('/admin/anvandare');
  const row = page.getByRole('row', { name: /Nina Nyanställd/ });
  await row.getByRole('button', { name: 'Inaktivera Nina Nyanställd' }).click();
  await row.getByRole('button', { name: 'Ja, inaktivera' }).click();
  await expect(row).toContainText('Inaktiverad');
  await logout(page);

  await loginAtProvider(page, 'ny');
  await expect(page).toHaveURL(/\/logga-in\?fel=disabled$/);
  await expect(page.locator('#sso-error')).toContainText('Ditt konto i Målbild är inaktiverat.');
});

test.afterAll(async ({ browser, baseURL }) => {
  // Put the sign-in rules back as the demo has them: unknown people refused, no group rows.
  const context = await browser.newContext({ baseURL });
  const page = await context.newPage();
  await login(page, 'admin@askersund.example');
  await page.goto('/admin/inloggning');
  await page.getByLabel('Personer som inte finns i Målbild').selectOption('refuse');
  await page.getByRole('button', { name: 'Spara inställningar' }).click();
  await expect(page.getByText('Inställningarna för inloggning är sparade.')).toBeVisible();
  const table = page.getByRole('table', { name: 'Grupper och de behörigheter de ger' });
  while ((await table.count()) > 0 && (await table.getByRole('button', { name: /^Ta bort/ }).count()) > 0) {
    await table.getByRole('button', { name: /^Ta bort/ }).first().click();
    await page.getByRole('button', { name: 'Ja, ta bort' }).click();
    await expect(page.getByText(/är borttagen\./)).toBeVisible();
  }
  await context.close();
});
