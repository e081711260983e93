import Link from 'next/link';
import type { BoardAssignmentsDTO } from '@/db/queries/overview';
import { AssignmentStatusLabel } from './assignment-status-label';
import { AssignmentCounts } from './focus-area-rollup';

/** The overview's section of a board's own assignments to its administration, with counts that open the monitor. */
export function BoardAssignmentsSection({
  section,
  periodId,
  list = true,
}: {
  section: BoardAssignmentsDTO;
  periodId: string;
  /** List the assignments (false at the whole kommun's rollups: the counts open the monitor). */
  list?: boolean;
}) {
  const headingId = `namndens-uppdrag-${section.boardId}`;
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId} className="border-b-2 border-blue-900 pb-1 text-xl font-semibold text-blue-950">
        {section.title}
      </h2>
      <div className="mt-3 rounded-lg border border-slate-200 bg-white p-4">
        <AssignmentCounts rollup={section.rollup} links={section.links} count={section.assignments.length} />
        {list && (
        <ul className="mt-3 space-y-2" aria-label={section.title}>
          {section.assignments.map((a) => (
            <li key={a.id} className="flex flex-wrap items-baseline justify-between gap-x-4 gap-y-1 border-t border-slate-100 pt-2">
              <Link href={`/uppdrag/${a.id}?period=${periodId}`} className="text-blue-800 underline">
                {a.title}
              </Link>
              <span className="text-sm">
                <AssignmentStatusLabel status={a.status} overdue={a.overdue} />
              </span>
            </li>
          ))}
        </ul>
        )}
      </div>
    </section>
  );
}
