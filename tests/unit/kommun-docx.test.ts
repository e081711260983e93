// The kommun's report as one DOCX (buildKommunDocumentDocx): the cover, the introduction, the
// rollup with words for every colour, then each board in the given order under a Heading 1 with
// its approval, its chapters one level below (Heading 2) and their parts below those; the
// preliminary notice while any board is not approved, and none when every board is.
import { describe, expect, it } from 'vitest';
import JSZip from 'jszip';
import { buildKommunDocumentDocx } from '@/lib/report-docx';
import type { KommunDocumentModel, KommunBoardSection } from '@/lib/kommun-document';
import type { FocusAreaDTO } from '@/lib/overview';
import { reportFixture } from '../support/report-fixture';

const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
async function parts(buffer: Buffer) {
  const zip = await JSZip.loadAsync(buffer);
  const xml = await zip.file('word/document.xml')!.async('string');
  const header = await zip.file('word/header1.xml')!.async('string');
  const paragraphs = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1] ?? null,
    text: unescape([...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
  }));
  return { paragraphs, header };
}

function board(name: string, approved: boolean, text: string): KommunBoardSection {
  const report = reportFixture({ boardName: name, preliminary: !approved, approvedAt: approved ? '2024-09-20T10:15:00.000Z' : undefined });
  return {
    boardId: name,
    boardName: name,
    approval: approved ? { approvedAt: '2024-09-20T10:15:00.000Z', approvedBy: 'Karin Kommundirektör' } : null,
    document: {
      version: 1,
      organizationName: 'Askersunds kommun',
      report,
      chapters: [
        { kind: 'narrative', title: 'Översikt över verksamhetens utveckling', parts: [{ partId: `${name}-p`, heading: 'Verksamheten', unitName: 'Förvaltningen', body: text }], extra: [] },
        { kind: 'overall_perspective', title: 'Övergripande perspektiv', parts: [], extra: [] },
      ],
    },
  };
}

const area = {
  id: 'a1',
  number: 1,
  name: 'God ekonomisk hushållning',
  rollup: { goals: { green: 2, yellow: 1, red: 0, grey: 1 }, total: 4, met: 2, metText: '2 av 4 mål uppfyllda', assignments: { not_started: 0, in_progress: 1, done: 0, cancelled: 0, none: 0 }, overdue: 0 },
  assignments: [{}],
} as unknown as FocusAreaDTO;

function kommun(overrides: Partial<KommunDocumentModel> = {}): KommunDocumentModel {
  return {
    organizationName: 'Askersunds kommun',
    period: { id: 'p', year: 2024, kind: 'delar', endDate: '2024-08-31', deadline: null, state: 'open', label: 'Delår 2024' },
    intro: '## Året i korthet\n\nKommunen har en **stabil** ekonomi.',
    rollup: { areas: [area], lastYearLabel: null },
    boards: [board('Tekniska nämnden', false, 'Gatorna är plogade.'), board('Kommunstyrelsen', true, 'Styrelsen leder arbetet.')],
    leftOut: [{ id: 'sn', name: 'Socialnämnden' }],
    ...overrides,
  };
}

