// Unit names in running text: the seed's "Adressering: Sydnärkes utbildningsförbund,
// kommunledningsförvaltningen" (Swedish writes an organ's definite common name in lower case).
import { describe, expect, it } from 'vitest';
import { nameInRunningText, nameList } from '@/lib/swedish-text';

describe('names in running text', () => {
  it('lower-cases a definite common name and keeps proper names and inner capitals', () => {
    expect(nameInRunningText('Kommunledningsförvaltningen')).toBe('kommunledningsförvaltningen');
    expect(nameInRunningText('Arbetsmarknadsenheten')).toBe('arbetsmarknadsenheten');
    expect(nameInRunningText('Socialnämnden')).toBe('socialnämnden');
    expect(nameInRunningText('HR-avdelningen')).toBe('HR-avdelningen');
    expect(nameInRunningText('Sydnärkes utbildningsförbund')).toBe('Sydnärkes utbildningsförbund');
    expect(nameInRunningText('Sydnärke IT')).toBe('Sydnärke IT');
    expect(nameInRunningText('Utvecklingsstaben')).toBe('utvecklingsstaben');
  });

  it('writes the first name of a list as it is and the rest in running text', () => {
    expect(nameList(['Sydnärkes utbildningsförbund', 'Kommunledningsförvaltningen'])).toBe(
      'Sydnärkes utbildningsförbund, kommunledningsförvaltningen',
    );
    expect(nameList(['Kommunledningsförvaltningen', 'HR-avdelningen'])).toBe('Kommunledningsförvaltningen, HR-avdelningen');
  });
});
