// Every page of the app, for every demo role, on a phone (390 px) and a desktop (1366 px):
// no sideways scrolling (neither the page nor a table in a scroll box), no axe violations,
// and a screenshot of each in test-results/screens/ to look at. The pages are found by
// following the links of the app from the overview, one page per route (ids and query
// strings aside), so a new page is covered as soon as something links to it.
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { DEMO_USERS, login, sidewaysScroll, tabTo } from './helpers';

const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1366, height: 900 };
const SCREENS = 'test-results/screens';

/** Links that are files (also any link marked download) or leave the app, never pages to render. */
const NOT_A_PAGE = /^\/(api\/|rapport\/(docx|xlsx)|admin\/import(\/struktur)?\/mall)/;

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const routeOf = (pathname: string) => pathname.replace(UUID, ':id');
const fileName = (route: string) => (route === '/' ? 'oversikt' : route.slice(1).replace(/[/:]+/g, '_'));

async function axeViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}

/** Checks one page at both widths; returns its problems, each naming the page. */
async function checkPage(page: Page, label: string, route: string): Promise<string[]> {
  const problems: string[] = [];
  const name = `${label}-${fileName(route)}`;
  await page.setViewportSize(PHONE);
  if ((await page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).count()) !== 1) {
    problems.push(`${label} ${route}: no link to the accessibility statement in the footer`);
  }
  for (const p of await sidewaysScroll(page)) problems.push(`${label} ${route} at 390 px: ${p}`);
  for (const v of await axeViolations(page)) problems.push(`${label} ${route} at 390 px: axe ${v}`);
  await page.screenshot({ path: `${SCREENS}/390-${name}.png`, fullPage: true });
  await page.setViewportSize(DESKTOP);
  for (const p of await sidewaysScroll(page)) problems.push(`${label} ${route} at 1366 px: ${p}`);
  for (const v of await axeViolations(page)) problems.push(`${label} ${route} at 1366 px: axe ${v}`);
  await page.screenshot({ path: `${SCREENS}/1366-${name}.png`, fullPage: true });
  await page.setViewportSize(PHONE);
  return problems;
}

/** Visits every route reachable by links from the overview, one address per route. */
async function crawl(page: Page, label: string): Promise<{ routes: string[]; problems: string[] }> {
  const origin = new URL(page.url()).origin;
  const queue = ['/'];
  const seen = new Set<string>(['/']);
  const problems: string[] = [];
  while (queue.length > 0) {
    const address = queue.shift()!;
    const response = await page.goto(address);
    const route = routeOf(new URL(page.url()).pathname);
    if (!response || response.status() >= 400) problems.push(`${label} ${address}: HTTP ${response?.status()}`);
    problems.push(...(await checkPage(page, label, route)));
    const hrefs = await page.$$eval('a[href]:not([download])', (links) => links.map((a) => (a as HTMLAnchorElement).href));
    for (const href of hrefs) {
      const url = new URL(href);
      if (url.origin !== origin || NOT_A_PAGE.test(url.pathname)) continue;
      const key = routeOf(url.pathname);
      if (seen.has(key)) continue;
      seen.add(key);
      queue.push(`${url.pathname}${url.search}`);
    }
  }
  return { routes: [...seen].sort(), problems };
}

test.describe.configure({ timeout: 15 * 60_000 });

