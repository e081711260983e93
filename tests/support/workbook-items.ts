// Every item of a report model (lib/report-model.ts) looked up in a workbook read back with
// exceljs: each text (Markdown as its plain text), each colour, arrow and status as its Swedish
// word, each number as a number cell and each date as a date cell. Returns what is missing.
import ExcelJS from 'exceljs';
import type { ReportModel } from '@/lib/report-model';
import { colourLabel, type Colour } from '@/lib/colour';
import { trendLabel, type Trend } from '@/lib/trend';
import { reportStatusLabel, type ReportStatus } from '@/lib/assignment-status';
import { blocksToPlainText, markdownBlocks } from '@/lib/markdown-blocks';

export function reportItemsMissingFrom(wb: ExcelJS.Workbook, report: ReportModel): { missing: string[]; checked: number } {
  const texts: string[] = [];
  const numbers: number[] = [];
  const dates: number[] = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((cell) => {
        if (cell.type === ExcelJS.ValueType.Number) numbers.push(cell.value as number);
        else if (cell.type === ExcelJS.ValueType.Date) dates.push((cell.value as Date).getTime());
        else texts.push(cell.text);
      }),
    ),
  );
  const missing: string[] = [];
  let checked = 0;
  const expectText = (path: string, text: string) => {
    checked++;
    if (!texts.some((t) => t.includes(text))) missing.push(`${path}: ${text}`);
  };
  const walk = (value: unknown, path: string, key: string): void => {
    // The part indexes only order the blocks (the rows' order); the rest is content.
    if (value === null || value === undefined || typeof value === 'boolean' || key === 'parts') return;
    if (Array.isArray(value)) return value.forEach((v, i) => walk(v, `${path}[${i}]`, key));
    if (typeof value === 'object') return Object.entries(value).forEach(([k, v]) => walk(v, `${path}.${k}`, k));
    if (['version', 'kind', 'decimals', 'approvedAt'].includes(key)) return;
    if (key === 'colour' || key === 'forecastColour') return expectText(path, colourLabel(value as Colour));
    if (key === 'trend') return expectText(path, trendLabel(value as Trend));
    if (key === 'status') return expectText(path, reportStatusLabel(value as ReportStatus));
    checked++;
    if (key === 'endDate') {
      if (!dates.includes(Date.parse(`${value}T00:00:00Z`))) missing.push(`${path}: ${value}`);
      return;
    }
    if (key === 'number') return expectText(path, `Målområde ${value}`);
    if (typeof value === 'number') {
      if (!numbers.includes(value)) missing.push(`${path}: ${value}`);
      return;
    }
    const text = String(value);
    expectText(path, /[\n*_[#]/.test(text) ? blocksToPlainText(markdownBlocks(text)) : text);
  };
  walk(report, 'report', '');
  return { missing, checked };
}
