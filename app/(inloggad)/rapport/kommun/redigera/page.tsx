import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { periodIdFromQuery } from '@/db/queries/overview';
import { getKommunIntro, getKommunLayout } from '@/db/kommun-document';
import { requireUser } from '@/server/session';
import { kommunDocumentKindName } from '@/lib/kommun-document';
import { formatDateTime } from '@/lib/time-format';
import { Breadcrumb } from '@/components/breadcrumb';
import { Markdown } from '@/components/markdown';
import { NarrativeForm } from '@/components/narrative-form';
import { ReadOnlyNotice } from '@/components/read-only-notice';
import { NarrativeVersions } from '@/components/narrative-versions';
import { KommunLayoutForm } from '@/components/kommun-layout-form';
import { changeKommunLayoutForm, saveKommunIntroForm } from '../actions';

export const metadata: Metadata = { title: 'Sätt ihop kommunens rapport' };

export default async function KommunReportEditPage({ searchParams }: { searchParams: Promise<{ period?: string | string[] }> }) {
  const user = await requireUser();
  const db = await getDb();
  const query = await searchParams;
  const periodId = await periodIdFromQuery(db, user, Array.isArray(query.period) ? query.period[0] : query.period);
  if (!periodId) notFound();
  const [intro, layout] = await Promise.all([getKommunIntro(db, user, periodId), getKommunLayout(db, user, periodId)]).catch(notFoundOrThrow);
  const { period } = intro;
  const kindName = kommunDocumentKindName(period.kind).toLowerCase();

  return (
    <>
      <Breadcrumb trail={[{ href: `/rapport/kommun?period=${period.id}`, label: `Kommunens ${kindName}` }]} here="Sätt ihop" />
      <h1 className="mt-2 text-2xl font-semibold">Sätt ihop kommunens {kindName}</h1>
      <p className="mt-1 text-slate-700">
        {period.label}. Inledningen och valet av nämnder sparas som versioner; en nämnd som inte är attesterad visas som preliminär.
      </p>
      {!intro.canAssemble && (
        <div className="mt-4">
          <ReadOnlyNotice reason="Kommunens rapport sätts ihop av administratören och kommundirektören." />
        </div>
      )}

      <div className="mt-6 grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="inledning-rubrik" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="inledning-rubrik" className="mb-3 text-lg font-semibold">
            Kommunens inledning
          </h2>
          {intro.canAssemble ? (
            <NarrativeForm
              data={{ ...intro, ids: { periodId: period.id }, draftKey: `kommun-inledning:${period.id}` }}
              save={saveKommunIntroForm}
              label="Inledning"
              submitLabel="Spara inledningen"
            />
          ) : intro.latest ? (
            <Markdown>{intro.latest.body}</Markdown>
          ) : (
            <p>Ingen inledning är skriven ännu.</p>
          )}
        </section>
        <NarrativeVersions periodLabel={period.label} versions={intro.versions} emptyText="Ingen version sparad ännu. Skriv inledningen och spara den." />
      </div>

      <section aria-labelledby="namnder-rubrik" className="mt-8">
        <h2 id="namnder-rubrik" className="text-lg font-semibold">
          Nämnder och ordning
        </h2>
        <p className="mt-1 text-sm text-slate-700">
          Rapporten innehåller nämnderna i den här ordningen. En utelämnad nämnd finns inte med i rapporten.
          {layout.last ? ` Senast ändrad av ${layout.last.authorName} ${formatDateTime(new Date(layout.last.createdAt))}.` : ' Ordningen är inte ändrad ännu.'}
        </p>
        <div className="mt-3">
          {layout.boards.length === 0 ? (
            <p>Kommunen har inga nämnder ännu. Lägg till dem under Administration › Enheter.</p>
          ) : layout.canAssemble ? (
            <KommunLayoutForm layout={layout} change={changeKommunLayoutForm} />
          ) : (
            <ol className="list-decimal pl-6">
              {layout.boards.map((b) => (
                <li key={b.id}>
                  {b.name} {b.included ? '' : '(utelämnad)'}
                </li>
              ))}
            </ol>
          )}
        </div>
      </section>
    </>
  );
}
