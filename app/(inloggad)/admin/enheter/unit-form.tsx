'use client';
// Create or edit a unit: code, name, kind, parent and sort order. Everything typed stays
// in state, so nothing is lost when the server asks for a correction.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import { SelectField, SubmitRow, TextField } from '@/components/form-field';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { useFields } from '@/components/use-fields';
import { createUnitForm, updateUnitForm } from './actions';
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKindValue } from './unit-kinds';

export interface UnitOption {
  id: string;
  name: string;
  depth: number;
}

export type UnitFormValues = {
  code: string;
  name: string;
  kind: UnitKindValue;
  parentId: string;
  sortOrder: string;
};

/** "Kommunledningsförvaltningen" indented by its depth, for a <select>. */
export function indented(option: UnitOption): string {
  return `${'\u00a0\u00a0\u00a0'.repeat(option.depth)}${option.name}`;
}

export function UnitForm({
  unitId,
  initial,
  parentOptions,
  mustStayBoard = false,
}: {
  /** Absent: a new unit. */
  unitId?: string;
  initial: UnitFormValues;
  parentOptions: UnitOption[];
  mustStayBoard?: boolean;
}) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(
    unitId ? updateUnitForm : createUnitForm,
    null,
  );
  const { fields, bind } = useFields(initial);
  const isBoard = fields.kind === 'board';

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4" noValidate>
      {unitId && <input type="hidden" name="unitId" value={unitId} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Namn" labelStyle="small" {...bind('name', result)} />
        <TextField label="Kod" labelStyle="small" hint="Unik i kommunen, till exempel KS-KLF-HR." spellCheck={false} {...bind('code', result)} />
        <SelectField
          label="Typ"
          labelStyle="small"
          hint={mustStayBoard ? 'Enheten har verksamhetsplaner, uppdrag eller attester och förblir nämnd/styrelse.' : undefined}
          {...bind('kind', result)}
        >
          {UNIT_KINDS.filter((k) => !mustStayBoard || k === 'board').map((k) => (
            <option key={k} value={k}>
              {UNIT_KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
        <div>
          <SelectField
            label="Överordnad enhet"
            labelStyle="small"
            hint={
              isBoard
                ? 'En nämnd eller styrelse ligger överst och har ingen överordnad enhet.'
                : fields.kind === 'external'
                  ? 'Ett externt organ kan stå för sig självt.'
                  : 'Den nämnd, förvaltning eller enhet den hör till.'
            }
            {...bind('parentId', result)}
            value={isBoard ? '' : fields.parentId}
            disabled={isBoard}
          >
            <option value="">{fields.kind === 'department' || fields.kind === 'unit' ? 'Välj …' : 'Ingen'}</option>
            {parentOptions.map((o) => (
              <option key={o.id} value={o.id}>
                {indented(o)}
              </option>
            ))}
          </SelectField>
          {isBoard && <input type="hidden" name="parentId" value="" />}
        </div>
        <TextField
          inputMode="numeric"
          label="Sorteringsordning"
          labelStyle="small"
          hint="Ett heltal; lägre visas först bland enheterna på samma nivå."
          controlClassName="max-w-32"
          {...bind('sortOrder', result)}
        />
      </div>
      <SubmitRow pending={pending} label={unitId ? 'Spara ändringar' : 'Skapa enhet'} result={result} size="small" />
    </form>
  );
}
