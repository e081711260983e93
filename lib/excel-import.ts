// The Excel kit both imports share (values: lib/value-import.ts, structure:
// lib/structure-import.ts): opening an uploaded workbook safely, reading a sheet's rows as
// trimmed text with every problem found (Swedish, per sheet, row and column), the template
// workbook's common parts, and the messages both imports show. Pure: no database, no
// request. Nothing in a file is ever evaluated: formulas are refused and text (even
// "<script>") is kept as plain text.
import ExcelJS from 'exceljs';
import { ValidationError } from './errors';
import { readWorkbook } from '../workers/read-workbook.mjs';
import type { ReadLimits, ReadRefusal, SheetSnapshot, WorkbookRead } from '../workers/read-workbook.mjs';

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_DATA_ROWS = 20_000;
/** Zip-bomb guard: bytes actually inflated (all entries together), counted while inflating. */
export const MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
/**
 * Cells present in a file (all sheets). The largest legitimate import, 20 000 rows of the
 * widest structure sheet (about 12 columns), is 240 000 cells.
 */
export const MAX_CELLS = 300_000;

export const INSTRUCTIONS_SHEET = 'Instruktioner';

/** A problem in a file: the whole file (sheet '', row and column null), a row, or a cell. */
export interface SheetProblem<C extends string = string> {
  sheet: string;
  row: number | null;
  column: C | null;
  message: string;
}

/** What a parser gives back: the readable rows and every problem found. */
export interface SheetRead<R, C extends string = string> {
  rows: R[];
  problems: SheetProblem<C>[];
}

/** A file refused as a whole: no rows, one problem. */
export function refuseFile<R, C extends string = string>(message: string): SheetRead<R, C> {
  return { rows: [], problems: [{ sheet: '', row: null, column: null, message }] };
}

// ---------------------------------------------------------------- messages

export const NOT_XLSX = 'Filen är inte en Excelfil (.xlsx). Spara den som Excel-arbetsbok och försök igen.';
export const TOO_LARGE = 'Filen är större än 5 MB.';
export const CHOOSE_FILE = 'Välj en Excelfil (.xlsx).';

/** The messages of a dry run and an apply, the same in both imports. */
export const importMessages = {
  /** A dry run found problems. */
  problems: (count: number) => `Filen har ${count} problem. Inget kan importeras förrän de är rättade.`,
  /** An apply was refused because of problems. */
  notImported: (count: number) => `Filen har ${count} problem. Inget har importerats.`,
  /** A dry run of a correct file that changes nothing. */
  changesNothing: (unchanged: number) => `Filen är korrekt men ändrar ingenting (${unchanged} oförändrade rader).`,
  /** An apply that had nothing to write. */
  nothingSaved: (unchanged: number) => `Inget behövde sparas: alla ${unchanged} rader var oförändrade.`,
};

/** An apply refused because the file has problems: the message, and every problem to list. */
export class ImportProblemsError<P extends SheetProblem = SheetProblem> extends ValidationError {
  constructor(readonly problems: P[]) {
    super(importMessages.notImported(problems.length));
  }
}

/** What a refused apply gives the form: the problems, listed as the dry run lists them. */
export interface RefusedImport<P extends SheetProblem = SheetProblem> {
  problems: P[];
}

// ---------------------------------------------------------------- opening a workbook

export const TOO_LARGE_UNPACKED = `Filen är för stor uppackad (mer än ${MAX_UNCOMPRESSED_BYTES / 1024 / 1024} MB). Dela upp den i flera filer.`;
export const TOO_MANY_CELLS = `Filen har fler än ${MAX_CELLS.toLocaleString('sv-SE')} celler. Dela upp den i flera filer.`;
export const TOO_SLOW = 'Filen tog för lång tid att läsa. Dela upp den i flera filer och försök igen.';
export const UNREADABLE = 'Filen kunde inte läsas. Kontrollera att den går att öppna i Excel och försök igen.';

