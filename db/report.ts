// The "Mål och uppdrag" section of a board's report for a period (lib/report-build.ts)
// and the workbook of the plan year (lib/report-workbook-build.ts), both from the period's
// content through the one loader. An approved period's report and workbook come from the
// snapshot frozen at approval; an open one is built live and marked preliminary.
import 'server-only';
import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { NotFoundError } from '@/lib/errors';
import { getPeriod } from './queries/periods';
import { loadPeriodContent } from './period-content';
import { loadBoardFinance } from './finance';
import { newestVersions } from './history';
import type { CurrentUser } from '@/lib/current-user';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { ContentIndex, type PeriodContent } from '@/lib/period-content';
import type { BoardSnapshot } from '@/lib/overview-parts';
import { buildReport } from '@/lib/report-build';
import { buildDocumentChapters, type BoardDocumentModel } from '@/lib/board-document';
import { buildWorkbook, workbookReportParts, workbookScope } from '@/lib/report-workbook-build';
import type { ReportModel } from '@/lib/report-model';
import type { ReportApprovalStamp } from '@/lib/report-print';
import type { WorkbookModel } from '@/lib/report-workbook-model';

/** The period's content, the board, and its approval (with the frozen snapshot) if approved. */
async function boardPeriod(db: Db, user: CurrentUser | null, boardId: string, periodId: string) {
  const org = authorizeInOwnOrganization(user, 'read', 'plan');
  const period = await getPeriod(db, user, periodId);
  const content = await loadPeriodContent(db, org, period, { boardId }); // only the board's plan, in SQL
  const board = content.units.find((u) => u.id === boardId && u.kind === 'board');
  if (!board) throw new NotFoundError('board');
  const approval = new ContentIndex(content).approval(boardId);
  const approved =
    approval?.action === 'approved'
      ? { snapshot: approval.snapshot as BoardSnapshot | null, approvedAt: approval.createdAt, approvedBy: approval.authorName }
      : null;
  return { org, content, board: { id: board.id, name: board.name }, approved };
}

/** The report as it is to be shown: from the approval snapshot when approved, else live. */
export async function getBoardReport(db: Db, user: CurrentUser | null, boardId: string, periodId: string): Promise<ReportModel> {
  const { content, board, approved } = await boardPeriod(db, user, boardId, periodId);
  return reportOf(content, board, approved);
}

/** The report with who approved it and when (the printed page's footer stamp), null while open. */
export async function getBoardReportWithApproval(
  db: Db,
  user: CurrentUser | null,
  boardId: string,
  periodId: string,
): Promise<{ report: ReportModel; approval: ReportApprovalStamp | null }> {
  const { content, board, approved } = await boardPeriod(db, user, boardId, periodId);
  return { report: reportOf(content, board, approved), approval: approved && { approvedAt: approved.approvedAt, approvedBy: approved.approvedBy } };
}

function reportOf(
  content: PeriodContent,
  board: { id: string; name: string },
  approved: { snapshot: BoardSnapshot | null; approvedAt: string } | null,
): ReportModel {
  if (approved?.snapshot?.report) return { ...approved.snapshot.report, preliminary: false, approvedAt: approved.approvedAt };
  const live = buildReport(content, board);
  return approved ? { ...live, preliminary: false, approvedAt: approved.approvedAt } : live;
}

/**
 * The board's whole document (issue 15): the cover's kommun, the Mål och uppdrag model and the
 * template's chapters, the finance chapters with the board's finance tables (db/finance.ts). From
 * the approval snapshot when approved (a snapshot frozen before the whole document existed has
 * no chapters: they are then built from the current texts and the finance as approved).
 */
