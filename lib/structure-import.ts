// Excel import of structure (units, focus areas, council goals, plans, goals, indicators,
// assignments): the template workbook and the parsing of an uploaded file into rows per
// sheet, with every problem found (Swedish, per sheet, row and column). Pure: no database;
// resolving codes and the rules of each item are in db/admin/structure-import.ts. The same
// guards as the values import (size, zip bomb, formulas refused, a maximum of rows): both
// read files with the Excel kit they share (lib/excel-import.ts).
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

export type StructureProblem = SheetProblem;

export interface ParsedStructure {
  rows: StructureRow[];
  problems: StructureProblem[];
}

/** Reads the structure sheets of an uploaded workbook; a missing sheet is simply not imported. */
/** `source`: the file's bytes, or the file already read off the request thread (server/read-workbook.ts). */
export async function parseStructureWorkbook(source: Uint8Array | WorkbookRead): Promise<ParsedStructure> {
  const opened = await openWorkbook(source);
  if ('refused' in opened) return refuseFile(opened.refused);
  const wb = opened.workbook;
  const present = SHEET_NAMES.filter((name) => wb.getWorksheet(name));
  if (!present.length) return refuseFile(`Filen har inget av bladen ${SHEET_NAMES.map((n) => `"${n}"`).join(', ')}. Utgå från mallen.`);
  const tooMany = tooManyRows(present.reduce((n, name) => n + dataRowCount(wb.getWorksheet(name)!), 0));
  if (tooMany) return refuseFile(tooMany);

  // Every sheet's header first: a missing column is reported once, by name, and then no row
  // is read (other sheets' rows would only repeat it as unknown codes).
  const headers = present.map((sheet) => ({ sheet, header: readHeader(wb.getWorksheet(sheet)!, sheet, STRUCTURE_SHEETS[sheet] as readonly string[]) }));
  const headerProblems = headers.flatMap(({ header }) => ('problems' in header ? header.problems : []));
  if (headerProblems.length) return { rows: [], problems: headerProblems };

  const rows: StructureRow[] = [];
  const problems: StructureProblem[] = [];
  for (const { sheet, header } of headers) {
    if (!('positions' in header)) continue;
    const read = readRows(wb.getWorksheet(sheet)!, sheet, header.positions, { dates: 'iso', required: { Kod: 'Koden saknas.' } });
    for (const { row, cells } of read.rows) rows.push({ sheet, row, cells });
    for (const problem of read.problems) problems.push(problem);
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
  const wb = templateWorkbook('Mall för import av struktur', INSTRUCTIONS, 130);
  for (const sheet of SHEET_NAMES) {
    addTableSheet(wb, sheet, STRUCTURE_SHEETS[sheet].map((header) => ({ header, width: Math.max(12, header.length + 4) })));
  }
  return workbookBuffer(wb);
}