const REFUSALS: Record<ReadRefusal, string> = {
  'too-large': TOO_LARGE,
  'not-xlsx': NOT_XLSX,
  'too-large-unpacked': TOO_LARGE_UNPACKED,
  'too-many-cells': TOO_MANY_CELLS,
  'too-slow': TOO_SLOW,
  unreadable: UNREADABLE,
};

/** The limits a file is read with (workers/read-workbook.mjs). */
export const READ_LIMITS: ReadLimits = { maxInflatedBytes: MAX_UNCOMPRESSED_BYTES, maxCells: MAX_CELLS };

/** A cell of a read workbook: what cellText needs. */
export interface SheetCell {
  type: ExcelJS.ValueType;
  value: ExcelJS.CellValue;
}

/** A row of a read workbook. */
export interface SheetRowCells {
  getCell(column: number): SheetCell;
}

/** A sheet of a read workbook (plain values, no exceljs objects). */
export interface Sheet {
  name: string;
  /** Rows with content or formatting. */
  actualRowCount: number;
  getRow(rowNumber: number): SheetRowCells;
  /** The rows present, in order. */
  eachRow(callback: (row: SheetRowCells, rowNumber: number) => void): void;
}

export interface Book {
  getWorksheet(name: string): Sheet | undefined;
}

const EMPTY: SheetCell = { type: ExcelJS.ValueType.Null, value: null };

/** A cell's display text, as exceljs' `cell.text` gives it for what a header holds. */
function textOf({ type, value }: SheetCell): string {
  const V = ExcelJS.ValueType;
  if (value === null || value === undefined) return '';
  if (type === V.RichText) return (value as ExcelJS.CellRichTextValue).richText.map((p) => p.text).join('');
  if (type === V.Hyperlink) return String((value as ExcelJS.CellHyperlinkValue).text ?? '');
  if (type === V.Formula) return String((value as ExcelJS.CellFormulaValue).result ?? '');
  if (typeof value === 'object' && !(value instanceof Date)) return '';
  return String(value);
}

function sheetOf(s: SheetSnapshot): Sheet {
  const index = new Map<number, number>();
  s.rowNumbers.forEach((n, i) => index.set(n, i));
  const rowAt = (i: number | undefined): SheetRowCells => ({
    getCell(column) {
      if (i === undefined) return EMPTY;
      for (let c = s.rowStarts[i]!; c < s.rowStarts[i + 1]!; c++) {
        if (s.columns[c] === column) return { type: s.types[c] as ExcelJS.ValueType, value: s.values[c] as ExcelJS.CellValue };
      }
      return EMPTY;
    },
  });
  return {
    name: s.name,
    actualRowCount: s.actualRowCount,
    getRow: (n) => rowAt(index.get(n)),
    eachRow(callback) {
      for (let i = 0; i < s.rowNumbers.length; i++) callback(rowAt(i), s.rowNumbers[i]!);
    },
  };
}

/**
 * Opens an uploaded file as a workbook, or says why not: over 5 MB, not a zip, more than
 * 50 MB actually unpacked (counted while inflating, never trusting the sizes the file
 * declares), more than MAX_CELLS cells, not a workbook. `source` is the file's bytes (read
 * here, in this thread) or what server/read-workbook.ts read in a worker thread.
 */
export async function openWorkbook(source: Uint8Array | WorkbookRead): Promise<{ workbook: Book } | { refused: string }> {
  let read: WorkbookRead;
  if (source instanceof Uint8Array) {
    const refused = precheck(source);
    read = refused ? { refused } : await readWorkbook(source, READ_LIMITS);
  } else {
    read = source;
  }
  if ('refused' in read) return { refused: REFUSALS[read.refused] ?? UNREADABLE };
  const sheets = new Map(read.sheets.map((s) => [s.name, sheetOf(s)]));
  return { workbook: { getWorksheet: (name) => sheets.get(name) } };
}

