// The report files of the demo's board and period: the DOCX holds every goal text, every
// indicator with its target label, outcome, colour word and arrow, every återrapportering
// text and the Digitalisering report's numbered list (LibreOffice's rendering of it is
// tests/db/report-layout.test.ts); the XLSX reads back with the same values as the database.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import JSZip from 'jszip';
import ExcelJS from 'exceljs';
import { openDatabase, type Database } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { getBoardReport, getBoardWorkbook } from '@/db/report';
import { buildReportDocx } from '@/lib/report-docx';
import { buildReportXlsx } from '@/lib/report-xlsx';
import { markdownBlocks, blocksToPlainText } from '@/lib/markdown-blocks';
import { demoUser, DEMO_EMAILS } from './demo-users';

/** The document's text, one line per paragraph, with the XML and its entities undone. */
function paragraphs(xml: string): string[] {
  return xml
    .split('</w:p>')
    .map((p) =>
      [...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)]
        .map((m) => m[1]!)
        .join('')
        .replace(/&lt;/g, '<')
        .replace(/&gt;/g, '>')
        .replace(/&quot;/g, '"')
        .replace(/&apos;/g, "'")
        .replace(/&amp;/g, '&'),
    )
    .filter((t) => t.length > 0);
}

describe('the report files of the demo', () => {
  let database: Database;
  let docx: Buffer;
  let text: string[];
  let documentXml: string;
  let ks: string;
  let periodId: string;

  beforeAll(async () => {
    database = await openDatabase({ dataDir: 'memory://' });
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    const viewer = await demoUser(database.db, DEMO_EMAILS.viewer);
    ks = (await database.db.select().from(s.units).where(eq(s.units.code, 'KS')))[0]!.id;
    periodId = (await database.db.select().from(s.periods).where(eq(s.periods.kind, 'delar')))[0]!.id;
    docx = await buildReportDocx(await getBoardReport(database.db, viewer, ks, periodId));
    documentXml = await (await JSZip.loadAsync(docx)).file('word/document.xml')!.async('string');
    text = paragraphs(documentXml);
  });
  afterAll(async () => {
    await database?.close();
  });

  const contains = (needle: string) => text.some((line) => line.includes(needle));

  it('holds every goal text with its board title', () => {
    for (const goal of askersund.goals) {
      expect(contains(`Kommunstyrelsens mål ${goal.number}: ${goal.text}`), goal.text).toBe(true);
    }
  });

  it('holds every indicator with its target label and outcome in Swedish format', () => {
    const rows: [string, string, string][] = [
      ['Sjukfrånvaro exkl. AME, procent', 'Lägre än 5,00', '1,86'],
      ['Sjukfrånvaro AME, procent', 'Lägre än 7,00', '6,59'],
      ['Andel deltagare som går vidare till arbete eller studier, procent', '>20', '15'],
      ['Elever som klarar minst två kurser, procent', '100', '58'],
      ['Den öppna arbetslösheten bland utrikes födda i kommunen ska vara bland de 25 % lägsta i länet.', '25', '33'],
    ];
    for (const [name, target, outcome] of rows) {
      const at = text.findIndex((line) => line === name);
      expect(at, name).toBeGreaterThanOrEqual(0);
      expect(text.slice(at + 1, at + 3)).toEqual([target, outcome]);
    }
    expect(contains('HME-resultat, index')).toBe(true);
    expect(contains('80 eller högre')).toBe(true);
  });

  it('writes the colour words and the arrows, and the legend', () => {
    for (const word of ['Uppfyllt', 'Ej uppfyllt', 'Ej mätt']) expect(contains(word), word).toBe(true);
    expect(contains('↑')).toBe(true);
    // The seed's arrows stand alone (words beside them are the reader's choice on /rapport).
    expect(contains('Bättre än året innan')).toBe(false);
    expect(contains('Förklaring till måluppfyllelse')).toBe(true);
    expect(contains('Pil uppåt = bättre än året innan')).toBe(true);
  });

  it('holds every återrapportering text', () => {
    for (const assignment of askersund.assignments) {
      for (const report of assignment.reports) {
        const firstParagraph = blocksToPlainText(markdownBlocks(report.body).slice(0, 1));
        expect(contains(firstParagraph.slice(0, 80)), firstParagraph.slice(0, 60)).toBe(true);
        if (report.heading) expect(contains(report.heading), report.heading).toBe(true);
      }
    }
    expect(contains('Övergripande perspektiv')).toBe(true);
    expect(contains('Uppföljning av nämnds uppdrag till förvaltning')).toBe(true);
  });

  it('keeps the Digitalisering report’s numbered list as a real Word list', () => {
    const items = [
      'Nationell identitets- och behörighetshantering',
      'Införande av SDK (Standardiserade Digitala Kommunikationen) i socialtjänsten',
      'Akutstöd – Digitala nationella prov (DNP)',
    ];
    const paragraphsXml = documentXml.split('</w:p>');
    for (const item of items) {
      const xml = paragraphsXml.find((p) => p.includes(item.replace('&', '&amp;')));
      expect(xml, item).toBeDefined();
      expect(xml).toContain('<w:numPr>');
    }
  });

  it('is preliminary in the page header while the period is open', async () => {
    const zip = await JSZip.loadAsync(docx);
    const headers = await Promise.all(zip.file(/^word\/header\d+\.xml$/).map((f) => f.async('string')));
    expect(headers.join('')).toContain('PRELIMINÄR – PERIODEN ÄR INTE ATTESTERAD');
  });

  it('keeps the seed’s own words: the målområde names and the Adressering as written', () => {
    expect(text).toContain('Målområde 1 - god ekonomisk hushållning');
    expect(text).toContain('Adressering: Sydnärkes utbildningsförbund, kommunledningsförvaltningen');
    expect(text).toContain('Målområde 2 - De kommunala kärnverksamheterna: Social omsorg');
  });

  it('keeps the seed’s "År | 2024 | 2024" row under the header of mål 3 and 4 only', () => {
    const yearRows = text.flatMap((line, i) => (line === 'År' && text[i + 1] === '2024' && text[i + 2] === '2024' ? [i] : []));
    expect(yearRows).toHaveLength(2);
    expect(text[yearRows[0]! + 3]).toBe('Andel deltagare som går vidare till arbete eller studier, procent');
    expect(text[yearRows[1]! + 3]).toBe('Elever som klarar minst två kurser, procent');
    expect(text.filter((line) => line === 'Mål 2024')).toHaveLength(2);
  });

  it('marks the arrows the reporter chose, with the reason, under the table', () => {
    expect(text).toContain('✓ Uppfyllt ↑¹');
    expect(text).toContain('¹ Pilen är vald av rapportören: Trendpilen enligt Kommunstyrelsens delårsbokslut 2024-08-31.');
    expect(text).toContain('² Pilen är vald av rapportören: Trendpilen enligt Kommunstyrelsens delårsbokslut 2024-08-31.');
  });

  // Builds the workbook from the database and reads it back with exceljs.
  it('the XLSX reads back with the same values as the database', { timeout: 120_000 }, async () => {
    const viewer = await demoUser(database.db, DEMO_EMAILS.viewer);
    const xlsx = await buildReportXlsx(await getBoardWorkbook(database.db, viewer, ks, periodId));
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = workbook.worksheets.find((w) => /Mått/.test(w.name))!;
    const header = (sheet.getRow(1).values as unknown[]).map(String);
    const codeCol = header.indexOf('Kod');
    const outcomeCol = header.indexOf('Utfall');
    expect(codeCol).toBeGreaterThan(0);
    expect(outcomeCol).toBeGreaterThan(0);
    const fromSheet = new Map<string, unknown>();
    sheet.eachRow((row, n) => {
      if (n > 1) fromSheet.set(String(row.getCell(codeCol).value), row.getCell(outcomeCol).value);
    });
    const rows = await database.db
      .select({ code: s.indicators.code, outcome: s.indicatorValues.outcome })
      .from(s.indicatorValues)
      .innerJoin(s.indicators, eq(s.indicators.id, s.indicatorValues.indicatorId));
    expect(rows).toHaveLength(6);
    for (const row of rows) expect(fromSheet.get(row.code) ?? null, row.code).toBe(row.outcome);
    expect(typeof fromSheet.get('KS-2024-M1-I1')).toBe('number');
  });
});
