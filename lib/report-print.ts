// The printed report's running header and footer: the approval stamp and the CSS @page
// margin boxes that carry board, period, stamp and page numbers on every printed page.
import type { ReportModel } from './report-model';
import { formatDayOf } from './time-format';

/** Who approved the period and when (the approval row); null while it is open. */
export interface ReportApprovalStamp {
  approvedAt: string;
  approvedBy: string;
}

export const PRELIMINARY_STAMP = 'Preliminär – perioden är inte attesterad';

/** "Attesterad 20 september 2024 av Karin Kommundirektör" (Swedish date), else the preliminary stamp. */
export function reportStamp(report: Pick<ReportModel, 'preliminary'>, approval: ReportApprovalStamp | null): string {
  if (report.preliminary || !approval) return PRELIMINARY_STAMP;
  const at = new Date(approval.approvedAt);
  if (Number.isNaN(at.getTime())) throw new Error(`approvedAt is not a date: ${approval.approvedAt}`);
  return `Attesterad ${formatDayOf(at)} av ${approval.approvedBy}`;
}

/** A CSS string literal: quotes and backslashes escaped, no line breaks, no "<" (it sits in a <style>). */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, '\\$&').replace(/[\r\n\f]+/g, ' ').replace(/</g, '\\3c ')}"`;
}

/** The @page rule of the printed report: board and period (and "Preliminär") on top, stamp and "Sida n av m" below. */
export function printPageCss(report: Pick<ReportModel, 'boardName' | 'period' | 'preliminary'>, stamp: string, title = 'Mål och uppdrag'): string {
  const head = `${report.boardName} · ${report.period.label}${report.preliminary ? ' · Preliminär' : ''}`;
  return `@page {
  @top-left { content: ${cssString(head)}; }
  @top-right { content: ${cssString(title)}; }
  @bottom-left { content: ${cssString(stamp)}; }
  @bottom-right { content: "Sida " counter(page) " av " counter(pages); }
}`;
}
