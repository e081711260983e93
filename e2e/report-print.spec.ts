// The /rapport page as a controller uses it: the choices (GET form) apply to the page and the
// download links; copied text keeps words apart; status fills differ; printed to PDF the page
// has board and period in the header, "Sida n av m" and the stamp ("Preliminär" or
// "Attesterad <datum> av <namn>") in the footer.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import { expect, test, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { login } from './helpers';

/** Prints the page to PDF as the browser's print does, and returns its text page by page (pdftotext). */
async function printedPages(page: Page, file: string): Promise<string[]> {
  await page.emulateMedia({ media: 'print' });
  fs.writeFileSync(file, await page.pdf({ format: 'A4', preferCSSPageSize: true, printBackground: true }));
  await page.emulateMedia({ media: 'screen' });
  if (process.env.REPORT_PRINT_DIR) fs.copyFileSync(file, `${process.env.REPORT_PRINT_DIR}/${file.split('/').pop()}`);
  return execFileSync('pdftotext', ['-layout', file, '-'], { encoding: 'utf8' }).split('\f').filter((p) => p.trim());
}

test('the options apply to the page and the download links; copied text keeps words apart', async ({ page }) => {
  await login(page, 'ledamot@askersund.example');
  await page.goto('/rapport');
  const options = page.getByRole('group', { name: 'Val för rapporten' });
  // The defaults reproduce the seed: no goal-level line, no words beside the arrows, no grey legend line, no banner.
  for (const label of ['Innehållsförteckning', 'Ruta om preliminär rapport', 'Raden ”Grått = ej mätt” i förklaringen', 'Måluppfyllelse per mål', 'Ord bredvid pilarna']) {
    await expect(options.getByRole('checkbox', { name: label })).not.toBeChecked();
  }
  await expect(options.getByRole('checkbox', { name: 'Markera färg och pil som rapportören valt' })).toBeChecked();
  const report = page.locator('article.report-document');
  // An unapproved period says so in the page header whatever is chosen.
  await expect(report.locator('.report-running-head')).toHaveText('Kommunstyrelsen · Delår 2024 · Preliminär');
  await expect(report.getByText('Preliminär – perioden är inte attesterad')).toHaveCount(0);
  await expect(report.getByText('Grått = ej mätt')).toHaveCount(0);
  await expect(report.getByText(/^Måluppfyllelse:/)).toHaveCount(0);
  const sick = report.getByRole('row').filter({ hasText: 'Sjukfrånvaro exkl. AME, procent' });
  expect((await sick.innerText()).split('\n')[0]).toMatch(/✓ Uppfyllt ↑¹?\s*$/);
  // The arrow the fixture's reporter chose is marked, its note under the table (on by default).
  await expect(report.getByText(/^¹ Pilen är vald av rapportören/)).toBeVisible();
  // Without words the arrow still has its meaning for a screen reader.
  await expect(sick.getByRole('img', { name: 'Bättre än året innan' })).toBeVisible();

  for (const label of ['Innehållsförteckning', 'Ruta om preliminär rapport', 'Raden ”Grått = ej mätt” i förklaringen', 'Måluppfyllelse per mål', 'Ord bredvid pilarna']) {
    await options.getByRole('checkbox', { name: label }).check();
  }
  await options.getByRole('checkbox', { name: 'Markera färg och pil som rapportören valt' }).uncheck();
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page).toHaveURL(/pilord=1/);
  await expect(page).toHaveURL(/markeringar=0/);
  await expect(options.getByRole('checkbox', { name: 'Ord bredvid pilarna' })).toBeChecked();
  await expect(options.getByRole('checkbox', { name: 'Markera färg och pil som rapportören valt' })).not.toBeChecked();
  await expect(report.locator('.report-running-head')).toHaveText('Kommunstyrelsen · Delår 2024 · Preliminär');
  await expect(report.getByText('Preliminär – perioden är inte attesterad')).toBeVisible();
  await expect(report.getByRole('navigation', { name: 'Innehåll' }).getByRole('link')).not.toHaveCount(0);
  await expect(report.getByRole('listitem').filter({ hasText: 'Grått = ej mätt' })).toBeVisible();
  await expect(report.getByText(/vald av rapportören/)).toHaveCount(0);
  for (const name of ['Ladda ner Word (DOCX)', 'Ladda ner Excel (XLSX)']) {
    const href = (await page.getByRole('link', { name }).getAttribute('href'))!;
    const params = new URL(href, page.url()).searchParams;
    expect(params.get('pilord')).toBe('1');
    expect(params.get('innehall')).toBe('1');
    expect(params.get('markeringar')).toBe('0');
  }

  // Copying the row gives separate words: symbol, word, arrow, words.
  const text = await sick.innerText();
  expect(text).toContain('✓ Uppfyllt ↑ Bättre än året innan');
  expect(text).not.toMatch(/Uppfyllt↑|↑Bättre|✓Uppfyllt/);
  const whole = await report.innerText();
  expect(whole).not.toMatch(/(Uppfyllt|uppfyllt|mätt)[↑→↓]/);
  expect(whole).toMatch(/Måluppfyllelse: ✓ Uppfyllt\./);
  // A screen reader gets the words with spaces between them (the symbols are hidden from it).
  const spoken = await sick.locator('td').last().evaluate((cell) => {
    const parts: string[] = [];
    const walk = (n: Node) => {
      if (n instanceof Element && n.getAttribute('aria-hidden') === 'true') return;
      if (n instanceof Element && n.getAttribute('role') === 'img') return void parts.push(n.getAttribute('aria-label') ?? '');
      if (n.nodeType === Node.TEXT_NODE) return void parts.push(n.textContent ?? '');
      n.childNodes.forEach(walk);
    };
    walk(cell);
    return parts.join('');
  });
  expect(spoken.trim()).toMatch(/^Uppfyllt +Bättre än året innan/);

  // Every status is a fill with symbol and word; the four fills differ, and the legend shows each.
  const fills = await report.locator('.report-legend .status-fill').evaluateAll((els) =>
    els.map((el) => {
      const s = getComputedStyle(el);
      return { text: (el as HTMLElement).innerText, look: `${s.backgroundColor}|${s.backgroundImage}|${s.borderTopStyle}|${s.borderTopWidth}` };
    }),
  );
  expect(fills.map((f) => f.text)).toEqual(['✕ Ej uppfyllt', '◐ Delvis uppfyllt', '✓ Uppfyllt', '– Ej mätt']);
  expect(new Set(fills.map((f) => f.look)).size).toBe(4);
  await expect(sick.locator('.status-fill--green')).toHaveText('✓ Uppfyllt');

  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
});

