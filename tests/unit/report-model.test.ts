// A målområde's outline: its parts in order (derived for a report stored before parts
// existed), when sub-areas get headings, when the seed's "Uppdrag" heading is written.
import { describe, expect, it } from 'vitest';
import { areaParts, assignmentsHeading, focusAreaHeading, legendColours, subAreaHeadings } from '@/lib/report-model';
import { reportFixture } from '../support/report-fixture';

describe('report outline helpers', () => {
  it('derives the parts of a stored report without them: the målområde’s own first, then sub-areas', () => {
    const [mo1, , , mo4] = reportFixture().focusAreas;
    expect(areaParts(mo1!)).toEqual([{ subArea: null, goals: [0, 1], councilAssignments: [] }]);
    const { parts: _parts, ...old } = mo4!;
    expect(areaParts(old)).toEqual([
      { subArea: 'Integration', goals: [0], councilAssignments: [] },
      { subArea: 'Digitalisering', goals: [], councilAssignments: [0] },
    ]);
    // As built, the plan's order wins.
    expect(areaParts(mo4!).map((p) => p.subArea)).toEqual(['Digitalisering', 'Integration']);
  });

  it('heads sub-areas only where the målområde is wholly divided into them', () => {
    expect(subAreaHeadings([{ subArea: 'Digitalisering', goals: [], councilAssignments: [0] }, { subArea: 'Integration', goals: [0], councilAssignments: [] }])).toBe(true);
    expect(subAreaHeadings([{ subArea: null, goals: [0], councilAssignments: [] }, { subArea: 'Social omsorg', goals: [], councilAssignments: [0] }])).toBe(false);
    expect(subAreaHeadings([])).toBe(false);
  });

  it('writes "Uppdrag" where a målområde without goals has KF-mål or notes before its assignments', () => {
    const [mo1, , mo3] = reportFixture().focusAreas;
    expect(assignmentsHeading(mo1!)).toBe(false);
    expect(assignmentsHeading({ ...mo3!, councilAssignments: [{ focusAreaLabel: 'x', title: 'y', status: null, reports: [] }] })).toBe(true);
    expect(assignmentsHeading({ ...mo3!, councilGoals: [], notes: [], councilAssignments: [{ focusAreaLabel: 'x', title: 'y', status: null, reports: [] }] })).toBe(false);
  });

  it('names a målområde as the seed does, and lists grey in the legend only when asked', () => {
    expect(focusAreaHeading({ number: 1, name: 'god ekonomisk hushållning' })).toBe('Målområde 1 - god ekonomisk hushållning');
    expect(focusAreaHeading({ number: null, name: 'Övrigt' })).toBe('Övrigt');
    expect(legendColours({ greyLegend: false }).map((c) => c.colour)).toEqual(['red', 'yellow', 'green']);
    expect(legendColours({ greyLegend: true }).map((c) => c.colour)).toEqual(['red', 'yellow', 'green', 'grey']);
  });
});
