'use client';
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import { buttonClass, ConfirmStep } from '@/components/confirm-step';
import { SaveMessage } from '@/components/conflict-notice';
import { setUserDisabled } from './actions';
import { SubmitButton } from '@/components/submit-button';

/** Disable (after a confirmation) or enable one account. */
export function UserStatusForm({ userId, name, disabled }: { userId: string; name: string; disabled: boolean }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(setUserDisabled, null);
  return (
    <div>
      {disabled ? (
        <form action={action}>
          <input type="hidden" name="userId" value={userId} />
          <input type="hidden" name="disabled" value="false" />
          <SubmitButton pending={pending} className={buttonClass('sm', 'plain')}>
            {pending ? 'Aktiverar …' : <>Aktivera<span className="sr-only"> {name}</span></>}
          </SubmitButton>
        </form>
      ) : (
        <ConfirmStep
          action={action}
          hidden={{ userId, disabled: 'true' }}
          pending={pending}
          trigger={pending ? 'Inaktiverar …' : <>Inaktivera<span className="sr-only"> {name}</span></>}
          question={`Inaktivera ${name}?`}
          confirmLabel="Ja, inaktivera"
        />
      )}
      <div className="mt-1">
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </div>
  );
}
