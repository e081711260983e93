// The Excel kit both imports share: opening a file, the header, reading rows and cells.
// The imports' own tests (value-import, structure-import) cover the files end to end.
import { describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import {
  MAX_DATA_ROWS,
  NOT_XLSX,
  TOO_LARGE,
  openWorkbook,
  readHeader,
  readRows,
  tooManyRows,
  type Sheet,
  type SheetRead,
  type SheetRow,
} from '@/lib/excel-import';

const COLUMNS = ['Kod', 'Namn', 'Datum'] as const;

async function sheet(rows: ExcelJS.CellValue[][], header: string[] = [...COLUMNS]): Promise<Sheet> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('Blad');
  ws.addRow(header);
  for (const row of rows) ws.addRow(row);
  const opened = await openWorkbook(new Uint8Array(await wb.xlsx.writeBuffer()));
  if ('refused' in opened) throw new Error(opened.refused);
  return opened.workbook.getWorksheet('Blad')!;
}

const read = (ws: Sheet, dates: 'iso' | 'refuse'): SheetRead<SheetRow<(typeof COLUMNS)[number]>> => {
  const header = readHeader(ws, 'Blad', COLUMNS);
  if ('problems' in header) throw new Error(header.problems[0]!.message);
  return readRows(ws, 'Blad', header.positions, { dates, required: { Kod: 'Koden saknas.', Namn: 'Namnet saknas.' } });
};

// Each test writes a small workbook with exceljs and reads it back: a budget above the
// default 5 s for a loaded machine.
describe('the Excel kit', { timeout: 30_000 }, () => {
  it('opens a workbook, and refuses what is not one or is too large', async () => {
    expect(await openWorkbook(new TextEncoder().encode('Kod;Namn'))).toEqual({ refused: NOT_XLSX });
    const big = new Uint8Array(5 * 1024 * 1024 + 1);
    big.set([0x50, 0x4b, 0x03, 0x04]);
    expect(await openWorkbook(big)).toEqual({ refused: TOO_LARGE });
  });

  it('finds the columns by their headers in any order and case, and names a missing one once', async () => {
    expect(readHeader(await sheet([], [' kod ', 'NAMN', 'datum']), 'Blad', COLUMNS)).toEqual({ positions: { Kod: 1, Namn: 2, Datum: 3 } });
    expect(readHeader(await sheet([], ['Datum', 'Övrigt', 'Kod', 'Namn']), 'Blad', COLUMNS)).toEqual({ positions: { Kod: 3, Namn: 4, Datum: 1 } });
    expect(readHeader(await sheet([], ['Kod', 'Datum']), 'Blad', COLUMNS)).toEqual({
      problems: [{ sheet: 'Blad', row: 1, column: 'Namn', message: 'Kolumnen "Namn" saknas i bladet "Blad". Lägg till den i rubrikraden eller utgå från mallen.' }],
    });
    expect(readHeader(await sheet([], ['Kod', 'Namn', 'Datum', 'kod']), 'Blad', COLUMNS)).toEqual({
      problems: [{ sheet: 'Blad', row: 1, column: 'Kod', message: 'Kolumnen "Kod" finns flera gånger i rubrikraden.' }],
    });
  });

  it('reads the cells of a column wherever it stands', async () => {
    const ws = await sheet([['2024-01-01', 'A', 'Namn A']], ['Datum', 'Kod', 'Namn']);
    expect(read(ws, 'iso').rows).toEqual([{ row: 2, cells: { Kod: 'A', Namn: 'Namn A', Datum: '2024-01-01' } }]);
  });

  it('reads rows as trimmed text with their row numbers, skipping empty ones', async () => {
    const ws = await sheet([['A', ' Ett\r\ntvå ', 1.5], [], [null, null, null], ['B', { richText: [{ text: 'Ri' }, { text: 'ch' }] }, -2]]);
    expect(read(ws, 'iso')).toEqual({
      rows: [
        { row: 2, cells: { Kod: 'A', Namn: 'Ett\ntvå', Datum: '1,5' } },
        { row: 5, cells: { Kod: 'B', Namn: 'Rich', Datum: '-2' } },
      ],
      problems: [],
    });
  });

  it('reads a date as YYYY-MM-DD, or refuses it where only text or a number is meant', async () => {
    const ws = await sheet([['A', 'Namn', new Date(Date.UTC(2024, 1, 29))]]);
    expect(read(ws, 'iso').rows[0]!.cells.Datum).toBe('2024-02-29');
    expect(read(ws, 'refuse')).toEqual({
      rows: [],
      problems: [{ sheet: 'Blad', row: 2, column: 'Datum', message: 'Ange text eller ett tal, inte ett datum.' }],
    });
  });

  it('leaves out a row with an unreadable cell or an empty required column, listing every problem in row order', async () => {
    const ws = await sheet([
      ['A', { formula: '1+1', result: 2 }, true],
      [null, null, 'bara datum'],
      ['C', 'Namn', null],
    ]);
    expect(read(ws, 'iso')).toEqual({
      rows: [{ row: 4, cells: { Kod: 'C', Namn: 'Namn', Datum: '' } }],
      problems: [
        { sheet: 'Blad', row: 2, column: 'Namn', message: 'Formler är inte tillåtna. Skriv in värdet i stället.' },
        { sheet: 'Blad', row: 2, column: 'Datum', message: 'Ange text eller ett tal, inte SANT/FALSKT.' },
        { sheet: 'Blad', row: 3, column: 'Kod', message: 'Koden saknas.' },
        { sheet: 'Blad', row: 3, column: 'Namn', message: 'Namnet saknas.' },
      ],
    });
  });

  it('allows MAX_DATA_ROWS data rows and refuses one more', () => {
    expect(tooManyRows(MAX_DATA_ROWS)).toBeNull();
    expect(tooManyRows(MAX_DATA_ROWS + 1)).toBe('Filen har fler än 20\u00a0000 rader. Dela upp den i flera filer.');
  });
});
