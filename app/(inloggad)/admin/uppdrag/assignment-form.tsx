'use client';
// The form for creating or editing an assignment. Everything typed is kept in state, so an
// error never loses it; the responsible units are chosen from the unit tree and put in order.
import { useActionState, useId } from 'react';
import type { ActionResult } from '@/lib/action';
import type { AdminAssignmentDTO, AssignmentFormOptions } from '@/db/admin/assignments';
import { CheckboxList, FieldGroup, fieldError, moved, OrderList, SelectField, SubmitRow, TextAreaField, TextField, toggled } from '@/components/form-field';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { useFields } from '@/components/use-fields';

type Fields = {
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
};

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
  const { fields, setFields, bind } = useFields<Fields>(() => initialFields(assignment));
  const id = useId();

  const withHistory = new Set(assignment?.unitIdsWithHistory ?? []);
  const unitName = new Map(options.units.map((u) => [u.id, u.name]));
  // Archived choices are offered only where they are the current value.
  const boards = options.boards.filter((b) => !b.archived || b.id === fields.issuer);
  const units = options.units.filter((u) => !u.archived || fields.unitIds.includes(u.id) || assignment?.unitIds.includes(u.id));
  const areas = options.focusAreas.filter((a) => !a.archived || a.id === assignment?.focusAreaId);
  const setUnitIds = (change: (ids: string[]) => string[]) => setFields((f) => ({ ...f, unitIds: change(f.unitIds) }));

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-5" noValidate>
      {assignment && <input type="hidden" name="assignmentId" value={assignment.id} />}
      <input type="hidden" name="unitIds" value={fields.unitIds.join(',')} />

      <div className="grid gap-5 sm:grid-cols-2">
        <TextField label="Kod" hint="Unik inom kommunen, till exempel KS-U-STYRMODELL." controlClassName="font-mono" {...bind('code', result)} />
        <SelectField label="Uppdragsgivare" hint="Kommunfullmäktige eller den nämnd som gav uppdraget." {...bind('issuer', result)}>
          <option value="">Välj uppdragsgivare …</option>
          <option value="council">Kommunfullmäktige</option>
          {boards.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
              {b.archived ? ' (arkiverad)' : ''}
            </option>
          ))}
        </SelectField>
        <TextField type="date" label="Beslutsdatum (valfritt)" {...bind('decisionDate', result)} />
        <TextField label="Diarienummer (valfritt)" placeholder="till exempel KS 2023/123" {...bind('diaryNumber', result)} />
      </div>

      <TextAreaField label="Titel" rows={2} {...bind('title', result)} />

      <TextAreaField
        label="Beskrivning (valfri)"
        hint="Markdown: ## rubrik, - punktlista, 1. numrerad lista, *kursiv*, **fet**, [länktext](https://…)."
        rows={6}
        {...bind('description', result)}
      />

      <div className="grid gap-5 sm:grid-cols-2">
        <SelectField label="Målområde (valfritt)" {...bind('focusAreaId', result)}>
          <option value="">Inget målområde</option>
          {areas.map((a) => (
            <option key={a.id} value={a.id}>
              {a.label}
              {a.archived ? ' (arkiverat)' : ''}
            </option>
          ))}
        </SelectField>
        <div>
          <TextField
            label="Gruppering i nämndens rapport (valfri)"
            hint="Fri text; förslag visas när du skriver."
            list={`${id}-groupLabel-suggestions`}
            {...bind('groupLabel', result)}
          />
          <datalist id={`${id}-groupLabel-suggestions`}>
            {options.groupLabels.map((g) => (
              <option key={g} value={g} />
            ))}
          </datalist>
        </div>
      </div>

      <FieldGroup
        id={`${id}-unitIds`}
        legend="Ansvariga enheter"
        hint="Minst en. Varje enhet återrapporterar för sig. En enhet som har återrapporterat kan inte tas bort."
        error={fieldError(result, 'unitIds')}
        boxed
      >
        <CheckboxList
          className="mt-2 space-y-1"
          choices={units.map((u) => ({
            id: u.id,
            depth: u.depth,
            label: (
              <>
                {u.name}
                {u.archived && <span className="text-sm text-slate-600">(arkiverad)</span>}
                {withHistory.has(u.id) && <span className="text-sm text-slate-600">(har återrapporterat)</span>}
              </>
            ),
          }))}
          selected={fields.unitIds}
          onToggle={(unitId, checked) => setUnitIds((ids) => toggled(ids, unitId, checked))}
        />
        {fields.unitIds.length > 1 && (
          <OrderList
            id={`${id}-unitOrder`}
            title="Ordning"
            ids={fields.unitIds}
            nameOf={(unitId) => unitName.get(unitId) ?? 'Okänd enhet'}
            onMove={(index, by) => setUnitIds((ids) => moved(ids, index, by))}
          />
        )}
      </FieldGroup>

      <div className="grid gap-5 sm:grid-cols-2">
        <TextField
          type="date"
          label="Slutdatum (valfritt)"
          hint="Efter slutdatum visas uppdraget som försenat tills det är genomfört eller avfört."
          {...bind('dueDate', result)}
        />
        <TextField inputMode="numeric" label="Sorteringsordning" hint="Ett heltal; lägre tal visas först." {...bind('sortOrder', result)} />
      </div>

      <SubmitRow pending={pending} label={assignment ? 'Spara uppdraget' : 'Skapa uppdraget'} result={result} />
    </form>
  );
}
