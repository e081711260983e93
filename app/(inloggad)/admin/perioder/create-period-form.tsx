'use client';
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import { SelectField, SubmitRow, TextField } from '@/components/form-field';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { useFields } from '@/components/use-fields';
import { createPeriodForm } from './actions';

const EMPTY = { year: '', kind: '', endDate: '', deadline: '' };

/** A new period: year, kind, end date and an optional reporting deadline. It starts as a draft. */
export function CreatePeriodForm() {
  const { setFields, bind } = useFields(EMPTY);
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(async (previous, formData) => {
    const next = await createPeriodForm(previous, formData);
    if (next.status === 'ok') setFields(EMPTY); // a created item leaves an empty form for the next one
    return next;
  }, null);

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-4">
      <div className="flex flex-wrap gap-4">
        <TextField label="År" inputMode="numeric" fullWidth={false} controlClassName="w-28" {...bind('year', result)} />
        <SelectField label="Typ" fullWidth={false} {...bind('kind', result)}>
          <option value="">Välj typ …</option>
          <option value="T1">Tertial 1</option>
          <option value="delar">Delår</option>
          <option value="helar">Helår</option>
        </SelectField>
        <TextField type="date" label="Slutdatum" fullWidth={false} {...bind('endDate', result)} />
        <TextField type="date" label="Sista dag för rapportering (valfri)" fullWidth={false} {...bind('deadline', result)} />
      </div>
      <SubmitRow pending={pending} label="Skapa perioden" result={result} />
    </form>
  );
}
