'use client';
// Archive or restore a plan, or delete one with no goals and no texts (after a
// confirmation). One form result, so the message stays when the buttons change.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import { buttonClass, ConfirmStep } from '@/components/confirm-step';
import { SaveMessage } from '@/components/conflict-notice';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { changePlanForm } from './actions';
import { SubmitButton } from '@/components/submit-button';

export function PlanActions({ planId, code, archived, deletable }: { planId: string; code: string; archived: boolean; deletable: boolean }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(changePlanForm, null);
  const archiveForm = (
    <form action={action} onSubmit={submitWithoutReset(action)}>
      <input type="hidden" name="planId" value={planId} />
      <input type="hidden" name="step" value={archived ? 'restore' : 'archive'} />
      <SubmitButton pending={pending} className={buttonClass('sm', 'plain')}>
        {pending ? 'Sparar …' : <>{archived ? 'Återställ' : 'Arkivera'}<span className="sr-only"> {code}</span></>}
      </SubmitButton>
    </form>
  );
  return (
    <div>
      {deletable ? (
        <ConfirmStep
          action={action}
          hidden={{ planId, step: 'delete' }}
          pending={pending}
          trigger={<>Ta bort<span className="sr-only"> {code}</span></>}
          question={`Ta bort ${code}? Det går inte att ångra.`}
          confirmLabel="Ja, ta bort"
        >
          {archiveForm}
        </ConfirmStep>
      ) : (
        archiveForm
      )}
      <div className="mt-1">
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </div>
  );
}
