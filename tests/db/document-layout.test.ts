// The demo's whole document (issue 15) as a DOCX that LibreOffice lays out: every heading and
// every narrative paragraph, list item and heading of the seed (read from the shared seed file
// itself) is there, in the seed's order — the chapters of the template, the units' parts of the
// Översikt, the text of the finance chapters followed by the seed's finance tables (issue 16's
// blocks, each figure once) and Förväntad utveckling; the headings are Word headings; the cover
// names kommun, board and period.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import { openDatabase, type Database } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { getBoardDocument } from '@/db/report';
import { buildBoardDocumentDocx } from '@/lib/report-docx';
import { demoUser, DEMO_EMAILS } from './demo-users';

const SEED = path.resolve(__dirname, '../../../shared/seeds/000_84cd8bd0666b2bbe.txt');

/**
 * The seed's narrative lines in order, each a heading or a paragraph (a list item is a paragraph),
 * from the regions the units and the board write: from "Översikt över verksamhetens utveckling"
 * to "Mål och uppdrag" (whose tables the report-layout test checks), the målområde headings,
 * Övergripande perspektiv and the intro of the board's assignments, and the text of the finance
 * chapters up to their first table, then Förväntad utveckling to the end.
 */
function seedNarrative(): { heading: boolean; text: string }[] {
  const lines = fs.readFileSync(SEED, 'utf8').split('\n').map((l) => l.trim());
  const at = (text: string, from = 0) => {
    const i = lines.indexOf(text, from);
    if (i < 0) throw new Error(`seed: no line "${text}"`);
    return i;
  };
  const tableStart = (from: number) => lines.findIndex((l, i) => i > from && l.startsWith('(tkr)'));
  const regions: [number, number][] = [
    [at('Översikt över verksamhetens utveckling'), at('Mål och uppdrag')],
    [at('Övergripande perspektiv'), at('Uppföljning av nämnds uppdrag till förvaltning') + 3],
    [at('Delårsresultat och prognos'), tableStart(at('Delårsresultat och prognos'))],
    [at('Investeringar'), tableStart(at('Investeringar'))],
    [at('Vidtagna åtgärder för att hålla investeringsbudgeten vid befarade underskott'), at('Vidtagna åtgärder för att hålla investeringsbudgeten vid befarade underskott') + 1],
    [at('Förväntad utveckling'), lines.length],
  ];
  const out: { heading: boolean; text: string }[] = [];
  const push = (line: string) => {
    const text = line.replace(/^- /, '').replace(/\*+/g, '');
    const heading = !line.startsWith('- ') && text.length < 80 && !/[.:]$/.test(text);
    out.push({ heading, text });
  };
  for (const [i, [from, to]] of regions.entries()) {
    for (let n = from; n < to; n++) if (lines[n]) push(lines[n]!);
    // After the Översikt: the Mål och uppdrag chapter and its målområden.
    if (i === 0) {
      out.push({ heading: true, text: 'Mål och uppdrag' });
      for (const l of lines) if (/^Målområde \d - [^\t]+$/.test(l)) out.push({ heading: true, text: l });
    }
  }
  return out;
}

const unescape = (text: string) =>
  text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
const normal = (text: string) => text.normalize('NFKC').replace(/\s+/g, ' ').trim();

/** The first words of a text: distinctive enough, and short enough to stay on one page. */
const phrase = (text: string) => normal(text).split(' ').slice(0, 7).join(' ');

// A4 in points, with the DOCX's 2,5 cm margins: the body's bottom (the footer is below it); the
// running header ends above 52 pt (a heading at a page's top rises a little above the margin).
const PAGE_HEIGHT = 841.89;
const MARGIN = 1418 / 20;
const HEADER_BOTTOM = 52;

