import Link from 'next/link';
import type { AssignmentLinks, FocusAreaDTO } from '@/db/queries/overview';
import type { FocusAreaRollup as Rollup } from '@/lib/rollup';
import { OVERDUE_LABEL, reportStatusLabel, type ReportStatus } from '@/lib/assignment-status';
import { metChangeText } from '@/lib/rollup';
import { DistributionBar } from './distribution-bar';

const STATUSES: (ReportStatus | 'none')[] = ['not_started', 'in_progress', 'done', 'cancelled', 'none'];
const statusWord = (s: ReportStatus | 'none') => (s === 'none' ? 'Ej angiven' : reportStatusLabel(s));

/** A målområde's rollup: goals by colour, n av m, the forecast, the change on last year, assignments by status. */
export function FocusAreaRollup({ area, lastYearLabel }: { area: FocusAreaDTO; lastYearLabel: string | null }) {
  const { rollup } = area;
  const delta = area.lastYearMet === null ? null : rollup.met - area.lastYearMet;
  const assignmentCount = area.assignments.length;
  return (
    <div className="mt-3 grid gap-4 rounded-lg border border-slate-200 bg-white p-4 md:grid-cols-2">
      <div>
        <p className="font-semibold">{rollup.metText}</p>
        {rollup.total > 0 && <DistributionBar counts={rollup.goals} label="Målen efter måluppfyllelse" />}
        {area.forecast && rollup.total > 0 && (
          <div className="mt-2">
            <p className="text-sm font-medium">Prognos för helåret{area.noForecast ? ': ingen prognos lämnad' : ''}</p>
            {!area.noForecast && <DistributionBar counts={area.forecast} label="Målen efter prognos för helåret" />}
          </div>
        )}
        <p className="mt-2 text-sm text-slate-700">
          {delta === null
            ? `Ingen jämförelse med förra året${lastYearLabel ? ` (${lastYearLabel} har inga mål här)` : ''}.`
            : metChangeText(rollup.met, area.lastYearMet, lastYearLabel)}
        </p>
      </div>
      <AssignmentCounts rollup={rollup} links={area.assignmentLinks} count={assignmentCount} />
    </div>
  );
}

/** Assignments by status, each count a link to the monitor filtered to exactly those assignments. */
export function AssignmentCounts({
  rollup,
  links,
  count,
}: {
  rollup: Pick<Rollup, 'assignments' | 'overdue'>;
  links: AssignmentLinks;
  count: number;
}) {
  const link = 'text-blue-800 underline';
  return (
    <div>
      <p className="font-semibold">
        {count === 0 ? (
          'Inga uppdrag'
        ) : (
          <Link href={links.all} className={link}>
            {count} uppdrag
          </Link>
        )}
      </p>
      {count > 0 && (
        <ul className="mt-1 text-sm" aria-label="Uppdragen efter status">
          {STATUSES.filter((s) => rollup.assignments[s] > 0).map((s) => (
            <li key={s}>
              <Link href={links.byStatus[s]} className={link}>
                {statusWord(s)}: {rollup.assignments[s]}
              </Link>
            </li>
          ))}
          {rollup.overdue > 0 && (
            <li className="font-medium text-red-800">
              <Link href={links.overdue} className="text-red-800 underline">
                ⚠ {OVERDUE_LABEL}: {rollup.overdue}
              </Link>
            </li>
          )}
        </ul>
      )}
    </div>
  );
}
