'use client';
// Archive or restore a unit, and delete one that has never been used; archiving and
// deleting ask for a confirmation first.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import { buttonClass, ConfirmStep } from '@/components/confirm-step';
import { SaveMessage } from '@/components/conflict-notice';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { deleteUnitForm, setUnitArchivedForm } from './actions';
import { SubmitButton } from '@/components/submit-button';

export function UnitArchiveForm({ unitId, name, archived }: { unitId: string; name: string; archived: boolean }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(setUnitArchivedForm, null);
  return (
    <div>
      {archived ? (
        <form action={action} onSubmit={submitWithoutReset(action)}>
          <input type="hidden" name="unitId" value={unitId} />
          <input type="hidden" name="archived" value="false" />
          <SubmitButton pending={pending} className={buttonClass('md', 'plain')}>
            {pending ? 'Återställer …' : <>Återställ<span className="sr-only"> {name}</span></>}
          </SubmitButton>
        </form>
      ) : (
        <ConfirmStep
          action={action}
          hidden={{ unitId, archived: 'true' }}
          pending={pending}
          size="md"
          trigger={pending ? 'Arkiverar …' : <>Arkivera<span className="sr-only"> {name}</span></>}
          question={`Arkivera ${name}? Den finns kvar i historiken men försvinner ur listorna.`}
          confirmLabel="Ja, arkivera"
          confirmTone="warning"
        />
      )}
      <div className="mt-1">
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </div>
  );
}

export function UnitDeleteForm({ unitId, name }: { unitId: string; name: string }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(deleteUnitForm, null);
  return (
    <div>
      <ConfirmStep
        action={action}
        hidden={{ unitId }}
        pending={pending}
        size="md"
        trigger={pending ? 'Raderar …' : <>Radera<span className="sr-only"> {name}</span></>}
        triggerTone="dangerOutline"
        question={`Radera ${name} för gott?`}
        confirmLabel="Ja, radera"
      />
      <div className="mt-1">
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </div>
  );
}
