'use client';
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import { ConfirmStep } from '@/components/confirm-step';
import { SaveMessage } from '@/components/conflict-notice';
import { revokeApiTokenForm } from './actions';

/** Revoke a token, after a confirmation. */
export function RevokeApiTokenForm({ tokenId, name }: { tokenId: string; name: string }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(revokeApiTokenForm, null);
  return (
    <div>
      <ConfirmStep
        action={action}
        hidden={{ tokenId }}
        pending={pending}
        trigger={pending ? 'Återkallar …' : <>Återkalla<span className="sr-only"> nyckeln {name}</span></>}
        question={`Återkalla ${name}? System som använder nyckeln får inte längre åtkomst.`}
        confirmLabel="Ja, återkalla"
      />
      <div className="mt-1">
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </div>
  );
}
