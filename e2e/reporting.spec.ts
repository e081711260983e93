// A unit manager's daily work: reporting values with live colour and trend, the rules a
// save must meet, conflicts between two browsers, other units' items, and locks.
import { expect, test, type Browser, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { login } from './helpers';

const SICK_LEAVE = 'Sjukfrånvaro exkl. AME, procent';

async function expectNoAxeViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
}

async function openSickLeave(page: Page) {
  await page.goto('/rapportering');
  await page.getByRole('link', { name: SICK_LEAVE }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(SICK_LEAVE);
}

async function asHr(browser: Browser) {
  const context = await browser.newContext();
  const page = await context.newPage();
  await login(page, 'hr-chef@askersund.example');
  return { context, page };
}

const outcome = (page: Page) => page.getByLabel(/^Utfall/);
const analysis = (page: Page) => page.getByLabel(/^Analys/);
const save = (page: Page) => page.getByRole('button', { name: 'Spara', exact: true });

test('the HR-chef sees what is hers, reports 1,86 and sees Uppfyllt with the arrow up against last year', async ({ page }) => {
  await login(page, 'hr-chef@askersund.example');
  await page.getByRole('link', { name: 'Min rapportering' }).click();
  await expect(page.getByRole('heading', { name: /\d+ av 6 rapporterade/ })).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: SICK_LEAVE }).click();
  await expect(page.getByText('Samma period förra året (Delår 2023)')).toBeVisible();
  await outcome(page).fill('1,86');
  const status = page.locator('[aria-live="polite"]').filter({ hasText: 'Beräknad måluppfyllelse' });
  await expect(status).toContainText('Uppfyllt');
  await expect(status.getByRole('img', { name: 'Bättre än året innan' })).toBeVisible();
  await expect(status).toContainText('jämfört med Delår 2023: 2,10');
  // By keyboard: focus stays on the button through the save, where the user left it (a
  // disabled button would drop it to the start of the page).
  await save(page).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByText(/Sparat som version \d+\. Måluppfyllelse: Uppfyllt\./)).toBeVisible();
  await expect(save(page)).toBeFocused();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Visa historik och diagram' }).click();
  await expect(page.getByRole('table', { name: 'Utfall per period' })).toContainText('Delår 2023');
  await expect(page.getByRole('table', { name: 'Utfall per period' })).toContainText('2,10');
  await expectNoAxeViolations(page);
});

