// Excel import of indicator values: the template workbook and the parsing of an uploaded
// file into rows, with every problem found (Swedish, per sheet, row and column). Pure: no
// database; the rules that need data (codes, periods, locks, colours) are in
// db/admin/value-import.ts. Opening the file, reading cells and the template's common
// parts are the Excel kit both imports share (lib/excel-import.ts).
import {
  addTableSheet,
  dataRowCount,
  openWorkbook,
  readHeader,
  readRows,
  refuseFile,
  templateWorkbook,
  tooManyRows,
  workbookBuffer,
  type SheetProblem,
  type WorkbookRead,
} from './excel-import';

export { INSTRUCTIONS_SHEET, MAX_FILE_BYTES } from './excel-import';
export const VALUES_SHEET = 'Värden';
export const VALUE_COLUMNS = ['Kod', 'Period', 'Utfall', 'Avser', 'Analys'] as const;
export type ValueColumn = (typeof VALUE_COLUMNS)[number];

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

export type ImportProblem = SheetProblem<ValueColumn>;

export interface ParsedWorkbook {
  rows: ImportRow[];
  problems: ImportProblem[];
}

/** Reads the "Värden" sheet of an uploaded workbook into rows; refuses unsafe or malformed files. */
/** `source`: the file's bytes, or the file already read off the request thread (server/read-workbook.ts). */
export async function parseValuesWorkbook(source: Uint8Array | WorkbookRead): Promise<ParsedWorkbook> {
  const opened = await openWorkbook(source);
  if ('refused' in opened) return refuseFile(opened.refused);
  const ws = opened.workbook.getWorksheet(VALUES_SHEET);
  if (!ws) return refuseFile(`Bladet "${VALUES_SHEET}" saknas. Utgå från mallen.`);
  const header = readHeader(ws, VALUES_SHEET, VALUE_COLUMNS);
  if ('problems' in header) return { rows: [], problems: header.problems };
  const tooMany = tooManyRows(dataRowCount(ws));
  if (tooMany) return refuseFile(tooMany);

  const read = readRows(ws, VALUES_SHEET, header.positions, {
    dates: 'refuse',
    required: { Kod: 'Koden saknas.', Period: 'Perioden saknas.' },
  });
  const rows = read.rows.map(({ row, cells }) => ({
    sheet: VALUES_SHEET,
    row,
    code: cells.Kod,
    period: cells.Period.replace(/\s+/g, ' '),
    outcome: cells.Utfall,
    referenceNote: cells.Avser,
    analysis: cells.Analys,
  }));
  return { rows, problems: read.problems };
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
  'Mallen är ifylld med de värden som är sparade nu. En rad som inte ändras skrivs inte, och en tom rad för ett mått',
  '  som ännu inte är rapporterat ändrar ingenting. Mellanslag och radbrytningar i slutet av en text räknas inte som ändringar.',
  'En fil kan ha rader för flera år: trenden för ett år jämförs med föregående års värde i samma fil, i vilken ordning raderna än står.',
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
  const wb = templateWorkbook('Mall för import av värden', INSTRUCTIONS, 110);
  const ws = addTableSheet(wb, VALUES_SHEET, [
    { header: 'Kod', width: 18 },
    { header: 'Period', width: 14 },
    { header: 'Utfall', width: 12 },
    { header: 'Avser', width: 28 },
    { header: 'Analys', width: 80, style: { alignment: { wrapText: true, vertical: 'top' } } },
  ]);
  for (const r of rows) {
    const row = ws.addRow([r.code, r.period, r.outcome, r.referenceNote, r.analysis]);
    row.getCell(3).numFmt = r.decimals > 0 ? `0.${'0'.repeat(Math.min(10, r.decimals))}` : '0';
    // The name and target as a note on the code, so the reader knows which indicator it is.
    row.getCell(1).note = `${r.name}\nMålvärde: ${r.targetLabel}`;
  }
  return workbookBuffer(wb);
}
