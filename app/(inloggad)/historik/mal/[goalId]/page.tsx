import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { getGoalAssessmentHistory } from '@/db/goal-assessments';
import { requireUser } from '@/server/session';
import { parseId } from '@/lib/route-params';
import { colourLabel } from '@/lib/colour';
import { VersionEntry } from '@/components/version-entry';
import { Breadcrumb } from '@/components/breadcrumb';

export const metadata: Metadata = { title: 'Historik för mål' };

export default async function GoalHistoryPage({ params }: { params: Promise<{ goalId: string }> }) {
  const user = await requireUser();
  const id = parseId((await params).goalId);
  if (!id) notFound();
  const { goal, versions } = await getGoalAssessmentHistory(await getDb(), user, id).catch(notFoundOrThrow);
  return (
    <>
      <Breadcrumb trail={[{ href: '/', label: 'Översikt' }]} here="Historik" />
      <h1 className="mt-2 text-2xl font-semibold">Historik: {goal.title}</h1>
      <p className="mt-1">{goal.text}</p>
      {versions.length === 0 && <p className="mt-6">Målet har inte bedömts ännu.</p>}
      <ol className="mt-6 space-y-3">
        {versions.map((v, i) => {
          const before = versions.slice(i + 1).find((w) => w.periodId === v.periodId);
          const shown = v.chosenColour ?? v.computedColour;
          return (
            <VersionEntry
              key={`${v.periodId}-${v.seq}`}
              title={`${v.periodLabel}, version ${v.seq}`}
              authorName={v.authorName}
              createdAt={v.createdAt}
              facts={
                <>
                  Måluppfyllelse: {shown ? colourLabel(shown) : 'ej bedömd'}
                  {v.chosenColour && ` (beräknad: ${v.computedColour ? colourLabel(v.computedColour) : 'ingen'}; motivering: ${v.justification ?? ''})`}
                  {v.forecastColour && ` · Prognos helår: ${colourLabel(v.forecastColour)}`}
                </>
              }
              textLabel="Analys"
              text={v.analysis}
              previous={before && { seq: before.seq, text: before.analysis }}
            />
          );
        })}
      </ol>
    </>
  );
}