/** What can be refused before reading: the size and the zip signature. */
export function precheck(buffer: Uint8Array): 'too-large' | 'not-xlsx' | null {
  if (buffer.length > MAX_FILE_BYTES) return 'too-large';
  if (buffer.length < 4 || buffer[0] !== 0x50 || buffer[1] !== 0x4b || buffer[2] !== 0x03 || buffer[3] !== 0x04) return 'not-xlsx';
  return null;
}

/** The number of rows below the header row (rows with content or formatting). */
export function dataRowCount(ws: Sheet): number {
  return Math.max(0, ws.actualRowCount - 1);
}

/** The refusal of a file with more than MAX_DATA_ROWS data rows, or null. */
export function tooManyRows(dataRows: number): string | null {
  return dataRows > MAX_DATA_ROWS ? `Filen har fler än ${MAX_DATA_ROWS.toLocaleString('sv-SE')} rader. Dela upp den i flera filer.` : null;
}

// ---------------------------------------------------------------- reading a sheet

/**
 * A text as the imports compare and store it: line breaks as \n (a stored text from a form
 * may have \r\n; a cell read back from a file has \n), no spaces at the ends of lines, at
 * most one empty line in a row (the same Markdown), no whitespace at either end. Both sides
 * of a comparison go through this, so a file downloaded and uploaded unchanged never differs
 * from what is stored only in whitespace.
 */
export function normalizeText(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t\u00a0]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}
const normalize = normalizeText;

/** 1.86 → "1,86" (no grouping; parseSwedishNumber reads it back exactly). */
const swedish = (value: number) => String(value).replace('.', ',');
const pad = (n: number) => String(n).padStart(2, '0');

/** How a date cell is read: as YYYY-MM-DD, or refused (where only text or a number is meant). */
export type DateCells = 'iso' | 'refuse';

/** A cell's text (numbers Swedish style; dates YYYY-MM-DD or refused), or a problem message. */
export function cellText(cell: SheetCell, dates: DateCells): { text: string } | { problem: string } {
  const V = ExcelJS.ValueType;
  switch (cell.type) {
    case V.Null:
    case V.Merge:
      return { text: '' };
    case V.Formula:
      return { problem: 'Formler är inte tillåtna. Skriv in värdet i stället.' };
    case V.Number:
      return { text: swedish(cell.value as number) };
    case V.String:
    case V.SharedString:
      return { text: String(cell.value) };
    case V.RichText:
      return { text: (cell.value as ExcelJS.CellRichTextValue).richText.map((part) => part.text).join('') };
    case V.Hyperlink: {
      const text = (cell.value as ExcelJS.CellHyperlinkValue).text as unknown;
      return { text: typeof text === 'string' ? text : ((text as ExcelJS.CellRichTextValue)?.richText?.map((p) => p.text).join('') ?? '') };
    }
    case V.Date: {
      if (dates === 'refuse') return { problem: 'Ange text eller ett tal, inte ett datum.' };
      // Excel dates carry no time zone: ExcelJS gives them as UTC midnight.
      const d = cell.value as Date;
      return { text: `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}` };
    }
    case V.Boolean:
      return { problem: 'Ange text eller ett tal, inte SANT/FALSKT.' };
    case V.Error:
      return { problem: 'Cellen innehåller ett fel.' };
    default:
      return { problem: 'Cellens innehåll kan inte läsas.' };
  }
}

/** How far to the right a header row is read. */
const MAX_HEADER_COLUMNS = 200;

/** Where each column is: its number in the sheet (1-based), found by its header. */
export type ColumnPositions<C extends string> = Record<C, number>;

/**
 * Finds each of `columns` in the header row by its name (case and spaces aside, in any
 * order; other columns are ignored). A column that is missing or repeated is one problem
 * naming it, and then the sheet's rows are not read at all: no follow-on errors.
 */
