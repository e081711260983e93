// The DOCX and XLSX downloads of a board's report: authenticate, parse the query with zod,
// read through db/ (which asks the policy), build the file. Anything not the user's is 404.
import { z } from 'zod';
import type { NextRequest } from 'next/server';
import { getDb } from '@/db/client';
import { NotFoundError } from '@/db/errors';
import { getBoardReport, getBoardWorkbook } from '@/db/report';
import { getCurrentUser } from '@/lib/session';
import { ForbiddenError } from '@/lib/policy';
import { buildReportDocx, DOCX_MIME } from '@/lib/report-docx';
import { buildReportXlsx, XLSX_MIME } from '@/lib/report-xlsx';
import { reportFilename } from '@/lib/report-filename';

const querySchema = z.object({ namnd: z.uuid(), period: z.uuid() });

const CONTENT_TYPES = { docx: DOCX_MIME, xlsx: XLSX_MIME } as const;

function text(status: number, body: string): Response {
  return new Response(body, { status, headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}

export async function reportDownload(request: NextRequest, kind: 'docx' | 'xlsx'): Promise<Response> {
  const user = await getCurrentUser();
  if (!user) return text(401, 'Du är inte inloggad. Logga in och försök igen.');
  const parsed = querySchema.safeParse(Object.fromEntries(request.nextUrl.searchParams));
  if (!parsed.success) return text(404, 'Rapporten finns inte, eller så saknar du behörighet till den.');
  const { namnd: boardId, period: periodId } = parsed.data;
  const db = await getDb();
  try {
    let body: Buffer;
    let name: string;
    if (kind === 'docx') {
      const report = await getBoardReport(db, user, boardId, periodId);
      body = await buildReportDocx(report);
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
  } catch (error) {
    if (error instanceof NotFoundError || error instanceof ForbiddenError) {
      return text(404, 'Rapporten finns inte, eller så saknar du behörighet till den.');
    }
    console.error(`report ${kind} failed`, error);
    return text(500, 'Filen kunde inte skapas. Försök igen.');
  }
}
