// Excel import of structure (units, focus areas, council goals, plans, goals, indicators,
// assignments): the template workbook and the parsing of an uploaded file into rows per
// sheet, with every problem found (Swedish, per sheet, row and column). Pure: no database;
// resolving codes and the rules of each item are in db/admin/structure-import.ts. The same
// guards as the values import: size, zip bomb, formulas refused, a maximum of rows.
import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { MAX_DATA_ROWS, MAX_FILE_BYTES, MAX_UNCOMPRESSED_BYTES } from './value-import';

export { MAX_FILE_BYTES };
export const INSTRUCTIONS_SHEET = 'Instruktioner';

/** The sheets in dependency order, each with its columns (the header row, in this order). */
export const STRUCTURE_SHEETS = {
  Enheter: ['Kod', 'Namn', 'Typ', 'Överordnad kod'],
  Målområden: ['Kod', 'Nummer', 'Namn', 'Överordnat målområde (kod)', 'Giltig från', 'Giltig till'],
  'KF-mål': ['Kod', 'Målområde (kod)', 'Text', 'Fras', 'Giltig från', 'Giltig till'],
  Planer: ['Kod', 'Nämnd (kod)', 'År'],
  Mål: [
    'Kod',
    'Plan (kod)',
    'Nummer',
    'Text',
    'Mått/metod',
    'Regel',
    'Målområde (kod)',
    'Bäring på (KF-mål-koder)',
    'Ansvariga enheter (koder)',
    'Fortsätter (kod)',
  ],
  Mått: [
    'Kod',
    'Mål (kod)',
    'Namn',
    'Enhet',
    'Decimaler',
    'Jämförelse',
    'Värde',
    'Lägsta',
    'Högsta',
    'Riktning',
    'Tolerans',
    'Trendtolerans',
    'Etikett',
    'Frekvens',
    'Årlig period',
    'Basvärde',
    'Basår',
    'Källa',
    'Källreferens',
    'Ansvarig enhet (kod)',
    'Fortsätter (kod)',
  ],
  Uppdrag: [
    'Kod',
    'Uppdragsgivare',
    'Beslutsdatum',
    'Diarienummer',
    'Titel',
    'Beskrivning',
    'Målområde (kod)',
    'Grupp',
    'Ansvariga enheter (koder)',
    'Slutdatum',
  ],
} as const;

export type StructureSheet = keyof typeof STRUCTURE_SHEETS;
export const SHEET_NAMES = Object.keys(STRUCTURE_SHEETS) as StructureSheet[];

export interface StructureRow {
  sheet: StructureSheet;
  row: number;
  /** Each column's text, trimmed; empty when the cell is empty. Numbers Swedish style, dates YYYY-MM-DD. */
  cells: Record<string, string>;
}

export interface StructureProblem {
  sheet: string;
  row: number | null;
  column: string | null;
  message: string;
}

export interface ParsedStructure {
  rows: StructureRow[];
  problems: StructureProblem[];
}

const refuse = (message: string): ParsedStructure => ({ rows: [], problems: [{ sheet: '', row: null, column: null, message }] });
const NOT_XLSX = 'Filen är inte en Excelfil (.xlsx). Spara den som Excel-arbetsbok och försök igen.';
const MAX_ENTRY_RATIO = 500;
const RATIO_CHECK_FROM_BYTES = 1024 * 1024;

/** The zip's central directory: total and per-entry uncompressed sizes, before anything is inflated. */
async function zipBombCheck(buffer: Uint8Array): Promise<string | null> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(buffer, { checkCRC32: false });
  } catch {
    return NOT_XLSX;
  }
  let total = 0;
  for (const file of Object.values(zip.files)) {
    if (file.dir) continue;
    const data = (file as unknown as { _data?: { compressedSize?: number; uncompressedSize?: number } })._data;
    const compressed = data?.compressedSize;
    const uncompressed = data?.uncompressedSize;
    if (typeof compressed !== 'number' || typeof uncompressed !== 'number' || uncompressed < 0) return NOT_XLSX;
    total += uncompressed;
    if (total > MAX_UNCOMPRESSED_BYTES) return 'Filen är för stor uppackad (mer än 50 MB). Dela upp den i flera filer.';
    if (uncompressed > RATIO_CHECK_FROM_BYTES && uncompressed > Math.max(compressed, 1) * MAX_ENTRY_RATIO) {
      return 'Filen är packad på ett orimligt sätt och kan inte läsas.';
    }
  }
  if (!zip.file('xl/workbook.xml')) return NOT_XLSX;
  return null;
}

const pad = (n: number) => String(n).padStart(2, '0');

