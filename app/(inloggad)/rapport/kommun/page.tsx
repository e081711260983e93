import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { listPeriods, periodIdFromQuery } from '@/db/queries/overview';
import { getKommunDocument } from '@/db/kommun-document';
import { requireUser } from '@/server/session';
import { can } from '@/lib/policy';
import { kommunDocumentKindName, kommunPreliminary } from '@/lib/kommun-document';
import { reportFilename } from '@/lib/report-filename';
import { DownloadButton } from '@/components/download-button';
import { PrintButton } from '@/components/print-button';
import { KommunDocument } from '@/components/kommun-document';
import { PeriodSelect, PickerForm } from '@/components/period-picker';

export const metadata: Metadata = { title: 'Kommunens rapport' };

export default async function KommunReportPage({ searchParams }: { searchParams: Promise<{ period?: string | string[] }> }) {
  const user = await requireUser();
  const db = await getDb();
  const query = await searchParams;
  const [periodId, periods] = await Promise.all([periodIdFromQuery(db, user, Array.isArray(query.period) ? query.period[0] : query.period), listPeriods(db, user)]);
  if (!periodId) notFound();
  const kommun = await getKommunDocument(db, user, periodId).catch(notFoundOrThrow);
  const kindName = kommunDocumentKindName(kommun.period.kind);
  const q = `?${new URLSearchParams({ period: periodId })}`;
  const canAssemble = can(user, 'assemble', { kind: 'kommun_report', organizationId: user.organizationId });
  const notApproved = kommun.boards.filter((b) => !b.approval).length;

  return (
    <>
      <div className="print:hidden">
        <h1 className="text-2xl font-semibold">Kommunens {kindName.toLowerCase()}</h1>
        <p className="mt-1 text-slate-700">
          Hela kommunens rapport: inledningen, måluppfyllelsen per målområde för hela kommunen och varje nämnds dokument i vald ordning. En
          attesterad nämnd visas som den såg ut vid attesten.{' '}
          <Link href={`/rapport${q}`} className="text-blue-800 underline">
            En nämnds rapport
          </Link>
        </p>
        <PickerForm label="Välj period">
          <PeriodSelect periods={periods} value={periodId} />
        </PickerForm>
        {canAssemble && (
          <p className="mt-4">
            <Link href={`/rapport/kommun/redigera${q}`} className="font-medium text-blue-800 underline">
              Skriv inledningen och välj nämnder och ordning
            </Link>
          </p>
        )}
        {kommun.boards.length === 0 ? (
          <p className="mt-4 rounded border border-slate-300 bg-slate-50 px-3 py-2">
            Ingen nämnd är med i rapporten.{' '}
            {canAssemble
              ? 'Ta med nämnderna under "Skriv inledningen och välj nämnder och ordning".'
              : 'Administratören eller kommundirektören väljer vilka nämnder rapporten ska innehålla.'}
          </p>
        ) : (
          <div className="mt-4 flex flex-wrap items-center gap-3">
            <DownloadButton
              href={`/rapport/kommun/docx${q}`}
              label="Ladda ner Word (DOCX)"
              filename={reportFilename(kommun.organizationName, kommun.period.label, 'docx', kindName)}
            />
            <PrintButton />
            <span className="text-sm text-slate-700">
              {kommunPreliminary(kommun)
                ? `Preliminär: ${notApproved} av ${kommun.boards.length} nämnder är inte attesterade.`
                : 'Alla nämnder i rapporten är attesterade.'}
            </span>
          </div>
        )}
      </div>
      <div className="mt-6 print:mt-0">
        <KommunDocument kommun={kommun} />
      </div>
    </>
  );
}
