// A board's report and plan year as an Excel workbook (XLSX) for analysis: a sheet per part of
// the report (texts, legend, goals, indicators, KF and board assignments) and per history
// (every value of the year, every version of every återrapportering), one sheet per kind of fact,
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
  texts: 'Texter',
  legend: 'Förklaring',
  goals: 'Mål',
  indicators: 'Mått och utfall',
  reportIndicators: 'Mått i rapporten',
  councilAssignments: 'KF-uppdrag',
  boardAssignments: 'Nämndens uppdrag',
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

  const { parts } = model;
  dataSheet(
    wb,
    SHEET_NAMES.texts,
    [
      { header: 'Del', width: 40, wrap: true },
      { header: 'Rubrik', width: 30, wrap: true },
      { header: 'Text', width: 100, wrap: true },
    ],
    parts.texts.map((t) => [t.part, t.heading, markdownText(t.text)]),
  );

  dataSheet(
    wb,
    SHEET_NAMES.legend,
    [
      { header: 'Slag', width: 10 },
      { header: 'Tecken', width: 9 },
      { header: 'Betydelse', width: 36 },
      { header: 'Förklaring', width: 44, wrap: true },
    ],
    parts.legend.map((l) => [l.kind, l.mark, l.word, l.text]),
  );

  // The report's goals in its order, with the plan's code and rule (matched by title); a goal
  // of the plan that the report does not show comes after them.
  const planGoal = new Map(model.goals.map((g) => [g.title, g]));
  const shownTitles = new Set(parts.goals.map((g) => g.title));
  dataSheet(
    wb,
    SHEET_NAMES.goals,
    [
      { header: 'Kod', width: 10 },
      { header: 'Målområde', width: 34, wrap: true },
      { header: 'Mål', width: 26 },
      { header: 'Delområde', width: 20, wrap: true },
      { header: 'Måltext', width: 60, wrap: true },
      { header: 'Bäring på kommunfullmäktiges mål', width: 44, wrap: true },
      { header: 'Mått/metod', width: 60, wrap: true },
      { header: 'Adressering', width: 30, wrap: true },
      { header: 'Bedömningsregel', width: 30, wrap: true },
      { header: 'Måluppfyllelse', width: 18 },
      { header: 'Färg vald av rapportören', width: 30, wrap: true },
      { header: 'Prognos helår', width: 18 },
      { header: 'Analys', width: 60, wrap: true },
    ],
    [
      ...parts.goals.map((g) => {
        const plan = planGoal.get(g.title);
        return [
          plan?.code ?? null,
          g.focusArea,
          g.title,
          g.subArea,
          g.text,
          g.bearings.length ? g.bearings.join('\n') : null,
          g.methodText,
          g.addressedTo.join(', '),
          plan ? RULE_LABELS[plan.rule] : null,
          g.colour ? colourLabel(g.colour) : null,
          chosenText(g.chosenColourReason ?? null),
          g.forecastColour ? colourLabel(g.forecastColour) : null,
          g.analysis ? markdownText(g.analysis) : null,
        ];
      }),
      ...model.goals
        .filter((g) => !shownTitles.has(g.title))
        .map((g) => [
          g.code,
          g.focusArea,
          g.title,
          null,
          g.text,
          null,
          null,
          g.addressedTo,
          RULE_LABELS[g.rule],
          g.colour ? colourLabel(g.colour) : null,
          null,
          g.forecastColour ? colourLabel(g.forecastColour) : null,
          null,
        ]),
    ],
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

  const reportIndicatorSheet = dataSheet(
    wb,
    SHEET_NAMES.reportIndicators,
    [
      { header: 'Mål', width: 26 },
      { header: 'Mått', width: 44, wrap: true },
      { header: 'Enhet', width: 12 },
      { header: 'Målvärde', width: 18 },
      { header: 'Utfall', width: 12 },
      { header: 'Måluppfyllelse', width: 18 },
      { header: 'Trend', width: 30 },
      { header: 'Kommentar', width: 60, wrap: true },
      { header: 'Not', width: 30, wrap: true },
      { header: 'Färg vald av rapportören', width: 30, wrap: true },
      { header: 'Pil vald av rapportören', width: 30, wrap: true },
    ],
    parts.indicators.map((i) => [
      i.goalTitle,
      i.indicator,
      i.unitOfMeasure,
      i.targetLabel,
      i.outcome,
      colourLabel(i.colour),
      i.trend ? trendLabel(i.trend) : null,
      i.analysis ? markdownText(i.analysis) : null,
      i.referenceNote,
      chosenText(i.chosenColourReason),
      chosenText(i.chosenTrendReason),
    ]),
  );
  parts.indicators.forEach((v, i) => {
    reportIndicatorSheet.getCell(i + 2, 5).numFmt = decimalsFormat(v.decimals);
  });

  dataSheet(
    wb,
    SHEET_NAMES.councilAssignments,
    [
      { header: 'Kommunfullmäktiges målområde', width: 40, wrap: true },
      { header: 'Delområde', width: 20, wrap: true },
      { header: 'Uppdrag', width: 60, wrap: true },
      { header: 'Status', width: 14 },
      { header: 'Enhet', width: 26 },
      { header: 'Enhetens status', width: 16 },
      { header: 'Rubrik', width: 30, wrap: true },
      { header: 'Återrapportering', width: 80, wrap: true },
    ],
    parts.councilAssignments.map((a) => [
      a.focusArea,
      a.subArea,
      a.assignment,
      a.status ? reportStatusLabel(a.status) : null,
      a.unit,
      a.unitStatus ? reportStatusLabel(a.unitStatus) : null,
      a.heading,
      a.body ? markdownText(a.body) : null,
    ]),
  );

  dataSheet(
    wb,
    SHEET_NAMES.boardAssignments,
    [
      { header: 'Grupp', width: 30, wrap: true },
      { header: 'Uppdrag', width: 50, wrap: true },
      { header: 'Uppdragstext', width: 60, wrap: true },
      { header: 'Status', width: 14 },
      { header: 'Enhet', width: 26 },
      { header: 'Enhetens status', width: 16 },
      { header: 'Rubrik', width: 30, wrap: true },
      { header: 'Uppföljning', width: 80, wrap: true },
    ],
    parts.boardAssignments.map((a) => [
      a.group,
      a.assignment,
      a.description ? markdownText(a.description) : null,
      a.status ? reportStatusLabel(a.status) : null,
      a.unit,
      a.unitStatus ? reportStatusLabel(a.unitStatus) : null,
      a.heading,
      a.body ? markdownText(a.body) : null,
    ]),
  );

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

/** A choice by the reporter: "Ja: <reason>", "Ja (ingen motivering angiven)", or empty when computed. */
function chosenText(reason: string | null): string | null {
  if (reason === null) return null;
  return reason ? `Ja: ${reason}` : 'Ja (ingen motivering angiven)';
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
