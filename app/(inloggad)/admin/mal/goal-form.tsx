'use client';
// Create or edit a nämndmål: number, text, method (Markdown), rule, målområde, the KF-mål
// it bears on, the responsible units in the order the report names them, and the goal
// of an earlier plan it continues.
import { useActionState, useId, useState } from 'react';
import type { ActionResult } from '@/lib/action';
import type { BoardGoalAdminDTO, PlanGoalsAdminDTO } from '@/db/admin/goals';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { Checkbox, CheckboxList, FieldGroup, fieldError, moved, OrderList, SelectField, SubmitRow, TextAreaField, TextField, toggled } from '@/components/form-field';
import { useFields } from '@/components/use-fields';
import { createBoardGoal, updateBoardGoal } from './actions';
import { RULE_LABELS } from './labels';

type Fields = { code: string; number: string; text: string; methodText: string; rule: string; focusAreaId: string; continuesId: string };

function initialFields(goal: BoardGoalAdminDTO | undefined, nextNumber: number): Fields {
  return {
    code: goal?.code ?? '',
    number: String(goal?.number ?? nextNumber),
    text: goal?.text ?? '',
    methodText: goal?.methodText ?? '',
    rule: goal?.rule ?? 'all',
    focusAreaId: goal?.focusAreaId ?? '',
    continuesId: goal?.continuesId ?? '',
  };
}

const archivedSuffix = (o: { archived?: boolean }) => (o.archived ? ' (arkiverad)' : '');

export function GoalForm({
  planId,
  goal,
  nextNumber = 1,
  options,
}: {
  planId: string;
  goal?: BoardGoalAdminDTO;
  nextNumber?: number;
  options: PlanGoalsAdminDTO['options'];
}) {
  const { setFields, bind } = useFields<Fields>(() => initialFields(goal, nextNumber));
  const [councilGoalIds, setCouncilGoalIds] = useState<string[]>(goal?.councilGoalIds ?? []);
  const [unitIds, setUnitIds] = useState<string[]>(goal?.unitIds ?? []);
  const [yearRow, setYearRow] = useState<boolean>(goal?.reportYearRow ?? false);
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(async (previous, formData) => {
    const r = await (goal ? updateBoardGoal : createBoardGoal)(previous, formData);
    if (r.status === 'ok' && !goal) {
      setFields(initialFields(undefined, nextNumber + 1));
      setCouncilGoalIds([]);
      setUnitIds([]);
      setYearRow(false);
    }
    return r;
  }, null);
  const id = useId();
  const unitName = new Map(options.units.map((u) => [u.id, u.label]));
  const areaName = new Map(options.focusAreas.map((a) => [a.id, a.label]));

  const councilError = fieldError(result, 'councilGoalIds');
  const unitError = fieldError(result, 'unitIds');

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-4">
      {goal ? <input type="hidden" name="id" value={goal.id} /> : <input type="hidden" name="planId" value={planId} />}
      <input type="hidden" name="councilGoalIds" value={councilGoalIds.join(',')} />
      <input type="hidden" name="unitIds" value={unitIds.join(',')} />

      <div className="grid gap-4 sm:grid-cols-3">
        <TextField label="Kod" hint="Till exempel KS-2025-M1." {...bind('code', result)} />
        <TextField label="Nummer" inputMode="numeric" hint="Unikt i planen: ”mål 1”." {...bind('number', result)} />
        <SelectField label="Måluppfyllelse" hint="Hur målets färg föreslås." {...bind('rule', result)}>
          {(Object.keys(RULE_LABELS) as (keyof typeof RULE_LABELS)[]).map((rule) => (
            <option key={rule} value={rule}>
              {RULE_LABELS[rule]}
            </option>
          ))}
        </SelectField>
      </div>
      <TextAreaField label="Målet" {...bind('text', result)} />
      <TextAreaField
        label="Mått/metod (valfritt)"
        rows={4}
        hint="Markdown: - punktlista, 1. numrerad lista, *kursiv*, **fet**."
        {...bind('methodText', result)}
      />
      <Checkbox
        name="reportYearRow"
        checked={yearRow}
        onChange={(e) => setYearRow(e.target.checked)}
        className="text-sm"
        multiline
        label={
          <>
            Rad med år under tabellhuvudet i rapporten
            <span className="block text-xs text-slate-700">
              Rubrikerna ”Mål” och ”Utfall” med raden ”År | 2024 | 2024” under dem, i stället för ”Mål 2024” och ”Utfall 2024” (med planens år).
            </span>
          </>
        }
      />
      <SelectField label="Målområde" {...bind('focusAreaId', result)}>
        <option value="">Välj målområde eller delområde</option>
        {options.focusAreas.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
            {archivedSuffix(a)}
          </option>
        ))}
      </SelectField>

      <FieldGroup id={`${id}-council`} legend="Bäring på kommunfullmäktiges mål" boxed error={councilError}>
        {options.councilGoals.length === 0 && <p className="text-sm text-slate-700">Det finns inga KF-mål för planens år.</p>}
        <CheckboxList
          className="space-y-2 text-sm"
          multiline
          choices={options.councilGoals.map((g) => ({
            id: g.id,
            label: (
              <>
                {g.label}
                {archivedSuffix(g)}
                {areaName.get(g.focusAreaId) && <span className="block text-xs text-slate-600">{areaName.get(g.focusAreaId)}</span>}
              </>
            ),
          }))}
          selected={councilGoalIds}
          onToggle={(goalId, checked) => setCouncilGoalIds((ids) => toggled(ids, goalId, checked))}
        />
      </FieldGroup>

      <FieldGroup id={`${id}-units`} legend="Ansvariga enheter (adressering)" boxed error={unitError}>
        <CheckboxList
          className="grid gap-1 text-sm sm:grid-cols-2"
          choices={options.units.map((u) => ({ id: u.id, depth: u.depth, label: `${u.label}${archivedSuffix(u)}` }))}
          selected={unitIds}
          onToggle={(unitId, checked) => setUnitIds((ids) => toggled(ids, unitId, checked))}
        />
        {unitIds.length > 1 && (
          <OrderList
            id={`${id}-order`}
            title="Ordning i rapporten"
            ids={unitIds}
            nameOf={(unitId) => unitName.get(unitId) ?? unitId}
            onMove={(index, by) => setUnitIds((ids) => moved(ids, index, by))}
          />
        )}
      </FieldGroup>

      <SelectField label="Fortsätter mål från tidigare plan" hint="Så att historik och trender löper över åren." {...bind('continuesId', result)}>
        <option value="">Inget (nytt mål)</option>
        {options.earlierGoals.map((g) => (
          <option key={g.id} value={g.id}>
            {g.label.length > 120 ? `${g.label.slice(0, 120)} …` : g.label}
          </option>
        ))}
      </SelectField>

      <SubmitRow pending={pending} label={goal ? 'Spara ändringarna' : 'Skapa målet'} result={result} />
    </form>
  );
}
