// A board's plan year as an Excel workbook (XLSX) for analysis: one sheet per kind of fact,
// a bold, frozen header row with a filter, numbers as numbers (formatted to the indicator's
// decimals; Excel shows the reader's decimal separator), dates as dates, and colours,
// trends and statuses as Swedish words.
import ExcelJS from 'exceljs';
import type { WorkbookModel } from './report-workbook-model';
import { colourLabel } from './colour';
import { trendLabel } from './trend';
import { reportStatusLabel } from './assignment-status';
import { blocksToPlainText, markdownBlocks } from './markdown-blocks';
import { setZipTimestamps } from './zip-timestamps';
import { stockholmClock } from './time-format';

export const XLSX_MIME = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export const SHEET_NAMES = {
  about: 'Om',
  goals: 'Mål',
  indicators: 'Mått och utfall',
  assignments: 'Uppdrag och återrapportering',
} as const;

const APP_NAME = 'Målbild';
const DATE_FORMAT = 'yyyy-mm-dd';
const DATE_TIME_FORMAT = 'yyyy-mm-dd hh:mm';

const RULE_LABELS: Record<WorkbookModel['goals'][number]['rule'], string> = {
  all: 'Alla mått ska vara uppfyllda',
  majority: 'Mer än hälften av måtten ska vara uppfyllda',
  manual: 'Manuell bedömning',
};

/** "0", "0.0", "0.00", … for an outcome with that many decimals. */
export function decimalsFormat(decimals: number): string {
  const d = Math.max(0, Math.min(10, Math.trunc(decimals)));
  return d === 0 ? '0' : `0.${'0'.repeat(d)}`;
}

interface Column {
  header: string;
  width: number;
  /** Long text: wrapped. */
  wrap?: boolean;
  numFmt?: string;
}

type CellValue = string | number | Date | null;

export interface XlsxOptions {
  /** The export time shown on the "Om" sheet; default now. */
  now?: Date;
}

/** Builds the XLSX. The workbook's created/modified are approvedAt when it is set. */
export async function buildReportXlsx(model: WorkbookModel, options: XlsxOptions = {}): Promise<Buffer> {
  const now = options.now ?? new Date();
  const stamp = model.approvedAt ? new Date(model.approvedAt) : now;
  if (Number.isNaN(stamp.getTime())) throw new Error(`approvedAt is not a date: ${model.approvedAt}`);

  const wb = new ExcelJS.Workbook();
  wb.creator = APP_NAME;
  wb.lastModifiedBy = APP_NAME;
  wb.created = stamp;
  wb.modified = stamp;
  wb.title = `Mål och uppdrag – ${model.boardName} – ${model.year}`;
  wb.company = model.boardName;

  aboutSheet(wb, model, now);

  dataSheet(
    wb,
    SHEET_NAMES.goals,
    [
      { header: 'Kod', width: 10 },
      { header: 'Målområde', width: 34, wrap: true },
      { header: 'Mål', width: 26 },
      { header: 'Måltext', width: 60, wrap: true },
      { header: 'Adressering', width: 30, wrap: true },
      { header: 'Bedömningsregel', width: 30, wrap: true },
      { header: 'Måluppfyllelse', width: 18 },
      { header: 'Prognos helår', width: 18 },
    ],
    model.goals.map((g) => [
      g.code,
      g.focusArea,
      g.title,
      g.text,
      g.addressedTo,
      RULE_LABELS[g.rule],
      g.colour ? colourLabel(g.colour) : null,
      g.forecastColour ? colourLabel(g.forecastColour) : null,
    ]),
  );

  const indicatorSheet = dataSheet(
    wb,
    SHEET_NAMES.indicators,
    [
      { header: 'Mål', width: 26 },
      { header: 'Kod', width: 10 },
      { header: 'Mått', width: 44, wrap: true },
      { header: 'Enhet', width: 12 },
      { header: 'Målvärde', width: 18 },
      { header: 'Period', width: 14 },
      { header: 'Periodens slut', width: 14, numFmt: DATE_FORMAT },
      { header: 'Utfall', width: 12 },
      { header: 'Måluppfyllelse', width: 18 },
      { header: 'Trend', width: 30 },
      { header: 'Analys', width: 60, wrap: true },
      { header: 'Version', width: 9 },
      { header: 'Sparad av', width: 22 },
      { header: 'Sparad', width: 17, numFmt: DATE_TIME_FORMAT },
    ],
    model.indicatorValues.map((v) => [
      v.goalTitle,
      v.code,
      v.indicator,
      v.unitOfMeasure,
      v.targetLabel,
      v.period,
      isoDate(v.periodEnd),
      v.outcome,
      colourLabel(v.colour),
      v.trend ? trendLabel(v.trend) : null,
      v.analysis ? markdownText(v.analysis) : null,
      v.version,
      v.savedBy,
      localDateTime(v.savedAt),
    ]),
  );
  // Each outcome is shown with its indicator's decimals.
  model.indicatorValues.forEach((v, i) => {
    indicatorSheet.getCell(i + 2, 8).numFmt = decimalsFormat(v.decimals);
  });

  dataSheet(
    wb,
    SHEET_NAMES.assignments,
    [
      { header: 'Kod', width: 10 },
      { header: 'Uppdrag', width: 50, wrap: true },
      { header: 'Uppdragsgivare', width: 20 },
      { header: 'Grupp', width: 28, wrap: true },
      { header: 'Sista dag', width: 12, numFmt: DATE_FORMAT },
      { header: 'Enhet', width: 26 },
      { header: 'Period', width: 14 },
      { header: 'Status', width: 14 },
      { header: 'Rubrik', width: 30, wrap: true },
      { header: 'Återrapportering', width: 80, wrap: true },
      { header: 'Version', width: 9 },
      { header: 'Sparad av', width: 22 },
      { header: 'Sparad', width: 17, numFmt: DATE_TIME_FORMAT },
    ],
    model.assignmentReports.map((r) => [
      r.code,
      r.assignment,
      r.issuer,
      r.group,
      r.dueDate ? isoDate(r.dueDate) : null,
      r.unit,
      r.period,
      r.status ? reportStatusLabel(r.status) : null,
      r.heading,
      r.body ? markdownText(r.body) : null,
      r.version,
      r.savedBy,
      localDateTime(r.savedAt),
    ]),
  );

  const data = Buffer.from((await wb.xlsx.writeBuffer()) as ArrayBuffer);
  // An approved workbook carries approvedAt inside the zip too: the same bytes at every download.
  return model.approvedAt ? setZipTimestamps(data, stamp) : data;
}

