import { describe, expect, it } from 'vitest';
import { indicatorRowView } from '@/lib/indicator-row-view';
import type { IndicatorRowDTO } from '@/lib/overview-parts';

const row = (over: Partial<IndicatorRowDTO> = {}): IndicatorRowDTO => ({
  id: 'i1',
  name: 'Sjukfrånvaro exkl. AME',
  targetLabel: 'Lägre än 5,00',
  decimals: 2,
  outcome: 1.86,
  referenceNote: null,
  colour: 'green',
  trend: 'better',
  colourChoice: null,
  trendChoice: null,
  analysis: null,
  reported: true,
  responsibleUnitId: 'hr',
  ...over,
});

describe('indicatorRowView', () => {
  it('gives the row its words as the overview shows them, and leaves out what is empty', () => {
    expect(indicatorRowView(row(), false)).toEqual({ id: 'i1', name: 'Sjukfrånvaro exkl. AME', target: 'Lägre än 5,00', outcome: '1,86', colour: 'green', trend: 'better' });
  });

  it('marks no outcome, no trend, not reported and the editor’s own row by leaving out or adding a field', () => {
    expect(indicatorRowView(row({ outcome: null, trend: null, reported: false, colour: 'grey' }), true)).toEqual({
      id: 'i1',
      name: 'Sjukfrånvaro exkl. AME',
      target: 'Lägre än 5,00',
      colour: 'grey',
      notReported: true,
      mine: true,
    });
  });

  it('keeps the reporter’s choices with their justification, also an empty one, and the reference note', () => {
    const view = indicatorRowView(row({ colourChoice: { justification: '' }, trendChoice: { justification: 'Mätt på annat sätt.' }, referenceNote: 'Avser 2023' }), false);
    expect(view).toMatchObject({ colourChoice: '', trendChoice: 'Mätt på annat sätt.', referenceNote: 'Avser 2023' });
    expect(indicatorRowView(row({ colourChoice: undefined }), false)).not.toHaveProperty('colourChoice');
  });
});
