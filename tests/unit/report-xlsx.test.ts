// The XLSX of a board's plan year, read back with exceljs: its sheets, typed cells (numbers,
// dates), Swedish words for colours, trends and statuses, and fixed timestamps.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { buildReportXlsx, decimalsFormat } from '@/lib/report-xlsx';
import { DIGITALISERING_ITEMS, reportFixture, workbookFixture } from '../support/report-fixture';
import { workbookReportParts } from '@/lib/report-workbook-build';
import { reportItemsMissingFrom } from '../support/workbook-items';
import type { WorkbookModel } from '@/lib/report-workbook-model';

async function open(model: WorkbookModel, now = new Date('2025-01-15T12:00:00Z')): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await buildReportXlsx(model, { now })) as unknown as ArrayBuffer);
  return wb;
}

function headers(ws: ExcelJS.Worksheet): string[] {
  return (ws.getRow(1).values as unknown[]).slice(1).map(String);
}

/** The row whose first-column-matching cell holds `text`. */
function rowWith(ws: ExcelJS.Worksheet, column: number, text: string): ExcelJS.Row {
  for (let r = 2; r <= ws.rowCount; r++) {
    if (ws.getRow(r).getCell(column).value === text) return ws.getRow(r);
  }
  throw new Error(`no row with "${text}"`);
}

