'use client';
import { useActionState, useId, useState } from 'react';
import type { ActionResult } from '@/lib/action';
import { fieldError, TextField } from '@/components/form-field';
import { SaveMessage } from '@/components/conflict-notice';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { updatePlanForm } from './actions';
import { SubmitButton } from '@/components/submit-button';

/** A plan's code, changed in place. */
export function PlanCodeForm({ planId, code }: { planId: string; code: string }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(updatePlanForm, null);
  const [value, setValue] = useState(code);
  const id = useId();
  const error = fieldError(result, 'code');
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate>
      <input type="hidden" name="planId" value={planId} />
      <TextField
        id={`${id}-code`}
        name="code"
        label={`Kod för planen ${code}`}
        labelStyle="hidden"
        fullWidth={false}
        compact
        controlClassName="w-36"
        value={value}
        onChange={(e) => setValue(e.target.value)}
        error={error}
        controlAside={
          value !== code && (
            <SubmitButton
              pending={pending}
              className="rounded border border-slate-500 px-2.5 py-1 text-sm hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70 aria-disabled:opacity-70"
            >
              {pending ? 'Sparar …' : 'Spara koden'}
            </SubmitButton>
          )
        }
      />
      <SaveMessage status={result?.status} message={result?.status === 'ok' ? result.message : error ? undefined : result?.message} />
    </form>
  );
}
