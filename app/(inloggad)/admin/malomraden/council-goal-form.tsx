'use client';
// Create or edit a KF-mål: the goal as a statement, and the phrase running text uses
// ("Bäring på kommunfullmäktiges mål om …").
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import type { CouncilGoalAdminDTO } from '@/db/admin/focus-areas';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { SelectField, SubmitRow, TextAreaField, TextField } from '@/components/form-field';
import { useFields } from '@/components/use-fields';
import { createCouncilGoal, updateCouncilGoal } from './actions';
import { todayInStockholm } from '@/lib/time-format';

type Fields = { code: string; focusAreaId: string; text: string; phrase: string; validFrom: string; validTo: string; sortOrder: string };

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

function initialFields(goal: CouncilGoalAdminDTO | undefined): Fields {
  return {
    code: goal?.code ?? '',
    focusAreaId: goal?.focusAreaId ?? '',
    text: goal?.text ?? '',
    phrase: goal?.phrase ?? '',
    validFrom: goal ? String(goal.validFrom) : todayInStockholm().slice(0, 4),
    validTo: str(goal?.validTo),
    sortOrder: str(goal?.sortOrder ?? 0),
  };
}

export function CouncilGoalForm({ goal, focusAreas }: { goal?: CouncilGoalAdminDTO; focusAreas: { id: string; label: string }[] }) {
  const { fields, setFields, bind } = useFields<Fields>(() => initialFields(goal));
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(async (previous, formData) => {
    const r = await (goal ? updateCouncilGoal : createCouncilGoal)(previous, formData);
    if (r.status === 'ok' && !goal) setFields(initialFields(undefined));
    return r;
  }, null);
  const phrase = fields.phrase.trim();
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-4">
      {goal && <input type="hidden" name="id" value={goal.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Kod" hint="Unik, till exempel KF-MO1-ARBETSGIVARE." {...bind('code', result)} />
        <SelectField label="Målområde" {...bind('focusAreaId', result)}>
          <option value="">Välj målområde</option>
          {focusAreas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField
        label="Målet"
        hint="Som ett påstående, till exempel ”Askersunds kommun är en attraktiv arbetsgivare med en god arbetsmiljö.”"
        {...bind('text', result)}
      />
      <TextField
        label="I löpande text"
        hint="Hur rapporten hänvisar till målet, med början ”om …”. Tomt: målet nämns inte i bäringsraden."
        {...bind('phrase', result)}
      />
      {phrase && (
        <p className="rounded bg-slate-50 p-2 text-sm">
          <span className="font-medium">Så här visas det: </span>Bäring på kommunfullmäktiges mål {phrase}.
        </p>
      )}
      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Gäller från år" inputMode="numeric" {...bind('validFrom', result)} />
        <TextField label="Gäller till och med år" hint="Tomt: tills vidare." inputMode="numeric" {...bind('validTo', result)} />
        <TextField label="Ordning" inputMode="numeric" {...bind('sortOrder', result)} />
      </div>
      <SubmitRow pending={pending} label={goal ? 'Spara ändringarna' : 'Skapa KF-målet'} result={result} />
    </form>
  );
}
