'use client';
// The form for a goal's assessment: the computed attainment by the goal's rule, an
// override with justification, the analysis and, at delår, the forecast for the full year.
import { useActionState, useId, useState } from 'react';
import type { AssessmentVersionDTO, GoalAssessmentDTO } from '@/db/goal-assessments';
import type { ActionResult } from '@/lib/action';
import { judgeGoalAssessment, type GoalAssessmentInput as Fields } from '@/lib/goal-assessment-input';
import { colourLabel, COLOURS } from '@/lib/colour';
import { StatusBadge } from './status-badge';
import { FieldError, fieldProps } from './form-field';
import { ConflictNotice, SaveMessage } from './conflict-notice';
import { useVersionBase } from './use-version-base';
import { submitWithoutReset } from './submit-without-reset';

type Result = ActionResult<{ seq: number }> | null;

export function GoalAssessmentForm({
  data,
  save,
}: {
  data: GoalAssessmentDTO;
  save: (previous: Result, formData: FormData) => Promise<Exclude<Result, null>>;
}) {
  const [result, action, pending] = useActionState<Result, FormData>(save, null);
  const { baseSeq, conflict, hasConflict } = useVersionBase<AssessmentVersionDTO>(result, data.latest?.seq ?? 0);
  const latest = data.latest;
  const [fields, setFields] = useState<Omit<Fields, 'goalId' | 'periodId' | 'baseSeq'>>({
    chosenColour: latest?.chosenColour ?? '',
    justification: latest?.justification ?? '',
    analysis: latest?.analysis ?? '',
    forecastColour: latest?.forecastColour ?? '',
  });
  const id = useId();
  const set = (name: keyof typeof fields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: e.target.value }));
  const judged = judgeGoalAssessment(fields, {
    rule: data.goal.rule,
    indicatorColours: data.indicators.map((i) => i.colour),
    needsForecast: data.needsForecast,
  }).value;
  const errors = result?.status === 'error' ? (result.fieldErrors ?? {}) : {};
  const err = (name: string) => errors[name]?.[0];
  const manual = data.goal.rule === 'manual';

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-5" noValidate>
      <input type="hidden" name="goalId" value={data.goal.id} />
      <input type="hidden" name="periodId" value={data.period.id} />
      <input type="hidden" name="baseSeq" value={baseSeq} />
      {hasConflict && (
        <ConflictNotice author={conflict?.authorName} createdAt={conflict?.createdAt} seq={conflict?.seq}>
          {conflict && `Bedömning: ${colourLabel(conflict.chosenColour ?? conflict.computedColour ?? 'grey')}.`}
        </ConflictNotice>
      )}

      <p aria-live="polite" className="rounded bg-slate-50 p-3 text-sm">
        {manual ? (
          'Målet bedöms manuellt: välj måluppfyllelse och motivera.'
        ) : (
          <>
            Beräknad måluppfyllelse enligt målets regel: {judged.computedColour && <StatusBadge colour={judged.computedColour} />}
          </>
        )}
      </p>

      <fieldset className="rounded border border-slate-300 p-3">
        <legend className="px-1 font-medium">Måluppfyllelse</legend>
        <label htmlFor={`${id}-colour`} className="block text-sm">
          {manual ? 'Din bedömning' : 'Välj en annan bedömning än den beräknade bara med en motivering.'}
        </label>
        <select
          id={`${id}-colour`}
          name="chosenColour"
          value={fields.chosenColour}
          onChange={set('chosenColour')}
          className="mt-1 rounded border border-slate-400 px-3 py-2"
          {...fieldProps(`${id}-colour`, err('chosenColour'))}
        >
          <option value="">{manual ? 'Välj …' : `Beräknad: ${judged.computedColour ? colourLabel(judged.computedColour) : ''}`}</option>
          {COLOURS.map((c) => (
            <option key={c} value={c}>
              {colourLabel(c)}
            </option>
          ))}
        </select>
        <FieldError id={`${id}-colour`} message={err('chosenColour')} />
        {judged.chosenColour && (
          <div className="mt-3">
            <label htmlFor={`${id}-why`} className="block text-sm font-medium">
              Motivering
            </label>
            <textarea
              id={`${id}-why`}
              name="justification"
              rows={2}
              value={fields.justification}
              onChange={set('justification')}
              className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
              {...fieldProps(`${id}-why`, err('justification'))}
            />
            <FieldError id={`${id}-why`} message={err('justification')} />
          </div>
        )}
      </fieldset>

      <div>
        <label htmlFor={`${id}-analysis`} className="block font-medium">
          Analys{judged.shownColour && judged.shownColour !== 'green' ? ' (krävs när måluppfyllelsen inte är grön)' : ' (valfri)'}
        </label>
        <textarea
          id={`${id}-analysis`}
          name="analysis"
          rows={8}
          value={fields.analysis}
          onChange={set('analysis')}
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
          {...fieldProps(`${id}-analysis`, err('analysis'))}
        />
        <FieldError id={`${id}-analysis`} message={err('analysis')} />
      </div>

      {data.needsForecast && (
        <div>
          <label htmlFor={`${id}-forecast`} className="block font-medium">
            Prognos för helåret
          </label>
          <select
            id={`${id}-forecast`}
            name="forecastColour"
            value={fields.forecastColour}
            onChange={set('forecastColour')}
            className="mt-1 rounded border border-slate-400 px-3 py-2"
            {...fieldProps(`${id}-forecast`, err('forecastColour'))}
          >
            <option value="">Välj prognos …</option>
            {COLOURS.map((c) => (
              <option key={c} value={c}>
                {colourLabel(c)}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-forecast`} message={err('forecastColour')} />
        </div>
      )}

      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-blue-800 px-5 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70"
        >
          {pending ? 'Sparar …' : 'Spara bedömningen'}
        </button>
        <SaveMessage status={result?.status} message={result?.status === 'error' && result.code === 'conflict' ? undefined : result?.message} />
      </div>
    </form>
  );
}
