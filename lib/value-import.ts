// Excel import of indicator values: the template workbook and the parsing of an uploaded
// file into rows, with every problem found (Swedish, per sheet, row and column). Pure: no
// database; the rules that need data (codes, periods, locks, colours) are in
// db/admin/value-import.ts. Nothing in a file is ever evaluated: formulas are refused and
// text (even "<script>") is kept as plain text.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';

export const VALUES_SHEET = 'Värden';
export const INSTRUCTIONS_SHEET = 'Instruktioner';
export const VALUE_COLUMNS = ['Kod', 'Period', 'Utfall', 'Avser', 'Analys'] as const;
export type ValueColumn = (typeof VALUE_COLUMNS)[number];

export const MAX_FILE_BYTES = 5 * 1024 * 1024;
export const MAX_DATA_ROWS = 20_000;
/** Zip-bomb guards, read from the zip's central directory before anything is inflated. */
export const MAX_UNCOMPRESSED_BYTES = 50 * 1024 * 1024;
const MAX_ENTRY_RATIO = 500; // worksheet XML compresses well, but not a thousandfold
const RATIO_CHECK_FROM_BYTES = 1024 * 1024;

export interface ImportRow {
  sheet: string;
  row: number;
  code: string;
  period: string;
  /** As typed, Swedish style ("1,86"); a number cell is written that way. Empty = ej mätt. */
  outcome: string;
  referenceNote: string;
  analysis: string;
}

export interface ImportProblem {
  sheet: string;
  row: number | null;
  column: ValueColumn | null;
  message: string;
}

export interface ParsedWorkbook {
  rows: ImportRow[];
  problems: ImportProblem[];
}

const refuse = (message: string): ParsedWorkbook => ({ rows: [], problems: [{ sheet: '', row: null, column: null, message }] });

const NOT_XLSX = 'Filen är inte en Excelfil (.xlsx). Spara den som Excel-arbetsbok och försök igen.';

/** Checks the zip's central directory: total and per-entry uncompressed sizes. A message when refused. */
async function zipBombCheck(buffer: Uint8Array): Promise<string | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer, { checkCRC32: false });
  } catch {
    return NOT_XLSX;
  }
  let total = 0;
  for (const file of Object.values(zip.files)) {
    // jszip keeps the central directory's sizes on the (not yet inflated) entry.
    const data = (file as unknown as { _data?: { compressedSize?: number; uncompressedSize?: number } })._data;
    const compressed = data?.compressedSize;
    const uncompressed = data?.uncompressedSize;
    if (file.dir) continue;
    if (typeof compressed !== 'number' || typeof uncompressed !== 'number' || uncompressed < 0) return NOT_XLSX;
    total += uncompressed;
    if (total > MAX_UNCOMPRESSED_BYTES) return 'Filen är för stor uppackad (mer än 50 MB). Dela upp den i flera filer.';
    if (uncompressed > RATIO_CHECK_FROM_BYTES && uncompressed > Math.max(compressed, 1) * MAX_ENTRY_RATIO) {
      return 'Filen är packad på ett orimligt sätt och kan inte läsas.';
    }
  }
  if (!zip.file('xl/workbook.xml')) return NOT_XLSX; // a zip, but not an Excel workbook
  return null;
}

/** A cell's text (numbers Swedish style), or a problem message. */
function cellText(cell: ExcelJS.Cell): { text: string } | { problem: string } {
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
      const value = cell.value as ExcelJS.CellHyperlinkValue;
      const text = value.text as unknown;
      return { text: typeof text === 'string' ? text : (text as ExcelJS.CellRichTextValue)?.richText?.map((p) => p.text).join('') ?? '' };
    }
    case V.Boolean:
      return { problem: 'Ange text eller ett tal, inte SANT/FALSKT.' };
    case V.Date:
      return { problem: 'Ange text eller ett tal, inte ett datum.' };
    case V.Error:
      return { problem: 'Cellen innehåller ett fel.' };
    default:
      return { problem: 'Cellens innehåll kan inte läsas.' };
  }
}

/** 1.86 → "1,86" (no grouping; parseSwedishNumber reads it back exactly). */
function swedish(value: number): string {
  return String(value).replace('.', ',');
}

const normalize = (text: string) => text.replace(/\r\n?/g, '\n').trim();

