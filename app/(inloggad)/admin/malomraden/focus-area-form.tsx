'use client';
// Create or edit a målområde: top-level areas are numbered, sub-areas name their area.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import type { FocusAreaAdminDTO } from '@/db/admin/focus-areas';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { SelectField, SubmitRow, TextField } from '@/components/form-field';
import { useFields } from '@/components/use-fields';
import { createFocusArea, updateFocusArea } from './actions';
import { todayInStockholm } from '@/lib/time-format';

type Fields = { code: string; number: string; name: string; parentId: string; validFrom: string; validTo: string; sortOrder: string };

const str = (n: number | null | undefined) => (n === null || n === undefined ? '' : String(n));

function initialFields(area: FocusAreaAdminDTO | undefined): Fields {
  return {
    code: area?.code ?? '',
    number: str(area?.number),
    name: area?.name ?? '',
    parentId: area?.parentId ?? '',
    validFrom: area ? String(area.validFrom) : todayInStockholm().slice(0, 4),
    validTo: str(area?.validTo),
    sortOrder: str(area?.sortOrder ?? 0),
  };
}

export function FocusAreaForm({ area, parents }: { area?: FocusAreaAdminDTO; parents: { id: string; label: string }[] }) {
  const { fields, setFields, bind } = useFields<Fields>(() => initialFields(area));
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(async (previous, formData) => {
    const r = await (area ? updateFocusArea : createFocusArea)(previous, formData);
    if (r.status === 'ok' && !area) setFields(initialFields(undefined));
    return r;
  }, null);
  const isSubArea = fields.parentId !== '';
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-4">
      {area && <input type="hidden" name="id" value={area.id} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Kod" hint="Unik, till exempel MO1 eller MO2-SO." {...bind('code', result)} />
        <SelectField label="Ligger under" hint="Ett delområde (som Social omsorg) ligger under ett numrerat målområde." {...bind('parentId', result)}>
          <option value="">Inget: ett eget, numrerat målområde</option>
          {parents
            .filter((p) => p.id !== area?.id)
            .map((p) => (
              <option key={p.id} value={p.id}>
                {p.label}
              </option>
            ))}
        </SelectField>
        {!isSubArea && <TextField label="Nummer" inputMode="numeric" {...bind('number', result)} />}
        <TextField label="Namn" {...bind('name', result)} />
        <TextField label="Gäller från år" inputMode="numeric" {...bind('validFrom', result)} />
        <TextField label="Gäller till och med år" hint="Tomt: tills vidare." inputMode="numeric" {...bind('validTo', result)} />
        <TextField label="Ordning" hint="Lägre tal visas först." inputMode="numeric" {...bind('sortOrder', result)} />
      </div>
      <SubmitRow pending={pending} label={area ? 'Spara ändringarna' : 'Skapa målområdet'} result={result} />
    </form>
  );
}
