// lib/text-search.ts: the query's terms, the case folding shared with the database, the
// literal LIKE pattern, and the snippet with its marked words.
import { describe, expect, it } from 'vitest';
import {
  buildSnippet,
  containsPattern,
  FOLD_FROM,
  FOLD_TO,
  foldCase,
  matchRanges,
  parseQuery,
  parseTextSearchParams,
  plainText,
  prefilterPattern,
} from '@/lib/text-search';

describe('foldCase', () => {
  it('folds A–Z and Å Ä Ö É Ü, keeps the length and leaves other characters alone', () => {
    expect(foldCase('SJUKFRÅNVARON Ökar i ÄLDREOMSORGEN, Café MÜNCHEN')).toBe('sjukfrånvaron ökar i äldreomsorgen, café münchen');
    expect(foldCase('× ß 5 % _ −')).toBe('× ß 5 % _ −');
    const text = 'ÅÄÖ åäö';
    expect(foldCase(text)).toHaveLength(text.length);
  });

  it('maps every letter of FOLD_FROM to the one in the same place of FOLD_TO (what translate() is given)', () => {
    expect(FOLD_FROM).toHaveLength(FOLD_TO.length);
    expect(FOLD_FROM).toContain('Å');
    expect(FOLD_FROM).not.toContain('×');
    expect(FOLD_TO).not.toContain('÷');
    expect(foldCase(FOLD_FROM)).toBe(FOLD_TO);
    expect(FOLD_TO.slice(0, 26)).toBe('abcdefghijklmnopqrstuvwxyz');
  });
});

describe('containsPattern', () => {
  it('escapes the LIKE wildcards and the escape character', () => {
    expect(containsPattern('sjukfrånvaro')).toBe('%sjukfrånvaro%');
    expect(containsPattern('12%')).toBe('%12\\%%');
    expect(containsPattern('konto_nr')).toBe('%konto\\_nr%');
    expect(containsPattern('a\\b')).toBe('%a\\\\b%');
  });
});

describe('prefilterPattern', () => {
  it('keeps ASCII (escaped) and lets any one character stand for the others, so it never rules out a match', () => {
    expect(prefilterPattern('sjukfrånvaro')).toBe('%sjukfr_nvaro%');
    expect(prefilterPattern('12%-enh')).toBe('%12\\%-enh%');
    expect(prefilterPattern('konto_nr')).toBe('%konto\\_nr%');
    expect(prefilterPattern('äö')).toBe('%__%');
  });
});

describe('parseQuery', () => {
  it('splits words and quoted phrases, folded, without repeats', () => {
    expect(parseQuery('  Sjukfrånvaro  HR ')).toEqual({ ok: true, terms: ['sjukfrånvaro', 'hr'] });
    expect(parseQuery('"minska   Sjukfrånvaron" chefer chefer')).toEqual({ ok: true, terms: ['minska sjukfrånvaron', 'chefer'] });
    expect(parseQuery('12%')).toEqual({ ok: true, terms: ['12%'] });
  });

  it('refuses what is too short, too long or too many words, in Swedish', () => {
    expect(parseQuery('')).toEqual({ ok: false, message: 'Skriv minst 3 tecken att söka efter.' });
    expect(parseQuery('""')).toEqual({ ok: false, message: 'Skriv minst 3 tecken att söka efter.' });
    expect(parseQuery('ab')).toEqual({ ok: false, message: 'Sökningen är för kort: minst ett ord måste ha 3 tecken eller fler.' });
    expect(parseQuery('% _ a')).toMatchObject({ ok: false });
    expect(parseQuery('x'.repeat(101))).toEqual({ ok: false, message: 'Sökningen får vara högst 100 tecken.' });
    expect(parseQuery('ett två tre fyra fem sex sju åtta nio')).toEqual({ ok: false, message: 'Sök på högst 8 ord åt gången.' });
    // One word long enough is enough; the short ones must occur too.
    expect(parseQuery('5 % ökning')).toEqual({ ok: true, terms: ['5', '%', 'ökning'] });
  });
});

describe('parseTextSearchParams', () => {
  it('keeps what is valid and drops the rest to its default', () => {
    const id = '0b7c2f3e-8a4d-4c1e-9f2a-1d2e3f4a5b6c';
    expect(parseTextSearchParams({ q: 'sjukfrånvaro', period: id, namnd: 'x', historik: '1', sida: '2' })).toEqual({
      q: 'sjukfrånvaro',
      period: id,
      namnd: '',
      historik: '1',
      sida: '2',
    });
    expect(parseTextSearchParams({ q: ['a', 'b'], historik: 'ja', sida: '0' })).toEqual({ q: 'a', period: '', namnd: '', historik: '', sida: '' });
    expect(parseTextSearchParams({})).toEqual({ q: '', period: '', namnd: '', historik: '', sida: '' });
  });
});

describe('plainText', () => {
  it('reads Markdown as one line of running text', () => {
    expect(plainText('## Rubrik\n\n- en **viktig** punkt\n1. första\n> citat')).toBe('Rubrik en viktig punkt 1. första citat');
  });
});

describe('matchRanges', () => {
  it('finds every occurrence of every term, case-folded, merging overlaps', () => {
    expect(matchRanges('Sjukfrånvaron och långtidssjukfrånvaron', ['sjukfrånvaro'])).toEqual([
      [0, 12],
      [26, 38],
    ]);
    expect(matchRanges('abcdef', ['abc', 'cde'])).toEqual([[0, 5]]);
    expect(matchRanges('abc', [])).toEqual([]);
  });
});

describe('buildSnippet', () => {
  const marked = (parts: { text: string; mark: boolean }[]) => parts.filter((p) => p.mark).map((p) => p.text);
  const joined = (parts: { text: string }[]) => parts.map((p) => p.text).join('');

  it('marks the matched words as they are written in the text', () => {
    const parts = buildSnippet('Sjukfrånvaron är en stor utmaning. Långtidssjukfrånvaron har ökat.', ['sjukfrånvaro']);
    expect(marked(parts)).toEqual(['Sjukfrånvaro', 'sjukfrånvaro']);
    expect(joined(parts)).toBe('Sjukfrånvaron är en stor utmaning. Långtidssjukfrånvaron har ökat.');
  });

  it('cuts a long text around the first match at spaces, with … where it is cut', () => {
    const before = 'ord '.repeat(100);
    const after = ' mer'.repeat(100);
    const parts = buildSnippet(`${before}Sjukfrånvaron minskar${after}`, ['sjukfrånvaro'], 120);
    const text = joined(parts);
    expect(text.startsWith('…ord ')).toBe(true);
    expect(text.endsWith(' mer…')).toBe(true);
    expect(text.length).toBeLessThanOrEqual(122);
    expect(marked(parts)).toEqual(['Sjukfrånvaro']);
    expect(text).not.toMatch(/\S…\S/);
  });

  it('shows the beginning of a text whose match is only in Markdown syntax, unmarked', () => {
    const parts = buildSnippet('**Fet** text', ['**']);
    expect(parts).toEqual([{ text: 'Fet text', mark: false }]);
  });

  it('marks % and _ literally', () => {
    expect(marked(buildSnippet('ökade med 12%-enheter enligt konto_nr 4410', ['12%-enh', 'konto_nr']))).toEqual(['12%-enh', 'konto_nr']);
  });
});
