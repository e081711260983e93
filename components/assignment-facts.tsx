// An assignment's facts as the assignment's page and a unit's återrapportering page show
// them: who gave it, when and where it was decided, its målområde, due date, responsible
// units and status in the period (words, never colour alone), then its description.
import type { AssignmentHeadDTO } from '@/db/assignment-reports';
import { formatDate } from '@/lib/period';
import { AssignmentStatusLabel } from './assignment-status-label';
import { Markdown } from './markdown';

const NONE = 'Inget angivet';

function Fact({ term, children }: { term: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="inline font-medium">{term}: </dt>
      <dd className="inline">{children}</dd>
    </div>
  );
}

export function AssignmentFacts({
  assignment,
  units,
  periodLabel,
  overdueToday = false,
  groupLabel = null,
}: {
  assignment: AssignmentHeadDTO;
  units: { name: string }[];
  /** The period the status is for ("Delår 2 2024"). */
  periodLabel: string;
  overdueToday?: boolean;
  groupLabel?: string | null;
}) {
  return (
    <>
      <dl className="mt-4 grid gap-x-6 gap-y-1 text-sm sm:grid-cols-2">
        <Fact term="Uppdragsgivare">{assignment.issuerName}</Fact>
        <Fact term="Beslutsdatum">{assignment.decisionDate ? formatDate(assignment.decisionDate) : NONE}</Fact>
        <Fact term="Diarienummer">{assignment.diaryNumber ?? NONE}</Fact>
        <Fact term="Målområde">{assignment.focusAreaName ?? NONE}</Fact>
        <Fact term="Slutdatum">{assignment.dueDate ? formatDate(assignment.dueDate) : NONE}</Fact>
        <Fact term="Ansvariga">{units.length ? units.map((u) => u.name).join(', ') : 'Inga angivna'}</Fact>
        <Fact term={`Status, ${periodLabel.toLowerCase()}`}>
          <AssignmentStatusLabel status={assignment.status} overdue={assignment.overdue} overdueToday={overdueToday} />
        </Fact>
        {groupLabel && <Fact term="Grupp">{groupLabel}</Fact>}
      </dl>
      {assignment.description && (
        <div className="mt-4 italic">
          <Markdown>{assignment.description}</Markdown>
        </div>
      )}
    </>
  );
}
