'use client';
// Create or edit a KF-mål: the goal as a statement, and the phrase running text uses
// ("Bäring på kommunfullmäktiges mål om …").
import { useActionState, useId } from 'react';
import type { ActionResult } from '@/lib/action';
import type { CouncilGoalAdminDTO } from '@/db/admin/focus-areas';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { fieldError, SelectField, SubmitRow, TextAreaField, TextField } from '@/components/form-field';
import { useFields } from '@/components/use-fields';
import { createCouncilGoal, updateCouncilGoal } from './actions';

type Fields = { code: string; focusAreaId: string; text: string; phrase: string; validFrom: string; validTo: string; sortOrder: string };

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

function initialFields(goal: CouncilGoalAdminDTO | undefined): Fields {
  return {
    code: goal?.code ?? '',
    focusAreaId: goal?.focusAreaId ?? '',
    text: goal?.text ?? '',
    phrase: goal?.phrase ?? '',
    validFrom: goal ? String(goal.validFrom) : String(new Date().getFullYear()),
    validTo: str(goal?.validTo),
    sortOrder: str(goal?.sortOrder ?? 0),
  };
}

export function CouncilGoalForm({ goal, focusAreas }: { goal?: CouncilGoalAdminDTO; focusAreas: { id: string; label: string }[] }) {
  const { fields, setFields, set } = useFields<Fields>(() => initialFields(goal));
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(async (previous, formData) => {
    const r = await (goal ? updateCouncilGoal : createCouncilGoal)(previous, formData);
    if (r.status === 'ok' && !goal) setFields(initialFields(undefined));
    return r;
  }, null);
  const id = useId();
  const phrase = fields.phrase.trim();
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-4">
      {goal && <input type="hidden" name="id" value={goal.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id={`${id}-code`} name="code" label="Kod" value={fields.code} onChange={set('code')} error={fieldError(result, 'code')} hint="Unik, till exempel KF-MO1-ARBETSGIVARE." />
        <SelectField id={`${id}-area`} name="focusAreaId" label="Målområde" value={fields.focusAreaId} onChange={set('focusAreaId')} error={fieldError(result, 'focusAreaId')}>
          <option value="">Välj målområde</option>
          {focusAreas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField
        id={`${id}-text`}
        name="text"
        label="Målet"
        hint="Som ett påstående, till exempel ”Askersunds kommun är en attraktiv arbetsgivare med en god arbetsmiljö.”"
        value={fields.text}
        onChange={set('text')}
        error={fieldError(result, 'text')}
      />
      <TextField
        id={`${id}-phrase`}
        name="phrase"
        label="I löpande text"
        hint="Hur rapporten hänvisar till målet, med början ”om …”. Tomt: målet nämns inte i bäringsraden."
        value={fields.phrase}
        onChange={set('phrase')}
        error={fieldError(result, 'phrase')}
      />
      {phrase && (
        <p className="rounded bg-slate-50 p-2 text-sm">
          <span className="font-medium">Så här visas det: </span>Bäring på kommunfullmäktiges mål {phrase}.
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField id={`${id}-from`} name="validFrom" label="Gäller från år" inputMode="numeric" value={fields.validFrom} onChange={set('validFrom')} error={fieldError(result, 'validFrom')} />
        <TextField id={`${id}-to`} name="validTo" label="Gäller till och med år" hint="Tomt: tills vidare." inputMode="numeric" value={fields.validTo} onChange={set('validTo')} error={fieldError(result, 'validTo')} />
        <TextField id={`${id}-sort`} name="sortOrder" label="Ordning" inputMode="numeric" value={fields.sortOrder} onChange={set('sortOrder')} error={fieldError(result, 'sortOrder')} />
      </div>
      <SubmitRow pending={pending} label={goal ? 'Spara ändringarna' : 'Skapa KF-målet'} result={result} />
    </form>
  );
}
