'use client';
// What the structure forms share (målområden, KF-mål, nämndmål, mått) beyond their fields
// (components/form-field.tsx): the archive / restore / delete buttons (delete after a
// confirmation, and only for items without history).
import { useActionState, useState } from 'react';
import type { ActionResult } from '@/lib/action';

export type FormAction = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

export const buttonClass =
  'rounded border px-2.5 py-1 text-sm focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70';

/**
 * Archive or restore an item; delete it (after a confirmation) when it has no history.
 * `name` completes the buttons' accessible names ("Arkivera Mål 1").
 */
export function ItemActions({
  id,
  name,
  archived,
  deletable,
  setArchived,
  remove,
  deleteHint,
}: {
  id: string;
  name: string;
  archived: boolean;
  deletable: boolean;
  setArchived: FormAction;
  remove: FormAction;
  /** Why an item that cannot be deleted is only archived. */
  deleteHint: string;
}) {
  const [archiveResult, archiveAction, archiving] = useActionState<ActionResult | null, FormData>(setArchived, null);
  const [deleteResult, deleteAction, deleting] = useActionState<ActionResult | null, FormData>(remove, null);
  const [confirming, setConfirming] = useState(false);
  const result = deleteResult ?? archiveResult;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={archiveAction}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="archived" value={archived ? 'false' : 'true'} />
        <button type="submit" disabled={archiving} className={`${buttonClass} border-slate-400 bg-white hover:bg-slate-100`}>
          {archiving ? (archived ? 'Återställer …' : 'Arkiverar …') : <>{archived ? 'Återställ' : 'Arkivera'}<span className="sr-only"> {name}</span></>}
        </button>
      </form>
      {deletable ? (
        confirming ? (
          <form action={deleteAction} className="flex flex-wrap items-center gap-2" onSubmit={() => setConfirming(false)}>
            <input type="hidden" name="id" value={id} />
            <span className="text-sm">Ta bort {name} för gott?</span>
            <button type="submit" disabled={deleting} className={`${buttonClass} border-red-700 bg-red-700 text-white hover:bg-red-800`}>
              Ja, ta bort
            </button>
            <button type="button" onClick={() => setConfirming(false)} className={`${buttonClass} border-slate-400 bg-white hover:bg-slate-100`}>
              Avbryt
            </button>
          </form>
        ) : (
          <button
            type="button"
            disabled={deleting}
            onClick={() => setConfirming(true)}
            className={`${buttonClass} border-slate-400 bg-white hover:bg-slate-100`}
          >
            {deleting ? 'Tar bort …' : <>Ta bort<span className="sr-only"> {name}</span></>}
          </button>
        )
      ) : (
        <span className="text-xs text-slate-600">{deleteHint}</span>
      )}
      <p
        aria-live="polite"
        className={`w-full text-sm empty:sr-only ${result?.status === 'error' ? 'text-red-800' : 'text-green-800'}`}
      >
        {result?.message ?? ''}
      </p>
    </div>
  );
}
