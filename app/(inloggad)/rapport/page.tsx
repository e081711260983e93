import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { getBoardReport } from '@/db/report';
import { requireUser } from '@/server/session';
import { reportFilename } from '@/lib/report-filename';
import { DownloadButton } from '@/components/download-button';
import { PrintButton } from '@/components/print-button';
import { ReportDocument } from '@/components/report-document';
import { BoardSelect, PeriodSelect, PickerForm } from '@/components/period-picker';
import { boardAndPeriodFromQuery } from '../board-period';

export const metadata: Metadata = { title: 'Rapport: Mål och uppdrag' };

export default async function ReportPage({ searchParams }: { searchParams: Promise<{ period?: string; namnd?: string }> }) {
  const user = await requireUser();
  const db = await getDb();
  const query = await searchParams;
  const { periodId, boardId, boards, periods } = await boardAndPeriodFromQuery(db, user, query);
  const report = await getBoardReport(db, user, boardId, periodId).catch(notFoundOrThrow);
  const q = `?namnd=${boardId}&period=${periodId}`;

  return (
    <>
      <div className="print:hidden">
        <p className="text-slate-700">Avsnittet Mål och uppdrag till delårsrapport och årsredovisning, direkt ur uppföljningen.</p>
        <PickerForm label="Välj rapport">
          <BoardSelect boards={boards} value={boardId} />
          <PeriodSelect periods={periods} value={periodId} />
        </PickerForm>
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
    </>
  );
}
