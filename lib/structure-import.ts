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
import type ExcelJS from 'exceljs';
import type { Comparator } from './target';
import { parseSwedishNumber } from './swedish-number';

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

// ---------------------------------------------------------------- the words of coded columns

/** The word a cell uses for each coded value (the first one is what the export writes). */
export const UNIT_KIND_WORDS = { nämnd: 'board', förvaltning: 'department', enhet: 'unit', extern: 'external' } as const;
export const RULE_WORDS = { alla: 'all', majoritet: 'majority', manuell: 'manual' } as const;
export const DIRECTION_WORDS = { högre: 'higher', lägre: 'lower' } as const;
export const FREQUENCY_WORDS = { 'varje period': 'every_period', årlig: 'yearly' } as const;
export const YEARLY_KIND_WORDS = { t1: 'T1', delår: 'delar', helår: 'helar' } as const;
export const SOURCE_WORDS = { manuell: 'manual', kolada: 'kolada', annan: 'other' } as const;

/** The comparator as the template's drop-down offers it and the export writes it. */
export const COMPARATOR_WORD: Record<Comparator, string> = {
  lt: 'lägre än',
  lte: 'högst',
  gt: 'högre än',
  gte: 'minst',
  eq: 'lika med',
  between: 'mellan',
  not_worse: 'inte sämre',
};

/** Every way a "Jämförelse" cell may name a comparator: words, signs and the codes. */
const COMPARATOR_PREFIXES: [string, Comparator][] = (
  [
    ['lt', ['lt', '<', 'lägre än', 'mindre än', 'under']],
    ['lte', ['lte', '<=', '≤', '=<', 'högst', 'lägre än eller lika med', 'mindre än eller lika med', 'som mest']],
    ['gt', ['gt', '>', 'högre än', 'mer än', 'större än', 'över']],
    ['gte', ['gte', '>=', '≥', '=>', 'minst', 'högre än eller lika med', 'större än eller lika med', 'som minst']],
    ['eq', ['eq', '=', '==', 'lika med', 'exakt']],
    ['between', ['between', 'mellan']],
    ['not_worse', ['not_worse', 'inte sämre', 'inte sämre än föregående', 'inte sämre än förra året', 'oförändrat eller bättre']],
  ] as [Comparator, string[]][]
)
  .flatMap(([comparator, words]) => words.map((w): [string, Comparator] => [w, comparator]))
  // The longest first: "lägre än eller lika med" before "lägre än".
  .sort((a, b) => b[0].length - a[0].length);

export const COMPARATOR_HELP =
  'Skriv jämförelsen med ord (lägre än, högst, högre än, minst, lika med, mellan, inte sämre), som tecken (< ≤ > ≥ =) eller som kod (lt, lte, gt, gte, eq, between, not_worse), gärna med värdet: "minst 80", "< 5", "mellan 10 och 20".';

export type ParsedComparator =
  | { comparator: Comparator; value?: number; low?: number; high?: number }
  | { error: string };

/**
 * A "Jämförelse" cell: "≥", "minst", "gte", "minst 80", "> 20", "mellan 10 och 20",
 * "between" … The numbers, when given, are the target (Värde, or Lägsta and Högsta).
 */
export function parseComparator(input: string): ParsedComparator {
  const text = input.trim().replace(/\s+/g, ' ').toLowerCase();
  const found = COMPARATOR_PREFIXES.find(([word]) => text === word || (text.startsWith(word) && (/^[<>=≤≥]/.test(word) || text[word.length] === ' ')));
  if (!found) return { error: `Okänd jämförelse "${input.trim()}". ${COMPARATOR_HELP}` };
  const [word, comparator] = found;
  const rest = text.slice(word.length).trim();
  if (!rest) return { comparator };
  const number = (t: string) => {
    const n = parseSwedishNumber(t);
    return n.ok && n.value !== null ? n.value : null;
  };
  if (comparator === 'between') {
    const m = /^(.+?)\s*(?:och|till|–|—|-(?=\s))\s*(.+)$/.exec(rest);
    const low = m ? number(m[1]!) : null;
    const high = m ? number(m[2]!) : null;
    if (low === null || high === null) return { error: `Skriv ett intervall som "mellan 10 och 20", inte "${input.trim()}".` };
    return { comparator, low, high };
  }
  if (comparator === 'not_worse') return { error: `"${input.trim()}" tar inget värde: det jämförs med förra årets utfall.` };
  const value = number(rest);
  if (value === null) return { error: `"${rest}" är inte ett tal. ${COMPARATOR_HELP}` };
  return { comparator, value };
}
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
  'Vill du ändra det som finns? Hämta "Nuvarande struktur (Excel)" på samma sida: samma mall, ifylld med allt som finns nu,',
  '  så att du inte behöver slå upp några koder. Ändra cellerna och ladda upp filen; det du inte ändrar förblir som det är.',
  'Kolumner med en lista (Typ, Regel, Jämförelse, Riktning, Frekvens, Årlig period, Källa) visar orden som gäller när du klickar i cellen.',
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
  'Mått: Kod, Mål (kod), Namn, Enhet (till exempel procent), Decimaler,',
  '  Jämförelse: välj i listan (lägre än, högst, högre än, minst, lika med, mellan, inte sämre) eller skriv ett tecken (< ≤ > ≥ =),',
  '  gärna med värdet: "minst 80", "< 5,00", "mellan 10 och 20". Koderna lt, lte, gt, gte, eq, between och not_worse fungerar också.',
  '  Värde (för lägre än, högst, högre än, minst och lika med, om det inte står i Jämförelse), Lägsta och Högsta (för mellan),',
  '  Riktning (högre eller lägre, för inte sämre: jämförs med förra årets utfall),',
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

