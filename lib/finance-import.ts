// Excel import of a board's finance tables (issue 16): the template workbook, and an
// uploaded file read into tables with every problem found (Swedish, per sheet, row and
// column). Each sheet present replaces its table; a file may hold one sheet or all. An
// ekonomisystem export pasted into the template works: amounts with spaces or no-break
// spaces as thousands separators, a hyphen or U+2212 minus, a "tkr" after the figure or in
// the column heading. Amounts are whole tkr. Pure; the database side is db/finance-import.ts.
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
  type SheetRow,
  type WorkbookRead,
} from './excel-import';
import { parseSwedishNumber } from './swedish-number';
import {
  RESULT_LABELS,
  RESULT_ROWS,
  emptyFigures,
  type Figures,
  type FinanceTable,
  type FinanceTables,
  type Investments,
  type Operations,
  type Project,
  type ResultSummary,
  type Tkr,
} from './finance-model';

export const SHEETS = {
  result: 'Resultat',
  operations: 'Driftredovisning',
  investments: 'Investeringar',
  totals: 'Projektkostnader',
} as const;

const FIG = ['Utfall', 'Prognos', 'Budget', 'Avvikelse'] as const;
export const RESULT_COLUMNS = ['Rad', ...FIG] as const;
export const OPERATION_COLUMNS = [
  'Kod',
  'Verksamhet',
  ...FIG,
  'Analysnr',
  'Intäkt prognos',
  'Kostnad prognos',
  'Intäkt budget',
  'Kostnad budget',
  'Nettoavvikelse',
  'Analys',
] as const;
export const INVESTMENT_COLUMNS = ['Nr', 'Projekt', 'Delpost', ...FIG, 'Analysnr', 'Analys'] as const;
export const TOTALS_COLUMNS = [
  'Nr',
  'Projekt',
  ...FIG,
  'Projektkostnad t.o.m. perioden',
  'Total projektprognos',
  'Total projektbudget',
  'Ack. avvikelse',
] as const;

export type FinanceImportProblem = SheetProblem<string>;

export interface ParsedFinance {
  /** The tables the file holds (a sheet left out: that table is not touched). */
  tables: Partial<FinanceTables>;
  problems: FinanceImportProblem[];
  rows: number;
}

/** "Utfall (tkr)", "Utfall, tkr", "utfall tkr" → "utfall". */
const headerName = (name: string) => name.replace(/[\s,]*\(?tkr\)?$/, '').trim();

export const AMOUNT_PROBLEM = 'Ange ett belopp i hela tkr, till exempel −8 808 eller -8808.';

/** A cell's amount in whole tkr: "−26 632", "-26 632 tkr", "26632", '' (empty); or a problem. */
export function parseTkr(text: string): { value: Tkr } | { problem: string } {
  const cleaned = text.replace(/\s*tkr\.?$/i, '').trim();
  const parsed = parseSwedishNumber(cleaned);
  if (!parsed.ok || (parsed.value !== null && !Number.isInteger(parsed.value))) return { problem: AMOUNT_PROBLEM };
  return { value: parsed.value };
}