describe('the demo’s whole document as LibreOffice lays it out', () => {
  let database: Database;
  let dir: string;
  let outline: { level: number; text: string }[];
  let pages: string[];
  /** Each table row of the DOCX as its cells' text, joined by spaces. */
  let tableRows: string[];

  // LibreOffice starts cold and converts a 20-page document (about a minute under the shared
  // machine's load); its own process timeout is 150 s.
  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    const viewer = await demoUser(database.db, DEMO_EMAILS.viewer);
    const ks = (await database.db.select().from(s.units).where(eq(s.units.code, 'KS')))[0]!.id;
    const periodId = (await database.db.select().from(s.periods).where(eq(s.periods.kind, 'delar')))[0]!.id;
    const { document } = await getBoardDocument(database.db, viewer, ks, periodId);
    const docx = await buildBoardDocumentDocx(document);

    const xml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    outline = [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].flatMap(([p]) => {
      const level = /<w:pStyle w:val="Heading(\d)"\/>/.exec(p)?.[1];
      const text = unescape([...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''));
      return level ? [{ level: Number(level), text }] : [];
    });

    tableRows = [...xml.matchAll(/<w:tr[ >].*?<\/w:tr>/gs)].map(([tr]) =>
      normal([...tr.matchAll(/<w:tc>.*?<\/w:tc>/gs)].map(([tc]) => unescape([...tc.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join(''))).join(' ')),
    );

    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'malbild-document-'));
    const file = path.join(dir, 'dokument.docx');
    fs.writeFileSync(file, docx);
    execFileSync('soffice', ['--headless', `-env:UserInstallation=file://${dir}/lo`, '--convert-to', 'pdf', '--outdir', dir, file], {
      stdio: 'pipe',
      timeout: 150_000,
    });
    const pdf = path.join(dir, 'dokument.pdf');
    const bbox = execFileSync('pdftotext', ['-enc', 'UTF-8', '-bbox', pdf, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
    // Each page's body text (without the running header and footer), in reading order.
    pages = bbox
      .split('<page ')
      .slice(1)
      .map((page) =>
        [...page.matchAll(/<word xMin="[\d.]+" yMin="([\d.]+)" xMax="[\d.]+" yMax="([\d.]+)">([^<]*)<\/word>/g)]
          .filter((m) => Number(m[1]) > HEADER_BOTTOM && Number(m[2]) <= PAGE_HEIGHT - MARGIN + 2)
          .map((m) => unescape(m[3]!))
          .join(' '),
      );
    if (process.env.KEEP_DOCUMENT) fs.copyFileSync(file, process.env.KEEP_DOCUMENT);
    if (process.env.KEEP_DOCUMENT) fs.writeFileSync(`${process.env.KEEP_DOCUMENT}.txt`, pages.join('\n\n=====\n\n'));
  }, 240_000);
  afterAll(async () => {
    await database?.close();
    if (dir) fs.rmSync(dir, { recursive: true, force: true });
  });

  it('opens with a cover naming kommun, period and board, then the table of contents', () => {
    expect(normal(pages[0]!)).toBe('Askersunds kommun Delårsbokslut 2024-01-01 – 2024-08-31 Kommunstyrelsen PRELIMINÄR – PERIODEN ÄR INTE ATTESTERAD');
    expect(normal(pages[1]!)).toMatch(/^Innehåll Översikt över verksamhetens utveckling Arkiv Krisberedskap/);
  });

  it('has the template’s chapters as Heading 1 in the seed’s order, and no heading level skipped', () => {
    expect(outline.filter((h) => h.level === 1).map((h) => h.text)).toEqual([
      'Översikt över verksamhetens utveckling',
      'Mål och uppdrag',
      'Övergripande perspektiv',
      'Uppföljning av nämnds uppdrag till förvaltning',
      'Delårsresultat och prognos',
      'Investeringar',
      'Förväntad utveckling',
    ]);
    outline.forEach((h, i) => {
      if (i > 0) expect(h.level - outline[i - 1]!.level, h.text).toBeLessThanOrEqual(1);
    });
  });

  it('holds every heading of the seed’s narrative as a Word heading, in the seed’s order', () => {
    const headings = seedNarrative().filter((l) => l.heading).map((l) => normal(l.text));
    expect(headings.length).toBeGreaterThan(30);
    let from = 0;
    const missing: string[] = [];
    for (const h of headings) {
      const i = outline.findIndex((o, j) => j >= from && normal(o.text) === h);
      if (i < 0) missing.push(h);
      else from = i + 1;
    }
    expect(missing).toEqual([]);
  });

  it('draws the seed’s finance tables after each finance chapter’s text, with sv-SE figures, and the text once', () => {
    // The body pages after the cover and the table of contents.
    const firstChapter = pages.findIndex((p, i) => i > 1 && normal(p).startsWith('Översikt över verksamhetens utveckling'));
    const body = normal(pages.slice(firstChapter).join(' '));
    const chapter = (title: string, next: string) => {
      const from = body.indexOf(`${title} `, body.indexOf('Uppföljning av nämnds uppdrag till förvaltning'));
      return body.slice(from, body.indexOf(`${next} `, from));
    };
    const inOrder = (list: string[], wanted: string[]) => {
      let from = 0;
      const missing: string[] = [];
      for (const w of wanted) {
        const i = list.indexOf(w, from);
        if (i < 0) missing.push(w);
        else from = i + 1;
      }
      expect(missing).toEqual([]);
    };
    // The tables' rows in the DOCX, in the seed's order, figures sv-SE with U+2212. The demo is
    // preliminary, so a figure in one of the seed's unexplained differences carries "⚠" (row 92's
    // "-26 62" makes Utfall's sum disagree with Summa).
    inOrder(tableRows, [
      'Intäkter 39 593 61 905 58 214 3 691',
      'Resultat −114 168 −174 861 −169 744 −5 117',
      '45 Gymnasieskola −46 705 −76 294 −70 294 −6 000 5',
      'Summa Kommunstyrelsen −114 168 ⚠ −174 861 −169 744 −5 117',
      '45 Gymnasieskola Intäkt 0 0 −6 000',
      'Nettoutgifter −63 684 −81 621 −83 805 2 184',
      'Närlundaskolan, etapp 2 −484 −2 100 0 −2 100 1',
      'Askersund förskola −21 390 ⚠ −28 000 −36 297 8 297 4',
      'Summa −63 684 ⚠ −81 621 ⚠ −83 805 2 184 ⚠',
      'Närlundaskolan, etapp 2 −484 −2 100 0 −2 100 −87 810 −89 500 −77 350 −12 150',
    ]);
    // On the laid-out pages (the PDF's reading order inside a table is LibreOffice's, so only
    // presence is checked there; the order is the DOCX rows' above and the outline's below).
    const result = chapter('Delårsresultat och prognos', 'Investeringar');
    const investments = chapter('Investeringar', 'Förväntad utveckling');
    for (const [text, wanted] of [
      [result, ['−114 168', '−46 705', 'Summa Kommunstyrelsen', 'Analys 5 Medfinansiering av underskott SUF 2024.']],
      [investments, ['Nettoutgifter', '−63 684', 'Askersund förskola', '−21 390', 'Investeringsanalys 2024 tkr']],
    ] as const) {
      expect(wanted.filter((w) => !text.includes(w))).toEqual([]);
    }
    // The chapters' opening text is the units' narrative part, not printed again from the tables.
    expect(result.split('126 342 tkr').length - 1).toBe(1);
    expect(investments.split('överskott vid årets slut på 2 184 tkr').length - 1).toBe(1);
    // Their headings are Heading 2 under the chapter, so they join the contents.
    const at = outline.findIndex((h) => h.level === 1 && h.text === 'Delårsresultat och prognos');
    expect(outline.slice(at + 1, at + 7)).toEqual([
      { level: 2, text: 'Driftredovisning 2024' },
      { level: 2, text: 'Verksamhetsanalys driftbudget 2024, tkr' },
      { level: 1, text: 'Investeringar' },
      { level: 2, text: 'Vidtagna åtgärder för att hålla investeringsbudgeten vid befarade underskott' },
      { level: 2, text: 'Investeringsredovisning 2024-08-31' },
      { level: 2, text: 'Investeringsredovisning 2024-08-31, tkr' },
    ]);
  });

  it('draws a distinctive phrase of every narrative paragraph, list item and heading of the seed, in order', () => {
    // The body pages after the cover and the table of contents.
    const firstChapter = pages.findIndex((p, i) => i > 1 && normal(p).startsWith('Översikt över verksamhetens utveckling'));
    expect(firstChapter).toBeGreaterThan(1);
    const body = normal(pages.slice(firstChapter).join(' '));
    const lines = seedNarrative();
    expect(lines.length).toBeGreaterThan(100);
    let from = 0;
    const missing: string[] = [];
    for (const line of lines) {
      const p = phrase(line.text);
      const i = body.indexOf(p, from);
      if (i < 0) missing.push(p);
      else from = i + p.length;
    }
    expect(missing).toEqual([]);
  });
});