/** A filled-in cell of a sheet: text, a number, or empty. */
export type ExportCell = string | number | null;

/** The rows of each sheet, in its columns' order (the current structure, for the export). */
export type StructureExport = Partial<Record<StructureSheet, ExportCell[][]>>;

const listOf = (words: Record<string, string>) => Object.keys(words);

/** Drop-downs per sheet and column: the words a cell may hold. */
const DROP_DOWNS: Partial<Record<StructureSheet, Record<string, { words: string[]; free?: boolean }>>> = {
  Enheter: { Typ: { words: listOf(UNIT_KIND_WORDS) } },
  Mål: { Regel: { words: listOf(RULE_WORDS) } },
  Mått: {
    // Free text is allowed too: signs, codes and "mellan 10 och 20".
    Jämförelse: { words: Object.values(COMPARATOR_WORD), free: true },
    Riktning: { words: listOf(DIRECTION_WORDS) },
    Frekvens: { words: listOf(FREQUENCY_WORDS) },
    'Årlig period': { words: ['T1', 'delår', 'helår'] },
    Källa: { words: listOf(SOURCE_WORDS) },
  },
};

/** The rows a drop-down covers (below the header). */
const DROP_DOWN_ROWS = 2000;

const columnLetter = (n: number): string => (n <= 26 ? String.fromCharCode(64 + n) : columnLetter(Math.floor((n - 1) / 26)) + String.fromCharCode(65 + ((n - 1) % 26)));

function addDropDowns(ws: ExcelJS.Worksheet, sheet: StructureSheet, rows: number) {
  const columns = STRUCTURE_SHEETS[sheet] as readonly string[];
  for (const [column, { words, free }] of Object.entries(DROP_DOWNS[sheet] ?? {})) {
    const letter = columnLetter(columns.indexOf(column) + 1);
    // exceljs has the worksheet's dataValidations but leaves them out of its types.
    (ws as unknown as { dataValidations: { add(address: string, validation: ExcelJS.DataValidation): void } }).dataValidations.add(`${letter}2:${letter}${Math.max(DROP_DOWN_ROWS, rows + 1)}`, {
      type: 'list',
      allowBlank: true,
      formulae: [`"${words.join(',')}"`],
      showInputMessage: true,
      promptTitle: column,
      prompt: free ? 'Välj i listan eller skriv till exempel ≥ 80, < 5 eller mellan 10 och 20.' : 'Välj i listan.',
      showErrorMessage: true,
      // A free column only informs; the import checks what is written.
      errorStyle: free ? 'information' : 'stop',
      errorTitle: column,
      error: free ? COMPARATOR_HELP : `Välj ett av: ${words.join(', ')}.`,
    });
  }
}

/**
 * The structure template: "Instruktioner" and one sheet per kind of item, with drop-downs for
 * the coded columns; empty, or filled with the current structure (`rows`, the export) so that
 * codes need not be looked up and an untouched export imports as "nothing changes".
 */
export async function buildStructureTemplate(rows: StructureExport = {}): Promise<Buffer> {
  const wb = templateWorkbook('Mall för import av struktur', INSTRUCTIONS, 130);
  for (const sheet of SHEET_NAMES) {
    const ws = addTableSheet(wb, sheet, STRUCTURE_SHEETS[sheet].map((header) => ({ header, width: Math.max(12, header.length + 4) })));
    for (const row of rows[sheet] ?? []) ws.addRow(row);
    addDropDowns(ws, sheet, rows[sheet]?.length ?? 0);
  }
  return workbookBuffer(wb);
}
