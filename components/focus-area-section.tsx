import Link from 'next/link';
import type { FocusAreaDTO, GoalDTO } from '@/db/queries/overview';
import { boardGoalTitle } from '@/lib/swedish-text';
import { Markdown } from './markdown';
import { StatusBadge } from './status-badge';
import { IndicatorTable } from './indicator-table';
import { MineTag } from './mine-tag';
import { FocusAreaRollup } from './focus-area-rollup';
import { ReporterChoiceNote } from './reporter-choice';

/** One målområde of the overview: its KF-mål, the board goals under it, or the board's note. */
export function FocusAreaSection({
  area,
  lastYearLabel,
  myGoalIds,
  myIndicatorIds,
}: {
  area: FocusAreaDTO;
  lastYearLabel: string | null;
  myGoalIds: Set<string>;
  myIndicatorIds: Set<string>;
}) {
  const headingId = `malomrade-${area.id}`;
  return (
    <section aria-labelledby={headingId} className="mt-8">
      <h2 id={headingId} className="border-b-2 border-blue-900 pb-1 text-xl font-semibold text-blue-950">
        {area.number !== null ? `Målområde ${area.number} – ` : ''}
        {area.name}
      </h2>
      <FocusAreaRollup area={area} lastYearLabel={lastYearLabel} />
      {area.rollup.total === 0 && area.councilGoals.length > 0 && (
        <div className="mt-3">
          <p className="font-medium">Kommunfullmäktiges mål:</p>
          <ul className="ml-5 list-disc">
            {area.councilGoals.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </div>
      )}
      {area.notes.map((note, i) => (
        <div key={i} className="mt-3 rounded border-l-4 border-slate-400 bg-white p-3">
          {note.heading && <p className="font-medium">{note.heading}</p>}
          <Markdown>{note.body}</Markdown>
        </div>
      ))}
      {area.rollup.total === 0 && area.notes.length === 0 && (
        <p className="mt-3 text-slate-700">Inga mål inom målområdet för perioden.</p>
      )}
      {area.rollup.total > 0 && area.goals.length === 0 && (
        <p className="mt-3 text-slate-700">Målen visas per nämnd: välj en nämnd under Nämndernas mål och uppdrag nedan.</p>
      )}
      {area.goals.map((goal) => (
        <GoalCard key={goal.id} goal={goal} mine={myGoalIds.has(goal.id)} myIndicatorIds={myIndicatorIds} />
      ))}
    </section>
  );
}

function GoalCard({ goal, mine, myIndicatorIds }: { goal: GoalDTO; mine: boolean; myIndicatorIds: Set<string> }) {
  const title = boardGoalTitle(goal.boardName, goal.number);
  const headingId = `mal-${goal.id}`;
  return (
    <article aria-labelledby={headingId} className="mt-4 rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      {goal.subAreaName && <p className="text-sm font-medium text-slate-600">{goal.subAreaName}</p>}
      <div className="flex flex-wrap items-start justify-between gap-2">
        <h3 id={headingId} className="text-lg font-semibold">
          {title}
          {mine && <MineTag />}
        </h3>
        {goal.colour ? (
          <div>
            <StatusBadge colour={goal.colour} prefix="Måluppfyllelse" />
            <ReporterChoiceNote what="Färgen" choice={goal.colourChoice} />
          </div>
        ) : (
          <span className="text-sm text-slate-700">Bedöms av den ansvariga enheten</span>
        )}
      </div>
      <p className="mt-1">{goal.text}</p>
      <p className="mt-1 text-sm">
        <Link href={`/historik/mal/${goal.id}`} className="text-blue-800 underline">
          Målets bedömningar över tid<span className="sr-only"> för {title}</span>
        </Link>
      </p>
      {goal.indicators.length > 0 ? (
        <IndicatorTable caption={`Mått för ${title}`} indicators={goal.indicators} mine={myIndicatorIds} />
      ) : (
        <p className="mt-3 text-slate-700">Målet har inga mått.</p>
      )}
    </article>
  );
}
