'use client';
// Add a role grant to a user, or remove one (after a confirmation).
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import { SubmitRow } from '@/components/form-field';
import { GrantChoiceFields, type UnitChoice } from '@/components/grant-choice-fields';
import { ConfirmStep } from '@/components/confirm-step';
import { SaveMessage } from '@/components/conflict-notice';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { useFields } from '@/components/use-fields';
import { addGrantForm, removeGrantForm } from './actions';

export function AddGrantForm({ userId, units }: { userId: string; units: UnitChoice[] }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(addGrantForm, null);
  const { bind } = useFields({ role: 'editor', unitId: '' });
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-3" noValidate>
      <input type="hidden" name="userId" value={userId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <GrantChoiceFields role={bind('role', result)} unit={bind('unitId', result)} units={units} />
      </div>
      <SubmitRow pending={pending} label="Lägg till behörighet" result={result} size="small" />
    </form>
  );
}

export interface GrantItem {
  id: string;
  label: string;
  /** Null: removable; else why not ("Din egen behörighet"). */
  locked: string | null;
}

/** The user's grants; each can be removed after a confirmation. One message line for the list, so it survives the removed row. */
export function GrantList({ userId, grants }: { userId: string; grants: GrantItem[] }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(removeGrantForm, null);
  return (
    <div>
      {grants.length === 0 ? (
        <p className="text-sm">Användaren har ingen behörighet och kan inte se något.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {grants.map((g) => (
            <li key={g.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>{g.label}</span>
              {g.locked ? (
                <span className="text-sm text-slate-600">{g.locked}</span>
              ) : (
                <ConfirmStep
                  action={action}
                  hidden={{ userId, grantId: g.id }}
                  pending={pending}
                  trigger={<>Ta bort<span className="sr-only"> {g.label}</span></>}
                  question={`Ta bort ${g.label}?`}
                  confirmLabel="Ja, ta bort"
                />
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="mt-2">
        {pending && <p className="text-sm">Tar bort …</p>}
        <SaveMessage status={pending ? undefined : result?.status} message={pending ? '' : result?.message} />
      </div>
    </div>
  );
}
