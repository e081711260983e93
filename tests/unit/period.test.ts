import { describe, expect, it } from 'vitest';
import { formatDate, periodLabel, periodStateLabel } from '@/lib/period';
import { boardGoalTitle, genitive } from '@/lib/swedish-text';

describe('period labels', () => {
  it.each([
    ['T1', 2024, 'Tertial 1 2024'],
    ['delar', 2024, 'Delår 2024'],
    ['helar', 2025, 'Helår 2025'],
  ] as const)('%s %i → %s', (kind, year, label) => {
    expect(periodLabel(kind, year)).toBe(label);
  });

  it('names the states in Swedish', () => {
    expect(periodStateLabel('open')).toBe('Öppen för rapportering');
    expect(periodStateLabel('closed')).toBe('Stängd');
  });

  it.each([
    ['2024-08-31', '31 augusti 2024'],
    ['2024-01-01', '1 januari 2024'],
    ['2024-12-31', '31 december 2024'],
  ])('formats %s as %s whatever the time zone', (iso, text) => {
    expect(formatDate(iso)).toBe(text);
  });

  it('refuses what is not an ISO date', () => {
    expect(() => formatDate('31/8')).toThrow();
  });
});

describe('Swedish genitive', () => {
  it.each([
    ['Kommunstyrelsen', 'Kommunstyrelsens'],
    ['Socialnämnden', 'Socialnämndens'],
    ['Sydnärkes utbildningsförbund', 'Sydnärkes utbildningsförbunds'],
    ['Kultur och fritid', 'Kultur och fritids'],
    ['Tekniska förvaltningens nämnd', 'Tekniska förvaltningens nämnds'],
    ['Vux', 'Vux'],
  ])('%s → %s', (name, gen) => {
    expect(genitive(name)).toBe(gen);
  });

  it('titles a board goal as the seed does', () => {
    expect(boardGoalTitle('Kommunstyrelsen', 1)).toBe('Kommunstyrelsens mål 1');
  });
});
