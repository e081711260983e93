// The report: the KS member opens "Mål och uppdrag" for the board and period and downloads
// it as Word and Excel; without a session neither file is served.
import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { login } from './helpers';

test('the KS member opens the report and downloads both files', async ({ page }) => {
  await login(page, 'ledamot@askersund.example');
  await page.getByRole('link', { name: 'Rapport' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Mål och uppdrag');
  // An open period is marked in the page header (the larger banner is a choice, off by default).
  await expect(page.locator('.report-running-head')).toHaveText('Kommunstyrelsen · Delår 2024 · Preliminär');
  await expect(page.getByRole('heading', { name: /^Kommunstyrelsens mål 1: Sjukskrivningstalen/ })).toBeVisible();
  await expect(page.getByRole('row').filter({ hasText: 'Sjukfrånvaro exkl. AME, procent' })).toContainText('1,86');
  await expect(page.getByRole('listitem').filter({ hasText: 'Akutstöd – Digitala nationella prov (DNP)' })).toBeVisible();
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);

  const [docx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner Word (DOCX)' }).click()]);
  expect(docx.suggestedFilename()).toBe('Mal-och-uppdrag-Kommunstyrelsen-Delar-2024.docx');
  const docxBytes = await (await docx.createReadStream()).toArray();
  expect(Buffer.concat(docxBytes).subarray(0, 2).toString()).toBe('PK');

  const [xlsx] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner Excel (XLSX)' }).click()]);
  expect(xlsx.suggestedFilename()).toBe('Mal-och-uppdrag-Kommunstyrelsen-Delar-2024.xlsx');
});

test('anonymous gets neither file', async ({ page }) => {
  await login(page, 'ledamot@askersund.example');
  await page.goto('/rapport');
  const href = await page.getByRole('link', { name: 'Ladda ner Word (DOCX)' }).getAttribute('href');
  for (const path of [href!, href!.replace('/docx', '/xlsx')]) {
    const response = await fetch(new URL(path, page.url()), { redirect: 'manual' });
    expect([302, 303, 307, 401]).toContain(response.status);
    expect(response.headers.get('content-type') ?? '').not.toContain('openxmlformats');
    // Past the proxy (it only looks for a cookie), the route handler itself refuses a forged session.
    const forged = await fetch(new URL(path, page.url()), { redirect: 'manual', headers: { cookie: 'authjs.session-token=förfalskad' } });
    expect(forged.status).toBe(401);
    expect(await forged.text()).toBe('Du är inte inloggad. Logga in och försök igen.');
  }
});
