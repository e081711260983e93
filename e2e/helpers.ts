import { expect, type Locator, type Page } from '@playwright/test';

export const DEMO_PASSWORD = 'Askersund-2024';

export const DEMO_USERS = [
  { email: 'admin@askersund.example', name: 'Sara Systemförvaltare', role: 'Systemförvaltare' },
  { email: 'kommundirektor@askersund.example', name: 'Karin Kommundirektör', role: 'Kommundirektör' },
  { email: 'ledamot@askersund.example', name: 'Lars Ledamot', role: 'Läsare' },
  { email: 'hr-chef@askersund.example', name: 'Helena HR-chef', role: 'Rapportör' },
  { email: 'ame-chef@askersund.example', name: 'Anders AME-chef', role: 'Rapportör' },
  { email: 'naringslivschef@askersund.example', name: 'Nora Näringslivschef', role: 'Rapportör' },
] as const;

/** Logs in through the form; `origin` names another server than the configured one. */
export async function login(page: Page, email: string, password = DEMO_PASSWORD, origin = ''): Promise<void> {
  await page.goto(`${origin}/logga-in`);
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(password);
  await page.getByRole('button', { name: 'Logga in' }).click();
  // The first login after the server starts hashes and renders cold: slow on a busy machine.
  await expect(page).toHaveURL(/\/$/, { timeout: 30_000 });
}

export async function logout(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page).toHaveURL(/\/logga-in$/);
}

/** Presses Tab (or Shift+Tab) until the target has focus; fails if it is never reached. */
export async function tabTo(page: Page, target: Locator, key: 'Tab' | 'Shift+Tab' = 'Tab', limit = 200): Promise<void> {
  await expect(target).toBeVisible();
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press(key);
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${key} never reached ${target.toString()}`);
}