class Reader {
  readonly problems: FinanceImportProblem[] = [];
  amount(sheet: string, row: SheetRow<string>, column: string): Tkr {
    const result = parseTkr(row.cells[column] ?? '');
    if ('problem' in result) {
      this.problems.push({ sheet, row: row.row, column, message: result.problem });
      return null;
    }
    return result.value;
  }
  figures(sheet: string, row: SheetRow<string>): Figures {
    return {
      outcome: this.amount(sheet, row, 'Utfall'),
      forecast: this.amount(sheet, row, 'Prognos'),
      budget: this.amount(sheet, row, 'Budget'),
      deviation: this.amount(sheet, row, 'Avvikelse'),
    };
  }
  problem(sheet: string, row: number | null, column: string | null, message: string) {
    this.problems.push({ sheet, row, column, message });
  }
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

function readResult(r: Reader, rows: SheetRow<string>[], text: string): ResultSummary {
  const sheet = SHEETS.result;
  const byLabel = new Map(RESULT_ROWS.map((k) => [norm(RESULT_LABELS[k]), k]));
  const out = Object.fromEntries(RESULT_ROWS.map((k) => [k, emptyFigures()])) as ResultSummary['rows'];
  const seen = new Set<string>();
  for (const row of rows) {
    const key = byLabel.get(norm(row.cells.Rad!));
    if (!key) {
      r.problem(sheet, row.row, 'Rad', `Okänd rad "${row.cells.Rad}". Raderna är: ${RESULT_ROWS.map((k) => RESULT_LABELS[k]).join(', ')}.`);
      continue;
    }
    if (seen.has(key)) r.problem(sheet, row.row, 'Rad', `Raden "${RESULT_LABELS[key]}" finns flera gånger.`);
    seen.add(key);
    out[key] = r.figures(sheet, row);
  }
  return { text, rows: out };
}

const SUMMA = /^summa\b/i;

function readOperations(r: Reader, rows: SheetRow<string>[]): Operations {
  const sheet = SHEETS.operations;
  const out: Operations = { totalLabel: 'Summa', rows: [], total: emptyFigures() };
  const codes = new Set<string>();
  let totalSeen = false;
  for (const row of rows) {
    const c = row.cells;
    if (SUMMA.test(c.Kod!)) {
      if (totalSeen) r.problem(sheet, row.row, 'Kod', 'Summaraden finns flera gånger.');
      totalSeen = true;
      out.totalLabel = c.Verksamhet ? `Summa ${c.Verksamhet.replace(SUMMA, '').trim()}`.trim() : 'Summa';
      out.total = r.figures(sheet, row);
      continue;
    }
    if (!c.Verksamhet) r.problem(sheet, row.row, 'Verksamhet', 'Verksamhetens namn saknas.');
    if (codes.has(c.Kod!)) r.problem(sheet, row.row, 'Kod', `Koden ${c.Kod} finns flera gånger.`);
    codes.add(c.Kod!);
    const figures = r.figures(sheet, row);
    const hasNote = [c.Analysnr, c['Intäkt prognos'], c['Kostnad prognos'], c['Intäkt budget'], c['Kostnad budget'], c.Nettoavvikelse, c.Analys].some(Boolean);
    out.rows.push({
      code: c.Kod!,
      name: c.Verksamhet || c.Kod!,
      ...figures,
      note: hasNote
        ? {
            number: c.Analysnr ?? '',
            heading: `${c.Kod} ${c.Verksamhet}`.trim(),
            forecastIncome: r.amount(sheet, row, 'Intäkt prognos'),
            forecastCost: r.amount(sheet, row, 'Kostnad prognos'),
            budgetIncome: r.amount(sheet, row, 'Intäkt budget'),
            budgetCost: r.amount(sheet, row, 'Kostnad budget'),
            netDeviation: r.amount(sheet, row, 'Nettoavvikelse'),
            text: c.Analys ?? '',
          }
        : null,
    });
  }
  if (!totalSeen) r.problem(sheet, null, 'Kod', 'Summaraden saknas: en rad med "Summa" i kolumnen Kod.');
  return out;
}

function readInvestments(r: Reader, rows: SheetRow<string>[], totals: SheetRow<string>[] | null, text: string): Investments {
  const sheet = SHEETS.investments;
  const out: Investments = { text, net: emptyFigures(), projects: [], total: emptyFigures() };
  const byNr = new Map<string, Project>();
  let totalSeen = false;
  for (const row of rows) {
    const c = row.cells;
    if (norm(c.Nr!) === 'nettoutgifter') {
      out.net = r.figures(sheet, row);
      continue;
    }
    if (SUMMA.test(c.Nr!)) {
      totalSeen = true;
      out.total = r.figures(sheet, row);
      continue;
    }
    if (c.Delpost) {
      const parent = byNr.get(c.Nr!);
      if (!parent) {
        r.problem(sheet, row.row, 'Nr', `Delposten hör till projekt ${c.Nr}, som inte finns ovanför den.`);
        continue;
      }
      parent.subItems.push({ name: c.Delpost, outcome: r.amount(sheet, row, 'Utfall') });
      continue;
    }
    if (!c.Projekt) {
      r.problem(sheet, row.row, 'Projekt', 'Projektets namn saknas.');
      continue;
    }
    if (byNr.has(c.Nr!)) r.problem(sheet, row.row, 'Nr', `Projektnumret ${c.Nr} finns flera gånger.`);
    const figures = r.figures(sheet, row);
    const project: Project = {
      name: c.Projekt,
      analysisNumber: c.Analysnr ?? '',
      ...figures,
      subItems: [],
      totals: null,
      // The analysis repeats the row's figures in the report; here they are the row's own.
      analysis: c.Analys
        ? { number: c.Analysnr ?? '', heading: c.Projekt, forecast: figures.forecast, budget: figures.budget, deviation: figures.deviation, text: c.Analys }
        : null,
    };
    byNr.set(c.Nr!, project);
    out.projects.push(project);
  }
  if (!totalSeen) r.problem(sheet, null, 'Nr', 'Summaraden saknas: en rad med "Summa" i kolumnen Nr.');
  for (const row of totals ?? []) {
    const c = row.cells;
    const project = byNr.get(c.Nr!);
    if (!project) {
      r.problem(SHEETS.totals, row.row, 'Nr', `Projekt ${c.Nr} finns inte i bladet "${SHEETS.investments}".`);
      continue;
    }
    project.totals = {
      name: c.Projekt || project.name,
      ...r.figures(SHEETS.totals, row),
      costToDate: r.amount(SHEETS.totals, row, 'Projektkostnad t.o.m. perioden'),
      totalForecast: r.amount(SHEETS.totals, row, 'Total projektprognos'),
      totalBudget: r.amount(SHEETS.totals, row, 'Total projektbudget'),
      accumulatedDeviation: r.amount(SHEETS.totals, row, 'Ack. avvikelse'),
    };
  }
  return out;
}

/**
 * Reads an uploaded finance workbook. `texts`: the chapters' current texts, kept (the file
 * holds figures and analyses, not the chapter texts).
 */
export async function parseFinanceWorkbook(
  source: Uint8Array | WorkbookRead,
  texts: { result: string; investments: string } = { result: '', investments: '' },
): Promise<ParsedFinance> {
  const opened = await openWorkbook(source);
  if ('refused' in opened) return { ...refuseFile(opened.refused), tables: {}, rows: 0 };
  const wb = opened.workbook;
  const r = new Reader();
  const tables: Partial<FinanceTables> = {};
  let count = 0;
  const read = <C extends string>(name: string, columns: readonly C[], required: Partial<Record<C, string>>) => {
    const ws = wb.getWorksheet(name);
    if (!ws) return null;
    const header = readHeader(ws, name, columns, headerName);
    if ('problems' in header) {
      r.problems.push(...header.problems);
      return null;
    }
    const tooMany = tooManyRows(dataRowCount(ws));
    if (tooMany) {
      r.problem(name, null, null, tooMany);
      return null;
    }
    const read = readRows(ws, name, header.positions, { dates: 'refuse', required });
    r.problems.push(...read.problems);
    count += read.rows.length;
    return read.rows as SheetRow<string>[];
  };
  const result = read(SHEETS.result, RESULT_COLUMNS, { Rad: 'Raden saknas.' });
  const operations = read(SHEETS.operations, OPERATION_COLUMNS, { Kod: 'Koden saknas.' });
  const investments = read(SHEETS.investments, INVESTMENT_COLUMNS, { Nr: 'Projektnumret saknas.' });
  const totals = read(SHEETS.totals, TOTALS_COLUMNS, { Nr: 'Projektnumret saknas.' });
  if (!result && !operations && !investments && r.problems.length === 0) {
    return {
      ...refuseFile(`Filen har inget av bladen ${Object.values(SHEETS).map((s) => `"${s}"`).join(', ')}. Utgå från mallen.`),
      tables: {},
      rows: 0,
    };
  }
  if (result) tables.result = readResult(r, result, texts.result);
  if (operations) tables.operations = readOperations(r, operations);
  if (investments) tables.investments = readInvestments(r, investments, totals, texts.investments);
  else if (totals) r.problem(SHEETS.totals, null, null, `Bladet "${SHEETS.totals}" kan bara importeras tillsammans med bladet "${SHEETS.investments}".`);
  return { tables, problems: r.problems, rows: count };
}

export const FINANCE_TEMPLATE_INSTRUCTIONS = [
  'Målbild – mall för nämndens ekonomitabeller',
  'Fyll i de blad du vill importera; ett blad som saknas lämnar den tabellen orörd, ett blad som finns ersätter hela tabellen.',
  'Belopp i hela tkr. Mellanslag som tusentalsavgränsare, minus som - eller −, och "tkr" efter beloppet eller i kolumnrubriken går bra: en export från ekonomisystemet kan klistras in.',
  'Avvikelse skrivs som den står i underlaget. Målbild räknar själv fram prognos − budget, summor och varav-rader och visar en varning där siffrorna inte stämmer.',
  'Resultat: en rad per Intäkter, Kostnader, varav personalkostnader, varav kapitalkostnader, Resultat.',
  'Driftredovisning: en rad per verksamhet (Kod, Verksamhet) och sist en rad med "Summa" i Kod. Analysnr och analyskolumnerna (intäkt/kostnad för prognos och budget, nettoavvikelse, analystext) fylls i för de verksamheter som har en analys.',
  'Investeringar: en rad per projekt med ett projektnummer (Nr); delposter på egna rader med projektets Nr och delpostens namn i Delpost (bara Utfall); en rad "Nettoutgifter" och en rad "Summa" i Nr.',
  'Projektkostnader: projektens totaler, med samma Nr som i bladet Investeringar.',
  'Formler är inte tillåtna: skriv in värdena. Kontrollera filen först; inget sparas förrän du verkställer, och då sparas allt eller inget.',
];

/** The template, filled with the board's current tables when there are any (or empty). */
export async function financeTemplate(tables: FinanceTables): Promise<Buffer> {
  const wb = templateWorkbook(FINANCE_TEMPLATE_INSTRUCTIONS[0]!, FINANCE_TEMPLATE_INSTRUCTIONS, 120);
  const amountColumn = (header: string) => ({ header: `${header} (tkr)`, width: 14, style: { numFmt: '# ##0;-# ##0' } });
  const figs = (f: Figures) => [f.outcome, f.forecast, f.budget, f.deviation];

  const rs = addTableSheet(wb, SHEETS.result, [{ header: 'Rad', width: 28 }, ...FIG.map(amountColumn)]);
  for (const k of RESULT_ROWS) rs.addRow([RESULT_LABELS[k], ...(tables.result ? figs(tables.result.rows[k]) : [])]);

  const os = addTableSheet(wb, SHEETS.operations, [
    { header: 'Kod', width: 8 },
    { header: 'Verksamhet', width: 36 },
    ...FIG.map(amountColumn),
    { header: 'Analysnr', width: 9 },
    ...['Intäkt prognos', 'Kostnad prognos', 'Intäkt budget', 'Kostnad budget', 'Nettoavvikelse'].map(amountColumn),
    { header: 'Analys', width: 60 },
  ]);
  for (const row of tables.operations?.rows ?? []) {
    const n = row.note;
    os.addRow([
      row.code,
      row.name,
      ...figs(row),
      n?.number ?? null,
      n?.forecastIncome ?? null,
      n?.forecastCost ?? null,
      n?.budgetIncome ?? null,
      n?.budgetCost ?? null,
      n?.netDeviation ?? null,
      n?.text ?? null,
    ]);
  }
  os.addRow(['Summa', (tables.operations?.totalLabel ?? 'Summa').replace(SUMMA, '').trim(), ...(tables.operations ? figs(tables.operations.total) : [])]);

  const is = addTableSheet(wb, SHEETS.investments, [
    { header: 'Nr', width: 8 },
    { header: 'Projekt', width: 40 },
    { header: 'Delpost', width: 40 },
    ...FIG.map(amountColumn),
    { header: 'Analysnr', width: 9 },
    { header: 'Analys', width: 60 },
  ]);
  const ts = addTableSheet(wb, SHEETS.totals, [
    { header: 'Nr', width: 8 },
    { header: 'Projekt', width: 36 },
    ...FIG.map(amountColumn),
    ...['Projektkostnad t.o.m. perioden', 'Total projektprognos', 'Total projektbudget', 'Ack. avvikelse'].map(amountColumn),
  ]);
  const inv = tables.investments;
  if (inv) is.addRow(['Nettoutgifter', null, null, ...figs(inv.net)]);
  inv?.projects.forEach((p, i) => {
    const nr = String(i + 1);
    is.addRow([nr, p.name, null, ...figs(p), p.analysisNumber || null, p.analysis?.text ?? null]);
    for (const s of p.subItems) is.addRow([nr, null, s.name, s.outcome]);
    if (p.totals) {
      const t = p.totals;
      ts.addRow([nr, t.name, ...figs(t), t.costToDate, t.totalForecast, t.totalBudget, t.accumulatedDeviation]);
    }
  });
  is.addRow(['Summa', null, null, ...(inv ? figs(inv.total) : [])]);
  return workbookBuffer(wb);
}

/** The tables of a parsed file, by name, for the dry run's summary. */
export function importedTables(parsed: ParsedFinance): FinanceTable[] {
  return (['result', 'operations', 'investments'] as const).filter((t) => parsed.tables[t]);
}
