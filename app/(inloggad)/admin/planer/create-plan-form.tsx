'use client';
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import { SelectField, SubmitRow, TextField } from '@/components/form-field';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { useFields } from '@/components/use-fields';
import { createPlanForm } from './actions';

const EMPTY = { boardId: '', year: '', code: '' };

/** A new plan: the board, the year and a code unique in the organization. */
export function CreatePlanForm({ boards }: { boards: { id: string; name: string }[] }) {
  const { setFields, bind } = useFields(EMPTY);
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(async (previous, formData) => {
    const next = await createPlanForm(previous, formData);
    if (next.status === 'ok') setFields(EMPTY); // a created item leaves an empty form for the next one
    return next;
  }, null);

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-4">
      <div className="flex flex-wrap gap-4">
        <SelectField label="Nämnd" fullWidth={false} {...bind('boardId', result)}>
          <option value="">Välj nämnd …</option>
          {boards.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
        <TextField label="År" inputMode="numeric" fullWidth={false} controlClassName="w-28" {...bind('year', result)} />
        <TextField label="Kod" hint="Unik i kommunen, till exempel KS-2025." fullWidth={false} {...bind('code', result)} />
      </div>
      <SubmitRow pending={pending} label="Skapa planen" result={result} />
    </form>
  );
}
