// Parsing an uploaded values workbook: the good file, and every kind of file it refuses.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { buildValuesTemplate, MAX_FILE_BYTES, parseValuesWorkbook, VALUE_COLUMNS } from '@/lib/value-import';

type Cell = ExcelJS.CellValue;

async function workbook(rows: Cell[][], options: { sheet?: string; header?: string[] } = {}): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(options.sheet ?? 'Värden');
  ws.addRow(options.header ?? [...VALUE_COLUMNS]);
  for (const row of rows) ws.addRow(row);
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const only = (problems: { message: string }[]) => {
  expect(problems).toHaveLength(1);
  return problems[0]!.message;
};

// Every test here writes a workbook with exceljs and reads it back (0.1–0.4 s on an idle
// machine, several times that on a loaded 2-core one), so the file has a budget well above
// vitest's default 5 s; the two that build big inputs have their own, larger one.
describe('parseValuesWorkbook', { timeout: 30_000 }, () => {
  it('reads a good file: numbers as typed in Swedish, text as text, empty rows skipped', async () => {
    const file = await workbook([
      ['KS-2024-M1-I1', 'Delår 2024', 1.95, 'avser jan–aug', 'Bra *läge*'],
      [],
      ['KS-2024-M1-I2', ' Delår   2024 ', '6,59', null, null],
      ['KS-2024-M2-I1', 'Delår 2024', null, null, 'Mätningen görs i höst.'],
    ]);
    const { rows, problems } = await parseValuesWorkbook(file);
    expect(problems).toEqual([]);
    expect(rows).toEqual([
      { sheet: 'Värden', row: 2, code: 'KS-2024-M1-I1', period: 'Delår 2024', outcome: '1,95', referenceNote: 'avser jan–aug', analysis: 'Bra *läge*' },
      { sheet: 'Värden', row: 4, code: 'KS-2024-M1-I2', period: 'Delår 2024', outcome: '6,59', referenceNote: '', analysis: '' },
      { sheet: 'Värden', row: 5, code: 'KS-2024-M2-I1', period: 'Delår 2024', outcome: '', referenceNote: '', analysis: 'Mätningen görs i höst.' },
    ]);
  });

  it('refuses a formula without evaluating it', async () => {
    const file = await workbook([['KS-2024-M1-I1', 'Delår 2024', { formula: '1+1', result: 2 }, null, null]]);
    const { rows, problems } = await parseValuesWorkbook(file);
    expect(rows).toEqual([]);
    expect(problems).toEqual([{ sheet: 'Värden', row: 2, column: 'Utfall', message: expect.stringContaining('Formler är inte tillåtna') }]);
  });

  it('refuses a buffer that is not an XLSX', async () => {
    expect(only((await parseValuesWorkbook(new TextEncoder().encode('Kod;Period\nA;B'))).problems)).toMatch(/inte en Excelfil/);
    // A zip that is not a workbook.
    const zip = new JSZip();
    zip.file('hej.txt', 'hej');
    const notWorkbook = await zip.generateAsync({ type: 'uint8array' });
    expect(only((await parseValuesWorkbook(notWorkbook)).problems)).toMatch(/inte en Excelfil/);
  });

  it('refuses a file over 5 MB before parsing it', async () => {
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(only((await parseValuesWorkbook(big)).problems)).toBe('Filen är större än 5 MB.');
  });

  // Deflates 60 MB of text to build the bomb (~3 s idle): a generous budget of its own.
  it('refuses a zip bomb by the bytes it actually unpacks', { timeout: 120_000 }, async () => {
    const zip = new JSZip();
    zip.file('[Content_Types].xml', '<x/>');
    zip.file('xl/worksheets/sheet1.xml', 'a'.repeat(60 * 1024 * 1024));
    const bomb = await zip.generateAsync({ type: 'uint8array', compression: 'DEFLATE', compressionOptions: { level: 9 } });
    expect(bomb.length).toBeLessThan(MAX_FILE_BYTES);
    expect(only((await parseValuesWorkbook(bomb)).problems)).toMatch(/uppackad|orimligt/);
  });

  it('refuses a missing "Värden" sheet and a wrong header', async () => {
    expect(only((await parseValuesWorkbook(await workbook([], { sheet: 'Blad1' }))).problems)).toMatch(/Bladet "Värden" saknas/);
    const wrong = await parseValuesWorkbook(await workbook([['X', 'Delår 2024']], { header: ['Kod', 'Period', 'Värde'] }));
    expect(wrong.rows).toEqual([]);
    // "Värde" is not a column of the file: the three it lacks are named, once each, and no row is read.
    expect(wrong.problems.map((p) => [p.row, p.column, p.message])).toEqual(
      ['Utfall', 'Avser', 'Analys'].map((c) => [1, c, `Kolumnen "${c}" saknas i bladet "Värden". Lägg till den i rubrikraden eller utgå från mallen.`]),
    );
  });

  // Writes and parses a 20 001-row workbook (~3 s idle; it timed out at 5 s under load).
  it('refuses more than 20 000 data rows', { timeout: 120_000 }, async () => {
    const rows = Array.from({ length: 20_001 }, (_, i) => [`K${i}`, 'Delår 2024']);
    expect(only((await parseValuesWorkbook(await workbook(rows))).problems)).toMatch(/fler än 20\s000 rader/);
  });

  it('keeps script and HTML as inert text', async () => {
    const text = '<script>alert("x")</script><img src=x onerror=alert(1)>';
    const { rows, problems } = await parseValuesWorkbook(await workbook([['KS-2024-M1-I1', 'Delår 2024', '1,5', text, text]]));
    expect(problems).toEqual([]);
    expect(rows[0]).toMatchObject({ referenceNote: text, analysis: text });
  });

  it('reports rows without code or period', async () => {
    const { rows, problems } = await parseValuesWorkbook(await workbook([[null, 'Delår 2024', '1'], ['KS-1', null, '1']]));
    expect(rows).toEqual([]);
    expect(problems.map((p) => [p.row, p.column])).toEqual([
      [2, 'Kod'],
      [3, 'Period'],
    ]);
  });

  it('reads its own template back: instructions, header and the prefilled rows', async () => {
    const template = await buildValuesTemplate([
      { code: 'KS-2024-M1-I1', period: 'Delår 2024', outcome: 1.86, decimals: 2, referenceNote: null, analysis: null, name: 'Sjukfrånvaro', targetLabel: 'Lägre än 5,00' },
      { code: 'KS-2024-M2-I1', period: 'Delår 2024', outcome: null, decimals: 0, referenceNote: null, analysis: 'Mätning i höst', name: 'HME', targetLabel: '80 eller högre' },
    ]);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(template as unknown as ArrayBuffer);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['Instruktioner', 'Värden']);
    const instructions = wb.getWorksheet('Instruktioner')!.getColumn(1).values.join('\n');
    expect(instructions).toContain('1,86');
    expect(instructions).toContain('ej mätt');
    expect(instructions).toMatch(/Ingenting sparas om inte hela filen är korrekt/);
    const { rows, problems } = await parseValuesWorkbook(new Uint8Array(template));
    expect(problems).toEqual([]);
    expect(rows.map((r) => [r.code, r.period, r.outcome, r.analysis])).toEqual([
      ['KS-2024-M1-I1', 'Delår 2024', '1,86', ''],
      ['KS-2024-M2-I1', 'Delår 2024', '', 'Mätning i höst'],
    ]);
  });
});