export async function getBoardDocument(
  db: Db,
  user: CurrentUser | null,
  boardId: string,
  periodId: string,
): Promise<{ document: BoardDocumentModel; approval: ReportApprovalStamp | null }> {
  const { org, content, board, approved } = await boardPeriod(db, user, boardId, periodId);
  const [organization] = await db.select({ name: s.organizations.name }).from(s.organizations).where(eq(s.organizations.id, org));
  const report = reportOf(content, board, approved);
  let chapters = approved?.snapshot?.chapters;
  if (!chapters) {
    // The finance tables through issue 16's loader (as they stood at the approval, if any);
    // an approved document marks no cells, a preliminary one marks the unexplained differences.
    const finance = await loadBoardFinance(db, user, board.id, periodId);
    chapters = buildDocumentChapters(content, board.id, { tables: finance.tables, warnings: approved ? [] : finance.warnings });
  }
  return {
    document: { version: 1, organizationName: organization?.name ?? '', report, chapters },
    approval: approved && { approvedAt: approved.approvedAt, approvedBy: approved.approvedBy },
  };
}

/** The workbook for a board's plan year: from the approval snapshot when approved, else live. */
export async function getBoardWorkbook(db: Db, user: CurrentUser | null, boardId: string, periodId: string): Promise<WorkbookModel> {
  const { org, content, board, approved } = await boardPeriod(db, user, boardId, periodId);
  if (approved?.snapshot?.workbook) {
    const frozen = approved.snapshot.workbook;
    // A snapshot frozen before the workbook held the report's parts takes them from its frozen report.
    const parts = (frozen as Partial<WorkbookModel>).parts ?? workbookReportParts(reportOf(content, board, approved));
    return { ...frozen, parts, preliminary: false, approvedAt: approved.approvedAt };
  }
  return buildLiveWorkbook(db, org, content, board, reportOf(content, board, approved));
}

/** The workbook built from the current data (what an approval freezes). */
export async function buildLiveWorkbook(
  db: Db,
  org: string,
  content: PeriodContent,
  board: { id: string; name: string },
  report: ReportModel,
): Promise<WorkbookModel> {
  const { indicators, assignments } = workbookScope(content, board.id);
  const [values, reports] = await Promise.all([
    indicators.length
      ? newestVersions(
          db,
          'indicatorValues',
          org,
          {
            indicatorId: s.indicatorValues.indicatorId,
            seq: s.indicatorValues.seq,
            outcome: s.indicatorValues.outcome,
            colour: s.indicatorValues.computedColour,
            chosenColour: s.indicatorValues.chosenColour,
            trend: s.indicatorValues.computedTrend,
            chosenTrend: s.indicatorValues.chosenTrend,
            analysis: s.indicatorValues.analysis,
            savedBy: s.users.name,
            savedAt: s.indicatorValues.createdAt,
            year: s.periods.year,
            kind: s.periods.kind,
            endDate: s.periods.endDate,
          },
          and(
            inArray(
              s.indicatorValues.indicatorId,
              indicators.map((i) => i.id),
            ),
            eq(s.periods.year, content.period.year),
          ),
          { withAuthor: true, withPeriod: true },
        )
      : [],
    assignments.length
      ? db
          .select({
            assignmentId: s.assignmentReports.assignmentId,
            unitId: s.assignmentReports.unitId,
            seq: s.assignmentReports.seq,
            status: s.assignmentReports.status,
            heading: s.assignmentReports.heading,
            body: s.assignmentReports.body,
            savedBy: s.users.name,
            savedAt: s.assignmentReports.createdAt,
            year: s.periods.year,
            kind: s.periods.kind,
          })
          .from(s.assignmentReports)
          .innerJoin(s.users, and(eq(s.users.organizationId, org), eq(s.users.id, s.assignmentReports.authorId)))
          .innerJoin(s.periods, and(eq(s.periods.organizationId, org), eq(s.periods.id, s.assignmentReports.periodId)))
          .where(
            and(
              eq(s.assignmentReports.organizationId, org),
              inArray(
                s.assignmentReports.assignmentId,
                assignments.map((a) => a.id),
              ),
            ),
          )
          .orderBy(asc(s.periods.endDate), asc(s.assignmentReports.seq))
      : [],
  ]);
  return buildWorkbook({ content, boardId: board.id, report, values, reports });
}
