'use client';
// The form for creating or editing an assignment. Everything typed is kept in state, so an
// error never loses it; the responsible units are chosen from the unit tree and put in order.
import { useActionState, useId, useState } from 'react';
import type { ActionResult } from '@/lib/action';
import type { AdminAssignmentDTO, AssignmentFormOptions } from '@/db/admin/assignments';
import { FieldError, fieldProps } from '@/components/form-field';
import { SaveMessage } from '@/components/conflict-notice';
import { submitWithoutReset } from '@/components/submit-without-reset';

const INPUT = 'mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2';
const SMALL_BUTTON =
  'rounded border border-slate-400 px-2 py-0.5 text-xs hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-50';

interface Fields {
  code: string;
  issuer: string;
  decisionDate: string;
  diaryNumber: string;
  title: string;
  description: string;
  focusAreaId: string;
  groupLabel: string;
  unitIds: string[];
  dueDate: string;
  sortOrder: string;
}

function initialFields(a: AdminAssignmentDTO | null): Fields {
  return {
    code: a?.code ?? '',
    issuer: a ? (a.issuer === 'council' ? 'council' : (a.issuerBoardId ?? '')) : '',
    decisionDate: a?.decisionDate ?? '',
    diaryNumber: a?.diaryNumber ?? '',
    title: a?.title ?? '',
    description: a?.description ?? '',
    focusAreaId: a?.focusAreaId ?? '',
    groupLabel: a?.groupLabel ?? '',
    unitIds: a?.unitIds ?? [],
    dueDate: a?.dueDate ?? '',
    sortOrder: String(a?.sortOrder ?? 0),
  };
}

