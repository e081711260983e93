import { describe, it, expect } from 'vitest';
import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import type { DiffPart } from '@/lib/text-diff';
import { diffText } from '@/lib/text-diff';
import { TextDiff } from '@/components/text-diff';

function join(parts: DiffPart[], keep: DiffPart['kind']): string {
  return parts
    .filter((p) => p.kind === 'same' || p.kind === keep)
    .map((p) => p.text)
    .join('');
}

const PAIRS: [string, string][] = [
  ['Sjukfrånvaron har ökat.', 'Sjukfrånvaron har minskat.'],
  ['', ''],
  ['', 'Ny kommentar.'],
  ['Gammal kommentar.', ''],
  ['Oförändrad text.', 'Oförändrad text.'],
  ['Åtgärder för äldreomsorgen i Östra förvaltningen.', 'Åtgärder för öppenvården i Västra förvaltningen.'],
  ['Vi når målet i år.\nBra.', 'Vi når inte målet i år.\n\nBra!'],
  ['a  b\tc', 'a b  c'],
  ['Kostnaden blev 5 117,5 tkr.', 'Kostnaden blev −5 117,5 tkr.'],
  ['ett två tre fyra', 'fem sex sju åtta'],
  ['   ', 'Text'],
  ['Målet nås', 'Målet nås inte, se bilaga 2 (åtgärdsplan).'],
];

describe('diffText', () => {
  it.each(PAIRS)('%j → %j reconstructs both texts', (before, after) => {
    const parts = diffText(before, after);
    expect(join(parts, 'removed')).toBe(before);
    expect(join(parts, 'added')).toBe(after);
  });

  it.each(PAIRS)('%j → %j has no empty or adjacent parts of the same kind', (before, after) => {
    const parts = diffText(before, after);
    for (const part of parts) expect(part.text).not.toBe('');
    for (let i = 1; i < parts.length; i++) expect(parts[i]!.kind).not.toBe(parts[i - 1]!.kind);
  });

  it('changes only the word that changed', () => {
    expect(diffText('Sjukfrånvaron har ökat.', 'Sjukfrånvaron har minskat.')).toEqual([
      { kind: 'same', text: 'Sjukfrånvaron har ' },
      { kind: 'removed', text: 'ökat' },
      { kind: 'added', text: 'minskat' },
      { kind: 'same', text: '.' },
    ]);
  });

  it('treats Swedish letters as part of words', () => {
    expect(diffText('Östra förvaltningen', 'Västra förvaltningen')).toEqual([
      { kind: 'removed', text: 'Östra' },
      { kind: 'added', text: 'Västra' },
      { kind: 'same', text: ' förvaltningen' },
    ]);
  });

  it('keeps a rewritten passage together instead of alternating words', () => {
    expect(diffText('ett två tre', 'fyra fem sex')).toEqual([
      { kind: 'removed', text: 'ett två tre' },
      { kind: 'added', text: 'fyra fem sex' },
    ]);
  });

  it.each([
    ['', '', []],
    ['', 'Ny', [{ kind: 'added', text: 'Ny' }]],
    ['Gammal', '', [{ kind: 'removed', text: 'Gammal' }]],
    ['Samma', 'Samma', [{ kind: 'same', text: 'Samma' }]],
  ] as [string, string, DiffPart[]][])('%j → %j', (before, after, expected) => {
    expect(diffText(before, after)).toEqual(expected);
  });
});

describe('TextDiff', () => {
  const render = (before: string | null, after: string | null) =>
    renderToStaticMarkup(createElement(TextDiff, { before, after }));

  it('marks removals and additions in words, not only colour', () => {
    const html = render('Sjukfrånvaron har ökat.', 'Sjukfrånvaron har minskat.');
    expect(html).toMatch(/^<p class="whitespace-pre-wrap">/);
    expect(html).toMatch(/<del[^>]*><span class="sr-only">Borttaget: <\/span>ökat<\/del>/);
    expect(html).toMatch(/<ins[^>]*><span class="sr-only">Tillagt: <\/span>minskat<\/ins>/);
  });

  it.each([null, ''])('shows everything as added when before is %j', (before) => {
    const html = render(before, 'Ny kommentar.');
    expect(html).toMatch(/<ins[^>]*><span class="sr-only">Tillagt: <\/span>Ny kommentar.<\/ins>/);
    expect(html).not.toContain('<del');
  });

  it('shows unchanged text plainly with a note', () => {
    const html = render('Samma text.', 'Samma text.');
    expect(html).toContain('Samma text.');
    expect(html).toContain('(oförändrad)');
    expect(html).not.toContain('<ins');
    expect(html).not.toContain('<del');
  });

  it('shows a removal when after is null', () => {
    const html = render('Gammal text.', null);
    expect(html).toMatch(/<del[^>]*><span class="sr-only">Borttaget: <\/span>Gammal text.<\/del>/);
  });
});
