'use client';
import { useActionState, useId, useState } from 'react';
import type { ActionResult } from '@/lib/action';
import { FieldError, fieldProps } from '@/components/form-field';
import { SaveMessage } from '@/components/conflict-notice';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { createPlanForm } from './actions';

const EMPTY = { boardId: '', year: '', code: '' };

/** A new plan: the board, the year and a code unique in the organization. */
export function CreatePlanForm({ boards }: { boards: { id: string; name: string }[] }) {
  const [fields, setFields] = useState(EMPTY);
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(async (previous, formData) => {
    const next = await createPlanForm(previous, formData);
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
          <label htmlFor={`${id}-board`} className="block font-medium">
            Nämnd
          </label>
          <select
            id={`${id}-board`}
            name="boardId"
            value={fields.boardId}
            onChange={set('boardId')}
            className={input}
            {...fieldProps(`${id}-board`, err('boardId'))}
          >
            <option value="">Välj nämnd …</option>
            {boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-board`} message={err('boardId')} />
        </div>
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
          <label htmlFor={`${id}-code`} className="block font-medium">
            Kod
          </label>
          <p id={`${id}-code-hint`} className="text-sm text-slate-700">
            Unik i kommunen, till exempel KS-2025.
          </p>
          <input
            id={`${id}-code`}
            name="code"
            autoComplete="off"
            value={fields.code}
            onChange={set('code')}
            className={input}
            {...fieldProps(`${id}-code`, err('code'), `${id}-code-hint`)}
          />
          <FieldError id={`${id}-code`} message={err('code')} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-blue-800 px-5 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70"
        >
          {pending ? 'Sparar …' : 'Skapa planen'}
        </button>
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </form>
  );
}
