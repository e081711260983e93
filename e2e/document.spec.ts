// The board's whole document (issue 15): the HR-chef writes HR's part of the Översikt, the
// director sends it back with a comment, the HR-chef answers, the director approves and a later
// edit is refused; the document on /rapport shows the approved text. The admin then reopens the
// period and HR's text is put back as the seed has it (as a new version: history is kept), so
// the specs after this one meet the demo as it was.
import { expect, test, type Dialog, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { login, sidewaysScroll } from './helpers';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

const ADDED = 'Sjukfrånvaron följs nu upp varje månad tillsammans med cheferna.';
const ANSWER = 'Korttidssjukfrånvaron var 2,1 procent i augusti.';

test.describe.configure({ timeout: 4 * 60_000 });

test("the HR-chef writes HR's part, the director sends it back, the answer is approved and locked", async ({ browser }) => {
  const director = await (await browser.newContext()).newPage();
  const hr = await (await browser.newContext()).newPage();
  const admin = await (await browser.newContext()).newPage();
  await login(hr, 'hr-chef@askersund.example');
  await login(director, 'kommundirektor@askersund.example');
  await login(admin, 'admin@askersund.example');

  // Min rapportering lists HR's part of the Översikt.
  await hr.goto('/rapportering');
  const item = hr.getByRole('listitem').filter({ hasText: 'Text i kapitlet Översikt över verksamhetens utveckling' });
  await expect(item).toContainText('HR');
  await item.getByRole('link', { name: 'HR', exact: true }).click();
  await expect(hr.getByRole('heading', { level: 1 })).toContainText('HR');
  const text = hr.getByRole('textbox', { name: 'Text' });
  const original = await text.inputValue();
  expect(original).toContain('HR-avdelningen arbetade med begränsad bemanning');
  await expectNoAxeViolations(hr);
  await text.fill(`${original}\n\n${ADDED}`);
  const leaving: string[] = [];
  const onDialog = (dialog: Dialog) => {
    leaving.push(dialog.message());
    void dialog.dismiss();
  };
  hr.on('dialog', onDialog);
  await hr.getByRole('button', { name: 'Spara texten' }).click();
  const saved = hr.getByText(/Texten är sparad som version \d+\./);
  await expect(saved).toBeVisible();
  const seq = Number(/version (\d+)/.exec((await saved.textContent()) ?? '')?.[1]);
  const textUrl = hr.url();

  // The list of versions beside the form shows the new version at once, with its change (no
  // reload). The form keeps the text and its message in its live region, and has nothing
  // unsaved: a link inside the app leaves without asking.
  const versions = hr.getByRole('complementary', { name: /^Versioner i / });
  await expect(versions.getByRole('heading', { name: `Version ${seq}`, exact: true })).toBeVisible();
  await expect(versions.getByRole('listitem').first()).toContainText(ADDED);
  await expect(text).toHaveValue(`${original}\n\n${ADDED}`);
  await expect(hr.locator('p[aria-live="polite"]').filter({ hasText: `Texten är sparad som version ${seq}.` })).toBeVisible();
  await hr.getByRole('navigation', { name: 'Brödsmulor' }).getByRole('link', { name: 'Min rapportering' }).click();
  await expect(hr).toHaveURL(/\/rapportering\?period=/);
  expect(leaving).toEqual([]);
  hr.off('dialog', onDialog);

  // The director sends it back with a comment.
  await director.goto(textUrl);
  const sendBack = director.getByRole('region', { name: 'Skicka tillbaka för komplettering' });
  await sendBack.getByLabel('Vad behöver kompletteras?').fill('Ange sjukfrånvaron i siffror.');
  await sendBack.getByRole('button', { name: 'Skicka tillbaka' }).click();
  await expect(sendBack.getByText('Skickat tillbaka. Enheten ser kommentaren i Min rapportering.')).toBeVisible();

  // The HR-chef sees why, and answers.
  await hr.goto('/rapportering');
  const returned = hr.getByRole('listitem').filter({ hasText: 'Text i kapitlet Översikt över verksamhetens utveckling' });
  await expect(returned).toContainText('Ange sjukfrånvaron i siffror.');
  await returned.getByRole('link', { name: 'HR', exact: true }).click();
  await expect(hr.getByRole('region', { name: 'Återsänd' })).toContainText('Ange sjukfrånvaron i siffror.');
  await hr.getByRole('textbox', { name: 'Text' }).fill(`${original}\n\n${ADDED} ${ANSWER}`);
  await hr.getByRole('button', { name: 'Spara texten' }).click();
  await expect(hr.getByText(/Texten är sparad som version \d+\./)).toBeVisible();
  await hr.reload();
  await expect(hr.getByRole('region', { name: 'Återsänd' })).toHaveCount(0);

  // The whole document shows the text, preliminary, on a phone without sideways scrolling.
  await director.goto('/rapport?dokument=hela');
  await expect(director.getByRole('heading', { level: 1, name: 'Översikt över verksamhetens utveckling' })).toBeVisible();
  await expect(director.getByText(ANSWER)).toBeVisible();
  // The finance chapters hold the board's finance tables; a figure in an unexplained difference
  // is marked and links to its warning on the finance page.
  const operations = director.getByRole('region', { name: 'Driftredovisning 2024, tkr' });
  await expect(operations.getByRole('row', { name: /45 Gymnasieskola/ })).toContainText('−76 294');
  await expect(director.getByRole('region', { name: 'Nettoutgifter 2024, tkr' })).toContainText('−63 684');
  await expect(operations.getByRole('link', { name: /skillnad, se kontrollen/ }).first()).toHaveAttribute('href', /^\/ekonomi\?namnd=.+#skillnad-/);
  await expect(director.getByRole('link', { name: 'Ladda ner Word (DOCX)' })).toHaveAttribute('href', /dokument=hela/);
  await expectNoAxeViolations(director);
  await director.screenshot({ path: 'test-results/screens/document-desktop.png' });
  await director.setViewportSize({ width: 390, height: 844 });
  expect(await sidewaysScroll(director)).toEqual([]);
  await director.screenshot({ path: 'test-results/screens/document-phone.png' });
  await director.setViewportSize({ width: 1280, height: 800 });

  // Approval freezes it; a later edit is refused.
  await director.goto('/attest');
  await director.getByRole('button', { name: 'Attestera perioden' }).click();
  await director.getByRole('button', { name: 'Ja, attestera' }).click();
  await expect(director.getByText(/🔒 Attesterad och låst/)).toBeVisible();
  await hr.goto(textUrl);
  await expect(hr.getByText('Nämndens period är attesterad och låst. Inget kan ändras.')).toBeVisible();
  await expect(hr.getByRole('button', { name: 'Spara texten' })).toHaveCount(0);
  await director.goto('/rapport?dokument=hela');
  await expect(director.getByText(ANSWER)).toBeVisible();
  await expect(director.getByText(/Attesterad \d+ \w+ \d{4} av Karin Kommundirektör/).first()).toBeVisible();

  // Put the demo back: the admin reopens, and HR's text is the seed's again (a new version).
  await admin.goto('/attest');
  await admin.getByRole('button', { name: 'Öppna perioden igen' }).click();
  await admin.getByLabel('Skäl till att perioden öppnas igen').fill('Testet återställer demon.');
  await admin.getByRole('button', { name: 'Öppna perioden igen' }).click();
  await expect(admin.getByText(/Inte attesterad · Senast öppnad igen/)).toBeVisible();
  await hr.goto(textUrl);
  await hr.getByRole('textbox', { name: 'Text' }).fill(original);
  await hr.getByRole('button', { name: 'Spara texten' }).click();
  await expect(hr.getByText(/Texten är sparad som version \d+\./)).toBeVisible();
});

async function screenshotBoth(page: Page, name: string) {
  await page.screenshot({ path: `test-results/screens/${name}-desktop.png`, fullPage: false });
  await page.setViewportSize({ width: 390, height: 844 });
  expect(await sidewaysScroll(page)).toEqual([]);
  await page.screenshot({ path: `test-results/screens/${name}-phone.png`, fullPage: false });
  await page.setViewportSize({ width: 1280, height: 800 });
}

test('the admin sees the report template in the seed’s order and its pages pass axe', async ({ page }) => {
  await login(page, 'admin@askersund.example');
  await page.goto('/admin/rapportmall');
  const chapters = page.locator('main ol > li > h2');
  await expect(chapters).toHaveText([
    '1. Översikt över verksamhetens utveckling',
    '2. Mål och uppdrag',
    '3. Övergripande perspektiv',
    '4. Uppföljning av nämnds uppdrag till förvaltning',
    '5. Delårsresultat och prognos',
    '6. Investeringar',
    '7. Förväntad utveckling',
  ]);
  await expectNoAxeViolations(page);
  await screenshotBoth(page, 'report-template');

  // An empty template (helår) says what to do.
  await page.getByRole('link', { name: 'Helår' }).click();
  await expect(page.getByText('Mallen för helår har inga kapitel ännu. Lägg till det första kapitlet nedan.')).toBeVisible();
});

test('after a refused save the list of versions shows the newer version, and the typed text stays', async ({ browser }) => {
  const hr = await (await browser.newContext()).newPage();
  const admin = await (await browser.newContext()).newPage();
  await login(hr, 'hr-chef@askersund.example');
  await login(admin, 'admin@askersund.example');
  await hr.goto('/rapportering');
  await hr
    .getByRole('listitem')
    .filter({ hasText: 'Text i kapitlet Översikt över verksamhetens utveckling' })
    .getByRole('link', { name: 'HR', exact: true })
    .click();
  await expect(hr.getByRole('heading', { level: 1 })).toContainText('HR');
  const textUrl = hr.url();
  const original = await hr.getByRole('textbox', { name: 'Text' }).inputValue();
  const versions = (page: Page) => page.getByRole('complementary', { name: /^Versioner i / });

  // The admin saves a newer version while the HR-chef has the page open.
  const NEWER = 'Administratörens nyare version av HR-texten.';
  await admin.goto(textUrl);
  await admin.getByRole('textbox', { name: 'Text' }).fill(`${original}\n\n${NEWER}`);
  await admin.getByRole('button', { name: 'Spara texten' }).click();
  const saved = admin.getByText(/Texten är sparad som version \d+\./);
  await expect(saved).toBeVisible();
  const newerSeq = Number((await saved.textContent())!.match(/version (\d+)/)![1]);
  await expect(versions(hr)).not.toContainText(NEWER);

  // The HR-chef's save is refused: the notice names the newer version, the list shows it beside
  // the form (no reload), and the HR-chef's own text is still in the form.
  const MINE = 'HR-chefens egen ändring, skriven samtidigt.';
  await hr.getByRole('textbox', { name: 'Text' }).fill(`${original}\n\n${MINE}`);
  await hr.getByRole('button', { name: 'Spara texten' }).click();
  await expect(hr.getByRole('alert').filter({ hasText: 'Någon annan har sparat en nyare version' })).toContainText(`version ${newerSeq}`);
  await expect(versions(hr).getByRole('heading', { name: `Version ${newerSeq}`, exact: true })).toBeVisible();
  await expect(versions(hr)).toContainText(NEWER);
  await expect(hr.getByRole('textbox', { name: 'Text' })).toHaveValue(`${original}\n\n${MINE}`);
  await expectNoAxeViolations(hr);

  // Saved again knowingly (on the newer version): the demo's text is back, as a new version,
  // listed at once above the newer one.
  await hr.getByRole('textbox', { name: 'Text' }).fill(original);
  await hr.getByRole('button', { name: 'Spara texten' }).click();
  await expect(hr.getByText(`Texten är sparad som version ${newerSeq + 1}.`)).toBeVisible();
  await expect(versions(hr).getByRole('heading', { level: 3 }).first()).toHaveText(`Version ${newerSeq + 1}`);
  await expect(hr.getByRole('alert').filter({ hasText: 'Någon annan har sparat en nyare version' })).toHaveCount(0);
});
