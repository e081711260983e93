// The DOCX and XLSX downloads of a board's report: authenticate (server/route.ts), parse the
// query with zod, read through db/ (which asks the policy), build the file. Anything not
// the user's is 404, the same answer as for a report that does not exist.
import { z } from '@/lib/zod';
import { getDb } from '@/db/client';
import { getBoardDocument, getBoardReport, getBoardWorkbook } from '@/db/report';
import { NotFoundError } from '@/lib/errors';
import { buildBoardDocumentDocx, buildReportDocx, DOCX_MIME } from '@/lib/report-docx';
import { documentKindName } from '@/lib/board-document';
import { parseReportOptions } from '@/lib/report-options';
import { buildReportXlsx, XLSX_MIME } from '@/lib/report-xlsx';
import { reportFilename } from '@/lib/report-filename';
import { authenticatedRoute } from '@/server/route';

// dokument=hela: the board's whole document (issue 15) instead of the Mål och uppdrag chapter.
const querySchema = z.object({ namnd: z.uuid(), period: z.uuid(), dokument: z.enum(['hela']).optional() });

const CONTENT_TYPES = { docx: DOCX_MIME, xlsx: XLSX_MIME } as const;

const MESSAGES = {
  not_found: 'Rapporten finns inte, eller så saknar du behörighet till den.',
  failed: 'Filen kunde inte skapas. Försök igen.',
};

export function reportDownload(kind: 'docx' | 'xlsx') {
  return authenticatedRoute(
    `report ${kind}`,
    async (user, request) => {
      const parsed = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
      if (!parsed.success) throw new NotFoundError('report');
      const { namnd: boardId, period: periodId, dokument } = parsed.data;
      const db = await getDb();
      let body: Buffer;
      let name: string;
      if (kind === 'docx' && dokument === 'hela') {
        const { document } = await getBoardDocument(db, user, boardId, periodId);
        body = await buildBoardDocumentDocx(document, parseReportOptions(request.nextUrl.searchParams));
        name = reportFilename(document.report.boardName, document.report.period.label, 'docx', documentKindName(document.report.period.kind));
      } else if (kind === 'docx') {
        const report = await getBoardReport(db, user, boardId, periodId);
        // The reader's choices on /rapport travel in the link (innehall=1, pilord=1, …); the rest are the seed's defaults.
        body = await buildReportDocx(report, parseReportOptions(request.nextUrl.searchParams));
        name = reportFilename(report.boardName, report.period.label, 'docx');
      } else {
        const workbook = await getBoardWorkbook(db, user, boardId, periodId);
        body = await buildReportXlsx(workbook);
        name = reportFilename(workbook.boardName, workbook.periodLabel, 'xlsx');
      }
      return new Response(new Uint8Array(body), {
        headers: {
          'Content-Type': CONTENT_TYPES[kind],
          'Content-Disposition': `attachment; filename="${name}"`,
          'Cache-Control': 'private, no-store',
        },
      });
    },
    MESSAGES,
  );
}
