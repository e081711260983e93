// The DOCX of "Mål och uppdrag": its text, Word headings, real tables and lists, the
// preliminary notice, and byte-identical output for an approved period.
import { afterEach, describe, expect, it, vi } from 'vitest';
import JSZip from 'jszip';
import { buildReportDocx } from '@/lib/report-docx';
import { setZipTimestamps } from '@/lib/zip-timestamps';
import { DIGITALISERING_ITEMS, reportFixture } from '../support/report-fixture';
import type { ReportModel } from '@/lib/report-model';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '@/lib/report-options';

/** Every addition the reader can choose, on. */
const ALL_ON: ReportOptions = {
  tableOfContents: true,
  preliminaryBanner: true,
  greyLegend: true,
  goalAttainment: true,
  trendWords: true,
  overrideNotes: true,
};

interface Docx {
  files: Record<string, string>;
  document: string;
  paragraphs: { xml: string; text: string; style: string | null; numId: string | null }[];
}

function unescapeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}

async function open(model: ReportModel, options: ReportOptions = DEFAULT_REPORT_OPTIONS): Promise<Docx> {
  const zip = await JSZip.loadAsync(await buildReportDocx(model, options));
  const files: Record<string, string> = {};
  for (const name of Object.keys(zip.files)) {
    if (!zip.files[name]!.dir) files[name] = await zip.file(name)!.async('string');
  }
  const document = files['word/document.xml']!;
  const paragraphs = [...document.matchAll(/<w:p>.*?<\/w:p>|<w:p [^>]*>.*?<\/w:p>/g)].map(([xml]) => ({
    xml,
    text: unescapeXml([...xml.matchAll(/<w:t(?: [^>]*)?>(.*?)<\/w:t>/g)].map((m) => m[1]).join('')),
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(xml)?.[1] ?? null,
    numId: /<w:numId w:val="(\d+)"\/>/.exec(xml)?.[1] ?? null,
  }));
  return { files, document, paragraphs };
}

function paragraph(doc: Docx, text: string) {
  // Skips the table of contents' entries (styles TOC1, TOC2).
  const p = doc.paragraphs.find((x) => x.text === text && !x.style?.startsWith('TOC'));
  if (!p) throw new Error(`no paragraph "${text}"`);
  return p;
}

/** The list format (decimal, bullet) of a w:num in numbering.xml. */
function numFormat(doc: Docx, numId: string): string | undefined {
  const numbering = doc.files['word/numbering.xml']!;
  const abstractId = new RegExp(`<w:num w:numId="${numId}"><w:abstractNumId w:val="(\\d+)"/>`).exec(numbering)?.[1];
  const abstract = new RegExp(`<w:abstractNum [^>]*w:abstractNumId="${abstractId}"[^>]*>(.*?)</w:abstractNum>`).exec(
    numbering,
  )?.[1];
  return abstract ? /<w:numFmt w:val="([^"]+)"\/>/.exec(abstract)?.[1] : undefined;
}

afterEach(() => {
  vi.useRealTimers();
});

