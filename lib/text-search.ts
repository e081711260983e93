// Search across every text written in a period (issue 15, item 5): the query as the user typed
// it, parsed into terms; the case folding that the database applies in the same way
// (db/text-search.ts); the LIKE pattern of a term with its % and _ taken literally; and the
// snippet of a hit with the matched words marked. Pure: no I/O.
import { z } from '@/lib/zod';

/** Hits a page (lib/paging.ts). */
export const TEXT_SEARCH_PAGE_SIZE = 40;
export const MIN_TERM_LENGTH = 3;
export const MAX_QUERY_LENGTH = 100;
export const MAX_TERMS = 8;

/** What a hit is a text of, in the order the results list them. */
export const TEXT_KINDS = ['narrative', 'goal', 'indicator', 'report', 'text_block', 'finance', 'send_back'] as const;
export type TextKind = (typeof TEXT_KINDS)[number];

export const TEXT_KIND_LABELS: Record<TextKind, string> = {
  narrative: 'Text till rapporten',
  goal: 'Bedömning av mål',
  indicator: 'Analys av mått',
  report: 'Återrapportering av uppdrag',
  text_block: 'Nämndens text',
  finance: 'Förklaring i ekonomin',
  send_back: 'Återsänd för komplettering',
};

// ------------------------------------------------------------------ case folding

/**
 * The upper-case letters folded, and what they fold to: A–Z and Latin-1's À–Þ (Å Ä Ö É Ü …,
 * not ×). The database folds with translate() over exactly these two strings, so the
 * matching is the same on PGlite and on any PostgreSQL server whatever its locale (lower()
 * and ILIKE leave Å Ä Ö unfolded in a database created with the C locale).
 */
export const FOLD_FROM: string = (() => {
  let from = '';
  for (let c = 0x41; c <= 0x5a; c++) from += String.fromCharCode(c);
  for (let c = 0xc0; c <= 0xde; c++) if (c !== 0xd7) from += String.fromCharCode(c);
  return from;
})();
export const FOLD_TO: string = [...FOLD_FROM].map((ch) => String.fromCharCode(ch.charCodeAt(0) + 0x20)).join('');

const FOLD = new Map([...FOLD_FROM].map((ch, i) => [ch, FOLD_TO[i]!]));

/** Folds case as the database does; keeps the length, so positions in the result are positions in the text. */
export function foldCase(text: string): string {
  let out = '';
  for (const ch of text) out += FOLD.get(ch) ?? ch;
  return out;
}