// Every test writes the workbook with exceljs and reads it back (0.1–0.8 s on an idle
// machine, the first with exceljs' warm-up): a budget well above vitest's default 5 s.
describe('buildReportXlsx', { timeout: 30_000 }, () => {
  it('has the sheets in order', async () => {
    const wb = await open(workbookFixture());
    expect(wb.worksheets.map((ws) => ws.name)).toEqual([
      'Om',
      'Texter',
      'Förklaring',
      'Mål',
      'Mått och utfall',
      'Mått i rapporten',
      'KF-uppdrag',
      'Nämndens uppdrag',
      'Uppdrag och återrapportering',
    ]);
  });

  it('holds every item of the report as data: every text, word, number and date of the report model', async () => {
    const report = reportFixture();
    // A colour and an arrow the reporter chose, with and without a reason.
    const sick = report.focusAreas[0]!.goals[0]!.indicators[0]!;
    sick.chosenColour = { justification: 'Utfallet är preliminärt enligt HR-systemet.' };
    sick.chosenTrend = { justification: null };
    report.focusAreas[1]!.goals[0]!.chosenColour = { justification: 'Bedömd utifrån helårsprognosen.' };
    const wb = await open(workbookFixture({ parts: workbookReportParts(report) }));
    const { missing, checked } = reportItemsMissingFrom(wb, report);
    expect(missing).toEqual([]);
    expect(checked).toBeGreaterThan(100);
    // The lookup finds what is not there: the same report against a workbook without its parts.
    const bare = await open(workbookFixture({ parts: { texts: [], legend: [], goals: [], indicators: [], councilAssignments: [], boardAssignments: [] } }));
    expect(reportItemsMissingFrom(bare, report).missing.length).toBeGreaterThan(20);
    const shown = wb.getWorksheet('Mått i rapporten')!;
    const h = headers(shown);
    const row = rowWith(shown, 2, 'Sjukfrånvaro exkl. AME, procent');
    expect(row.getCell(h.indexOf('Färg vald av rapportören') + 1).value).toBe('Ja: Utfallet är preliminärt enligt HR-systemet.');
    expect(row.getCell(h.indexOf('Pil vald av rapportören') + 1).value).toBe('Ja (ingen motivering angiven)');
    expect(rowWith(shown, 2, 'Sjukfrånvaro AME, procent').getCell(h.indexOf('Färg vald av rapportören') + 1).type).toBe(ExcelJS.ValueType.Null);
  });

  it('has the KF assignments with their återrapportering, the board assignments with their texts, the texts and the legend', async () => {
    const wb = await open(workbookFixture());
    const kf = wb.getWorksheet('KF-uppdrag')!;
    const kh = headers(kf);
    expect(kh).toEqual(['Kommunfullmäktiges målområde', 'Delområde', 'Uppdrag', 'Status', 'Enhet', 'Enhetens status', 'Rubrik', 'Återrapportering']);
    const digital = rowWith(kf, 1, 'Målområde 4 – Specifika utvecklingsområden: digitalisering');
    expect(digital.getCell(kh.indexOf('Status') + 1).value).toBe('Pågår');
    expect(digital.getCell(kh.indexOf('Enhet') + 1).value).toBe('Kommunledningsförvaltningen');
    const body = String(digital.getCell(kh.indexOf('Återrapportering') + 1).value);
    for (const item of DIGITALISERING_ITEMS) expect(body).toContain(item);
    expect(body).not.toContain('*');

    const board = wb.getWorksheet('Nämndens uppdrag')!;
    const bh = headers(board);
    const plan = rowWith(board, 2, 'Handlingsplaner för att minska kommunens befarade underskott 2024.');
    expect(plan.getCell(bh.indexOf('Grupp') + 1).value).toBe('Andra pågående uppdrag');
    expect(plan.getCell(bh.indexOf('Status') + 1).value).toBe('Ej påbörjat');
    expect(plan.getCell(bh.indexOf('Uppföljning') + 1).type).toBe(ExcelJS.ValueType.Null);
    const arena = rowWith(board, 2, 'Intensifiera arbetet med att sälja namnrättigheterna m.m. till den nya idrottshallen');
    expect(String(arena.getCell(bh.indexOf('Uppdragstext') + 1).value)).toMatch(/^Kommunfullmäktige har i samband med beslut/);

    const texts = wb.getWorksheet('Texter')!;
    expect(rowWith(texts, 1, 'Övergripande perspektiv').getCell(3).value).toMatch(/^Att arbeta för ökad tillgänglighet/);
    expect(rowWith(texts, 1, 'Målområde 3 - Tillväxt och demografi').getCell(3).value).toBe('Vi är en attraktiv kommun att arbeta och leva i.');

    const legend = wb.getWorksheet('Förklaring')!;
    const rows: string[] = [];
    legend.eachRow((row, n) => n > 1 && rows.push((row.values as unknown[]).slice(1).join(' | ')));
    expect(rows).toEqual([
      'Färg | ✕ | Ej uppfyllt | Rött = målet ej uppfyllt',
      'Färg | ◐ | Delvis uppfyllt | Gult = målet delvis uppfyllt',
      'Färg | ✓ | Uppfyllt | Grönt = målet är uppfyllt',
      'Färg | – | Ej mätt | Grått = ej mätt',
      'Trend | ↑ | Bättre än året innan | Pil uppåt = bättre än året innan',
      'Trend | → | Oförändrat jämfört med året innan | Pil åt sidan = lika med förra året',
      'Trend | ↓ | Sämre än året innan | Pil nedåt = sämre än året innan',
    ]);

    const shown = wb.getWorksheet('Mått i rapporten')!;
    const sh = headers(shown);
    const sick = rowWith(shown, 2, 'Sjukfrånvaro exkl. AME, procent').getCell(sh.indexOf('Utfall') + 1);
    expect(sick.type).toBe(ExcelJS.ValueType.Number);
    expect(sick.value).toBe(1.86);
    expect(sick.numFmt).toBe('0.00');
  });

  it('describes the export on the "Om" sheet', async () => {
    const about = (await open(workbookFixture())).getWorksheet('Om')!;
    const values = new Map<string, ExcelJS.CellValue>();
    about.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    expect(values.get('Nämnd')).toBe('Kommunstyrelsen');
    expect(values.get('Period')).toBe('Delår 2024');
    expect(values.get('Preliminär')).toBe('Nej');
    // Swedish time: 10:15Z is 12:15 in September (CEST).
    expect(values.get('Attesterad')).toEqual(new Date('2024-09-20T12:15:00Z'));
    // The approved workbook is the same document whenever it is downloaded: no export time.
    expect(values.has('Exporterad')).toBe(false);

    const preliminary = (await open(workbookFixture({ preliminary: true, approvedAt: null }))).getWorksheet('Om')!;
    const labels: string[] = [];
    preliminary.eachRow((row) => labels.push(`${row.getCell(1).value}: ${row.getCell(2).text}`));
    expect(labels).toContain('Preliminär: Ja – perioden är inte attesterad');
    expect(labels.some((l) => l.startsWith('Attesterad'))).toBe(false);
    expect(labels.some((l) => l.startsWith('Exporterad'))).toBe(true);
  });

  it('has a bold, frozen header row with a filter on every data sheet', async () => {
    const wb = await open(workbookFixture());
    for (const name of ['Texter', 'Förklaring', 'Mål', 'Mått och utfall', 'Mått i rapporten', 'KF-uppdrag', 'Nämndens uppdrag', 'Uppdrag och återrapportering']) {
      const ws = wb.getWorksheet(name)!;
      expect(ws.getRow(1).getCell(1).font?.bold).toBe(true);
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      for (let c = 1; c <= ws.columnCount; c++) expect(ws.getColumn(c).width).toBeGreaterThanOrEqual(9);
    }
    expect(headers(wb.getWorksheet('Mått och utfall')!)).toEqual([
      'Mål',
      'Kod',
      'Mått',
      'Enhet',
      'Målvärde',
      'Period',
      'Periodens slut',
      'Utfall',
      'Måluppfyllelse',
      'Trend',
      'Analys',
      'Version',
      'Sparad av',
      'Sparad',
    ]);
  });

  it('writes outcomes as numbers formatted to their decimals, a missing outcome as an empty cell', async () => {
    const ws = (await open(workbookFixture())).getWorksheet('Mått och utfall')!;
    const col = headers(ws).indexOf('Utfall') + 1;

    const sick = rowWith(ws, 3, 'Sjukfrånvaro exkl. AME, procent').getCell(col);
    expect(sick.type).toBe(ExcelJS.ValueType.Number);
    expect(sick.value).toBe(1.86);
    expect(sick.numFmt).toBe('0.00');

    const ame = rowWith(ws, 3, 'Sjukfrånvaro AME, procent').getCell(col);
    expect(ame.value).toBe(6.59);
    expect(ame.numFmt).toBe('0.00');

    const hme = rowWith(ws, 3, 'HME-resultat, index').getCell(col);
    expect(hme.type).toBe(ExcelJS.ValueType.Null);

    const version = rowWith(ws, 3, 'Sjukfrånvaro exkl. AME, procent').getCell(headers(ws).indexOf('Version') + 1);
    expect(version.type).toBe(ExcelJS.ValueType.Number);
    expect(version.value).toBe(2);
  });

  it('formats each outcome by its own decimals', async () => {
    const model = workbookFixture();
    model.indicatorValues[2] = { ...model.indicatorValues[2]!, outcome: 80, decimals: 0 };
    model.indicatorValues.push({ ...model.indicatorValues[0]!, code: 'KS-1.3', indicator: 'Tredje', outcome: 5117.5, decimals: 1 });
    const ws = (await open(model)).getWorksheet('Mått och utfall')!;
    const col = headers(ws).indexOf('Utfall') + 1;
    expect(rowWith(ws, 3, 'HME-resultat, index').getCell(col).numFmt).toBe('0');
    expect(rowWith(ws, 3, 'HME-resultat, index').getCell(col).value).toBe(80);
    expect(rowWith(ws, 3, 'Tredje').getCell(col).numFmt).toBe('0.0');
    expect(rowWith(ws, 3, 'Sjukfrånvaro exkl. AME, procent').getCell(col).numFmt).toBe('0.00');
    // The column's other cells keep their own formats.
    expect(rowWith(ws, 3, 'Tredje').getCell(col + 1).numFmt).toBeUndefined();
  });

  it('writes dates as dates and colours, trends and statuses as Swedish words', async () => {
    const wb = await open(workbookFixture());
    const values = wb.getWorksheet('Mått och utfall')!;
    const h = headers(values);
    const sick = rowWith(values, 3, 'Sjukfrånvaro exkl. AME, procent');
    const periodEnd = sick.getCell(h.indexOf('Periodens slut') + 1);
    expect(periodEnd.type).toBe(ExcelJS.ValueType.Date);
    expect(periodEnd.value).toEqual(new Date('2024-08-31T00:00:00Z'));
    expect(periodEnd.numFmt).toBe('yyyy-mm-dd');
    const saved = sick.getCell(h.indexOf('Sparad') + 1);
    expect(saved.type).toBe(ExcelJS.ValueType.Date);
    expect(saved.value).toEqual(new Date('2024-09-10T10:30:00Z')); // 08:30Z in Swedish time
    expect(saved.numFmt).toBe('yyyy-mm-dd hh:mm');
    expect(sick.getCell(h.indexOf('Måluppfyllelse') + 1).value).toBe('Uppfyllt');
    expect(sick.getCell(h.indexOf('Trend') + 1).value).toBe('Bättre än året innan');
    expect(rowWith(values, 3, 'HME-resultat, index').getCell(h.indexOf('Måluppfyllelse') + 1).value).toBe('Ej mätt');

    const goals = wb.getWorksheet('Mål')!;
    const gh = headers(goals);
    const goal1 = rowWith(goals, 3, 'Kommunstyrelsens mål 1');
    expect(goal1.getCell(gh.indexOf('Måluppfyllelse') + 1).value).toBe('Uppfyllt');
    expect(goal1.getCell(gh.indexOf('Prognos helår') + 1).value).toBe('Uppfyllt');
    expect(goal1.getCell(gh.indexOf('Bedömningsregel') + 1).value).toBe('Alla mått ska vara uppfyllda');

    const reports = wb.getWorksheet('Uppdrag och återrapportering')!;
    const rh = headers(reports);
    const digital = rowWith(reports, 1, 'KF-4.1');
    expect(digital.getCell(rh.indexOf('Status') + 1).value).toBe('Pågår');
    const due = digital.getCell(rh.indexOf('Sista dag') + 1);
    expect(due.type).toBe(ExcelJS.ValueType.Date);
    expect(due.value).toEqual(new Date('2024-12-31T00:00:00Z'));
    const body = String(digital.getCell(rh.indexOf('Återrapportering') + 1).value);
    expect(body).toContain('1. Nationell identitets- och behörighetshantering');
    expect(body).toContain('7. Akutstöd – Digitala nationella prov (DNP)');
    expect(body).not.toContain('*');
    const styr = rowWith(reports, 1, 'KS-U2');
    expect(styr.getCell(rh.indexOf('Status') + 1).value).toBe('Genomfört');
    expect(styr.getCell(rh.indexOf('Sista dag') + 1).type).toBe(ExcelJS.ValueType.Null);
    expect(String(styr.getCell(rh.indexOf('Återrapportering') + 1).value)).toContain('• Styrning: Samla');
  });

  it('fixes the workbook timestamps from approvedAt', async () => {
    const wb = await open(workbookFixture());
    expect(wb.creator).toBe('Målbild');
    expect(wb.lastModifiedBy).toBe('Målbild');
    expect(wb.created).toEqual(new Date('2024-09-20T10:15:00Z'));
    expect(wb.modified).toEqual(new Date('2024-09-20T10:15:00Z'));
  });

  it('decimalsFormat', () => {
    expect(decimalsFormat(0)).toBe('0');
    expect(decimalsFormat(1)).toBe('0.0');
    expect(decimalsFormat(2)).toBe('0.00');
    expect(decimalsFormat(3)).toBe('0.000');
  });
});
