// The finance import (issue 16): amounts as an ekonomisystem export writes them, the template
// read back to the same tables, every problem named by sheet, row and column; and the
// chapters built from the tables in the seed's layout, on a page model, in Word and Excel.
import { describe, expect, test } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { askersundFinance } from '@/db/demo/askersund-finance';
import { financeTemplate, parseFinanceWorkbook, parseTkr, AMOUNT_PROBLEM } from '@/lib/finance-import';
import { checkFinance, withExplanations } from '@/lib/finance-checks';
import { financeResultChapter, investmentsChapter } from '@/lib/finance-chapters';
import { buildFinanceDocx } from '@/lib/finance-docx';
import { buildFinanceXlsx } from '@/lib/finance-xlsx';
import { tkrField, withRowFigures, editableRows } from '@/lib/finance-edit';
import type { FinanceTables, Operations } from '@/lib/finance-model';

const seed = () => structuredClone(askersundFinance) as FinanceTables;
const texts = { result: askersundFinance.result!.text, investments: askersundFinance.investments!.text };

describe('amounts as typed or exported', () => {
  test.each([
    ['−26 632', -26_632], // U+2212 and a plain space
    ['-26 632', -26_632],
    ['-26\u00a0632', -26_632], // what Intl writes
    ['−26\u202f632 tkr', -26_632],
    ['26632', 26_632],
    ['-8808 TKR', -8_808],
    ['0', 0],
    ['', null],
  ])('%j is %j', (text, value) => {
    expect(parseTkr(text)).toEqual({ value });
    const field = tkrField.safeParse(text);
    expect(field.success && field.data).toBe(value);
  });
  test.each(['1,5', '-26 62', 'femton', '12 tkr tkr', '1.000.000'])('%j is refused: whole tkr only', (text) => {
    expect(parseTkr(text)).toEqual({ problem: AMOUNT_PROBLEM });
    expect(tkrField.safeParse(text).success).toBe(false);
  });
});

