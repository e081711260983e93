'use client';
// Create or edit a unit: code, name, kind, parent and sort order. Everything typed stays
// in state, so nothing is lost when the server asks for a correction.
import { useActionState, useId, useState } from 'react';
import type { ActionResult } from '@/lib/action';
import { fieldError, SelectField, SubmitRow, TextField } from '@/components/form-field';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { createUnitForm, updateUnitForm } from './actions';
import { UNIT_KINDS, UNIT_KIND_LABELS, type UnitKindValue } from './unit-kinds';

export interface UnitOption {
  id: string;
  name: string;
  depth: number;
}

export interface UnitFormValues {
  code: string;
  name: string;
  kind: UnitKindValue;
  parentId: string;
  sortOrder: string;
}

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
  const [values, setValues] = useState(initial);
  const id = useId();
  const set = (field: keyof UnitFormValues) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));
  const error = (field: string) => fieldError(result, field);
  const isBoard = values.kind === 'board';

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4" noValidate>
      {unitId && <input type="hidden" name="unitId" value={unitId} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <TextField id={`${id}-name`} name="name" label="Namn" labelStyle="small" value={values.name} onChange={set('name')} error={error('name')} />
        <TextField
          id={`${id}-code`}
          name="code"
          label="Kod"
          labelStyle="small"
          hint="Unik i kommunen, till exempel KS-KLF-HR."
          spellCheck={false}
          value={values.code}
          onChange={set('code')}
          error={error('code')}
        />
        <SelectField
          id={`${id}-kind`}
          name="kind"
          label="Typ"
          labelStyle="small"
          hint={mustStayBoard ? 'Enheten har verksamhetsplaner, uppdrag eller attester och förblir nämnd/styrelse.' : undefined}
          value={values.kind}
          onChange={set('kind')}
          error={error('kind')}
        >
          {UNIT_KINDS.filter((k) => !mustStayBoard || k === 'board').map((k) => (
            <option key={k} value={k}>
              {UNIT_KIND_LABELS[k]}
            </option>
          ))}
        </SelectField>
        <div>
          <SelectField
            id={`${id}-parent`}
            name="parentId"
            label="Överordnad enhet"
            labelStyle="small"
            hint={
              isBoard
                ? 'En nämnd eller styrelse ligger överst och har ingen överordnad enhet.'
                : values.kind === 'external'
                  ? 'Ett externt organ kan stå för sig självt.'
                  : 'Den nämnd, förvaltning eller enhet den hör till.'
            }
            value={isBoard ? '' : values.parentId}
            onChange={set('parentId')}
            disabled={isBoard}
            error={error('parentId')}
          >
            <option value="">{values.kind === 'department' || values.kind === 'unit' ? 'Välj …' : 'Ingen'}</option>
            {parentOptions.map((o) => (
              <option key={o.id} value={o.id}>
                {indented(o)}
              </option>
            ))}
          </SelectField>
          {isBoard && <input type="hidden" name="parentId" value="" />}
        </div>
        <TextField
          id={`${id}-sort`}
          name="sortOrder"
          inputMode="numeric"
          label="Sorteringsordning"
          labelStyle="small"
          hint="Ett heltal; lägre visas först bland enheterna på samma nivå."
          controlClassName="max-w-32"
          value={values.sortOrder}
          onChange={set('sortOrder')}
          error={error('sortOrder')}
        />
      </div>
      <SubmitRow pending={pending} label={unitId ? 'Spara ändringar' : 'Skapa enhet'} result={result} size="small" />
    </form>
  );
}
