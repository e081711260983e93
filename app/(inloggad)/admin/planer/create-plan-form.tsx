'use client';
import { useActionState, useEffect, useId } from 'react';
import type { ActionResult } from '@/lib/action';
import { fieldError, SelectField, SubmitRow, TextField } from '@/components/form-field';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { useFields } from '@/components/use-fields';
import { createPlanForm } from './actions';

const EMPTY = { boardId: '', year: '', code: '' };

/** A new plan: the board, the year and a code unique in the organization. */
export function CreatePlanForm({ boards }: { boards: { id: string; name: string }[] }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(createPlanForm, null);
  const { fields, setFields, set } = useFields(EMPTY);
  const id = useId();
  useEffect(() => {
    if (result?.status === 'ok') setFields(EMPTY);
  }, [result, setFields]);
  const err = (name: string) => fieldError(result, name);

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-4">
      <div className="flex flex-wrap gap-4">
        <SelectField id={`${id}-board`} name="boardId" label="Nämnd" fullWidth={false} value={fields.boardId} onChange={set('boardId')} error={err('boardId')}>
          <option value="">Välj nämnd …</option>
          {boards.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
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
        <TextField
          id={`${id}-code`}
          name="code"
          label="Kod"
          hint="Unik i kommunen, till exempel KS-2025."
          fullWidth={false}
          value={fields.code}
          onChange={set('code')}
          error={err('code')}
        />
      </div>
      <SubmitRow pending={pending} label="Skapa planen" result={result} />
    </form>
  );
}