export function AssignmentForm<T>({
  assignment,
  options,
  save,
}: {
  /** null: a new assignment. */
  assignment: AdminAssignmentDTO | null;
  options: AssignmentFormOptions;
  save: (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;
}) {
  const [result, action, pending] = useActionState<ActionResult<T> | null, FormData>(save, null);
  const [fields, setFields] = useState<Fields>(() => initialFields(assignment));
  const id = useId();
  const errors = result?.status === 'error' ? (result.fieldErrors ?? {}) : {};
  const err = (name: string) => errors[name]?.join(' ');
  const set = (name: Exclude<keyof Fields, 'unitIds'>) => (e: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [name]: e.target.value }));

  const withHistory = new Set(assignment?.unitIdsWithHistory ?? []);
  const unitName = new Map(options.units.map((u) => [u.id, u.name]));
  // Archived choices are offered only where they are the current value.
  const boards = options.boards.filter((b) => !b.archived || b.id === fields.issuer);
  const units = options.units.filter((u) => !u.archived || fields.unitIds.includes(u.id) || assignment?.unitIds.includes(u.id));
  const areas = options.focusAreas.filter((a) => !a.archived || a.id === assignment?.focusAreaId);

  const toggleUnit = (unitId: string, checked: boolean) =>
    setFields((f) => ({
      ...f,
      unitIds: checked ? [...f.unitIds.filter((u) => u !== unitId), unitId] : f.unitIds.filter((u) => u !== unitId),
    }));
  const move = (index: number, by: -1 | 1) =>
    setFields((f) => {
      const next = [...f.unitIds];
      const [moved] = next.splice(index, 1);
      next.splice(index + by, 0, moved!);
      return { ...f, unitIds: next };
    });

  const field = (name: string) => `${id}-${name}`;
  const label = 'block font-medium';

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-5" noValidate>
      {assignment && <input type="hidden" name="assignmentId" value={assignment.id} />}
      <input type="hidden" name="unitIds" value={fields.unitIds.join(',')} />

      <div className="grid gap-5 sm:grid-cols-2">
        <div>
          <label htmlFor={field('code')} className={label}>
            Kod
          </label>
          <p id={`${field('code')}-hint`} className="text-sm text-slate-700">
            Unik inom kommunen, till exempel KS-U-STYRMODELL.
          </p>
          <input
            id={field('code')}
            name="code"
            value={fields.code}
            onChange={set('code')}
            autoComplete="off"
            className={`${INPUT} font-mono`}
            {...fieldProps(field('code'), err('code'), `${field('code')}-hint`)}
          />
          <FieldError id={field('code')} message={err('code')} />
        </div>
        <div>
          <label htmlFor={field('issuer')} className={label}>
            Uppdragsgivare
          </label>
          <p id={`${field('issuer')}-hint`} className="text-sm text-slate-700">
            Kommunfullmäktige eller den nämnd som gav uppdraget.
          </p>
          <select
            id={field('issuer')}
            name="issuer"
            value={fields.issuer}
            onChange={set('issuer')}
            className={INPUT}
            {...fieldProps(field('issuer'), err('issuer'), `${field('issuer')}-hint`)}
          >
            <option value="">Välj uppdragsgivare …</option>
            <option value="council">Kommunfullmäktige</option>
            {boards.map((b) => (
              <option key={b.id} value={b.id}>
                {b.name}
                {b.archived ? ' (arkiverad)' : ''}
              </option>
            ))}
          </select>
          <FieldError id={field('issuer')} message={err('issuer')} />
        </div>
        <div>
          <label htmlFor={field('decisionDate')} className={label}>
            Beslutsdatum (valfritt)
          </label>
          <input
            id={field('decisionDate')}
            name="decisionDate"
            type="date"
            value={fields.decisionDate}
            onChange={set('decisionDate')}
            className={INPUT}
            {...fieldProps(field('decisionDate'), err('decisionDate'))}
          />
          <FieldError id={field('decisionDate')} message={err('decisionDate')} />
        </div>
        <div>
          <label htmlFor={field('diaryNumber')} className={label}>
            Diarienummer (valfritt)
          </label>
          <input
            id={field('diaryNumber')}
            name="diaryNumber"
            value={fields.diaryNumber}
            onChange={set('diaryNumber')}
            placeholder="till exempel KS 2023/123"
            className={INPUT}
            {...fieldProps(field('diaryNumber'), err('diaryNumber'))}
          />
          <FieldError id={field('diaryNumber')} message={err('diaryNumber')} />
        </div>
      </div>

      <div>
        <label htmlFor={field('title')} className={label}>
          Titel
        </label>
        <textarea
          id={field('title')}
          name="title"
          rows={2}
          value={fields.title}
          onChange={set('title')}
          className={INPUT}
          {...fieldProps(field('title'), err('title'))}
        />
        <FieldError id={field('title')} message={err('title')} />
      </div>

      <div>
        <label htmlFor={field('description')} className={label}>
          Beskrivning (valfri)
        </label>
        <p id={`${field('description')}-hint`} className="text-sm text-slate-700">
          Markdown: ## rubrik, - punktlista, 1. numrerad lista, *kursiv*, **fet**, [länktext](https://…).
        </p>
        <textarea
          id={field('description')}
          name="description"
          rows={6}
          value={fields.description}
          onChange={set('description')}
          className={INPUT}
          {...fieldProps(field('description'), err('description'), `${field('description')}-hint`)}
        />
        <FieldError id={field('description')} message={err('description')} />
      </div>

      <div className="grid gap-5 sm:grid-cols-2">
        <div>
          <label htmlFor={field('focusAreaId')} className={label}>
            Målområde (valfritt)
          </label>
          <select
            id={field('focusAreaId')}
            name="focusAreaId"
            value={fields.focusAreaId}
            onChange={set('focusAreaId')}
            className={INPUT}
            {...fieldProps(field('focusAreaId'), err('focusAreaId'))}
          >
            <option value="">Inget målområde</option>
            {areas.map((a) => (
              <option key={a.id} value={a.id}>
                {a.label}
                {a.archived ? ' (arkiverat)' : ''}
              </option>
            ))}
          </select>
          <FieldError id={field('focusAreaId')} message={err('focusAreaId')} />
        </div>
        <div>
          <label htmlFor={field('groupLabel')} className={label}>
            Gruppering i nämndens rapport (valfri)
          </label>
          <p id={`${field('groupLabel')}-hint`} className="text-sm text-slate-700">
            Fri text; förslag visas när du skriver.
          </p>
          <input
            id={field('groupLabel')}
            name="groupLabel"
            list={`${field('groupLabel')}-suggestions`}
            value={fields.groupLabel}
            onChange={set('groupLabel')}
            autoComplete="off"
            className={INPUT}
            {...fieldProps(field('groupLabel'), err('groupLabel'), `${field('groupLabel')}-hint`)}
          />
          <datalist id={`${field('groupLabel')}-suggestions`}>
            {options.groupLabels.map((g) => (
              <option key={g} value={g} />
            ))}
          </datalist>
          <FieldError id={field('groupLabel')} message={err('groupLabel')} />
        </div>
      </div>

      <fieldset className="rounded border border-slate-300 p-4" aria-describedby={`${field('unitIds')}-hint ${field('unitIds')}-error`}>
        <legend className="px-1 font-medium">Ansvariga enheter</legend>
        <p id={`${field('unitIds')}-hint`} className="text-sm text-slate-700">
          Minst en. Varje enhet återrapporterar för sig. En enhet som har återrapporterat kan inte tas bort.
        </p>
        <ul className="mt-2 space-y-1">
          {units.map((u) => (
            <li key={u.id} style={{ paddingLeft: `${u.depth * 1.25}rem` }}>
              <label className="inline-flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={fields.unitIds.includes(u.id)}
                  onChange={(e) => toggleUnit(u.id, e.target.checked)}
                  className="h-4 w-4"
                />
                {u.name}
                {u.archived && <span className="text-sm text-slate-600">(arkiverad)</span>}
                {withHistory.has(u.id) && <span className="text-sm text-slate-600">(har återrapporterat)</span>}
              </label>
            </li>
          ))}
        </ul>
        <FieldError id={field('unitIds')} message={err('unitIds')} />
        {fields.unitIds.length > 1 && (
          <div className="mt-3">
            <p id={`${field('unitOrder')}-label`} className="text-sm font-medium">
              Ordning
            </p>
            <ol aria-labelledby={`${field('unitOrder')}-label`} className="mt-1 list-decimal space-y-1 pl-6 text-sm">
              {fields.unitIds.map((unitId, index) => (
                <li key={unitId}>
                  <span className="mr-2">{unitName.get(unitId) ?? 'Okänd enhet'}</span>
                  <button type="button" className={SMALL_BUTTON} disabled={index === 0} onClick={() => move(index, -1)}>
                    Upp<span className="sr-only"> {unitName.get(unitId)}</span>
                  </button>{' '}
                  <button
                    type="button"
                    className={SMALL_BUTTON}
                    disabled={index === fields.unitIds.length - 1}
                    onClick={() => move(index, 1)}
                  >
                    Ned<span className="sr-only"> {unitName.get(unitId)}</span>
                  </button>
                </li>
              ))}
            </ol>
          </div>
        )}
      </fieldset>

      <div className="grid gap-5 sm:grid-cols-2">
        <div>
          <label htmlFor={field('dueDate')} className={label}>
            Slutdatum (valfritt)
          </label>
          <p id={`${field('dueDate')}-hint`} className="text-sm text-slate-700">
            Efter slutdatum visas uppdraget som försenat tills det är genomfört eller avfört.
          </p>
          <input
            id={field('dueDate')}
            name="dueDate"
            type="date"
            value={fields.dueDate}
            onChange={set('dueDate')}
            className={INPUT}
            {...fieldProps(field('dueDate'), err('dueDate'), `${field('dueDate')}-hint`)}
          />
          <FieldError id={field('dueDate')} message={err('dueDate')} />
        </div>
        <div>
          <label htmlFor={field('sortOrder')} className={label}>
            Sorteringsordning
          </label>
          <p id={`${field('sortOrder')}-hint`} className="text-sm text-slate-700">
            Ett heltal; lägre tal visas först.
          </p>
          <input
            id={field('sortOrder')}
            name="sortOrder"
            inputMode="numeric"
            value={fields.sortOrder}
            onChange={set('sortOrder')}
            className={INPUT}
            {...fieldProps(field('sortOrder'), err('sortOrder'), `${field('sortOrder')}-hint`)}
          />
          <FieldError id={field('sortOrder')} message={err('sortOrder')} />
        </div>
      </div>

      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-blue-800 px-5 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70"
        >
          {pending ? 'Sparar …' : assignment ? 'Spara uppdraget' : 'Skapa uppdraget'}
        </button>
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </form>
  );
}
