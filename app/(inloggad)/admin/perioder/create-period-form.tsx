'use client';
import { useActionState, useEffect, useId } from 'react';
import type { ActionResult } from '@/lib/action';
import { fieldError, SelectField, SubmitRow, TextField } from '@/components/form-field';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { useFields } from '@/components/use-fields';
import { createPeriodForm } from './actions';

const EMPTY = { year: '', kind: '', endDate: '', deadline: '' };

/** A new period: year, kind, end date and an optional reporting deadline. It starts as a draft. */
export function CreatePeriodForm() {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(createPeriodForm, null);
  const { fields, setFields, set } = useFields(EMPTY);
  const id = useId();
  useEffect(() => {
    if (result?.status === 'ok') setFields(EMPTY);
  }, [result, setFields]);
  const err = (name: string) => fieldError(result, name);

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-4">
      <div className="flex flex-wrap gap-4">
        <TextField
          id={`${id}-year`}
          name="year"
          label="År"
          inputMode="numeric"
          fullWidth={false}
          controlClassName="w-28"
          value={fields.year}
          onChange={set('year')}
          error={err('year')}
        />
        <SelectField id={`${id}-kind`} name="kind" label="Typ" fullWidth={false} value={fields.kind} onChange={set('kind')} error={err('kind')}>
          <option value="">Välj typ …</option>
          <option value="T1">Tertial 1</option>
          <option value="delar">Delår</option>
          <option value="helar">Helår</option>
        </SelectField>
        <TextField id={`${id}-end`} name="endDate" type="date" label="Slutdatum" fullWidth={false} value={fields.endDate} onChange={set('endDate')} error={err('endDate')} />
        <TextField
          id={`${id}-deadline`}
          name="deadline"
          type="date"
          label="Sista dag för rapportering (valfri)"
          fullWidth={false}
          value={fields.deadline}
          onChange={set('deadline')}
          error={err('deadline')}
        />
      </div>
      <SubmitRow pending={pending} label="Skapa perioden" result={result} />
    </form>
  );
}
