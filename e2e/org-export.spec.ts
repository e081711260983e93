// The full export: the admin opens "Export av all data" from Administration, downloads
// the ZIP while the page shows its progress, and gets a valid ZIP with the manifest, every
// table as JSON and CSV, and no password hashes. Other roles do not reach the page or the
// file. Looked at on a desktop and at 390 px. (The export writes an audit event, which no
// other spec counts.)
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import JSZip from 'jszip';
import { login, sidewaysScroll } from './helpers';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

test('the admin downloads the whole organization as a ZIP with its manifest, seeing the progress', async ({ page }) => {
  await login(page, 'admin@askersund.example');
  await page.goto('/admin');
  await page.getByRole('link', { name: 'Export av all data' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Export av all data' })).toBeVisible();
  await expect(page.getByText('Kolumnen password_hash i tabellen users')).toBeVisible();
  await expectNoAxeViolations(page);
  await page.screenshot({ path: 'test-results/screens/org-export-desktop.png', fullPage: true });

  // Slow the stream's start a little so that the progress is on screen long enough to be seen.
  await page.route('**/admin/export/fil?forlopp=1', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 300));
    await route.continue();
  });
  const downloading = page.waitForEvent('download');
  await page.getByRole('link', { name: 'Ladda ner hela exporten (ZIP)' }).click();
  await expect(page.getByRole('status')).toContainText('Exporten byggs');
  await expect(page.getByRole('progressbar')).toBeVisible();
  await page.screenshot({ path: 'test-results/screens/org-export-progress.png' });
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^malbild-export-[\w-]+-\d{4}-\d{2}-\d{2}\.zip$/);
  await expect(page.getByRole('status')).toContainText(/Klar: malbild-export-.*\.zip \((\d+ kB|\d+,\d MB|\d+ MB)\) har laddats ner\./);

  const zip = await JSZip.loadAsync(Buffer.concat(await (await download.createReadStream()).toArray()));
  const manifest = JSON.parse(await zip.file('manifest.json')!.async('string'));
  expect(manifest).toMatchObject({ format: 'malbild-organisationsexport', formatVersion: 1, organization: { name: 'Askersunds kommun' } });
  for (const table of manifest.tables as { name: string; json: string; csv: string; rows: number }[]) {
    const rows = JSON.parse(await zip.file(table.json)!.async('string'));
    expect(rows, table.name).toHaveLength(table.rows);
    expect(zip.file(table.csv), table.csv).not.toBeNull();
  }
  const users = JSON.parse(await zip.file('data/users.json')!.async('string')) as { email: string; password_hash: string | null }[];
  expect(users.map((u) => u.email)).toContain('admin@askersund.example');
  expect(users.every((u) => u.password_hash === null)).toBe(true);
  expect(zip.file('schema.json')).not.toBeNull();

  // The plain link (no JavaScript) gives the same kind of file.
  const plain = await page.request.get('/admin/export/fil');
  expect(plain.status()).toBe(200);
  expect(plain.headers()['content-type']).toBe('application/zip');
  expect((await JSZip.loadAsync(await plain.body())).file('manifest.json')).not.toBeNull();

  await page.setViewportSize({ width: 390, height: 844 });
  expect(await sidewaysScroll(page)).toEqual([]);
  await page.screenshot({ path: 'test-results/screens/org-export-phone.png', fullPage: true });
});

test('the director reaches neither the export page nor the file', async ({ page }) => {
  await login(page, 'kommundirektor@askersund.example');
  expect((await page.goto('/admin/export'))!.status()).toBe(404);
  const file = await page.request.get('/admin/export/fil');
  expect(file.status()).toBe(404);
  expect(await file.text()).not.toContain('organisationsexport');
});
