'use client';
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import { ConfirmStep } from '@/components/confirm-step';
import { SaveMessage } from '@/components/conflict-notice';
import { endUserSessionsForm } from './actions';

/** End every session of a user, after a confirmation. */
export function EndSessionsForm({ userId, name }: { userId: string; name: string }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(endUserSessionsForm, null);
  return (
    <div>
      <ConfirmStep
        action={action}
        hidden={{ userId }}
        pending={pending}
        trigger={pending ? 'Loggar ut …' : <>Avsluta alla inloggningar<span className="sr-only"> för {name}</span></>}
        question={`Logga ut ${name} överallt?`}
        confirmLabel="Ja, logga ut"
      />
      <div className="mt-1">
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </div>
  );
}
