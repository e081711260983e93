'use client';
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import { buttonClass, ConfirmStep } from '@/components/confirm-step';
import { archiveAssignment, deleteAssignment, restoreAssignment } from './actions';
import { SubmitButton } from '@/components/submit-button';

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
  const pending = archiving || restoring || deleting;
  const error = [archiveResult, restoreResult, deleteResult].find((r) => r?.status === 'error')?.message;
  const archiveForm = (
    <form action={archived ? restore : archive}>
      <input type="hidden" name="assignmentId" value={assignmentId} />
      <input type="hidden" name="returnTo" value={returnTo} />
      <SubmitButton pending={pending} className={buttonClass('sm', 'plain')}>
        {archived ? (
          restoring ? 'Återställer …' : <>Återställ<span className="sr-only"> {code}</span></>
        ) : archiving ? (
          'Arkiverar …'
        ) : (
          <>Arkivera<span className="sr-only"> {code}</span></>
        )}
      </SubmitButton>
    </form>
  );

  return (
    <div className="space-y-2">
      {canDelete ? (
        <ConfirmStep
          action={remove}
          hidden={{ assignmentId, returnTo }}
          pending={pending}
          trigger={deleting ? 'Raderar …' : <>Radera<span className="sr-only"> {code}</span></>}
          triggerTone="dangerOutline"
          question={`Radera ${code}? Det går inte att ångra.`}
          confirmLabel="Ja, radera"
        >
          {archiveForm}
        </ConfirmStep>
      ) : (
        archiveForm
      )}
      <p aria-live="polite" className="text-sm text-red-800 empty:sr-only">
        {error ?? ''}
      </p>
    </div>
  );
}
