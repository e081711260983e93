'use client';
import { useActionState, useState } from 'react';
import type { ActionResult } from '@/lib/action';
import { archiveAssignment, deleteAssignment, restoreAssignment } from './actions';

const BUTTON =
  'rounded border px-2.5 py-1 text-sm focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70';

/**
 * Archive or restore an assignment, and delete one without history after a confirmation.
 * After a change the page reloads at `returnTo` with a notice.
 */
export function AssignmentStatusForm({
  assignmentId,
  code,
  archived,
  canDelete,
  returnTo,
}: {
  assignmentId: string;
  code: string;
  archived: boolean;
  canDelete: boolean;
  returnTo: string;
}) {
  const [archiveResult, archive, archiving] = useActionState<ActionResult | null, FormData>(archiveAssignment, null);
  const [restoreResult, restore, restoring] = useActionState<ActionResult | null, FormData>(restoreAssignment, null);
  const [deleteResult, remove, deleting] = useActionState<ActionResult | null, FormData>(deleteAssignment, null);
  const [confirming, setConfirming] = useState(false);
  const pending = archiving || restoring || deleting;
  const error = [archiveResult, restoreResult, deleteResult].find((r) => r?.status === 'error')?.message;
  const hidden = (
    <>
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="returnTo" value={returnTo} />
    </>
  );

  return (
    <div className="space-y-2">
      {confirming ? (
        <form action={remove} className="flex flex-wrap items-center gap-2" onSubmit={() => setConfirming(false)}>
          {hidden}
          <span className="text-sm">Radera {code}? Det går inte att ångra.</span>
          <button type="submit" disabled={pending} className={`${BUTTON} border-red-700 bg-red-700 text-white hover:bg-red-800`}>
            Ja, radera
          </button>
          <button type="button" onClick={() => setConfirming(false)} className={`${BUTTON} border-slate-400 hover:bg-slate-100`}>
            Avbryt
          </button>
        </form>
      ) : (
        <div className="flex flex-wrap gap-2">
          <form action={archived ? restore : archive}>
            {hidden}
            <button type="submit" disabled={pending} className={`${BUTTON} border-slate-400 hover:bg-slate-100`}>
              {archived ? (
                restoring ? 'Återställer …' : <>Återställ<span className="sr-only"> {code}</span></>
              ) : archiving ? (
                'Arkiverar …'
              ) : (
                <>Arkivera<span className="sr-only"> {code}</span></>
              )}
            </button>
          </form>
          {canDelete && (
            <button
              type="button"
              disabled={pending}
              onClick={() => setConfirming(true)}
              className={`${BUTTON} border-red-700 text-red-800 hover:bg-red-50`}
            >
              {deleting ? 'Raderar …' : <>Radera<span className="sr-only"> {code}</span></>}
            </button>
          )}
        </div>
      )}
      <p aria-live="polite" className="text-sm text-red-800 empty:sr-only">
        {error ?? ''}
      </p>
    </div>
  );
}
