'use client';
// The director's "send back for revision" on an item, with a comment; the unit sees why.
import { useActionState, useId, useState } from 'react';
import type { ActionResult } from '@/lib/action';
import { sendBackForm } from '@/app/rapportering/actions';
import { FieldError, fieldProps } from './form-field';
import { SaveMessage } from './conflict-notice';
import { submitWithoutReset } from './submit-without-reset';

export function SendBackForm({
  itemKind,
  itemId,
  periodId,
  units,
}: {
  itemKind: 'indicator' | 'goal' | 'assignment';
  itemId: string;
  periodId: string;
  /** The units that answer for the item; the director picks one when there are several. */
  units: { id: string; name: string }[];
}) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(sendBackForm, null);
  const [comment, setComment] = useState('');
  const [unitId, setUnitId] = useState(units[0]?.id ?? '');
  const id = useId();
  const error = result?.status === 'error' ? result.fieldErrors?.comment?.[0] : undefined;
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-amber-300 bg-amber-50 p-4">
      <h2 id={`${id}-title`} className="font-semibold">
        Skicka tillbaka för komplettering
      </h2>
      <form action={action} onSubmit={submitWithoutReset(action)} className="mt-2 space-y-3" noValidate>
        <input type="hidden" name="itemKind" value={itemKind} />
        <input type="hidden" name="itemId" value={itemId} />
        <input type="hidden" name="periodId" value={periodId} />
        {units.length > 1 ? (
          <div>
            <label htmlFor={`${id}-unit`} className="block text-sm font-medium">
              Till enhet
            </label>
            <select
              id={`${id}-unit`}
              name="unitId"
              value={unitId}
              onChange={(e) => setUnitId(e.target.value)}
              className="mt-1 rounded border border-slate-400 px-3 py-2"
            >
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {u.name}
                </option>
              ))}
            </select>
          </div>
        ) : (
          <input type="hidden" name="unitId" value={unitId} />
        )}
        <div>
          <label htmlFor={`${id}-comment`} className="block text-sm font-medium">
            Vad behöver kompletteras?
          </label>
          <textarea
            id={`${id}-comment`}
            name="comment"
            rows={3}
            value={comment}
            onChange={(e) => setComment(e.target.value)}
            className="mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2"
            {...fieldProps(`${id}-comment`, error)}
          />
          <FieldError id={`${id}-comment`} message={error} />
        </div>
        <div className="flex flex-wrap items-center gap-3">
          <button
            type="submit"
            disabled={pending}
            className="rounded border border-amber-800 bg-white px-4 py-2 text-sm font-medium hover:bg-amber-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70"
          >
            {pending ? 'Skickar …' : 'Skicka tillbaka'}
          </button>
          <SaveMessage status={result?.status} message={result?.message} />
        </div>
      </form>
    </section>
  );
}