test('printed, the report has header, page numbers and the preliminary or approval stamp', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const page = await (await browser.newContext()).newPage();
  await login(page, 'ledamot@askersund.example');
  for (const width of [1366, 390]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto('/rapport?maluppfyllelse=1&pilord=1&gratt=1');
    if (process.env.REPORT_PRINT_DIR) await page.screenshot({ path: `${process.env.REPORT_PRINT_DIR}/rapport-${width}.png`, fullPage: true });
  }
  const open = await printedPages(page, testInfo.outputPath('rapport-preliminar.pdf'));
  expect(open.length).toBeGreaterThan(1);
  open.forEach((text, i) => {
    expect(text, `page ${i + 1}`).toContain('Kommunstyrelsen · Delår 2024 · Preliminär');
    expect(text, `page ${i + 1}`).toContain('Preliminär – perioden är inte attesterad');
    expect(text, `page ${i + 1}`).toContain(`Sida ${i + 1} av ${open.length}`);
  });
  // The app's own header and the page's controls are not printed.
  expect(open.join('\n')).not.toContain('Ladda ner Word');
  expect(open.join('\n')).not.toContain('Val för rapporten');

  // Approved: the footer names the date and the director; reopened afterwards for the other tests.
  const director = await (await browser.newContext()).newPage();
  await login(director, 'kommundirektor@askersund.example');
  await director.goto('/attest');
  await director.getByRole('button', { name: 'Attestera perioden' }).click();
  await director.getByRole('button', { name: 'Ja, attestera' }).click();
  await expect(director.getByText(/🔒 Attesterad och låst/)).toBeVisible();
  try {
    await page.goto('/rapport');
    await expect(page.locator('.report-running-head')).toHaveText('Kommunstyrelsen · Delår 2024');
    const today = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'Europe/Stockholm' }).format(new Date());
    const approved = await printedPages(page, testInfo.outputPath('rapport-attesterad.pdf'));
    approved.forEach((text, i) => {
      expect(text, `page ${i + 1}`).toContain('Kommunstyrelsen · Delår 2024');
      expect(text, `page ${i + 1}`).not.toContain('Preliminär');
      expect(text, `page ${i + 1}`).toMatch(new RegExp(`Attesterad (${today}|\\d{1,2} \\p{L}+ \\d{4}) av Karin Kommundirektör`, 'u'));
      expect(text, `page ${i + 1}`).toContain(`Sida ${i + 1} av ${approved.length}`);
    });
  } finally {
    const admin = await (await browser.newContext()).newPage();
    await login(admin, 'admin@askersund.example');
    await admin.goto('/attest');
    await admin.getByLabel('Skäl till att perioden öppnas igen').fill('Utskriftstestet öppnar perioden igen.');
    await admin.getByRole('button', { name: 'Öppna perioden igen' }).click();
    await expect(admin.getByText(/Inte attesterad · Senast öppnad igen/)).toBeVisible();
  }
});