test('5,5 cannot be saved without an analysis, and nothing typed is lost', async ({ page }) => {
  await login(page, 'hr-chef@askersund.example');
  await openSickLeave(page);
  await outcome(page).fill('5,5');
  await analysis(page).fill(''); // an earlier spec may have saved an analysis
  await expect(page.locator('[aria-live="polite"]').filter({ hasText: 'Beräknad måluppfyllelse' })).toContainText('Ej uppfyllt');
  await save(page).click();
  await expect(page.getByText('Skriv en analys. Den krävs när måluppfyllelsen inte är grön.')).toBeVisible();
  await expect(analysis(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(outcome(page)).toHaveValue('5,5');
  await expectNoAxeViolations(page);

  // Text in the number is refused in Swedish while typing.
  await outcome(page).fill('fem');
  await expect(page.getByText('Ange ett tal, till exempel 1,86.')).toBeVisible();

  // Back to the seed's value, with an analysis kept as typed.
  await outcome(page).fill('1,86');
  await analysis(page).fill('Sjukfrånvaron är låg.');
  await save(page).click();
  await expect(page.getByText(/Sparat som version \d+/)).toBeVisible();
  await expect(analysis(page)).toHaveValue('Sjukfrånvaron är låg.');
});

test('two browsers edit the same indicator: the second gets the conflict with its text intact', async ({ browser }) => {
  const first = await asHr(browser);
  const second = await asHr(browser);
  await openSickLeave(first.page);
  await openSickLeave(second.page);

  await outcome(first.page).fill('1,90');
  await analysis(first.page).fill('Första webbläsarens analys.');
  await save(first.page).click();
  await expect(first.page.getByText(/Sparat som version/)).toBeVisible();

  await outcome(second.page).fill('1,95');
  await analysis(second.page).fill('Andra webbläsarens analys, som inte får försvinna.');
  await save(second.page).click();
  const conflict = second.page.getByRole('alert').filter({ hasText: 'Någon annan har sparat en nyare version' });
  await expect(conflict).toContainText('Helena HR-chef sparade version');
  await expect(conflict).toContainText('Utfall 1,90');
  await expect(conflict).toContainText('Första webbläsarens analys.');
  await expect(outcome(second.page)).toHaveValue('1,95');
  await expect(analysis(second.page)).toHaveValue('Andra webbläsarens analys, som inte får försvinna.');
  await expectNoAxeViolations(second.page);

  // Having seen the newer version, the second browser saves knowingly.
  await outcome(second.page).fill('1,86');
  await save(second.page).click();
  await expect(second.page.getByText(/Sparat som version \d+/)).toBeVisible();
  await first.context.close();
  await second.context.close();
});

test("the AME-chef can read but not report on HR's items, and a crafted post is refused", async ({ browser }) => {
  const hr = await asHr(browser);
  await openSickLeave(hr.page);
  const formUrl = hr.page.url();

  const ameContext = await browser.newContext();
  const ame = await ameContext.newPage();
  await login(ame, 'ame-chef@askersund.example');
  await ame.goto(formUrl);
  await expect(ame.getByText('Endast läsning.')).toBeVisible();
  await expect(ame.getByText(/Det rapporteras av HR-avdelningen/)).toBeVisible();
  await expect(save(ame)).toHaveCount(0);

  // The HR form, posted with the AME-chef's session: the server refuses it.
  await hr.context.clearCookies();
  await hr.context.addCookies(await ameContext.cookies());
  await outcome(hr.page).fill('9,99');
  await analysis(hr.page).fill('Inte min enhet.');
  await save(hr.page).click();
  await expect(hr.page.getByText('Det du söker finns inte, eller så saknar du behörighet till det.')).toBeVisible();
  await ame.goto(formUrl);
  await expect(ame.getByRole('main')).not.toContainText('9,99');
  await hr.context.close();
  await ameContext.close();
});

test('a closed period is read-only everywhere, and a post into it is refused', async ({ page }) => {
  await login(page, 'hr-chef@askersund.example');
  await page.goto('/rapportering');
  await page.getByLabel('Period').selectOption({ label: 'Tertial 1 2024 (stängd)' });
  await page.getByRole('button', { name: 'Visa' }).click();
  await expect(page.getByText('Perioden är inte öppen för rapportering')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Markera som klar' })).toHaveCount(0);
  await page.getByRole('link', { name: SICK_LEAVE }).click();
  await expect(page.getByText('Perioden är stängd för rapportering. Inget kan ändras.')).toBeVisible();
  await expect(save(page)).toHaveCount(0);
  const closedPeriodId = new URL(page.url()).searchParams.get('period')!;

  // The open period's form, altered to post into the closed period.
  await openSickLeave(page);
  await outcome(page).fill('3,33');
  await analysis(page).fill('Försök att skriva i en stängd period.');
  await page.locator('input[name="periodId"]').evaluate((input, id) => ((input as HTMLInputElement).value = id), closedPeriodId);
  await save(page).click();
  await expect(page.getByText('Det du söker finns inte, eller så saknar du behörighet till det.')).toBeVisible();
});

test('klarmarkering: with items missing HR must give a reason; it marks its part ready and takes it back', async ({ page }) => {
  await login(page, 'hr-chef@askersund.example');
  await page.goto('/rapportering');
  const section = page.getByRole('region', { name: 'Klarmarkering' });
  await expect(section).toContainText(/poster? saknar rapportering/);
  await section.getByRole('button', { name: 'Markera som klar' }).click();
  const reason = section.getByLabel('Skäl till klarmarkering fast allt inte är rapporterat');
  await expect(section.getByText(/Skriv varför enheten ändå är klar/).first()).toBeVisible();
  await expect(reason).toHaveAttribute('aria-invalid', 'true');
  await expect(section).toContainText('Inte markerad som klar');
  await reason.fill('Målen bedöms först i helårsbokslutet.');
  await section.getByRole('button', { name: 'Markera som klar' }).click();
  await expect(section).toContainText('✓ Markerad som klar');
  await expect(section).toContainText('Skäl: Målen bedöms först i helårsbokslutet.');
  await section.getByRole('button', { name: 'Ta tillbaka klarmarkeringen' }).click();
  await expect(section).toContainText('Inte markerad som klar');
});

test('a goal is assessed with its computed attainment and a forecast for the full year', async ({ page }) => {
  await login(page, 'hr-chef@askersund.example');
  await page.goto('/rapportering');
  await page.getByRole('link', { name: /^Kommunstyrelsens mål 1:/ }).click();
  await expect(page.getByText('Beräknad måluppfyllelse enligt målets regel:')).toContainText('Uppfyllt');
  await page.getByRole('button', { name: 'Spara bedömningen' }).click();
  await expect(page.getByText('Välj en prognos för helåret.')).toBeVisible();
  await page.getByLabel('Prognos för helåret').selectOption({ label: 'Uppfyllt' });
  await page.getByRole('button', { name: 'Spara bedömningen' }).click();
  await expect(page.getByText(/Bedömningen är sparad som version 1\./)).toBeVisible();
  await expectNoAxeViolations(page);
});

test('the admin reports for any unit: an assignment report needs a status and its text; försenat is never a choice', async ({ page }) => {
  await login(page, 'admin@askersund.example');
  await page.goto('/rapportering');
  await expect(page.getByText('Välj en enhet för att se och rapportera det den ansvarar för.')).toBeVisible();
  await page.getByLabel('Rapportera för enhet').selectOption({ label: '\u00a0\u00a0Kommunledningsförvaltningen' });
  await page.getByRole('button', { name: 'Visa' }).click();
  await page.getByRole('link', { name: 'Färdigställa styrmodellen för Askersunds kommun.' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Färdigställa styrmodellen för Askersunds kommun.');
  const status = page.getByLabel('Status');
  await expect(status.locator('option')).toHaveText(['Välj status …', 'Ej påbörjat', 'Pågår', 'Genomfört', 'Avfört']);
  await status.selectOption({ label: 'Avfört' });
  await page.getByRole('button', { name: 'Spara återrapporteringen' }).click();
  await expect(page.getByText('Ange skälet till att uppdraget avförs.')).toBeVisible();
  await status.selectOption({ label: 'Pågår' });
  await page.getByRole('button', { name: 'Spara återrapporteringen' }).click();
  await expect(page.getByText(/Återrapporteringen är sparad som version 2\./)).toBeVisible();
  await expectNoAxeViolations(page);

  await page.getByRole('link', { name: 'Visa alla versioner' }).click();
  const newest = page.getByRole('listitem').filter({ hasText: 'Delår 2024, Kommunledningsförvaltningen, version 2' });
  await expect(newest).toContainText('Status: Pågår');
  await expect(newest).toContainText('ändringar mot version 1');
  await expectNoAxeViolations(page);
});
