'use client';
import { useActionState, useId } from 'react';
import type { ActionResult } from '@/lib/action';
import { fieldError, TextField } from '@/components/form-field';
import { SaveMessage } from '@/components/conflict-notice';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { useFields } from '@/components/use-fields';
import { updatePeriodForm } from './actions';
import { SubmitButton } from '@/components/submit-button';

/** A period's end date and reporting deadline. */
export function PeriodDatesForm({ periodId, label, endDate, deadline }: { periodId: string; label: string; endDate: string; deadline: string | null }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(updatePeriodForm, null);
  const { fields, set } = useFields({ endDate, deadline: deadline ?? '' });
  const id = useId();
  const field = (name: keyof typeof fields) => ({
    name,
    type: 'date',
    labelStyle: 'small' as const,
    fullWidth: false,
    compact: true,
    value: fields[name],
    onChange: set(name),
    error: fieldError(result, name),
  });
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="periodId" value={periodId} />
      <TextField id={`${id}-end`} label="Slutdatum" {...field('endDate')} />
      <TextField id={`${id}-deadline`} label="Sista dag för rapportering" {...field('deadline')} />
      <div className="pb-1">
        <SubmitButton pending={pending} className="rounded border border-slate-500 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70 aria-disabled:opacity-70">
          {pending ? 'Sparar …' : <>Spara datumen<span className="sr-only"> för {label}</span></>}
        </SubmitButton>
      </div>
      <div className="basis-full">
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </form>
  );
}
