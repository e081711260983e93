'use client';
// What the structure forms share (målområden, KF-mål, nämndmål, mått) beyond their fields
// (components/form-field.tsx): the archive / restore / delete buttons (delete after a
// confirmation, and only for items without history).
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import { buttonClass, ConfirmStep } from '@/components/confirm-step';

export type FormAction = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

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
  const result = deleteResult ?? archiveResult;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={archiveAction}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="archived" value={archived ? 'false' : 'true'} />
        <button type="submit" disabled={archiving} className={buttonClass('sm', 'plain')}>
          {archiving ? (archived ? 'Återställer …' : 'Arkiverar …') : <>{archived ? 'Återställ' : 'Arkivera'}<span className="sr-only"> {name}</span></>}
        </button>
      </form>
      {deletable ? (
        <ConfirmStep
          action={deleteAction}
          hidden={{ id }}
          pending={deleting}
          trigger={deleting ? 'Tar bort …' : <>Ta bort<span className="sr-only"> {name}</span></>}
          question={`Ta bort ${name} för gott?`}
          confirmLabel="Ja, ta bort"
        />
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
