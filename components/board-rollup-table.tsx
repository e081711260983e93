import Link from 'next/link';
import type { BoardRollupDTO } from '@/db/queries/overview';
import { COLOURS, colourLabel, colourSymbol } from '@/lib/colour';

/**
 * The whole kommun's goals per board (issue 19): goals by colour and "n av m uppfyllda", each
 * board a link to its own overview, where its goals and indicators are listed. Bounded by
 * the number of boards, whatever the size of their plans.
 */
export function BoardRollupTable({ boards, periodId }: { boards: BoardRollupDTO[]; periodId: string }) {
  return (
    <section aria-labelledby="namnderna" className="mt-8">
      <h2 id="namnderna" className="border-b-2 border-blue-900 pb-1 text-xl font-semibold text-blue-950">
        Nämndernas mål och uppdrag
      </h2>
      <p className="mt-2 text-slate-700">
        Välj en nämnd för att se dess mål, mått och kommentarer. Nämndens egna uppdrag öppnar uppföljningen av dem.
      </p>
      <div role="region" aria-label="Nämndernas mål efter måluppfyllelse" tabIndex={0} className="mt-3 overflow-x-auto">
        <table className="stack-table w-full border-collapse bg-white text-left text-sm">
          <caption className="sr-only">Nämndernas mål efter måluppfyllelse</caption>
          <thead>
            <tr className="border-b border-slate-300 text-slate-700">
              <th scope="col" className="px-2 py-2 font-semibold">Nämnd</th>
              <th scope="col" className="px-2 py-2 font-semibold">Uppfyllda</th>
              {COLOURS.map((c) => (
                <th key={c} scope="col" className="px-2 py-2 text-right font-semibold">
                  <span aria-hidden="true">{colourSymbol(c)} </span>
                  {colourLabel(c)}
                </th>
              ))}
              <th scope="col" className="px-2 py-2 font-semibold">Nämndens egna uppdrag</th>
            </tr>
          </thead>
          <tbody>
            {boards.map((b) => (
              <tr key={b.id} className="border-b border-slate-100">
                <th scope="row" className="px-2 py-2 font-normal">
                  <Link href={`/?period=${periodId}&namnd=${b.id}`} className="text-blue-800 underline">
                    {b.name}
                  </Link>
                </th>
                <td data-label="Uppfyllda" className="px-2 py-2">
                  {b.met} av {b.total} mål
                </td>
                {COLOURS.map((c) => (
                  <td key={c} data-label={colourLabel(c)} className="px-2 py-2 text-right tabular-nums">
                    {b.goals[c]}
                  </td>
                ))}
                <td data-label="Nämndens egna uppdrag" className="px-2 py-2">
                  {b.ownAssignments.count === 0 ? (
                    'Inga'
                  ) : (
                    <Link href={b.ownAssignments.href} className="text-blue-800 underline">
                      {b.ownAssignments.count} uppdrag<span className="sr-only"> från {b.name}</span>
                    </Link>
                  )}
                  {b.ownAssignments.overdue > 0 && <span className="ml-2 text-red-800">⚠ {b.ownAssignments.overdue} försenade</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