/** A cell's text (numbers Swedish style, dates YYYY-MM-DD), or a problem message. */
function cellText(cell: ExcelJS.Cell): { text: string } | { problem: string } {
  const V = ExcelJS.ValueType;
  switch (cell.type) {
    case V.Null:
    case V.Merge:
      return { text: '' };
    case V.Formula:
      return { problem: 'Formler är inte tillåtna. Skriv in värdet i stället.' };
    case V.Number:
      return { text: String(cell.value as number).replace('.', ',') };
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

const normalize = (text: string) => text.replace(/\r\n?/g, '\n').trim();

/** Reads the structure sheets of an uploaded workbook; a missing sheet is simply not imported. */
export async function parseStructureWorkbook(buffer: Uint8Array): Promise<ParsedStructure> {
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
  const present = SHEET_NAMES.filter((name) => wb.getWorksheet(name));
  if (!present.length) return refuse(`Filen har inget av bladen ${SHEET_NAMES.map((n) => `"${n}"`).join(', ')}. Utgå från mallen.`);
  const total = present.reduce((n, name) => n + Math.max(0, wb.getWorksheet(name)!.actualRowCount - 1), 0);
  if (total > MAX_DATA_ROWS) return refuse(`Filen har fler än ${MAX_DATA_ROWS.toLocaleString('sv-SE')} rader. Dela upp den i flera filer.`);

  const rows: StructureRow[] = [];
  const problems: StructureProblem[] = [];
  for (const sheet of present) {
    const ws = wb.getWorksheet(sheet)!;
    const columns = STRUCTURE_SHEETS[sheet] as readonly string[];
    const header = columns.map((_, i) => normalize(ws.getRow(1).getCell(i + 1).text ?? '').toLowerCase());
    if (header.some((h, i) => h !== columns[i]!.toLowerCase())) {
      problems.push({ sheet, row: 1, column: null, message: `Rubrikraden ska vara: ${columns.join(' | ')}.` });
      continue;
    }
    ws.eachRow({ includeEmpty: false }, (row, rowNumber) => {
      if (rowNumber === 1) return;
      const cells: Record<string, string> = {};
      let ok = true;
      columns.forEach((column, i) => {
        const result = cellText(row.getCell(i + 1));
        if ('problem' in result) {
          problems.push({ sheet, row: rowNumber, column, message: result.problem });
          ok = false;
          cells[column] = '';
        } else {
          cells[column] = normalize(result.text);
        }
      });
      if (!ok || Object.values(cells).every((t) => t === '')) return;
      if (!cells.Kod) {
        problems.push({ sheet, row: rowNumber, column: 'Kod', message: 'Koden saknas.' });
        return;
      }
      rows.push({ sheet, row: rowNumber, cells });
    });
  }
  return { rows, problems };
}

// ---------------------------------------------------------------- the template

const INSTRUCTIONS: string[] = [
  'Import av struktur till Målbild',
  '',
  'Fyll i bladen och ladda upp filen under Administration › Import av struktur.',
  'Varje rad är en sak (enhet, målområde, KF-mål, plan, mål, mått eller uppdrag) och känns igen på sin kod.',
  'Finns koden redan ändras saken; annars skapas den. Koder hänvisar till andra rader i filen eller till det som redan finns.',
  'När en sak redan finns ändras bara de celler som är ifyllda: en tom cell behåller nuvarande värde.',
  'Bladen behöver inte alla finnas med. Ändra inte rubrikraderna.',
  '',
  'Enheter: Kod, Namn, Typ (nämnd, förvaltning, enhet eller extern), Överordnad kod (tom för en nämnd).',
  'Målområden: Kod, Nummer (bara för målområden på översta nivån), Namn, Överordnat målområde (kod) för ett delområde,',
  '  Giltig från och Giltig till (årtal, till exempel 2024; Giltig till får vara tom).',
  'KF-mål: Kod, Målområde (kod), Text, Fras (hur målet nämns i löptext), Giltig från, Giltig till.',
  'Planer: Kod, Nämnd (kod), År. Nämnd och år kan inte ändras för en plan som finns.',
  'Mål: Kod, Plan (kod), Nummer, Text, Mått/metod, Regel (alla, majoritet eller manuell), Målområde (kod),',
  '  Bäring på (KF-mål-koder, kommaseparerade), Ansvariga enheter (koder, kommaseparerade), Fortsätter (koden för förra årets mål).',
  'Mått: Kod, Mål (kod), Namn, Enhet (till exempel procent), Decimaler, Jämförelse (lt, lte, gt, gte, eq, between eller not_worse),',
  '  Värde (för lt, lte, gt, gte, eq), Lägsta och Högsta (för between), Riktning (högre eller lägre, för not_worse),',
  '  Tolerans och Trendtolerans (tal, får vara tomma), Etikett (tom = föreslagen etikett, till exempel "Lägre än 5,00"),',
  '  Frekvens (varje period eller årlig), Årlig period (T1, delår eller helår), Basvärde, Basår,',
  '  Källa (manuell, kolada eller annan), Källreferens, Ansvarig enhet (kod), Fortsätter (koden för förra årets mått).',
  'Uppdrag: Kod, Uppdragsgivare (KF eller en nämnds kod), Beslutsdatum, Diarienummer, Titel, Beskrivning, Målområde (kod),',
  '  Grupp, Ansvariga enheter (koder, kommaseparerade), Slutdatum.',
  '',
  'Tal skrivs med decimalkomma, till exempel 1,86. Datum skrivs som datum eller ÅÅÅÅ-MM-DD. Formler är inte tillåtna.',
  'Ett ändrat målvärde bedömer inte om redan sparade värden: de behåller det målvärde de bedömdes mot.',
  '',
  'Först kontrolleras hela filen och du ser vad som skapas och ändras.',
  'Ingenting sparas om inte hela filen är korrekt: ett enda fel stoppar hela importen.',
  'Samma fil en gång till ändrar ingenting.',
];

/** The structure template: "Instruktioner" and one sheet per kind of item, with headers only. */
export async function buildStructureTemplate(): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Målbild';
  wb.title = 'Mall för import av struktur';
  const about = wb.addWorksheet(INSTRUCTIONS_SHEET);
  about.columns = [{ width: 130 }];
  INSTRUCTIONS.forEach((line, i) => {
    const row = about.addRow([line]);
    if (i === 0) row.font = { bold: true, size: 14 };
  });
  for (const sheet of SHEET_NAMES) {
    const ws = wb.addWorksheet(sheet, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    ws.columns = STRUCTURE_SHEETS[sheet].map((header) => ({ header, width: Math.max(12, header.length + 4) }));
    ws.getRow(1).font = { bold: true };
  }
  const data = await wb.xlsx.writeBuffer();
  return Buffer.from(data as ArrayBuffer);
}
