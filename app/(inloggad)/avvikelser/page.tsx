import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { DEVIATIONS_PER_PAGE, getDeviations } from '@/db/deviations';
import { periodIdFromQuery } from '@/db/queries/overview';
import { requireUser } from '@/server/session';
import { parseId } from '@/lib/route-params';
import { parsePage } from '@/lib/paging';
import { Pager } from '@/components/pager';
import { formatDate, periodLabel, periodStateLabel } from '@/lib/period';
import { deviationEntryView } from '@/lib/deviation-entry-view';
import { DeviationEntries } from '@/components/deviation-entries';
import { BoardSelect, PeriodSelect, PickerForm } from '@/components/period-picker';

export const metadata: Metadata = { title: 'Avvikelser' };

export default async function DeviationsPage({ searchParams }: { searchParams: Promise<{ period?: string; namnd?: string; sida?: string }> }) {
  const user = await requireUser(); // any role in the organization reads
  const db = await getDb();
  const query = await searchParams;
  const periodId = await periodIdFromQuery(db, user, query.period);
  const boardId = query.namnd ? parseId(query.namnd) : null;
  if (query.namnd && !boardId) notFound();

  if (!periodId) {
    if (query.period !== undefined) notFound();
    return (
      <Shell>
        <p className="mt-4 rounded border border-slate-300 bg-white p-4">
          Det finns ingen öppen eller stängd period att visa ännu.
        </p>
      </Shell>
    );
  }

  // The period picker's periods come with the deviations (one read for the period and the picker).
  const data = await getDeviations(db, user, periodId, boardId, undefined, parsePage(query.sida)).catch(notFoundOrThrow);
  const { period, boards, periods } = data;
  const groups = data.groups.filter((g) => g.entries.length > 0);

  return (
    <Shell>
      <p className="mt-1 text-slate-700">
        Det som behöver åtgärdas i {periodLabel(period.kind, period.year).toLowerCase()}
        {data.board ? ` för ${data.board.name}` : ' i hela kommunen'}. Perioden avser tiden till och med{' '}
        {formatDate(period.endDate)}. {periodStateLabel(period.state)}
        {period.deadline ? `, sista dag för rapportering ${formatDate(period.deadline)}` : ''}.
      </p>

      <PickerForm>
        <PeriodSelect periods={periods} value={period.id} />
        <BoardSelect boards={boards} value={data.board?.id ?? ''} allLabel="Hela kommunen" />
      </PickerForm>

      {data.page.pages > 1 && (
        <>
          <p className="mt-4 text-slate-700">
            {data.total} avvikelser, {DEVIATIONS_PER_PAGE} per sida{data.board ? '' : '; välj en nämnd ovan för att se bara dess'}:
          </p>
          <ul className="ml-5 list-disc text-slate-800">
            {data.groups
              .filter((g) => g.count > 0)
              .map((g) => (
                <li key={g.kind}>
                  {g.heading}: {g.count}
                </li>
              ))}
          </ul>
          <Pager info={data.page} path="/avvikelser" query={{ period: query.period, namnd: query.namnd }} label="Sidor med avvikelser, överst" noun="avvikelser" />
        </>
      )}
      {groups.length === 0 ? (
        <p className="mt-6 rounded border border-slate-300 bg-white p-4">Inget behöver åtgärdas just nu.</p>
      ) : (
        groups.map((group) => {
          const headingId = `avvikelser-${group.kind}`;
          return (
            <section key={group.kind} aria-labelledby={headingId} className="mt-8">
              <h2 id={headingId} className="text-lg font-semibold">
                {group.heading} ({group.count})
                {group.entries.length < group.count && (
                  <span className="ml-2 text-sm font-normal text-slate-700">
                    visar {group.entries.length} här
                  </span>
                )}
              </h2>
              <ul className="mt-3 space-y-2">
                <DeviationEntries entries={group.entries.map(deviationEntryView)} />
              </ul>
            </section>
          );
        })
      )}
      <Pager info={data.page} path="/avvikelser" query={{ period: query.period, namnd: query.namnd }} label="Sidor med avvikelser" noun="avvikelser" />
    </Shell>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <>
      <h1 className="text-2xl font-semibold">Avvikelser</h1>
      {children}
    </>
  );
}
