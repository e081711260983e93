// The core jobs with the keyboard alone: log in, report a value with an analysis,
// klarmarkera, send back and approve (and the admin's reopening, which puts the demo back for
// the other specs). Only the first address is typed (page.goto); everything after it is Tab,
// Shift+Tab, Enter and typed text. axe checks the error states on the way, at 390 and 1366 px.
import { expect, test, type Locator, type Page } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { DEMO_PASSWORD, tabTo } from './helpers';

const SICK_LEAVE = 'Sjukfrånvaro exkl. AME, procent';

async function expectNoAxeViolationsAtBothWidths(page: Page) {
  for (const size of [{ width: 390, height: 844 }, { width: 1366, height: 900 }]) {
    await page.setViewportSize(size);
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${size.width} px ${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  }
}

async function keyboardLogin(page: Page, email: string) {
  await page.goto('/logga-in');
  await tabTo(page, page.getByLabel('E-postadress'));
  await page.keyboard.type(email);
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Lösenord')).toBeFocused();
  await page.keyboard.type(DEMO_PASSWORD);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(/\/$/);
}

/** Follows a link with the keyboard. */
async function follow(page: Page, link: Locator) {
  await tabTo(page, link);
  await page.keyboard.press('Enter');
}

test.describe.configure({ timeout: 5 * 60_000 });

test('report, klarmarkera, send back, approve and reopen with the keyboard alone', async ({ browser }) => {
  const hrContext = await browser.newContext();
  const hr = await hrContext.newPage();
  const directorContext = await browser.newContext();
  const director = await directorContext.newPage();
  const adminContext = await browser.newContext();
  const admin = await adminContext.newPage();

  // The HR-chef logs in and reports 1,86 with an analysis.
  await keyboardLogin(hr, 'hr-chef@askersund.example');
  await follow(hr, hr.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Min rapportering' }));
  await expect(hr).toHaveURL(/\/rapportering$/);
  await follow(hr, hr.getByRole('link', { name: SICK_LEAVE }));
  await expect(hr.getByRole('heading', { level: 1 })).toHaveText(SICK_LEAVE);
  const outcome = hr.getByLabel(/^Utfall/);
  const analysis = hr.getByLabel(/^Analys/);
  const save = hr.getByRole('button', { name: 'Spara', exact: true });
  await tabTo(hr, outcome);
  await hr.keyboard.press('ControlOrMeta+a');
  await hr.keyboard.type('fem');
  await tabTo(hr, save);
  await hr.keyboard.press('Enter');
  await expect(hr.getByText('Ange ett tal, till exempel 1,86.')).toBeVisible();
  await expect(outcome).toHaveAttribute('aria-invalid', 'true');
  await expectNoAxeViolationsAtBothWidths(hr); // the form with an error
  await tabTo(hr, outcome, 'Shift+Tab');
  await hr.keyboard.press('ControlOrMeta+a');
  await hr.keyboard.type('1,86');
  await tabTo(hr, analysis);
  await hr.keyboard.press('ControlOrMeta+a');
  await hr.keyboard.type('Sjukfrånvaron är låg, rapporterat med tangentbordet.');
  await tabTo(hr, save);
  await hr.keyboard.press('Enter');
  await expect(hr.getByText(/Sparat som version \d+\. Måluppfyllelse: Uppfyllt\./)).toBeVisible();

  // Klarmarkering.
  await follow(hr, hr.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Min rapportering' }));
  const readiness = hr.getByRole('region', { name: 'Klarmarkering' });
  // Not everything is reported: a reason is needed, typed in its field.
  await tabTo(hr, readiness.getByLabel('Skäl till klarmarkering fast allt inte är rapporterat'));
  await hr.keyboard.type('Resten rapporteras i helårsbokslutet.');
  await tabTo(hr, readiness.getByRole('button', { name: 'Markera som klar' }));
  await hr.keyboard.press('Enter');
  await expect(readiness).toContainText('✓ Markerad som klar');

  // The director sends the item back from its form: first without a comment (an error), then with one.
  await keyboardLogin(director, 'kommundirektor@askersund.example');
  await follow(director, director.getByRole('link', { name: SICK_LEAVE }).first());
  await expect(director).toHaveURL(/\/historik\/matt\//);
  await director.goto(director.url().replace('/historik/matt/', '/rapportering/matt/'));
  const sendBack = director.getByRole('region', { name: 'Skicka tillbaka för komplettering' });
  await tabTo(director, sendBack.getByRole('button', { name: 'Skicka tillbaka' }));
  await director.keyboard.press('Enter');
  await expect(sendBack.getByText('Skriv vad som behöver kompletteras.')).toBeVisible();
  await expectNoAxeViolationsAtBothWidths(director);
  await tabTo(director, sendBack.getByLabel('Vad behöver kompletteras?'), 'Shift+Tab');
  await director.keyboard.type('Jämför med förra året.');
  await director.keyboard.press('Tab');
  await expect(sendBack.getByRole('button', { name: 'Skicka tillbaka' })).toBeFocused();
  await director.keyboard.press('Enter');
  await expect(sendBack.getByText('Skickat tillbaka. Enheten ser kommentaren i Min rapportering.')).toBeVisible();
  await hr.reload();
  await expect(hr.getByRole('listitem').filter({ hasText: SICK_LEAVE }).first()).toContainText('Jämför med förra året.');
  await expect(hr.getByRole('region', { name: 'Klarmarkering' })).toContainText('Inte markerad som klar');

  // Approval: the question takes the focus, Enter answers it.
  await follow(director, director.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Attest' }));
  await expect(director.getByRole('heading', { name: 'Kommunstyrelsens delår 2024' })).toBeVisible();
  await tabTo(director, director.getByRole('button', { name: 'Attestera perioden' }));
  await director.keyboard.press('Enter');
  await expect(director.getByRole('button', { name: 'Ja, attestera' })).toBeFocused();
  await director.keyboard.press('Enter');
  await expect(director.getByText(/🔒 Attesterad och låst · Senast attesterad av Karin Kommundirektör/)).toBeVisible();

  // The admin reopens it (an error first: no reason), which leaves the demo open again.
  await keyboardLogin(admin, 'admin@askersund.example');
  await follow(admin, admin.getByRole('navigation', { name: 'Huvudmeny' }).getByRole('link', { name: 'Attest' }));
  const reopen = admin.getByRole('button', { name: 'Öppna perioden igen' });
  await tabTo(admin, reopen);
  await admin.keyboard.press('Enter');
  await expect(admin.getByText('Ange varför perioden öppnas igen.')).toBeVisible();
  await expectNoAxeViolationsAtBothWidths(admin);
  await tabTo(admin, admin.getByLabel('Skäl till att perioden öppnas igen'), 'Shift+Tab');
  await admin.keyboard.type('Prov med tangentbordet.');
  await tabTo(admin, reopen);
  await admin.keyboard.press('Enter');
  await expect(admin.getByText(/Inte attesterad · Senast öppnad igen av Sara Systemförvaltare/)).toBeVisible();

  // The item the director sent back is answered, so the demo is as the other specs expect it.
  await follow(hr, hr.getByRole('link', { name: SICK_LEAVE }).first());
  await tabTo(hr, hr.getByLabel(/^Analys/));
  await hr.keyboard.press('ControlOrMeta+a');
  await hr.keyboard.type('Lägre än förra årets 2,10.');
  await tabTo(hr, hr.getByRole('button', { name: 'Spara', exact: true }));
  await hr.keyboard.press('Enter');
  await expect(hr.getByText(/Sparat som version \d+/)).toBeVisible();

  await hrContext.close();
  await directorContext.close();
  await adminContext.close();
});
