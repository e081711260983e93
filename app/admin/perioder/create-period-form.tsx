'use client';
import { useActionState, useId, useState } from 'react';
import type { ActionResult } from '@/lib/action';
import { FieldError, fieldProps } from '@/components/form-field';
import { SaveMessage } from '@/components/conflict-notice';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { createPeriodForm } from './actions';

const EMPTY = { year: '', kind: '', endDate: '', deadline: '' };

/** A new period: year, kind, end date and an optional reporting deadline. It starts as a draft. */
export function CreatePeriodForm() {
  const [fields, setFields] = useState(EMPTY);
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(async (previous, formData) => {
    const next = await createPeriodForm(previous, formData);
    if (next.status === 'ok') setFields(EMPTY); // a created item leaves an empty form for the next one
    return next;
  }, null);
  const id = useId();
  const set = (name: keyof typeof EMPTY) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: e.target.value }));
  const errors = result?.status === 'error' ? (result.fieldErrors ?? {}) : {};
  const err = (name: string) => errors[name]?.[0];
  const input = 'mt-1 rounded border border-slate-400 px-3 py-2';

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-4">
      <div className="flex flex-wrap gap-4">
        <div>
          <label htmlFor={`${id}-year`} className="block font-medium">
            År
          </label>
          <input
            id={`${id}-year`}
            name="year"
            inputMode="numeric"
            autoComplete="off"
            value={fields.year}
            onChange={set('year')}
            className={`${input} w-28`}
            {...fieldProps(`${id}-year`, err('year'))}
          />
          <FieldError id={`${id}-year`} message={err('year')} />
        </div>
        <div>
          <label htmlFor={`${id}-kind`} className="block font-medium">
            Typ
          </label>
          <select id={`${id}-kind`} name="kind" value={fields.kind} onChange={set('kind')} className={input} {...fieldProps(`${id}-kind`, err('kind'))}>
            <option value="">Välj typ …</option>
            <option value="T1">Tertial 1</option>
            <option value="delar">Delår</option>
            <option value="helar">Helår</option>
          </select>
          <FieldError id={`${id}-kind`} message={err('kind')} />
        </div>
        <div>
          <label htmlFor={`${id}-end`} className="block font-medium">
            Slutdatum
          </label>
          <input
            id={`${id}-end`}
            name="endDate"
            type="date"
            value={fields.endDate}
            onChange={set('endDate')}
            className={input}
            {...fieldProps(`${id}-end`, err('endDate'))}
          />
          <FieldError id={`${id}-end`} message={err('endDate')} />
        </div>
        <div>
          <label htmlFor={`${id}-deadline`} className="block font-medium">
            Sista dag för rapportering (valfri)
          </label>
          <input
            id={`${id}-deadline`}
            name="deadline"
            type="date"
            value={fields.deadline}
            onChange={set('deadline')}
            className={input}
            {...fieldProps(`${id}-deadline`, err('deadline'))}
          />
          <FieldError id={`${id}-deadline`} message={err('deadline')} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-blue-800 px-5 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70"
        >
          {pending ? 'Sparar …' : 'Skapa perioden'}
        </button>
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </form>
  );
}
