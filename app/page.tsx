import { getDb } from '@/db/client';
import { getCurrentPeriod, getOverview, type OverviewDTO } from '@/db/queries/overview';
import { requireUser } from '@/lib/session';
import type { CurrentUser } from '@/lib/current-user';
import { can } from '@/lib/policy';
import { formatDate, periodLabel, periodStateLabel } from '@/lib/period';
import { AppHeader } from '@/components/app-header';
import { FocusAreaSection } from '@/components/focus-area-section';
import { ResponsibilitySummary } from '@/components/responsibility-summary';

export default async function OverviewPage() {
  const user = await requireUser(); // request data: the page is always rendered at request time
  const db = await getDb();
  const period = await getCurrentPeriod(db, user);

  if (!period) {
    return (
      <>
        <AppHeader user={user} />
        <main id="innehall" className="mx-auto max-w-5xl px-4 py-8">
          <h1 className="text-2xl font-semibold">Översikt</h1>
          <p className="mt-4 rounded border border-slate-300 bg-white p-4">
            Det finns ingen öppen eller stängd period att visa ännu. En systemförvaltare behöver lägga upp
            och öppna en period innan uppföljningen kan börja.
          </p>
        </main>
      </>
    );
  }

  const overview = await getOverview(db, user, period.id);
  const mine = responsibilities(user, overview);
  return (
    <>
      <AppHeader user={user} />
      <main id="innehall" className="mx-auto max-w-5xl px-4 py-8">
        <h1 className="text-2xl font-semibold">Översikt {periodLabel(period.kind, period.year)}</h1>
        <p className="mt-1 text-slate-700">
          Perioden avser tiden till och med {formatDate(period.endDate)}. {periodStateLabel(period.state)}
          {period.deadline ? `, sista dag för rapportering ${formatDate(period.deadline)}` : ''}.
        </p>
        {user.roles.includes('editor') && <ResponsibilitySummary user={user} {...mine} />}
        {overview.focusAreas.length === 0 ? (
          <p className="mt-6 rounded border border-slate-300 bg-white p-4">
            Inga målområden gäller för {period.year}. En systemförvaltare lägger upp målområden och mål.
          </p>
        ) : (
          overview.focusAreas.map((area) => (
            <FocusAreaSection key={area.id} area={area} myGoalIds={mine.goalIds} myIndicatorIds={mine.indicatorIds} />
          ))
        )}
      </main>
    </>
  );
}

/** The goals and indicators the user's editor grants answer for, asked of the policy. */
function responsibilities(user: CurrentUser, overview: OverviewDTO) {
  const organizationId = user.organizationId;
  const isEditor = user.roles.includes('editor');
  const goalIds = new Set<string>();
  const indicatorIds = new Set<string>();
  if (!isEditor) return { goalIds, indicatorIds };
  for (const area of overview.focusAreas) {
    for (const goal of area.goals) {
      if (can(user, 'report', { kind: 'goal', organizationId, unitIds: goal.unitIds })) goalIds.add(goal.id);
      for (const ind of goal.indicators) {
        if (can(user, 'report', { kind: 'value', organizationId, unitIds: [ind.responsibleUnitId] })) {
          indicatorIds.add(ind.id);
          goalIds.add(goal.id);
        }
      }
    }
  }
  return { goalIds, indicatorIds };
}