// Every test builds the whole DOCX and unzips it (0.1–1 s on an idle machine, the first
// with the docx library's warm-up): a budget well above vitest's default 5 s for a loaded one.
describe('buildReportDocx', { timeout: 30_000 }, () => {
  it('writes the goals, targets, outcomes in Swedish format and attainment words', async () => {
    const doc = await open(reportFixture(), ALL_ON);
    const text = doc.paragraphs.map((p) => p.text);
    expect(text).toContain(
      'Kommunstyrelsens mål 1: Sjukskrivningstalen ska vara under 5 procent för kommunledningsförvaltningens medarbetare exklusive AME och under 7 procent för medarbetarna på AME.',
    );
    expect(text).toContain(
      'Kommunstyrelsens mål 2: Kommunledningsförvaltningens HME-resultat ska öka eller minst vara kvar på samma nivå som året innan.',
    );
    expect(text).toContain('Bäring på kommunfullmäktiges mål om en attraktiv arbetsgivare och en god arbetsmiljö.');
    expect(text.some((t) => t.startsWith('Mått/metod: Sjukfrånvaron i procent'))).toBe(true);
    expect(text).toContain('Adressering: HR-avdelningen');
    expect(text).toContain('Adressering: Sydnärkes utbildningsförbund, Kommunledningsförvaltningen');
    expect(text).toContain('Lägre än 5,00');
    expect(text).toContain('1,86');
    expect(text).toContain('6,59');
    expect(text).toContain('✓ Uppfyllt ↑ Bättre än året innan');
    // Mål 2 has no outcome: an en dash, not a zero.
    expect(text).toContain('–');
    expect(text).toContain('– Ej mätt');
    expect(text).toContain('Måluppfyllelse: ✕ Ej uppfyllt. Prognos helår: ◐ Delvis uppfyllt.');
    expect(text).toContain('Förklaring till måluppfyllelse:');
    expect(text).toContain(' –  Grått = ej mätt');
    expect(text).toContain('Kommunfullmäktiges mål:');
    expect(text).toContain('Vi är en attraktiv kommun att arbeta och leva i.');
  });

  it('writes the place in the län under a value fetched from Kolada', async () => {
    const model = reportFixture();
    const indicator = model.focusAreas[0]!.goals[0]!.indicators[0]!;
    indicator.rankStatement = '8 av 12 kommuner i länet har lägre värde än Askersund.';
    const doc = await open(model);
    expect(doc.paragraphs.map((p) => p.text)).toContain('8 av 12 kommuner i länet har lägre värde än Askersund.');
    expect((await open(reportFixture())).paragraphs.map((p) => p.text).some((t) => t.includes('kommuner i länet har'))).toBe(false);
  });

  it('adds nothing the seed does not have by default: arrows without words, no goal-level line, no grey legend line, no table of contents', async () => {
    const doc = await open(reportFixture());
    const text = doc.paragraphs.map((p) => p.text);
    expect(text).toContain('✓ Uppfyllt ↑');
    expect(text.some((t) => t.includes('Bättre än året innan'))).toBe(false);
    expect(text.some((t) => t.startsWith('Måluppfyllelse:'))).toBe(false);
    expect(text.some((t) => t.includes('Grått = ej mätt'))).toBe(false);
    expect(text).toEqual(expect.arrayContaining([' ✕  Rött = målet ej uppfyllt', ' ◐  Gult = målet delvis uppfyllt', ' ✓  Grönt = målet är uppfyllt']));
    expect(doc.document).not.toContain('Table of Contents');
    expect(text).not.toContain('Innehåll');
  });

  it('marks a colour or arrow the reporter chose with a numbered note under the table, with the reason', async () => {
    const model = reportFixture();
    const [first, second] = model.focusAreas[0]!.goals[0]!.indicators;
    first!.chosenTrend = { justification: 'Trendpilen enligt delårsbokslutet.' };
    second!.chosenColour = { justification: null };
    const doc = await open(model);
    const text = doc.paragraphs.map((p) => p.text);
    expect(text).toContain('✓ Uppfyllt ↑¹');
    expect(text).toContain('✓ Uppfyllt² ↑');
    expect(paragraph(doc, '¹ Pilen är vald av rapportören: Trendpilen enligt delårsbokslutet.').style).toBe('NoteText');
    expect(text).toContain('² Färgen är vald av rapportören (ingen motivering angiven).');
    // The note follows its table.
    const table = doc.document.indexOf('Sjukfrånvaro AME, procent');
    expect(doc.document.indexOf('¹ Pilen är vald')).toBeGreaterThan(table);

    // A goal's chosen colour is marked on its Måluppfyllelse line (shown when the reader asks for it).
    const goal = model.focusAreas.flatMap((f) => f.goals).find((g) => g.colour === 'red' && g.forecastColour === 'yellow')!;
    goal.chosenColour = { justification: 'Bedömd utifrån hela året.' };
    const withLine = await open(model, { ...DEFAULT_REPORT_OPTIONS, goalAttainment: true });
    const lines = withLine.paragraphs.map((p) => p.text);
    const at = lines.findIndex((t) => t.startsWith('Måluppfyllelse: ✕ Ej uppfyllt'));
    expect(lines[at]).toMatch(/^Måluppfyllelse: ✕ Ej uppfyllt(\d|[¹²³⁴]). Prognos helår: ◐ Delvis uppfyllt\.$/);
    expect(lines[at + 1]).toMatch(/^[¹²³⁴] Färgen är vald av rapportören: Bedömd utifrån hela året\.$/);

    const off = await open(model, { ...DEFAULT_REPORT_OPTIONS, overrideNotes: false });
    expect(off.document).not.toMatch(/vald av rapportören|¹/);
  });

  it("writes the seed's year row under a 'Mål | Utfall' header where the goal has it, as a header row too", async () => {
    const model = reportFixture();
    model.focusAreas[3]!.goals[0]!.yearRow = true;
    const doc = await open(model);
    const tables = [...doc.document.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map(([t]) => t);
    const rowsOf = (t: string) => [...t.matchAll(/<w:tr>.*?<\/w:tr>|<w:tr [^>]*>.*?<\/w:tr>/g)].map(([r]) => r);
    const textsOf = (r: string) => [...r.matchAll(/<w:t(?: [^>]*)?>(.*?)<\/w:t>/g)].map((m) => m[1]);
    const goal4 = rowsOf(tables.find((t) => t.includes('Elever som klarar minst två kurser'))!);
    expect(textsOf(goal4[0]!)).toEqual(['Mål', 'Utfall', 'Måluppfyllelse']);
    expect(textsOf(goal4[1]!)).toEqual(['År', '2024', '2024']);
    expect(goal4[1]).toContain('<w:tblHeader/>');
    // A goal without it keeps "Mål 2024 | Utfall 2024" and no year row.
    const goal1 = rowsOf(tables.find((t) => t.includes('1,86'))!);
    expect(textsOf(goal1[0]!)).toEqual(['Mål 2024', 'Utfall 2024', 'Måluppfyllelse']);
    expect(textsOf(goal1[1]!)[0]).toBe('Sjukfrånvaro exkl. AME, procent');
  });

  it('puts the indicators in a real table with a repeating header row and shaded attainment cells', async () => {
    const doc = await open(reportFixture());
    const tables = [...doc.document.matchAll(/<w:tbl>.*?<\/w:tbl>/g)].map(([t]) => t);
    const goal1 = tables.find((t) => t.includes('1,86'))!;
    expect(goal1).toBeDefined();
    const rows = [...goal1.matchAll(/<w:tr>.*?<\/w:tr>|<w:tr [^>]*>.*?<\/w:tr>/g)].map(([r]) => r);
    expect(rows).toHaveLength(3);
    // The header row is marked as such (repeats on every page, read as headers) and kept whole;
    // body rows may split across pages, so no text is lost to a row taller than a page.
    expect(rows[0]).toContain('<w:tblHeader/>');
    expect(rows[0]).toContain('<w:cantSplit/>');
    for (const row of rows.slice(1)) expect(row).not.toContain('cantSplit');
    const headerTexts = [...rows[0]!.matchAll(/<w:t(?: [^>]*)?>(.*?)<\/w:t>/g)].map((m) => m[1]);
    // The seed's header: an empty first cell.
    expect(headerTexts).toEqual(['Mål 2024', 'Utfall 2024', 'Måluppfyllelse']);
    expect(rows[1]).toContain('Sjukfrånvaro exkl. AME, procent');
    expect(rows[1]).toContain('Lägre än 5,00');
    expect(rows[1]).toMatch(/w:fill="A9D18E"/);
    // Columns fitted to the content: "Utfall 2024" and "Lägre än 5,00" on one line (≥ 2,2 cm).
    const grid = [...goal1.matchAll(/<w:gridCol w:w="(\d+)"\/>/g)].map((m) => Number(m[1]));
    expect(grid.reduce((a, b) => a + b)).toBe(9070);
    expect(grid[1]).toBeGreaterThanOrEqual(1250);
    expect(grid[2]).toBeGreaterThanOrEqual(1250);
    // The council assignment and board assignment tables.
    expect(tables.some((t) => t.includes('Kommunfullmäktiges målområde') && t.includes('Uppdrag'))).toBe(true);
    expect(tables.some((t) => t.includes('Pågående uppdrag från föregående verksamhetsplan') && t.includes('Uppföljning'))).toBe(
      true,
    );
  });

  it("uses Word's heading styles in the seed's outline, and a table of contents field when asked", async () => {
    const doc = await open(reportFixture(), { ...DEFAULT_REPORT_OPTIONS, tableOfContents: true });
    expect(paragraph(doc, 'Mål och uppdrag').style).toBe('Heading1');
    expect(paragraph(doc, 'Målområde 1 - God ekonomisk hushållning').style).toBe('Heading2');
    expect(paragraph(doc, 'Målområde 4 - Specifika utvecklingsområden').style).toBe('Heading2');
    expect(doc.paragraphs.find((p) => p.text.startsWith('Kommunstyrelsens mål 1:'))!.style).toBe('Heading3');
    expect(doc.paragraphs.filter((p) => p.style === 'TOC2').map((p) => p.text)).toEqual([
      'Målområde 1 - God ekonomisk hushållning',
      'Målområde 2 - De kommunala kärnverksamheterna',
      'Målområde 3 - Tillväxt och demografi',
      'Målområde 4 - Specifika utvecklingsområden',
      'Övergripande perspektiv',
      'Uppföljning av nämnds uppdrag till förvaltning',
    ]);
    // Målområde 4 in the plan's order: Digitalisering (with its KF assignment), then Integration
    // (with mål 4 one level below it).
    const headings = doc.paragraphs.filter((p) => p.style?.startsWith('Heading')).map((p) => `${p.style} ${p.text}`);
    const from = headings.indexOf('Heading2 Målområde 4 - Specifika utvecklingsområden');
    expect(headings.slice(from, from + 7)).toEqual([
      'Heading2 Målområde 4 - Specifika utvecklingsområden',
      'Heading3 Digitalisering',
      'Heading4 Uppföljning om vad som gjorts för att främja digitala lösningar.',
      'Heading5 Vårt arbete och engagemang i Askersunds kommun',
      'Heading5 Nästa steg',
      'Heading3 Integration',
      'Heading4 Kommunstyrelsens mål 4: Kommunens nya invånare ska lära sig god svenska och kunna få en egen försörjning',
    ]);
    // No level is skipped anywhere.
    const levels = headings.map((h) => Number(/^Heading(\d)/.exec(h)![1]));
    levels.forEach((level, i) => i > 0 && expect(level - levels[i - 1]!, headings[i]).toBeLessThanOrEqual(1));
    expect(paragraph(doc, 'Övergripande perspektiv').style).toBe('Heading2');
    expect(paragraph(doc, 'Uppföljning av nämnds uppdrag till förvaltning').style).toBe('Heading2');

    expect(doc.document).toContain('<w:docPartGallery w:val="Table of Contents"/>');
    expect(doc.document).toMatch(/<w:instrText[^>]*>TOC [^<]*\\o &quot;1-2&quot;/);
    // The table of contents comes right after the title.
    expect(doc.document.indexOf('Table of Contents')).toBeGreaterThan(doc.document.indexOf('>Mål och uppdrag<'));
    expect(doc.document.indexOf('Table of Contents')).toBeLessThan(doc.document.indexOf('Förklaring till måluppfyllelse'));

    expect(doc.files['word/styles.xml']).toMatch(/<w:lang w:val="sv-SE"/);
  });

  it('is accessible: Swedish language, title and author, Calibri named for Word and LibreOffice alike', async () => {
    const doc = await open(reportFixture());
    expect(doc.files['word/styles.xml']).toMatch(/<w:lang w:val="sv-SE"/);
    expect(doc.files['word/styles.xml']).toMatch(/<w:rFonts w:ascii="Calibri" [^>]*w:hAnsi="Calibri"/);
    const core = doc.files['docProps/core.xml']!;
    expect(core).toContain('<dc:title>Mål och uppdrag – Kommunstyrelsen – Delår 2024</dc:title>');
    expect(core).toContain('<dc:creator>Kommunstyrelsen</dc:creator>');
    expect(core).toContain('<dc:language>sv-SE</dc:language>');
    // No pictures: the symbols are text, so nothing needs alt text.
    expect(Object.keys(doc.files).filter((f) => f.startsWith('word/media/'))).toEqual([]);
    expect(doc.document).not.toContain('<w:drawing>');
  });

  it('writes the Digitalisering list as real numbered list paragraphs and the styrmodell list as bullets', async () => {
    const doc = await open(reportFixture());
    const numbered = DIGITALISERING_ITEMS.map((item) => paragraph(doc, item));
    for (const p of numbered) {
      expect(p.xml).toContain('<w:numPr>');
      expect(p.numId).toBe(numbered[0]!.numId);
    }
    expect(numFormat(doc, numbered[0]!.numId!)).toBe('decimal');
    expect(doc.document).not.toMatch(/>1\. Nationell/);

    const bullet = doc.paragraphs.find((p) => p.text.startsWith('Styrning: Samla kommunens'))!;
    expect(bullet.numId).not.toBeNull();
    expect(numFormat(doc, bullet.numId!)).toBe('bullet');
    expect(bullet.xml).toContain('<w:b/>');
    // Italics from the Markdown.
    expect(doc.document).toMatch(
      /<w:r><w:rPr><w:i\/><w:iCs\/><\/w:rPr><w:t xml:space="preserve">Kommungemensamt handslag för välfärdsutveckling genom digitalisering<\/w:t>/,
    );
    // A safe link is a HYPERLINK field (no relationship with a random id).
    expect(doc.document).toContain('HYPERLINK &quot;https://www.inera.se/&quot;');
  });

  it('starts every list again at 1', async () => {
    const model = reportFixture();
    model.focusAreas[0]!.goals[0]!.analysis = '1. Första\n2. Andra';
    model.sections.push({ heading: 'Åtgärder', body: '1. Tredje\n2. Fjärde' });
    const doc = await open(model);
    const ids = ['Första', 'Tredje', DIGITALISERING_ITEMS[0]!].map((t) => paragraph(doc, t).numId);
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) {
      expect(numFormat(doc, id!)).toBe('decimal');
      expect(doc.files['word/numbering.xml']).toMatch(
        new RegExp(`<w:num w:numId="${id}">.*?<w:startOverride w:val="1"/>.*?</w:num>`),
      );
    }
    expect(paragraph(doc, 'Andra').numId).toBe(ids[0]);
  });

  it('never writes raw HTML from Markdown', async () => {
    const model = reportFixture();
    model.focusAreas[1]!.councilAssignments[0]!.reports[0]!.body = 'Före\n\n<script>alert("x")</script>\n\nEfter <b>fet</b>';
    const doc = await open(model);
    expect(doc.document).not.toMatch(/script|&lt;b&gt;/);
    expect(doc.paragraphs.map((p) => p.text)).toContain('Efter fet');
  });

  it('shows the preliminary notice only for a preliminary report', async () => {
    // The page header always says it, whatever the reader chose; the banner only when asked for.
    const preliminary = await open(reportFixture({ preliminary: true, approvedAt: null }));
    expect(preliminary.document).not.toContain('PRELIMINÄR');
    const header = Object.entries(preliminary.files).find(([name]) => /^word\/header\d+\.xml$/.test(name));
    expect(header?.[1]).toContain('PRELIMINÄR – PERIODEN ÄR INTE ATTESTERAD');
    expect(header?.[1]).toContain('Kommunstyrelsen – Delår 2024');
    const banner = await open(reportFixture({ preliminary: true, approvedAt: null }), { ...DEFAULT_REPORT_OPTIONS, preliminaryBanner: true });
    expect(banner.paragraphs[0]!.text).toBe('PRELIMINÄR – PERIODEN ÄR INTE ATTESTERAD');

    const approved = await open(reportFixture());
    const all = Object.values(approved.files).join('\n');
    expect(all).not.toMatch(/preliminär/i);
  });

  it('builds an approved report byte for byte the same, whenever it is built', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-01-02T03:04:05Z'));
    const first = await buildReportDocx(reportFixture());
    vi.setSystemTime(new Date('2026-06-07T08:09:11Z'));
    const second = await buildReportDocx(reportFixture());
    expect(second.equals(first)).toBe(true);

    const zip = await JSZip.loadAsync(first);
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('<dcterms:created xsi:type="dcterms:W3CDTF">2024-09-20T10:15:00Z</dcterms:created>');
    expect(core).toContain('<dcterms:modified xsi:type="dcterms:W3CDTF">2024-09-20T10:15:00Z</dcterms:modified>');
    expect(core).toContain('<cp:lastModifiedBy>Målbild</cp:lastModifiedBy>');
    for (const entry of Object.values(zip.files)) {
      expect(entry.date.toISOString()).toBe('2024-09-20T10:15:00.000Z');
    }
  });

  it('stamps an open period with the current time', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2025-03-04T05:06:07Z'));
    const zip = await JSZip.loadAsync(await buildReportDocx(reportFixture({ preliminary: true, approvedAt: null })));
    const core = await zip.file('docProps/core.xml')!.async('string');
    expect(core).toContain('2025-03-04T05:06:07Z');
  });

  it('setZipTimestamps leaves the content readable', async () => {
    const zip = new JSZip();
    zip.file('a.txt', 'hej');
    zip.file('b/c.txt', 'då');
    const buffer = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });
    const stamped = setZipTimestamps(buffer, new Date('2024-09-20T10:15:00Z'));
    const read = await JSZip.loadAsync(stamped);
    expect(await read.file('a.txt')!.async('string')).toBe('hej');
    expect(await read.file('b/c.txt')!.async('string')).toBe('då');
    expect(read.file('a.txt')!.date.toISOString()).toBe('2024-09-20T10:15:00.000Z');
  });
});