/** `%term%` for LIKE with the default escape character (backslash): \, % and _ in the term match themselves. */
export function containsPattern(foldedTerm: string): string {
  return `%${foldedTerm.replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
}

/**
 * A cheap necessary condition for containsPattern, for ILIKE: the term's ASCII characters as
 * they are (ILIKE folds A–Z in every locale), every other character any one character (_).
 * The database rules out most texts with it before the exact, slower translate() comparison
 * (bench:search: translate() over every text of a period costs about 0,1 ms a text).
 */
export function prefilterPattern(foldedTerm: string): string {
  let out = '';
  for (const ch of foldedTerm) out += ch.charCodeAt(0) > 0x7f ? '_' : /[\\%_]/.test(ch) ? `\\${ch}` : ch;
  return `%${out}%`;
}

// ------------------------------------------------------------------ the query

export type ParsedQuery = { ok: true; terms: string[] } | { ok: false; message: string };

/**
 * The terms of a query: words separated by spaces, or a phrase in double quotes; every term
 * must occur in a text (anywhere, also inside a longer word: "sjukfrånvaro" finds
 * "långtidssjukfrånvaron"). Terms are folded (foldCase) and kept in the order given,
 * without repeats.
 */
export function parseQuery(raw: string): ParsedQuery {
  const text = raw.trim();
  if (text.length > MAX_QUERY_LENGTH) return { ok: false, message: `Sökningen får vara högst ${MAX_QUERY_LENGTH} tecken.` };
  const terms: string[] = [];
  for (const match of text.matchAll(/"([^"]*)"|(\S+)/g)) {
    const term = foldCase((match[1] ?? match[2] ?? '').replace(/\s+/g, ' ').trim().replace(/^"+|"+$/g, ''));
    if (term && !terms.includes(term)) terms.push(term);
  }
  if (terms.length === 0) return { ok: false, message: `Skriv minst ${MIN_TERM_LENGTH} tecken att söka efter.` };
  if (terms.length > MAX_TERMS) return { ok: false, message: `Sök på högst ${MAX_TERMS} ord åt gången.` };
  if (!terms.some((t) => [...t].length >= MIN_TERM_LENGTH)) {
    return { ok: false, message: `Sökningen är för kort: minst ett ord måste ha ${MIN_TERM_LENGTH} tecken eller fler.` };
  }
  return { ok: true, terms };
}

const uuidOrEmpty = z.union([z.uuid(), z.literal('')]).catch('');

/** The search page's URL query: q (the words), period, namnd (a board), historik=1 (earlier versions too), sida. */
export const textSearchParamsSchema = z.object({
  q: z.string().catch(''),
  period: uuidOrEmpty,
  namnd: uuidOrEmpty,
  historik: z.enum(['1', '']).catch(''),
  sida: z.string().regex(/^[1-9][0-9]{0,5}$/).catch(''),
});
export type TextSearchParams = z.infer<typeof textSearchParamsSchema>;

/** Parses the raw search params; a repeated parameter counts by its first value. */
export function parseTextSearchParams(raw: Record<string, string | string[] | undefined>): TextSearchParams {
  const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v) ?? '';
  return textSearchParamsSchema.parse({
    q: first(raw.q),
    period: first(raw.period),
    namnd: first(raw.namnd),
    historik: first(raw.historik),
    sida: first(raw.sida),
  });
}

// ------------------------------------------------------------------ the snippet

export interface SnippetPart {
  text: string;
  /** A matched term: rendered as <mark>. */
  mark: boolean;
}

/** Markdown read as running text: one line, without heading and list markers or bold asterisks. */
export function plainText(markdown: string): string {
  return markdown
    .split(/\r?\n/)
    .map((line) => line.replace(/^\s*(#{1,6}\s+|[-*+]\s+|>\s?)/, '').replace(/\*\*|__/g, ''))
    .join(' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/** Where each term occurs in the text, merged where they overlap or touch, in order. */
export function matchRanges(text: string, terms: readonly string[]): [number, number][] {
  const folded = foldCase(text);
  const ranges: [number, number][] = [];
  for (const term of terms) {
    if (!term) continue;
    for (let at = folded.indexOf(term); at !== -1; at = folded.indexOf(term, at + term.length)) ranges.push([at, at + term.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/**
 * A part of the text around its first match (about `length` characters, cut at spaces, with
 * "…" where it is cut), split into marked and unmarked parts. A text whose match is only in
 * Markdown syntax shows its beginning, unmarked.
 */
export function buildSnippet(markdown: string, terms: readonly string[], length = 240): SnippetPart[] {
  const text = plainText(markdown);
  const ranges = matchRanges(text, terms);
  const firstMatch = ranges[0]?.[0] ?? 0;
  let start = Math.max(0, firstMatch - Math.floor(length / 3));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space !== -1 && space < firstMatch ? space + 1 : Math.min(start, firstMatch);
  }
  let end = Math.min(text.length, start + length);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    const lastMatchEnd = ranges.filter((r) => r[0] < end).reduce((max, r) => Math.max(max, r[1]), firstMatch);
    end = space > start && space >= lastMatchEnd ? space : Math.max(end, lastMatchEnd);
  }
  const parts: SnippetPart[] = [];
  const push = (part: string, mark: boolean) => {
    if (part) parts.push({ text: part, mark });
  };
  if (start > 0) push('…', false);
  let at = start;
  for (const [from, to] of ranges) {
    if (to <= start || from >= end) continue;
    const a = Math.max(from, start);
    const b = Math.min(to, end);
    push(text.slice(at, a), false);
    push(text.slice(a, b), true);
    at = b;
  }
  push(text.slice(at, end), false);
  if (end < text.length) push('…', false);
  // Join neighbouring unmarked parts ("…" and the text after it).
  return parts.reduce<SnippetPart[]>((out, part) => {
    const last = out[out.length - 1];
    if (last && !last.mark && !part.mark) last.text += part.text;
    else out.push({ ...part });
    return out;
  }, []);
}
