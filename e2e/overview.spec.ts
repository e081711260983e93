import { expect, test } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { login } from './helpers';

test.describe('the overview of the open period', () => {
  test.beforeEach(async ({ page }) => {
    await login(page, 'ledamot@askersund.example');
  });

  test('shows the seed figures in Swedish format with words for colours and arrows', async ({ page }) => {
    await page.goto('/');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Översikt Delår 2024/);
    await expect(page.getByText('Perioden avser tiden till och med 31 augusti 2024.')).toBeVisible();

    const goal = (n: number) => page.getByRole('article', { name: `Kommunstyrelsens mål ${n}` });
    await expect(goal(1).getByText('Måluppfyllelse: Uppfyllt')).toBeVisible();
    await expect(goal(2).getByText('Måluppfyllelse: Ej mätt')).toBeVisible();
    await expect(goal(3).getByText('Måluppfyllelse: Ej uppfyllt')).toBeVisible();
    await expect(goal(4).getByText('Måluppfyllelse: Ej uppfyllt')).toBeVisible();

    const row = (name: string) => page.getByRole('row').filter({ has: page.getByRole('rowheader', { name }) });
    const sick = row('Sjukfrånvaro exkl. AME, procent');
    await expect(sick.getByRole('cell').nth(0)).toHaveText('Lägre än 5,00');
    await expect(sick.getByRole('cell').nth(1)).toHaveText('1,86');
    await expect(sick.getByText('Uppfyllt')).toBeVisible();
    await expect(sick.getByRole('img', { name: 'Bättre än året innan' })).toBeVisible();
    const ame = row('Sjukfrånvaro AME, procent');
    await expect(ame.getByRole('cell').nth(1)).toHaveText('6,59');
    await expect(ame.getByRole('img', { name: 'Bättre än året innan' })).toBeVisible();

    const hme = row('HME-resultat, index');
    await expect(hme.getByRole('cell').nth(0)).toHaveText('80 eller högre');
    await expect(hme.getByText('Ej mätt')).toBeVisible();
    await expect(hme.getByText(/Mätningen för 2024 genomförs under hösten/)).toBeVisible();

    await expect(row('Andel deltagare som går vidare till arbete eller studier, procent').getByRole('cell').nth(1)).toHaveText('15');
    await expect(row('Elever som klarar minst två kurser, procent').getByRole('cell').nth(1)).toHaveText('58');
    const rank = row('Den öppna arbetslösheten bland utrikes födda i kommunen ska vara bland de 25 % lägsta i länet.');
    await expect(rank.getByRole('cell').nth(1)).toHaveText('33');
    await expect(rank.getByText('Ej uppfyllt')).toBeVisible();

    const mo3 = page.getByRole('region', { name: 'Målområde 3 – Tillväxt och demografi' });
    await expect(mo3.getByText('Vi är en attraktiv kommun att arbeta och leva i.')).toBeVisible();
    await expect(mo3.getByText(/^Det finns inget mål angivet för kommunstyrelsen avseende detta\./)).toBeVisible();
  });

  test('has no accessibility violations (axe, WCAG 2.1 AA)', async ({ page }) => {
    await page.goto('/');
    const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`)).toEqual([]);
  });
});
