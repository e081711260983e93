'use client';
// The director's "send back for revision" on an item, with a comment; the unit sees why.
// The page gives the action (components never import app/).
import { useActionState, useId } from 'react';
import type { ActionResult } from '@/lib/action';
import { SelectField, SubmitRow, TextAreaField } from './form-field';
import { submitWithoutReset } from './submit-without-reset';
import { useFields } from './use-fields';

export type SendBackAction = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

export function SendBackForm({
  action: sendBack,
  itemKind,
  itemId,
  periodId,
  units,
}: {
  action: SendBackAction;
  itemKind: 'indicator' | 'goal' | 'assignment' | 'narrative';
  itemId: string;
  periodId: string;
  /** The units that answer for the item; the director picks one when there are several. */
  units: { id: string; name: string }[];
}) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(sendBack, null);
  const { fields, bind } = useFields({ unitId: units[0]?.id ?? '', comment: '' }, { result });
  const id = useId();
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
          <SelectField label="Till enhet" labelStyle="small" fullWidth={false} {...bind('unitId', result)}>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {u.name}
              </option>
            ))}
          </SelectField>
        ) : (
          <input type="hidden" name="unitId" value={fields.unitId} />
        )}
        <TextAreaField label="Vad behöver kompletteras?" labelStyle="small" {...bind('comment', result)} />
        <SubmitRow pending={pending} label="Skicka tillbaka" pendingLabel="Skickar …" result={result} size="small" />
      </form>
    </section>
  );
}
