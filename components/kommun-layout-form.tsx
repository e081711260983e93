'use client';
// Which boards the kommun's report holds, in which order (issue 15 item 4): each board with its
// approval, moved up or down and put in or left out one change at a time, each change a new
// version of the layout (a stale page's change is refused with a conflict).
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import type { KommunLayoutDTO } from '@/db/kommun-document';
import { SaveMessage } from './conflict-notice';
import { SubmitButton } from './submit-button';

type Result = ActionResult<{ seq: number }> | null;

const BUTTON =
  'rounded border border-slate-400 bg-white px-2.5 py-1 text-sm hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-50 aria-disabled:opacity-50';

export function KommunLayoutForm({
  layout,
  change,
}: {
  layout: KommunLayoutDTO;
  change: (previous: Result, formData: FormData) => Promise<Exclude<Result, null>>;
}) {
  const [result, action, pending] = useActionState<Result, FormData>(change, null);
  const last = layout.boards.length - 1;
  return (
    <div>
      <ol className="divide-y divide-slate-200 rounded border border-slate-200 bg-white">
        {layout.boards.map((board, i) => (
          <li key={board.id} className="flex flex-wrap items-center gap-x-4 gap-y-2 px-3 py-2">
            <span className="min-w-0 flex-1">
              <span className={board.included ? 'font-medium' : 'text-slate-700 line-through'}>{board.name}</span>
              <span className="block text-sm text-slate-700 sm:ml-2 sm:inline">
                {board.included ? '' : 'Utelämnad · '}
                {board.approved ? 'Attesterad' : 'Ej attesterad (preliminär)'}
              </span>
            </span>
            <form action={action} className="flex flex-wrap gap-2">
              <input type="hidden" name="periodId" value={layout.period.id} />
              <input type="hidden" name="baseSeq" value={layout.seq} />
              <input type="hidden" name="boardId" value={board.id} />
              <SubmitButton name="change" value="up" pending={pending} disabled={i === 0} className={BUTTON} aria-label={`Flytta ${board.name} upp`}>
                Upp
              </SubmitButton>
              <SubmitButton name="change" value="down" pending={pending} disabled={i === last} className={BUTTON} aria-label={`Flytta ${board.name} ner`}>
                Ner
              </SubmitButton>
              {board.included ? (
                <SubmitButton name="change" value="exclude" pending={pending} className={BUTTON} aria-label={`Utelämna ${board.name}`}>
                  Utelämna
                </SubmitButton>
              ) : (
                <SubmitButton name="change" value="include" pending={pending} className={BUTTON} aria-label={`Ta med ${board.name}`}>
                  Ta med
                </SubmitButton>
              )}
            </form>
          </li>
        ))}
      </ol>
      <div className="mt-2">
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </div>
  );
}
