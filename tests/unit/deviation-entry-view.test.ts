import { describe, expect, it } from 'vitest';
import { deviationEntryView } from '@/lib/deviation-entry-view';
import type { DeviationDTO } from '@/lib/deviations';

const base = {
  itemId: 'i1',
  title: 'Sjukfrånvaro exkl. AME',
  context: 'Mått under Kommunstyrelsens mål 1',
  unitId: 'hr',
  unitName: 'HR-avdelningen',
  href: '/rapportering/matt/i1?period=p',
};

describe('deviationEntryView', () => {
  it('gives an indicator that misses its target its words, link, colour and trend (also no trend), and nothing empty', () => {
    const entry: DeviationDTO = { ...base, kind: 'indicator_not_met', detail: 'Utfall: 6,2 procent.', colour: 'red', trend: null, outcome: '6,2', targetLabel: 'Lägre än 5,00' };
    expect(deviationEntryView(entry)).toEqual({
      key: 'indicator_not_met-i1-hr-',
      context: 'Mått under Kommunstyrelsens mål 1',
      responsible: 'HR-avdelningen',
      title: 'Sjukfrånvaro exkl. AME',
      href: '/rapportering/matt/i1?period=p',
      detail: 'Utfall: 6,2 procent.',
      colour: 'red',
      trend: null,
    });
    expect(deviationEntryView({ ...entry, trend: 'worse' }).trend).toBe('worse');
  });

  it('shows no trend for other kinds, no unit for a unit, and the forecast and delay where given', () => {
    const goal: DeviationDTO = { ...base, kind: 'goal_not_met', detail: 'Bedömning: ej uppfyllt.', colour: 'red', forecastColour: 'yellow' };
    expect(deviationEntryView(goal)).toMatchObject({ colour: 'red', forecastColour: 'yellow' });
    expect(deviationEntryView(goal)).not.toHaveProperty('trend');
    const unit: DeviationDTO = { ...base, kind: 'unit_not_ready', itemId: 'hr', title: 'HR-avdelningen', context: 'Klarmarkering', detail: 'Inte klarmarkerad.' };
    expect(deviationEntryView(unit)).toMatchObject({ context: 'Klarmarkering' });
    expect(deviationEntryView(unit)).not.toHaveProperty('responsible');
    const late: DeviationDTO = { ...base, kind: 'assignment_overdue_or_unreported', detail: 'Försenat.', overdue: true, missingReport: false };
    expect(deviationEntryView(late)).toMatchObject({ overdue: true, detail: 'Försenat.' });
    expect(deviationEntryView({ ...late, overdue: false })).not.toHaveProperty('overdue');
  });

  it('gives an item sent back the comment and who sent it when, in Swedish time, instead of the detail', () => {
    const entry: DeviationDTO = {
      ...base,
      kind: 'sent_back',
      detail: 'Skickat tillbaka …',
      sentBack: { comment: 'Komplettera analysen.', authorName: 'Karin Kommundirektör', createdAt: '2024-09-02T08:28:00.000Z', itemKind: 'indicator' },
    };
    const view = deviationEntryView(entry);
    expect(view.key).toBe('sent_back-i1-hr-2024-09-02T08:28:00.000Z');
    expect(view.sentBack).toEqual({ comment: 'Komplettera analysen.', authorName: 'Karin Kommundirektör', at: '2 september 2024 kl. 10:28' });
    expect(view).not.toHaveProperty('detail');
  });
});
