import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { getAssignmentReportHistory } from '@/db/assignment-reports';
import { requireUser } from '@/server/session';
import { parseId } from '@/lib/route-params';
import { reportStatusLabel } from '@/lib/assignment-status';
import { VersionEntry } from '@/components/version-entry';
import { Breadcrumb } from '@/components/breadcrumb';

export const metadata: Metadata = { title: 'Historik för uppdrag' };

export default async function AssignmentHistoryPage({ params }: { params: Promise<{ assignmentId: string }> }) {
  const user = await requireUser();
  const id = parseId((await params).assignmentId);
  if (!id) notFound();
  const { assignment, versions } = await getAssignmentReportHistory(await getDb(), user, id).catch(notFoundOrThrow);
  return (
    <>
      <Breadcrumb trail={[{ href: '/', label: 'Översikt' }]} here="Historik" />
      <h1 className="mt-2 text-2xl font-semibold">Historik: {assignment.title}</h1>
      {versions.length === 0 && <p className="mt-6">Ingen har återrapporterat på uppdraget ännu.</p>}
      <ol className="mt-6 space-y-3">
        {versions.map((v, i) => {
          const before = versions.slice(i + 1).find((w) => w.periodId === v.periodId && w.unitId === v.unitId);
          return (
            <VersionEntry
              key={`${v.periodId}-${v.unitId}-${v.seq}`}
              title={`${v.periodLabel}, ${v.unitName}, version ${v.seq}`}
              authorName={v.authorName}
              createdAt={v.createdAt}
              facts={
                <>
                  Status: {v.status ? reportStatusLabel(v.status) : 'ej angiven'}
                  {v.cancelReason && ` (skäl: ${v.cancelReason})`}
                  {v.heading && ` · Rubrik: ${v.heading}`}
                </>
              }
              textLabel="Återrapportering"
              text={v.body}
              previous={before && { seq: before.seq, text: before.body }}
            />
          );
        })}
      </ol>
    </>
  );
}
