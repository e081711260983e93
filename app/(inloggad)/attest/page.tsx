import type { Metadata } from 'next';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { getApprovalState } from '@/db/approvals';
import { requireUser } from '@/server/session';
import { periodLabel } from '@/lib/period';
import { genitive } from '@/lib/swedish-text';
import { BoardSelect, PeriodSelect, PickerForm } from '@/components/period-picker';
import { boardAndPeriodFromQuery } from '../board-period';
import { ApproveForm, ReopenForm } from './approval-forms';
import { formatDateTime } from '@/lib/time-format';

export const metadata: Metadata = { title: 'Attest' };

export default async function ApprovalPage({ searchParams }: { searchParams: Promise<{ period?: string; namnd?: string }> }) {
  const user = await requireUser();
  const db = await getDb();
  const query = await searchParams;
  const { periodId, boardId, boards, periods } = await boardAndPeriodFromQuery(db, user, query);
  const state = await getApprovalState(db, user, boardId, periodId).catch(notFoundOrThrow);
  const { board, period } = state;
  const notReady = state.units.filter((u) => !u.ready).length;

  return (
    <>
      <h1 className="text-2xl font-semibold">Attest</h1>
      <PickerForm>
        <PeriodSelect periods={periods} value={period.id} />
        <BoardSelect boards={boards} value={board.id} />
      </PickerForm>

      <section aria-labelledby="status" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="status" className="text-lg font-semibold">
          {genitive(board.name)} {periodLabel(period.kind, period.year).toLowerCase()}
        </h2>
        <p className="mt-1">
          {state.approved ? '🔒 Attesterad och låst' : 'Inte attesterad'}
          {state.last &&
            ` · Senast ${state.last.action === 'approved' ? 'attesterad' : 'öppnad igen'} av ${state.last.authorName} ${formatDateTime(state.last.createdAt)}`}
          {state.last?.reason ? ` (skäl: ${state.last.reason})` : ''}
        </p>

        <h3 className="mt-4 font-semibold">
          Klarmarkering: {state.units.length - notReady} av {state.units.length} enheter klara
        </h3>
        {state.units.length === 0 ? (
          <p className="text-slate-700">Ingen enhet har något att rapportera för nämnden i perioden.</p>
        ) : (
          <ul className="mt-1 space-y-1">
            {state.units.map((u) => (
              <li key={u.id}>
                {u.ready ? '✓ Klar' : '○ Inte klar'}: {u.name}
                {u.reason && (
                  <span className="block pl-5 text-sm">
                    Klarmarkerad trots att allt inte var rapporterat. Skäl: ”{u.reason}”
                  </span>
                )}
              </li>
            ))}
          </ul>
        )}

        <div className="mt-4">
          {state.canApprove && (
            <ApproveForm boardId={board.id} periodId={period.id} seq={state.seq} boardName={board.name} notReady={notReady} />
          )}
          {state.canReopen && <ReopenForm boardId={board.id} periodId={period.id} seq={state.seq} />}
          {!state.canApprove && !state.canReopen && (
            <p className="text-sm text-slate-700">
              {state.approved
                ? 'Endast systemförvaltaren kan öppna en attesterad period igen.'
                : period.state === 'draft'
                  ? 'Perioden är inte öppnad ännu.'
                  : 'Kommundirektören attesterar perioden.'}
            </p>
          )}
        </div>
      </section>
    </>
  );
}
