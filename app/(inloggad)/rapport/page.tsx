import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { getBoardReportWithApproval } from '@/db/report';
import { requireUser } from '@/server/session';
import { reportFilename } from '@/lib/report-filename';
import { parseReportOptions, reportOptionsToParams } from '@/lib/report-options';
import { DownloadButton } from '@/components/download-button';
import { PrintButton } from '@/components/print-button';
import { ReportDocument } from '@/components/report-document';
import { BoardDocument } from '@/components/board-document';
import { SelectField } from '@/components/form-field';
import { getBoardDocument } from '@/db/report';
import { documentKindName } from '@/lib/board-document';
import { BoardSelect, PeriodSelect, PickerForm } from '@/components/period-picker';
import { boardAndPeriodFromQuery } from '../board-period';
import { ReportOptionsFields } from './report-options-fields';

export const metadata: Metadata = { title: 'Rapport' };

type Query = Record<string, string | string[] | undefined>;

const first = (v: string | string[] | undefined) => (Array.isArray(v) ? v[0] : v);

export default async function ReportPage({ searchParams }: { searchParams: Promise<Query> }) {
  const user = await requireUser();
  const db = await getDb();
  const query = await searchParams;
  const options = parseReportOptions(query);
  const { periodId, boardId, boards, periods } = await boardAndPeriodFromQuery(db, user, { period: first(query.period), namnd: first(query.namnd) });
  // dokument=hela: the board's whole document (cover, contents, every chapter of the template).
  const whole = first(query.dokument) === 'hela';
  const { report, approval } = await getBoardReportWithApproval(db, user, boardId, periodId).catch(notFoundOrThrow);
  const document = whole ? (await getBoardDocument(db, user, boardId, periodId).catch(notFoundOrThrow)).document : null;
  const kindName = documentKindName(report.period.kind);
  const params = new URLSearchParams({ namnd: boardId, period: periodId });
  if (whole) params.set('dokument', 'hela');
  for (const [k, v] of reportOptionsToParams(options)) params.set(k, v);
  const q = `?${params}`;

  return (
    <>
      <div className="print:hidden">
        <p className="text-slate-700">
          Nämndens hela {kindName.toLowerCase()}, eller avsnittet Mål och uppdrag, direkt ur uppföljningen och enheternas texter.{' '}
          <Link href={`/rapport/kommun?${new URLSearchParams({ period: periodId })}`} className="text-blue-800 underline">
            Kommunens rapport med alla nämnder
          </Link>
        </p>
        <PickerForm label="Välj rapport">
          <BoardSelect boards={boards} value={boardId} />
          <PeriodSelect periods={periods} value={periodId} />
          <SelectField id="dokument" name="dokument" label="Visa" labelStyle="small" fullWidth={false} defaultValue={whole ? 'hela' : ''}>
            <option value="">Mål och uppdrag</option>
            <option value="hela">Hela dokumentet ({kindName.toLowerCase()})</option>
          </SelectField>
          <ReportOptionsFields options={options} />
        </PickerForm>
        <div className="mt-4 flex flex-wrap items-center gap-3">
          <DownloadButton
            href={`/rapport/docx${q}`}
            label="Ladda ner Word (DOCX)"
            filename={reportFilename(report.boardName, report.period.label, 'docx', whole ? kindName : undefined)}
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
        {document ? (
          <BoardDocument document={document} approval={approval} options={options} financePage={`/ekonomi?${new URLSearchParams({ namnd: boardId, period: periodId })}`} />
        ) : (
          <ReportDocument report={report} approval={approval} options={options} />
        )}
      </div>
    </>
  );
}
