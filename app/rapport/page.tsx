import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { getBoardReport } from '@/db/report';
import { listBoards } from '@/db/deviations';
import { listPeriods, periodIdFromQuery } from '@/db/queries/overview';
import { requireUser } from '@/server/session';
import { parseId } from '@/lib/route-params';
import { periodLabel, periodStateLabel } from '@/lib/period';
import { reportFilename } from '@/lib/report-filename';
import { AppHeader } from '@/components/app-header';
import { DownloadButton } from '@/components/download-button';
import { PrintButton } from '@/components/print-button';
import { ReportDocument } from '@/components/report-document';

export const metadata: Metadata = { title: 'Rapport: Mål och uppdrag' };

export default async function ReportPage({ searchParams }: { searchParams: Promise<{ period?: string; namnd?: string }> }) {
  const user = await requireUser();
  const db = await getDb();
  const query = await searchParams;
  const [periodId, boards, periods] = await Promise.all([periodIdFromQuery(db, user, query.period), listBoards(db, user), listPeriods(db, user)]);
  const boardId = parseId(query.namnd) ?? boards[0]?.id ?? null;
  if (!periodId || !boardId) notFound();
  const report = await getBoardReport(db, user, boardId, periodId).catch(notFoundOrThrow);
  const q = `?namnd=${boardId}&period=${periodId}`;

  return (
    <>
      <AppHeader user={user} />
      <main id="innehall" className="mx-auto max-w-5xl px-4 py-8 print:p-0">
        <div className="print:hidden">
          <p className="text-slate-700">Avsnittet Mål och uppdrag till delårsrapport och årsredovisning, direkt ur uppföljningen.</p>
          <form method="get" aria-label="Välj rapport" className="mt-4 flex flex-wrap items-end gap-3 rounded border border-slate-200 bg-white p-3">
            <div>
              <label htmlFor="namnd" className="block text-sm font-medium">
                Nämnd
              </label>
              <select id="namnd" name="namnd" defaultValue={boardId} className="mt-1 rounded border border-slate-400 px-3 py-2">
                {boards.map((b) => (
                  <option key={b.id} value={b.id}>
                    {b.name}
                  </option>
                ))}
              </select>
            </div>
            <div>
              <label htmlFor="period" className="block text-sm font-medium">
                Period
              </label>
              <select id="period" name="period" defaultValue={periodId} className="mt-1 rounded border border-slate-400 px-3 py-2">
                {periods.map((p) => (
                  <option key={p.id} value={p.id}>
                    {periodLabel(p.kind, p.year)} ({periodStateLabel(p.state).toLowerCase()})
                  </option>
                ))}
              </select>
            </div>
            <button type="submit" className="rounded border border-slate-500 px-3 py-2 text-sm font-medium hover:bg-slate-100">
              Visa
            </button>
          </form>
          <div className="mt-4 flex flex-wrap items-center gap-3">
            <DownloadButton
              href={`/rapport/docx${q}`}
              label="Ladda ner Word (DOCX)"
              filename={reportFilename(report.boardName, report.period.label, 'docx')}
            />
            <DownloadButton
              href={`/rapport/xlsx${q}`}
              label="Ladda ner Excel (XLSX)"
              filename={reportFilename(report.boardName, report.period.label, 'xlsx')}
            />
            <PrintButton />
            <span className="text-sm text-slate-700">
              {report.preliminary
                ? 'Preliminär: perioden är inte attesterad och kan ändras.'
                : 'Attesterad: rapporten visas som den såg ut vid attesten.'}
            </span>
          </div>
        </div>
        <div className="mt-6 print:mt-0">
          <ReportDocument report={report} />
        </div>
      </main>
    </>
  );
}