/** Reads the "Värden" sheet of an uploaded workbook into rows; refuses unsafe or malformed files. */
export async function parseValuesWorkbook(buffer: Uint8Array): Promise<ParsedWorkbook> {
  if (buffer.length > MAX_FILE_BYTES) return refuse('Filen är större än 5 MB.');
  if (buffer.length < 4 || buffer[0] !== 0x50 || buffer[1] !== 0x4b || buffer[2] !== 0x03 || buffer[3] !== 0x04) {
    return refuse(NOT_XLSX);
  }
  const bomb = await zipBombCheck(buffer);
  if (bomb) return refuse(bomb);

  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(Buffer.from(buffer.buffer, buffer.byteOffset, buffer.byteLength) as unknown as ArrayBuffer);
  } catch {
    return refuse(NOT_XLSX);
  }
  const ws = wb.getWorksheet(VALUES_SHEET);
  if (!ws) return refuse(`Bladet "${VALUES_SHEET}" saknas. Utgå från mallen.`);

  const header = VALUE_COLUMNS.map((_, i) => normalize(ws.getRow(1).getCell(i + 1).text ?? '').toLowerCase());
  if (header.some((h, i) => h !== VALUE_COLUMNS[i]!.toLowerCase())) {
    return {
      rows: [],
      problems: [{ sheet: VALUES_SHEET, row: 1, column: null, message: `Rubrikraden ska vara: ${VALUE_COLUMNS.join(' | ')}.` }],
    };
  }
  if (ws.actualRowCount - 1 > MAX_DATA_ROWS) {
    return refuse(`Filen har fler än ${MAX_DATA_ROWS.toLocaleString('sv-SE')} rader. Dela upp den i flera filer.`);
  }

  const rows: ImportRow[] = [];
  const problems: ImportProblem[] = [];
  ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
    if (rowNumber === 1) return;
    const texts: string[] = [];
    let rowOk = true;
    VALUE_COLUMNS.forEach((column, i) => {
      const result = cellText(row.getCell(i + 1));
      if ('problem' in result) {
        problems.push({ sheet: VALUES_SHEET, row: rowNumber, column, message: result.problem });
        rowOk = false;
        texts.push('');
      } else {
        texts.push(normalize(result.text));
      }
    });
    if (!rowOk) return;
    const [code = '', period = '', outcome = '', referenceNote = '', analysis = ''] = texts;
    if (texts.every((t) => t === '')) return; // an empty row (formatting only)
    if (!code) problems.push({ sheet: VALUES_SHEET, row: rowNumber, column: 'Kod', message: 'Koden saknas.' });
    if (!period) problems.push({ sheet: VALUES_SHEET, row: rowNumber, column: 'Period', message: 'Perioden saknas.' });
    if (!code || !period) return;
    rows.push({ sheet: VALUES_SHEET, row: rowNumber, code, period: period.replace(/\s+/g, ' '), outcome, referenceNote, analysis });
  });
  return { rows, problems };
}

// ---------------------------------------------------------------- the template

export interface TemplateRow {
  code: string;
  period: string;
  /** The newest saved values, so that an untouched row imports as unchanged. */
  outcome: number | null;
  decimals: number;
  referenceNote: string | null;
  analysis: string | null;
  /** For the reader: the indicator's name and target label. */
  name: string;
  targetLabel: string;
}

const INSTRUCTIONS: string[] = [
  'Import av värden till Målbild',
  '',
  'Fyll i bladet "Värden" och ladda upp filen under Administration › Import av värden.',
  'Varje rad är ett mått i en period. Raden känns igen på måttets kod och periodens namn.',
  '',
  'Kolumner i bladet "Värden":',
  'Kod – måttets kod, till exempel KS-2024-M1-I1. Ändra inte koden.',
  'Period – periodens namn: "Tertial 1 2024", "Delår 2024" eller "Helår 2024".',
  'Utfall – ett tal. Skriv decimaler med komma, till exempel 1,86. Tomt utfall betyder ej mätt.',
  'Avser – valfri notering om vad utfallet avser, till exempel "avser mätning 2023".',
  'Analys – krävs när måluppfyllelsen inte blir grön (även när utfallet är tomt). Texten sparas som den står.',
  '',
  'Mallen är ifylld med de värden som är sparade nu. En rad som inte ändras skrivs inte.',
  'Ta bort rader du inte vill ändra, eller låt dem stå kvar som de är.',
  'Formler är inte tillåtna: skriv in värdena.',
  'Perioden måste vara öppen för rapportering och nämndens period får inte vara attesterad.',
  '',
  'Först kontrolleras hela filen och du ser vad som kommer att ändras.',
  'Ingenting sparas om inte hela filen är korrekt: ett enda fel stoppar hela importen.',
  'Varje ändrat värde sparas som en ny version i historiken, med dig som författare.',
];

/** The values template: "Instruktioner" and "Värden" (one row per reportable indicator and open period). */
export async function buildValuesTemplate(rows: TemplateRow[]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Målbild';
  wb.title = 'Mall för import av värden';

  const about = wb.addWorksheet(INSTRUCTIONS_SHEET);
  about.columns = [{ width: 110 }];
  INSTRUCTIONS.forEach((line, i) => {
    const row = about.addRow([line]);
    if (i === 0) row.font = { bold: true, size: 14 };
  });

  const ws = wb.addWorksheet(VALUES_SHEET, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  ws.columns = [
    { header: 'Kod', width: 18 },
    { header: 'Period', width: 14 },
    { header: 'Utfall', width: 12 },
    { header: 'Avser', width: 28 },
    { header: 'Analys', width: 80, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ];
  ws.getRow(1).font = { bold: true };
  for (const r of rows) {
    const row = ws.addRow([r.code, r.period, r.outcome, r.referenceNote, r.analysis]);
    row.getCell(3).numFmt = r.decimals > 0 ? `0.${'0'.repeat(Math.min(10, r.decimals))}` : '0';
    // The name and target as a note on the code, so the reader knows which indicator it is.
    row.getCell(1).note = `${r.name}\nMålvärde: ${r.targetLabel}`;
  }
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