export function readHeader<C extends string>(
  ws: Sheet,
  sheet: string,
  columns: readonly C[],
  /** How a header cell's name is read before matching (the finance import drops a "(tkr)" unit). */
  headerName: (name: string) => string = (name) => name,
): { positions: ColumnPositions<C> } | { problems: SheetProblem<C>[] } {
  const header = ws.getRow(1);
  const found = new Map<string, number[]>();
  for (let i = 1; i <= MAX_HEADER_COLUMNS; i++) {
    const name = headerName(normalize(textOf(header.getCell(i))).replace(/\s+/g, ' ').toLowerCase());
    if (name) found.set(name, [...(found.get(name) ?? []), i]);
  }
  const positions = {} as ColumnPositions<C>;
  const problems: SheetProblem<C>[] = [];
  for (const column of columns) {
    const at = found.get(column.toLowerCase()) ?? [];
    if (!at.length) problems.push({ sheet, row: 1, column, message: `Kolumnen "${column}" saknas i bladet "${sheet}". Lägg till den i rubrikraden eller utgå från mallen.` });
    else if (at.length > 1) problems.push({ sheet, row: 1, column, message: `Kolumnen "${column}" finns flera gånger i rubrikraden.` });
    else positions[column] = at[0]!;
  }
  return problems.length ? { problems } : { positions };
}

/** A data row: its row number in the sheet and each column's text, trimmed ('' when empty). */
export interface SheetRow<C extends string = string> {
  row: number;
  cells: Record<C, string>;
}

export interface ReadRowsOptions<C extends string> {
  dates: DateCells;
  /** Columns a row cannot be without, with the message when one is empty (checked in this order). */
  required: Partial<Record<C, string>>;
}

/**
 * The data rows below the header: each column's cell (where readHeader found it) as text. A row with
 * an unreadable cell or an empty required column is left out with its problems; an empty
 * row (formatting only) is skipped.
 */
export function readRows<C extends string>(
  ws: Sheet,
  sheet: string,
  positions: ColumnPositions<C>,
  options: ReadRowsOptions<C>,
): SheetRead<SheetRow<C>, C> {
  const columns = Object.keys(positions) as C[];
  const rows: SheetRow<C>[] = [];
  const problems: SheetProblem<C>[] = [];
  const required = Object.entries(options.required) as [C, string][];
  ws.eachRow((row, rowNumber) => {
    if (rowNumber === 1) return;
    const cells = {} as Record<C, string>;
    let readable = true;
    columns.forEach((column) => {
      const result = cellText(row.getCell(positions[column]), options.dates);
      if ('problem' in result) {
        problems.push({ sheet, row: rowNumber, column, message: result.problem });
        readable = false;
        cells[column] = '';
      } else {
        cells[column] = normalize(result.text);
      }
    });
    if (!readable || columns.every((column) => cells[column] === '')) return;
    const missing = required.filter(([column]) => !cells[column]);
    for (const [column, message] of missing) problems.push({ sheet, row: rowNumber, column, message });
    if (!missing.length) rows.push({ row: rowNumber, cells });
  });
  return { rows, problems };
}

// ---------------------------------------------------------------- the templates

/** A template workbook by Målbild with its "Instruktioner" sheet (the first line as a title). */
export function templateWorkbook(title: string, instructions: readonly string[], width: number): ExcelJS.Workbook {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Målbild';
  wb.title = title;
  const about = wb.addWorksheet(INSTRUCTIONS_SHEET);
  about.columns = [{ width }];
  instructions.forEach((line, i) => {
    const row = about.addRow([line]);
    if (i === 0) row.font = { bold: true, size: 14 };
  });
  return wb;
}

/** A sheet to fill in: its columns with a bold header row, frozen so that it stays in view. */
export function addTableSheet(wb: ExcelJS.Workbook, name: string, columns: Partial<ExcelJS.Column>[]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  ws.columns = columns;
  ws.getRow(1).font = { bold: true };
  return ws;
}

export async function workbookBuffer(wb: ExcelJS.Workbook): Promise<Buffer> {
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}

export type { WorkbookRead } from '../workers/read-workbook.mjs';