test('the pages without login: the login page (also with an error), the statement, an unknown address', async ({ page }) => {
  const problems: string[] = [];
  await page.setViewportSize(PHONE);
  await page.goto('/logga-in');
  problems.push(...(await checkPage(page, 'anonym', '/logga-in')));
  await page.getByLabel('E-postadress').fill('hr-chef@askersund.example');
  await page.getByLabel('Lösenord').fill('fel-lösenord');
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect(page.getByText('Fel e-postadress eller lösenord.')).toBeVisible();
  problems.push(...(await checkPage(page, 'anonym', '/logga-in-fel')));

  // The login card links to the statement, which opens without a session.
  await page.getByRole('main').getByRole('link', { name: 'Tillgänglighetsredogörelse' }).click();
  await expect(page).toHaveURL(/\/tillganglighet$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Tillgänglighet för Målbild');
  // DIGG's structure for a tillgänglighetsredogörelse, with the supervisory authority's address.
  await expect(page.getByRole('heading', { level: 2 })).toHaveText([
    'Hur tillgänglig är webbplatsen?',
    'Vad kan du göra om du inte kan använda delar av webbplatsen?',
    'Rapportera brister i webbplatsens tillgänglighet',
    'Tillsyn',
    'Teknisk information om webbplatsens tillgänglighet',
    'Innehåll som inte är tillgängligt',
    'Hur vi testat webbplatsen',
  ]);
  const supervision = page.getByRole('region', { name: 'Tillsyn' });
  await expect(supervision).toContainText('Myndigheten för digital förvaltning (DIGG)');
  await expect(supervision.getByRole('link', { name: 'https://www.digg.se/tdosanmalan' })).toHaveAttribute('href', 'https://www.digg.se/tdosanmalan');
  await expect(page.getByRole('region', { name: 'Innehåll som inte är tillgängligt' }).getByRole('listitem')).not.toHaveCount(0);
  problems.push(...(await checkPage(page, 'anonym', '/tillganglighet')));

  const response = await page.goto('/finns-inte');
  expect(response?.status()).toBe(200); // the proxy sends a visitor without a session to the login page
  await expect(page).toHaveURL(/\/logga-in\?till=%2Ffinns-inte$/);
  expect(problems).toEqual([]);
});

for (const user of DEMO_USERS) {
  test(`every page ${user.name} can reach fits 390 px and passes axe, also at 1366 px`, async ({ page }) => {
    await page.setViewportSize(PHONE);
    await login(page, user.email);
    const label = user.email.split('@')[0]!;
    const { routes, problems } = await crawl(page, label);
    // The crawl really went somewhere: the pages every role has, and the role's own.
    expect(routes).toEqual(expect.arrayContaining(['/', '/avvikelser', '/uppdrag', '/rapport', '/tillganglighet', '/historik/matt/:id']));
    if (label === 'admin') expect(routes).toEqual(expect.arrayContaining(['/admin', '/admin/anvandare/:id', '/admin/logg', '/attest', '/rapportering']));
    if (label === 'kommundirektor') expect(routes).toEqual(expect.arrayContaining(['/attest']));
    if (label === 'hr-chef') expect(routes).toEqual(expect.arrayContaining(['/rapportering', '/rapportering/matt/:id']));

    // An unknown address inside the frame.
    await page.goto('/finns-inte');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    problems.push(...(await checkPage(page, label, '/finns-inte')));
    expect(problems).toEqual([]);
  });
}

test('on a phone the header menu is one button that opens with mouse and keyboard, and its links work', async ({ page }) => {
  await page.setViewportSize(PHONE);
  await login(page, 'kommundirektor@askersund.example');
  const menuButton = page.locator('summary').filter({ hasText: 'Meny' });
  const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
  await expect(menuButton).toBeVisible();
  await expect(menu).toBeHidden();
  await expect(page.getByRole('button', { name: 'Logga ut' })).toBeHidden();

  await menuButton.click();
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('link')).toHaveText(['Översikt', 'Avvikelser', 'Uppdrag', 'Ekonomi', 'Rapport', 'Sök', 'Attest']);
  await page.screenshot({ path: `${SCREENS}/390-meny-oppen.png` });
  expect(await axeViolations(page)).toEqual([]);
  expect(await sidewaysScroll(page)).toEqual([]);
  await menu.getByRole('link', { name: 'Attest' }).click();
  await expect(page).toHaveURL(/\/attest$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Attest');
  await expect(menu).toBeHidden(); // it closes once its link has led on

  // The keyboard: Tab to the button, Enter opens, Tab reaches the links, Escape closes.
  await tabTo(page, menuButton, 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(menu).toBeVisible();
  await page.keyboard.press('Tab');
  await expect(menu.getByRole('link', { name: 'Översikt' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(menu).toBeHidden();
  await expect(menuButton).toBeFocused();
  await page.keyboard.press('Enter');
  for (let i = 0; i < 3; i++) await page.keyboard.press('Tab');
  await expect(menu.getByRole('link', { name: 'Uppdrag' })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/uppdrag$/);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Uppdrag');

  // Logging out from the menu.
  await menuButton.click();
  await page.getByRole('button', { name: 'Logga ut' }).click();
  await expect(page).toHaveURL(/\/logga-in$/);
});

test('on a desktop the header shows its links in a row and no menu button', async ({ page }) => {
  await page.setViewportSize(DESKTOP);
  await login(page, 'admin@askersund.example');
  await expect(page.locator('summary').filter({ hasText: 'Meny' })).toBeHidden();
  const menu = page.getByRole('navigation', { name: 'Huvudmeny' });
  await expect(menu.getByRole('link')).toHaveText(['Översikt', 'Avvikelser', 'Uppdrag', 'Ekonomi', 'Rapport', 'Sök', 'Min rapportering', 'Attest', 'Administration']);
  await expect(page.getByRole('contentinfo').getByRole('link', { name: 'Tillgänglighetsredogörelse' })).toBeVisible();
});
