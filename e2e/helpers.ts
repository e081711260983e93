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

/** What scrolls sideways: the page itself, or any element that scrolls its content sideways. */
export async function sidewaysScroll(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`the page is ${root.scrollWidth} px wide in ${root.clientWidth} px`);
    for (const el of Array.from(document.body.querySelectorAll<HTMLElement>('*'))) {
      const overflowX = getComputedStyle(el).overflowX;
      if ((overflowX === 'auto' || overflowX === 'scroll') && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
        const name = el.getAttribute('aria-label') ?? el.getAttribute('aria-labelledby') ?? el.className;
        found.push(`<${el.tagName.toLowerCase()} ${name}> scrolls ${el.scrollWidth} px in ${el.clientWidth} px`);
      }
    }
    return found;
  });
}
