'use client';
// Create or edit a unit: code, name, kind, parent and sort order. Everything typed stays
// in state, so nothing is lost when the server asks for a correction.
import { useActionState, useId, useState } from 'react';
import type { ActionResult } from '@/lib/action';
import { FieldError, fieldProps } from '@/components/form-field';
import { SaveMessage } from '@/components/conflict-notice';
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

const input = 'mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2';

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
  const error = (field: string) => (result?.status === 'error' ? result.fieldErrors?.[field]?.[0] : undefined);
  const isBoard = values.kind === 'board';

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4" noValidate>
      {unitId && <input type="hidden" name="unitId" value={unitId} />}
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-name`} className="block text-sm font-medium">
            Namn
          </label>
          <input
            id={`${id}-name`}
            name="name"
            value={values.name}
            onChange={set('name')}
            className={input}
            autoComplete="off"
            {...fieldProps(`${id}-name`, error('name'))}
          />
          <FieldError id={`${id}-name`} message={error('name')} />
        </div>
        <div>
          <label htmlFor={`${id}-code`} className="block text-sm font-medium">
            Kod
          </label>
          <p id={`${id}-code-hint`} className="text-xs text-slate-600">
            Unik i kommunen, till exempel KS-KLF-HR.
          </p>
          <input
            id={`${id}-code`}
            name="code"
            value={values.code}
            onChange={set('code')}
            className={input}
            autoComplete="off"
            spellCheck={false}
            {...fieldProps(`${id}-code`, error('code'), `${id}-code-hint`)}
          />
          <FieldError id={`${id}-code`} message={error('code')} />
        </div>
        <div>
          <label htmlFor={`${id}-kind`} className="block text-sm font-medium">
            Typ
          </label>
          {mustStayBoard && (
            <p id={`${id}-kind-hint`} className="text-xs text-slate-600">
              Enheten har verksamhetsplaner, uppdrag eller attester och förblir nämnd/styrelse.
            </p>
          )}
          <select
            id={`${id}-kind`}
            name="kind"
            value={values.kind}
            onChange={set('kind')}
            className={input}
            {...fieldProps(`${id}-kind`, error('kind'), mustStayBoard ? `${id}-kind-hint` : undefined)}
          >
            {UNIT_KINDS.filter((k) => !mustStayBoard || k === 'board').map((k) => (
              <option key={k} value={k}>
                {UNIT_KIND_LABELS[k]}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-kind`} message={error('kind')} />
        </div>
        <div>
          <label htmlFor={`${id}-parent`} className="block text-sm font-medium">
            Överordnad enhet
          </label>
          <p id={`${id}-parent-hint`} className="text-xs text-slate-600">
            {isBoard
              ? 'En nämnd eller styrelse ligger överst och har ingen överordnad enhet.'
              : values.kind === 'external'
                ? 'Ett externt organ kan stå för sig självt.'
                : 'Den nämnd, förvaltning eller enhet den hör till.'}
          </p>
          <select
            id={`${id}-parent`}
            name="parentId"
            value={isBoard ? '' : values.parentId}
            onChange={set('parentId')}
            disabled={isBoard}
            className={`${input} disabled:bg-slate-100`}
            {...fieldProps(`${id}-parent`, error('parentId'), `${id}-parent-hint`)}
          >
            <option value="">{values.kind === 'department' || values.kind === 'unit' ? 'Välj …' : 'Ingen'}</option>
            {parentOptions.map((o) => (
              <option key={o.id} value={o.id}>
                {indented(o)}
              </option>
            ))}
          </select>
          {isBoard && <input type="hidden" name="parentId" value="" />}
          <FieldError id={`${id}-parent`} message={error('parentId')} />
        </div>
        <div>
          <label htmlFor={`${id}-sort`} className="block text-sm font-medium">
            Sorteringsordning
          </label>
          <p id={`${id}-sort-hint`} className="text-xs text-slate-600">
            Ett heltal; lägre visas först bland enheterna på samma nivå.
          </p>
          <input
            id={`${id}-sort`}
            name="sortOrder"
            inputMode="numeric"
            value={values.sortOrder}
            onChange={set('sortOrder')}
            className={`${input} max-w-32`}
            {...fieldProps(`${id}-sort`, error('sortOrder'), `${id}-sort-hint`)}
          />
          <FieldError id={`${id}-sort`} message={error('sortOrder')} />
        </div>
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70"
        >
          {pending ? 'Sparar …' : unitId ? 'Spara ändringar' : 'Skapa enhet'}
        </button>
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </form>
  );
}
