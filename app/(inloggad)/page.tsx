import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { getOverview, listPeriods, periodIdFromQuery, type OverviewDTO } from '@/db/queries/overview';
import { requireSignedIn } from '@/server/session';
import type { CurrentUser } from '@/lib/current-user';
import { can } from '@/lib/policy';
import { parseId } from '@/lib/route-params';
import { parsePage } from '@/lib/paging';
import { formatDate, periodLabel, periodStateLabel } from '@/lib/period';
import { genitive } from '@/lib/swedish-text';
import { FocusAreaSection } from '@/components/focus-area-section';
import { BoardAssignmentsSection } from '@/components/board-assignments-section';
import { ResponsibilitySummary } from '@/components/responsibility-summary';
import { BoardSelect, PeriodSelect, PickerForm } from '@/components/period-picker';
import { Pager } from '@/components/pager';
import { BoardRollupTable } from '@/components/board-rollup-table';

export default async function OverviewPage({ searchParams }: { searchParams: Promise<{ period?: string; namnd?: string; sida?: string }> }) {
  const user = await requireSignedIn(); // request data: the page is always rendered at request time
  if (user.roles.length === 0) {
    // Someone created at a single sign-on login, or whose grants were all removed: nothing to read yet.
    return (
      <>
        <h1 className="text-2xl font-semibold">Översikt</h1>
        <p className="mt-4 rounded border border-slate-300 bg-white p-4">
          Du är inloggad som {user.name}, men du har ännu ingen behörighet i Målbild och kan inte se något. Be kommunens
          systemförvaltare att ge dig en roll; den gäller från nästa sida du öppnar.
        </p>
      </>
    );
  }
  const db = await getDb();
  const query = await searchParams;
  const periodId = await periodIdFromQuery(db, user, query.period);

  if (!periodId) {
    if (query.period !== undefined) notFound();
    return (
      <>
        <h1 className="text-2xl font-semibold">Översikt</h1>
        <p className="mt-4 rounded border border-slate-300 bg-white p-4">
          Det finns ingen öppen eller stängd period att visa ännu. En systemförvaltare behöver lägga upp
          och öppna en period innan uppföljningen kan börja.
        </p>
      </>
    );
  }

  const [overview, periods] = await Promise.all([
    getOverview(db, user, periodId, parseId(query.namnd), parsePage(query.sida)).catch(notFoundOrThrow),
    listPeriods(db, user),
  ]);
  const { period } = overview;
  const mine = responsibilities(user, overview);
  const boardName = overview.boards.find((b) => b.id === overview.boardId)?.name;
  return (
    <>
      <h1 className="text-2xl font-semibold">
        Översikt {periodLabel(period.kind, period.year)}
        {boardName ? `, ${boardName}` : ', hela kommunen'}
      </h1>
      <p className="mt-1 text-slate-700">
        Perioden avser tiden till och med {formatDate(period.endDate)}. {periodStateLabel(period.state)}
        {period.deadline ? `, sista dag för rapportering ${formatDate(period.deadline)}` : ''}.
      </p>
      <PickerForm>
        <PeriodSelect periods={periods} value={period.id} />
        <BoardSelect boards={overview.boards} value={overview.boardId ?? ''} allLabel="Hela kommunen" />
      </PickerForm>
      {overview.approvedBoards.map((b) => (
        <p key={b.id} className="mt-3 rounded border border-slate-300 bg-slate-100 px-3 py-2 text-sm">
          <span className="font-semibold">Attesterad. </span>
          {genitive(b.name)} {periodLabel(period.kind, period.year).toLowerCase()} är attesterad och låst; den visas som den
          såg ut vid attesten.
        </p>
      ))}
      {user.roles.includes('editor') && <ResponsibilitySummary user={user} {...mine} listed={overview.listed} />}
      {overview.goalPage.pages > 1 && (
        <p className="mt-4 text-slate-700">
          Visar mål {overview.goalPage.first}–{overview.goalPage.last} av {overview.goalPage.total}, i målområdenas ordning. Fler
          mål finns på sidorna som länkas längst ned.
        </p>
      )}
      {overview.focusAreas.length === 0 ? (
        <p className="mt-6 rounded border border-slate-300 bg-white p-4">
          Inga målområden gäller för {period.year}. En systemförvaltare lägger upp målområden och mål.
        </p>
      ) : (
        overview.focusAreas.map((area) => (
          <FocusAreaSection
            key={area.id}
            area={area}
            lastYearLabel={overview.lastYearLabel}
            myGoalIds={mine.goalIds}
            myIndicatorIds={mine.indicatorIds}
          />
        ))
      )}
      {!overview.listed && overview.boardRollups.length > 0 && (
        <BoardRollupTable boards={overview.boardRollups} periodId={period.id} />
      )}
      {overview.boardAssignments.map((section) => (
        <BoardAssignmentsSection key={section.boardId} section={section} periodId={period.id} list={overview.listed} />
      ))}
      <Pager
        info={overview.goalPage}
        path="/"
        query={{ period: query.period, namnd: query.namnd }}
        label="Sidor med mål"
        noun="mål"
      />
    </>
  );
}

/** The goals and indicators the user's editor grants answer for, asked of the policy. */
function responsibilities(user: CurrentUser, overview: OverviewDTO) {
  const organizationId = user.organizationId;
  const goalIds = new Set<string>();
  const indicatorIds = new Set<string>();
  if (!user.roles.includes('editor')) return { goalIds, indicatorIds };
  for (const goal of overview.responsibility) {
    if (can(user, 'report', { kind: 'goal', organizationId, unitIds: goal.unitIds })) goalIds.add(goal.id);
    for (const ind of goal.indicators) {
      if (can(user, 'report', { kind: 'value', organizationId, unitIds: [ind.responsibleUnitId] })) {
        indicatorIds.add(ind.id);
        goalIds.add(goal.id);
      }
    }
  }
  return { goalIds, indicatorIds };
}
