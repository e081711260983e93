'use client';
// Create or edit a nämndmål: number, text, method (Markdown), rule, målområde, the KF-mål
// it bears on, the responsible units in the order the report names them, and the goal
// of an earlier plan it continues.
import { useActionState, useId, useState } from 'react';
import type { ActionResult } from '@/lib/action';
import type { BoardGoalAdminDTO, PlanGoalsAdminDTO } from '@/db/admin/goals';
import { FieldError } from '@/components/form-field';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { buttonClass, errorOf, SelectField, SubmitRow, TextField, useFields } from '../malomraden/form-parts';
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
  const { fields, setFields, set } = useFields<Fields>(() => initialFields(goal, nextNumber));
  const [councilGoalIds, setCouncilGoalIds] = useState<string[]>(goal?.councilGoalIds ?? []);
  const [unitIds, setUnitIds] = useState<string[]>(goal?.unitIds ?? []);
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(async (previous, formData) => {
    const r = await (goal ? updateBoardGoal : createBoardGoal)(previous, formData);
    if (r.status === 'ok' && !goal) {
      setFields(initialFields(undefined, nextNumber + 1));
      setCouncilGoalIds([]);
      setUnitIds([]);
    }
    return r;
  }, null);
  const id = useId();
  const unitName = new Map(options.units.map((u) => [u.id, u.label]));
  const areaName = new Map(options.focusAreas.map((a) => [a.id, a.label]));

  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((x) => x !== value) : [...list, value]);
  const move = (index: number, delta: number) =>
    setUnitIds((ids) => {
      const next = [...ids];
      const [item] = next.splice(index, 1);
      next.splice(index + delta, 0, item!);
      return next;
    });
  const councilError = errorOf(result, 'councilGoalIds');
  const unitError = errorOf(result, 'unitIds');

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-4">
      {goal ? <input type="hidden" name="id" value={goal.id} /> : <input type="hidden" name="planId" value={planId} />}
      <input type="hidden" name="councilGoalIds" value={councilGoalIds.join(',')} />
      <input type="hidden" name="unitIds" value={unitIds.join(',')} />

      <div className="grid gap-4 sm:grid-cols-3">
        <TextField id={`${id}-code`} name="code" label="Kod" value={fields.code} onChange={set('code')} error={errorOf(result, 'code')} hint="Till exempel KS-2025-M1." />
        <TextField id={`${id}-number`} name="number" label="Nummer" inputMode="numeric" value={fields.number} onChange={set('number')} error={errorOf(result, 'number')} hint="Unikt i planen: ”mål 1”." />
        <SelectField id={`${id}-rule`} name="rule" label="Måluppfyllelse" value={fields.rule} onChange={set('rule')} error={errorOf(result, 'rule')} hint="Hur målets färg föreslås.">
          {(Object.keys(RULE_LABELS) as (keyof typeof RULE_LABELS)[]).map((rule) => (
            <option key={rule} value={rule}>
              {RULE_LABELS[rule]}
            </option>
          ))}
        </SelectField>
      </div>
      <TextField id={`${id}-text`} name="text" label="Målet" multiline value={fields.text} onChange={set('text')} error={errorOf(result, 'text')} />
      <TextField
        id={`${id}-method`}
        name="methodText"
        label="Mått/metod (valfritt)"
        multiline
        rows={4}
        hint="Markdown: - punktlista, 1. numrerad lista, *kursiv*, **fet**."
        value={fields.methodText}
        onChange={set('methodText')}
        error={errorOf(result, 'methodText')}
      />
      <SelectField id={`${id}-area`} name="focusAreaId" label="Målområde" value={fields.focusAreaId} onChange={set('focusAreaId')} error={errorOf(result, 'focusAreaId')}>
        <option value="">Välj målområde eller delområde</option>
        {options.focusAreas.map((a) => (
          <option key={a.id} value={a.id}>
            {a.label}
            {archivedSuffix(a)}
          </option>
        ))}
      </SelectField>

      <fieldset className="rounded border border-slate-300 p-3" aria-describedby={`${id}-council-error`}>
        <legend className="px-1 font-medium">Bäring på kommunfullmäktiges mål</legend>
        {options.councilGoals.length === 0 && <p className="text-sm text-slate-700">Det finns inga KF-mål för planens år.</p>}
        <ul className="space-y-2">
          {options.councilGoals.map((g) => (
            <li key={g.id} className="flex items-start gap-2">
              <input
                type="checkbox"
                id={`${id}-cg-${g.id}`}
                checked={councilGoalIds.includes(g.id)}
                onChange={() => setCouncilGoalIds((ids) => toggle(ids, g.id))}
                className="mt-1"
              />
              <label htmlFor={`${id}-cg-${g.id}`} className="text-sm">
                {g.label}
                {archivedSuffix(g)}
                {areaName.get(g.focusAreaId) && <span className="block text-xs text-slate-600">{areaName.get(g.focusAreaId)}</span>}
              </label>
            </li>
          ))}
        </ul>
        <FieldError id={`${id}-council`} message={councilError} />
      </fieldset>

      <fieldset className="rounded border border-slate-300 p-3" aria-describedby={`${id}-units-error`}>
        <legend className="px-1 font-medium">Ansvariga enheter (adressering)</legend>
        <ul className="grid gap-1 sm:grid-cols-2">
          {options.units.map((u) => (
            <li key={u.id} style={{ paddingLeft: `${u.depth * 1.25}rem` }} className="flex items-center gap-2">
              <input
                type="checkbox"
                id={`${id}-unit-${u.id}`}
                checked={unitIds.includes(u.id)}
                onChange={() => setUnitIds((ids) => toggle(ids, u.id))}
              />
              <label htmlFor={`${id}-unit-${u.id}`} className="text-sm">
                {u.label}
                {archivedSuffix(u)}
              </label>
            </li>
          ))}
        </ul>
        {unitIds.length > 1 && (
          <div className="mt-3">
            <p id={`${id}-order`} className="text-sm font-medium">
              Ordning i rapporten
            </p>
            <ol aria-describedby={`${id}-order`} className="mt-1 space-y-1">
              {unitIds.map((unitId, index) => (
                <li key={unitId} className="flex flex-wrap items-center gap-2 text-sm">
                  <span className="w-6 text-right tabular-nums">{index + 1}.</span>
                  <span className="min-w-48">{unitName.get(unitId) ?? unitId}</span>
                  <button
                    type="button"
                    disabled={index === 0}
                    onClick={() => move(index, -1)}
                    className={`${buttonClass} border-slate-400 bg-white hover:bg-slate-100`}
                  >
                    Upp<span className="sr-only"> med {unitName.get(unitId)}</span>
                  </button>
                  <button
                    type="button"
                    disabled={index === unitIds.length - 1}
                    onClick={() => move(index, 1)}
                    className={`${buttonClass} border-slate-400 bg-white hover:bg-slate-100`}
                  >
                    Ned<span className="sr-only"> med {unitName.get(unitId)}</span>
                  </button>
                </li>
              ))}
            </ol>
          </div>
        )}
        <FieldError id={`${id}-units`} message={unitError} />
      </fieldset>

      <SelectField
        id={`${id}-continues`}
        name="continuesId"
        label="Fortsätter mål från tidigare plan"
        hint="Så att historik och trender löper över åren."
        value={fields.continuesId}
        onChange={set('continuesId')}
        error={errorOf(result, 'continuesId')}
      >
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
