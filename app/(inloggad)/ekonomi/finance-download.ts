// The finance page's downloads: the chapters as Word, the tables as Excel, and the import
// template filled with the board's current tables. Authenticate (server/route.ts), parse the
// query with zod, read through db/finance.ts (which asks the policy), build the file.
import { z } from '@/lib/zod';
import { getDb } from '@/db/client';
import { loadBoardFinance } from '@/db/finance';
import { getPeriod } from '@/db/queries/periods';
import { NotFoundError } from '@/lib/errors';
import { CHAPTER_TITLES, financeChapters } from '@/lib/finance-chapters';
import { buildFinanceDocx } from '@/lib/finance-docx';
import { buildFinanceXlsx } from '@/lib/finance-xlsx';
import { financeTemplate } from '@/lib/finance-import';
import { periodLabel } from '@/lib/period';
import { DOCX_MIME } from '@/lib/report-docx';
import { XLSX_MIME } from '@/lib/report-xlsx';
import { reportFilename } from '@/lib/report-filename';
import { authorize } from '@/lib/policy';
import { authenticatedRoute } from '@/server/route';

const querySchema = z.object({ namnd: z.uuid(), period: z.uuid() });

const MESSAGES = {
  not_found: 'Tabellerna finns inte, eller så saknar du behörighet till dem.',
  failed: 'Filen kunde inte skapas. Försök igen.',
};

export function financeDownload(kind: 'docx' | 'xlsx' | 'template') {
  return authenticatedRoute(
    `finance ${kind}`,
    async (user, request) => {
      const parsed = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
      if (!parsed.success) throw new NotFoundError('finance');
      const { namnd: boardId, period: periodId } = parsed.data;
      const db = await getDb();
      const finance = await loadBoardFinance(db, user, boardId, periodId);
      const period = await getPeriod(db, user, periodId);
      const label = periodLabel(period.kind, period.year);
      let body: Buffer;
      let name: string;
      if (kind === 'template') {
        // The template is for those who import: the board's economist or the admin.
        authorize(user, 'report', { kind: 'finance', organizationId: user.organizationId, unitIds: [boardId] });
        body = await financeTemplate(finance.tables);
        name = reportFilename(`${finance.boardName} ekonomi mall`, label, 'xlsx');
      } else {
        // A final document has no warnings to mark: an approved period shows its tables as approved.
        const chapters = financeChapters({ tables: finance.tables, warnings: finance.warnings, period });
        if (kind === 'docx') {
          body = await buildFinanceDocx({
            title: `${finance.boardName} – ${label}`,
            chapters: chapters.map((c) => c.blocks),
            approvedAt: finance.approvedAt,
          });
          name = reportFilename(`${finance.boardName} ekonomi`, label, 'docx');
        } else {
          body = await buildFinanceXlsx(chapters.map((c) => ({ title: CHAPTER_TITLES[c.kind], blocks: c.blocks })));
          name = reportFilename(`${finance.boardName} ekonomi`, label, 'xlsx');
        }
      }
      return new Response(new Uint8Array(body), {
        headers: {
          'Content-Type': kind === 'docx' ? DOCX_MIME : XLSX_MIME,
          'Content-Disposition': `attachment; filename="${name}"`,
          'Cache-Control': 'private, no-store',
        },
      });
    },
    MESSAGES,
  );
}
