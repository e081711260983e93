'use client';
import { useActionState, useId, useState } from 'react';
import type { ActionResult } from '@/lib/action';
import { FieldError, fieldProps } from '@/components/form-field';
import { SaveMessage } from '@/components/conflict-notice';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { updatePeriodForm } from './actions';

/** A period's end date and reporting deadline. */
export function PeriodDatesForm({ periodId, label, endDate, deadline }: { periodId: string; label: string; endDate: string; deadline: string | null }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(updatePeriodForm, null);
  const [fields, setFields] = useState({ endDate, deadline: deadline ?? '' });
  const id = useId();
  const errors = result?.status === 'error' ? (result.fieldErrors ?? {}) : {};
  const err = (name: string) => errors[name]?.[0];
  const input = 'mt-1 rounded border border-slate-400 px-2 py-1.5';
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="flex flex-wrap items-end gap-3">
      <input type="hidden" name="periodId" value={periodId} />
      <div>
        <label htmlFor={`${id}-end`} className="block text-sm font-medium">
          Slutdatum
        </label>
        <input
          id={`${id}-end`}
          name="endDate"
          type="date"
          value={fields.endDate}
          onChange={(e) => setFields((f) => ({ ...f, endDate: e.target.value }))}
          className={input}
          {...fieldProps(`${id}-end`, err('endDate'))}
        />
        <FieldError id={`${id}-end`} message={err('endDate')} />
      </div>
      <div>
        <label htmlFor={`${id}-deadline`} className="block text-sm font-medium">
          Sista dag för rapportering
        </label>
        <input
          id={`${id}-deadline`}
          name="deadline"
          type="date"
          value={fields.deadline}
          onChange={(e) => setFields((f) => ({ ...f, deadline: e.target.value }))}
          className={input}
          {...fieldProps(`${id}-deadline`, err('deadline'))}
        />
        <FieldError id={`${id}-deadline`} message={err('deadline')} />
      </div>
      <div className="pb-1">
        <button type="submit" disabled={pending} className="rounded border border-slate-500 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70">
          {pending ? 'Sparar …' : <>Spara datumen<span className="sr-only"> för {label}</span></>}
        </button>
      </div>
      <div className="basis-full">
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </form>
  );
}