describe('buildKommunDocumentDocx', () => {
  it('lays out the introduction, the rollup and each board in order, chapters one level below the board', async () => {
    const { paragraphs } = await parts(await buildKommunDocumentDocx(kommun()));
    const outline = paragraphs.filter((p) => p.style?.startsWith('Heading')).map((p) => `${p.style}:${p.text}`);
    expect(outline).toEqual([
      'Heading1:Inledning',
      'Heading2:Året i korthet',
      'Heading1:Måluppfyllelse per målområde',
      'Heading1:Tekniska nämnden',
      'Heading2:Översikt över verksamhetens utveckling',
      'Heading3:Verksamheten',
      'Heading2:Övergripande perspektiv',
      'Heading1:Kommunstyrelsen',
      'Heading2:Översikt över verksamhetens utveckling',
      'Heading3:Verksamheten',
      'Heading2:Övergripande perspektiv',
    ]);
    const texts = paragraphs.map((p) => p.text);
    expect(texts).toContain('Kommunen har en stabil ekonomi.');
    expect(texts).not.toContain('Socialnämnden');
    // The rollup names every colour in words, beside its count.
    for (const word of ['Måluppfyllelse', 'Uppfyllt', 'Delvis uppfyllt', 'Ej uppfyllt', 'Ej mätt', 'Uppdrag', '2 av 4 mål uppfyllda']) expect(texts).toContain(word);
    const heading1 = (text: string) => paragraphs.findIndex((p) => p.style === 'Heading1' && p.text === text);
    const tn = heading1('Tekniska nämnden');
    expect(texts.slice(tn + 1, tn + 3)).toEqual(['Ej attesterad', 'Preliminär. Nämndens period är inte attesterad och texten kan ändras.']);
    const ks = heading1('Kommunstyrelsen');
    expect(texts[ks + 1]).toBe('Attesterad 20 september 2024 av Karin Kommundirektör');
    expect(texts.indexOf('Gatorna är plogade.')).toBeLessThan(ks);
    expect(texts.indexOf('Styrelsen leder arbetet.')).toBeGreaterThan(ks);
  });

  it('is marked preliminary on the cover and in the running header while a board is not approved, and not when all are', async () => {
    const preliminary = await parts(await buildKommunDocumentDocx(kommun()));
    expect(preliminary.paragraphs[2]!.text).toBe('PRELIMINÄR – INTE ALLA NÄMNDER ÄR ATTESTERADE');
    expect(preliminary.header).toContain('PRELIMINÄR – INTE ALLA NÄMNDER ÄR ATTESTERADE');
    const approved = await parts(await buildKommunDocumentDocx(kommun({ boards: [board('Kommunstyrelsen', true, 'Text.')] })));
    expect(approved.paragraphs.map((p) => p.text).join('\n')).not.toMatch(/PRELIMINÄR|Ej attesterad/i);
    expect(approved.header).not.toContain('PRELIMINÄR');
  });

  it('says in one line that a board has reported nothing, instead of its empty chapter headings', async () => {
    const empty = board('Kultur- och fritidsnämnden', false, '');
    empty.document = {
      ...empty.document,
      report: { ...empty.document.report, intro: null, focusAreas: [], sections: [], boardAssignments: { intro: null, groups: [] } },
      chapters: empty.document.chapters.map((c) => ({ ...c, parts: c.parts.map((p) => ({ ...p, body: null })) })),
    };
    const { paragraphs } = await parts(await buildKommunDocumentDocx(kommun({ boards: [empty, board('Kommunstyrelsen', true, 'Styrelsen leder arbetet.')] })));
    const outline = paragraphs.filter((p) => p.style?.startsWith('Heading')).map((p) => `${p.style}:${p.text}`);
    expect(outline).toEqual([
      'Heading1:Inledning',
      'Heading2:Året i korthet',
      'Heading1:Måluppfyllelse per målområde',
      'Heading1:Kultur- och fritidsnämnden',
      'Heading1:Kommunstyrelsen',
      'Heading2:Översikt över verksamhetens utveckling',
      'Heading3:Verksamheten',
      'Heading2:Övergripande perspektiv',
    ]);
    const texts = paragraphs.map((p) => p.text);
    const kf = paragraphs.findIndex((p) => p.style === 'Heading1' && p.text === 'Kultur- och fritidsnämnden');
    expect(texts.slice(kf + 1, kf + 4)).toEqual([
      'Ej attesterad',
      'Preliminär. Nämndens period är inte attesterad och texten kan ändras.',
      'Nämnden har inte rapporterat något för perioden.',
    ]);
    expect(texts[kf + 4]).toBe('Kommunstyrelsen');
  });

  it('says what is missing: no introduction, no målområden, no boards', async () => {
    const { paragraphs } = await parts(await buildKommunDocumentDocx(kommun({ intro: null, rollup: { areas: [], lastYearLabel: null }, boards: [] })));
    const texts = paragraphs.map((p) => p.text);
    expect(texts).toContain('Ingen inledning är skriven ännu.');
    expect(texts).toContain('Inga målområden för perioden.');
    expect(paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text)).toEqual(['Inledning', 'Måluppfyllelse per målområde']);
  });
});
