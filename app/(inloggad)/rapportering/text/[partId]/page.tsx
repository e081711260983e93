import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { getNarrativePart } from '@/db/narratives';
import { periodIdFromQuery } from '@/db/queries/overview';
import { listOpenRevisionsOfItem } from '@/db/revisions';
import { requireUser } from '@/server/session';
import { parseId } from '@/lib/route-params';
import { can } from '@/lib/policy';
import { ReportingBreadcrumb } from '@/components/breadcrumb';
import { Markdown } from '@/components/markdown';
import { NarrativeForm } from '@/components/narrative-form';
import { ReadOnlyNotice } from '@/components/read-only-notice';
import { SendBackForm } from '@/components/send-back-form';
import { SentBackNotice } from '@/components/sent-back-notice';
import { NarrativeVersions } from '@/components/narrative-versions';
import { saveNarrativeForm } from './actions';
import { sendBackForm } from '../../actions';

export const metadata: Metadata = { title: 'Text till rapporten' };

export default async function NarrativePage({
  params,
  searchParams,
}: {
  params: Promise<{ partId: string }>;
  searchParams: Promise<{ period?: string }>;
}) {
  const user = await requireUser();
  const db = await getDb();
  const partId = parseId((await params).partId);
  const periodId = await periodIdFromQuery(db, user, (await searchParams).period);
  if (!partId || !periodId) notFound();
  const data = await getNarrativePart(db, user, partId, periodId).catch(notFoundOrThrow);
  const { part, period, unit } = data;
  const sentBack = await listOpenRevisionsOfItem(db, user, period.id, 'narrative', part.id);
  const title = part.heading ?? 'Inledande text';

  return (
    <>
      <ReportingBreadcrumb periodId={period.id} here="Text" />
      <h1 className="mt-2 text-2xl font-semibold">
        {title} <span className="font-normal text-slate-700">i {part.chapterTitle}</span>
      </h1>
      <p className="mt-1 text-slate-700">
        Skrivs av {unit.name} för {data.board?.name ?? 'nämnden'}, {period.label}.
      </p>

      <div className="mt-6 grid grid-cols-[minmax(0,1fr)] gap-6 lg:grid-cols-[minmax(0,1fr)_22rem]">
        <section aria-labelledby="text-rubrik" className="rounded-lg border border-slate-200 bg-white p-5 shadow-sm">
          <h2 id="text-rubrik" className="mb-3 text-lg font-semibold">
            Text från {unit.name}
          </h2>
          <SentBackNotice requests={sentBack} canAnswer={data.canReport} />
          {data.canReport ? (
            <NarrativeForm
              data={{ ...data, ids: { partId: part.id, periodId: period.id }, draftKey: `text:${part.id}:${period.id}` }}
              save={saveNarrativeForm}
            />
          ) : (
            <>
              <ReadOnlyNotice reason={data.readOnlyReason ?? ''} />
              <div className="mt-3">{data.latest ? <Markdown>{data.latest.body}</Markdown> : <p>Ingen text för perioden ännu.</p>}</div>
            </>
          )}
        </section>
        <NarrativeVersions periodLabel={period.label} versions={data.versions} emptyText="Ingen version sparad ännu." />
      </div>
      {can(user, 'send_back', { kind: 'narrative', organizationId: user.organizationId, unitIds: [unit.id], locked: data.locked }) && (
        <div className="mt-6">
          <SendBackForm action={sendBackForm} itemKind="narrative" itemId={part.id} periodId={period.id} units={[unit]} />
        </div>
      )}
    </>
  );
}