async function workbookOf(build: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  build(wb);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

describe('the template', () => {
  test('read back gives the same tables and the same 14 warnings', async () => {
    const parsed = await parseFinanceWorkbook(new Uint8Array(await financeTemplate(seed())), texts);
    expect(parsed.problems).toEqual([]);
    expect(parsed.tables.result).toEqual(askersundFinance.result);
    // The operations' notes carry their own headings in the seed; the template writes the row's.
    const operations = parsed.tables.operations!;
    expect(operations.rows.map(({ note, ...r }) => ({ ...r, note: note && { ...note, heading: '' } }))).toEqual(
      askersundFinance.operations!.rows.map(({ note, ...r }) => ({ ...r, note: note && { ...note, heading: '' } })),
    );
    expect(operations.total).toEqual(askersundFinance.operations!.total);
    expect(operations.totalLabel).toBe('Summa Kommunstyrelsen');
    const inv = parsed.tables.investments!;
    expect(inv.projects.map((p) => [p.name, p.outcome, p.forecast, p.budget, p.deviation, p.subItems, p.totals])).toEqual(
      askersundFinance.investments!.projects.map((p) => [p.name, p.outcome, p.forecast, p.budget, p.deviation, p.subItems, p.totals]),
    );
    expect(checkFinance(parsed.tables as FinanceTables).map((w) => w.key)).toEqual(checkFinance(seed()).map((w) => w.key));
  });

  test('an empty board gets an empty template that reads as empty tables with problems only for the missing Summa', async () => {
    const parsed = await parseFinanceWorkbook(new Uint8Array(await financeTemplate({ result: null, operations: null, investments: null })));
    expect(parsed.tables.operations?.rows).toEqual([]);
    expect(parsed.problems).toEqual([]);
  });
});

describe('a pasted ekonomisystem export', () => {
  test('"(tkr)" and "tkr" headings, text amounts with spaces and U+2212: one sheet replaces one table', async () => {
    const file = await workbookOf((wb) => {
      const ws = wb.addWorksheet('Driftredovisning');
      ws.addRow(['Kod', 'Verksamhet', 'Utfall (tkr)', 'Prognos, tkr', 'Budget tkr', 'Avvikelse', 'Analysnr', 'Intäkt prognos', 'Kostnad prognos', 'Intäkt budget', 'Kostnad budget', 'Nettoavvikelse', 'Analys']);
      ws.addRow(['45', 'Gymnasieskola', '−46 705', '-76 294 tkr', -70294, '−6\u00a0000']);
      ws.addRow(['Summa', 'Kommunstyrelsen', '−46 705', '-76 294', '-70 294', '-6 000']);
    });
    const parsed = await parseFinanceWorkbook(file);
    expect(parsed.problems).toEqual([]);
    expect(Object.keys(parsed.tables)).toEqual(['operations']);
    expect(parsed.tables.operations).toEqual({
      totalLabel: 'Summa Kommunstyrelsen',
      rows: [{ code: '45', name: 'Gymnasieskola', outcome: -46_705, forecast: -76_294, budget: -70_294, deviation: -6_000, note: null }],
      total: { outcome: -46_705, forecast: -76_294, budget: -70_294, deviation: -6_000 },
    });
  });

  test('every problem is named with its sheet, row and column; nothing is half read', async () => {
    const file = await workbookOf((wb) => {
      const r = wb.addWorksheet('Resultat');
      r.addRow(['Rad', 'Utfall', 'Prognos', 'Budget', 'Avvikelse']);
      r.addRow(['Intäkter', '39 593,5', 1, 1, 0]);
      r.addRow(['Övrigt', 1, 1, 1, 0]);
      const i = wb.addWorksheet('Investeringar');
      i.addRow(['Nr', 'Projekt', 'Delpost', 'Utfall', 'Prognos', 'Budget', 'Avvikelse', 'Analysnr', 'Analys']);
      i.addRow(['7', null, 'Solskydd', -37]);
      i.addRow(['1', 'Skola', null, { formula: '1+1' }]);
    });
    const parsed = await parseFinanceWorkbook(file);
    expect(parsed.problems).toEqual(
      expect.arrayContaining([
        { sheet: 'Resultat', row: 2, column: 'Utfall', message: AMOUNT_PROBLEM },
        expect.objectContaining({ sheet: 'Resultat', row: 3, column: 'Rad' }),
        expect.objectContaining({ sheet: 'Investeringar', row: 2, column: 'Nr', message: expect.stringMatching(/projekt 7, som inte finns/) }),
        expect.objectContaining({ sheet: 'Investeringar', row: 3, column: 'Utfall', message: expect.stringMatching(/Formler/) }),
        expect.objectContaining({ sheet: 'Investeringar', row: null, message: expect.stringMatching(/Summaraden saknas/) }),
      ]),
    );
  });

  test('a file with none of the sheets is refused as a whole', async () => {
    const parsed = await parseFinanceWorkbook(await workbookOf((wb) => wb.addWorksheet('Blad1').addRow(['x'])));
    expect(parsed.problems).toEqual([expect.objectContaining({ row: null, message: expect.stringMatching(/inget av bladen/) })]);
  });
});

describe('row entry', () => {
  test('a row is replaced in a copy of its table; other rows and the stored tables are untouched', () => {
    const tables = seed();
    const rows = editableRows(tables);
    expect(rows.map((r) => r.key)).toContain('investments:4:totals');
    const ops = withRowFigures(tables, 'operations:92', { outcome: -26_632, forecast: -39_882, budget: -39_530, deviation: -352 }) as Operations;
    expect(ops.rows.find((r) => r.code === '92')!.outcome).toBe(-26_632);
    expect(tables.operations!.rows.find((r) => r.code === '92')!.outcome).toBe(-2_662);
    expect(withRowFigures(tables, 'operations:99', { outcome: 1, forecast: 1, budget: 1, deviation: 0 })).toBeNull();
  });
});

describe('the chapters in the seed’s layout', () => {
  const input = { tables: seed(), warnings: withExplanations(checkFinance(seed()), []), period: { year: 2024, endDate: '2024-08-31' } };

  test('Delårsresultat och prognos: the result table, the driftredovisning with Summa and the analyses, errors marked', () => {
    const blocks = financeResultChapter(input);
    expect(blocks[0]).toEqual({ kind: 'heading', level: 1, text: 'Delårsresultat och prognos' });
    const result = blocks.find((b) => b.kind === 'table' && b.caption === 'Resultat 2024, tkr');
    expect(result && result.kind === 'table' && result.header.map((c) => c.text)).toEqual(['(tkr)', 'Utfall 24-08-31', 'Helårsprognos 2024', 'Budget 2024', 'Budgetavvikelse']);
    const ops = blocks.find((b) => b.kind === 'table' && b.caption === 'Driftredovisning 2024, tkr');
    if (ops?.kind !== 'table') throw new Error('no driftredovisning');
    const row92 = ops.rows.find((r) => r[0]!.text === '92 Gemensamma verksamheter')!;
    expect(row92.map((c) => c.text)).toEqual(['92 Gemensamma verksamheter', '−2\u00a0662', '−39\u00a0882', '−39\u00a0530', '−352', '9']);
    expect(row92[1]!.warnings).toEqual(['operations:sum:outcome:row:92']);
    expect(ops.rows.at(-1)!.map((c) => c.text)).toEqual(['Summa Kommunstyrelsen', '−114\u00a0168', '−174\u00a0861', '−169\u00a0744', '−5\u00a0117', '']);
    expect(blocks.filter((b) => b.kind === 'markdown' && b.text.startsWith('**Analys'))).toHaveLength(9);
  });

  test('Investeringar: sub-items in italics under their project, the project-cost table and the analyses', () => {
    const blocks = investmentsChapter(input);
    const table = blocks.find((b) => b.kind === 'table' && b.caption === 'Investeringsredovisning 2024-08-31, tkr');
    if (table?.kind !== 'table') throw new Error('no investeringsredovisning');
    const i = table.rows.findIndex((r) => r[0]!.text === 'Investering enligt reinvesteringsplan 2024');
    expect(table.rows[i + 1]![0]).toMatchObject({ text: 'Björkängens förskola, ventilation', italic: true });
    expect(table.rows[i + 11]![0]!.text).toBe('Åmmebergs skola, lokalanpassning');
    expect(table.rows[i + 11]![1]!.warnings).toBeDefined();
    const totals = blocks.find((b) => b.kind === 'table' && b.caption === 'Projektkostnader 2024-08-31, tkr');
    if (totals?.kind !== 'table') throw new Error('no project costs');
    expect(totals.rows.find((r) => r[0]!.text === 'Hammars skola/förskola')!.map((c) => c.text)).toEqual([
      'Hammars skola/förskola', '−14\u00a0280', '14\u00a0500', '−7\u00a0700', '−6\u00a0800', '−44\u00a0765', '−45\u00a0000', '−37\u00a0500', '−7\u00a0500',
    ]);
  });

  test('explained or corrected differences leave no marks', () => {
    const clean = financeResultChapter({ ...input, warnings: [] });
    const cells = clean.flatMap((b) => (b.kind === 'table' ? b.rows.flat() : []));
    expect(cells.some((c) => c.warnings)).toBe(false);
  });

  test('Word: real tables with the seed’s figures, a preliminary one says so', async () => {
    const chapters = [financeResultChapter(input), investmentsChapter(input)];
    const a = await buildFinanceDocx({ title: 'Kommunstyrelsen – Delår 2024', chapters, approvedAt: null });
    const xml = await (await JSZip.loadAsync(a)).file('word/document.xml')!.async('string');
    expect((xml.match(/<w:tbl>/g) ?? []).length).toBeGreaterThan(20);
    for (const text of ['Delårsresultat och prognos', 'Driftredovisning 2024', 'Investeringsanalys 2024 tkr', '−2\u00a0662 ⚠', '−63\u00a0684', 'Exploatering Gustavslund']) {
      expect(xml).toContain(text);
    }
    expect(xml).toContain('Preliminär – perioden är inte attesterad');
  });

  test('Excel: one sheet per chapter, amounts as numbers', async () => {
    const buffer = await buildFinanceXlsx([
      { title: 'Delårsresultat och prognos', blocks: financeResultChapter(input) },
      { title: 'Investeringar', blocks: investmentsChapter(input) },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(buffer as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Delårsresultat och prognos', 'Investeringar']);
    const values: unknown[] = [];
    wb.getWorksheet('Delårsresultat och prognos')!.eachRow((row) => {
      if (row.getCell(1).text === '92 Gemensamma verksamheter') values.push(row.getCell(2).value);
    });
    expect(values[0]).toBe(-2_662); // then the analysis table's first row, "Intäkt"
  });
});