function aboutSheet(wb: ExcelJS.Workbook, model: WorkbookModel, now: Date): void {
  const ws = wb.addWorksheet(SHEET_NAMES.about);
  ws.columns = [{ width: 18 }, { width: 48 }];
  const rows: [string, CellValue, string?][] = [
    ['Nämnd', model.boardName],
    ['År', model.year, '0'],
    ['Period', model.periodLabel],
    ['Preliminär', model.preliminary ? 'Ja – perioden är inte attesterad' : 'Nej'],
  ];
  if (model.approvedAt) rows.push(['Attesterad', localDateTime(model.approvedAt), DATE_TIME_FORMAT]);
  // An approved period's workbook is the approved document: the same bytes whenever it is downloaded.
  else rows.push(['Exporterad', wallClock(now), DATE_TIME_FORMAT]);
  rows.push(['Tider', 'Svensk tid (Europe/Stockholm)']);

  const title = ws.addRow([`Mål och uppdrag – ${model.boardName}`]);
  title.font = { bold: true, size: 14 };
  ws.addRow([]);
  for (const [label, value, numFmt] of rows) {
    const row = ws.addRow([label, value]);
    row.getCell(1).font = { bold: true };
    const cell = row.getCell(2);
    cell.alignment = { horizontal: 'left' };
    if (numFmt) cell.numFmt = numFmt;
    if (label === 'Preliminär' && model.preliminary) cell.font = { bold: true, color: { argb: 'FF9C0006' } };
  }
}

function dataSheet(wb: ExcelJS.Workbook, name: string, columns: Column[], rows: CellValue[][]): ExcelJS.Worksheet {
  const ws = wb.addWorksheet(name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
  ws.columns = columns.map((c) => ({
    header: c.header,
    width: c.width,
    style: {
      ...(c.numFmt ? { numFmt: c.numFmt } : {}),
      alignment: { vertical: 'top', ...(c.wrap ? { wrapText: true } : {}) },
    },
  }));
  const header = ws.getRow(1);
  header.font = { bold: true };
  header.alignment = { vertical: 'top', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE7ECF3' } };
    cell.border = { bottom: { style: 'thin', color: { argb: 'FF808080' } } };
  });
  for (const values of rows) ws.addRow(values);
  ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, rows.length + 1), column: columns.length } };
  return ws;
}

function markdownText(md: string): string {
  return blocksToPlainText(markdownBlocks(md));
}

/** An ISO date ("2024-08-31") as a date cell (midnight; Excel dates have no time zone). */
function isoDate(iso: string): Date {
  const [y, m, d] = iso.slice(0, 10).split('-').map(Number);
  if (!y || !m || !d) throw new Error(`not an ISO date: ${iso}`);
  return new Date(Date.UTC(y, m - 1, d));
}

/** An ISO timestamp as the wall-clock time in Sweden, for a date-time cell. */
function localDateTime(iso: string): Date {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) throw new Error(`not a timestamp: ${iso}`);
  return wallClock(date);
}

/**
 * Excel stores a date-time without a zone and exceljs writes a Date's UTC fields, so the cell
 * gets a Date whose UTC fields are the Swedish wall-clock time (to the second).
 */
function wallClock(date: Date): Date {
  const c = stockholmClock(date);
  return new Date(Date.UTC(c.year, c.month - 1, c.day, c.hour, c.minute, c.second));
}
