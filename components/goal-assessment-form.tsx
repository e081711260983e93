'use client';
// The form for a goal's assessment: the computed attainment by the goal's rule, an
// override with justification, the analysis and, at delår, the forecast for the full year.
import { useActionState, useId, useState } from 'react';
import type { AssessmentVersionDTO, GoalAssessmentDTO } from '@/db/goal-assessments';
import type { ActionResult } from '@/lib/action';
import { judgeGoalAssessment, type GoalAssessmentInput as Fields } from '@/lib/goal-assessment-input';
import { colourLabel, COLOURS } from '@/lib/colour';
import { StatusBadge } from './status-badge';
import { FieldGroup, fieldError, SelectField, SubmitRow, TextAreaField } from './form-field';
import { ConflictNotice } from './conflict-notice';
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
  const err = (name: string) => fieldError(result, name);
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

      <FieldGroup legend="Måluppfyllelse" boxed>
        <SelectField
          id={`${id}-colour`}
          name="chosenColour"
          label={manual ? 'Din bedömning' : 'Välj en annan bedömning än den beräknade bara med en motivering.'}
          labelStyle="plain"
          fullWidth={false}
          value={fields.chosenColour}
          onChange={set('chosenColour')}
          error={err('chosenColour')}
        >
          <option value="">{manual ? 'Välj …' : `Beräknad: ${judged.computedColour ? colourLabel(judged.computedColour) : ''}`}</option>
          {COLOURS.map((c) => (
            <option key={c} value={c}>
              {colourLabel(c)}
            </option>
          ))}
        </SelectField>
        {judged.chosenColour && (
          <TextAreaField
            id={`${id}-why`}
            name="justification"
            label="Motivering"
            labelStyle="small"
            className="mt-3"
            rows={2}
            value={fields.justification}
            onChange={set('justification')}
            error={err('justification')}
          />
        )}
      </FieldGroup>

      <TextAreaField
        id={`${id}-analysis`}
        name="analysis"
        label={`Analys${judged.shownColour && judged.shownColour !== 'green' ? ' (krävs när måluppfyllelsen inte är grön)' : ' (valfri)'}`}
        rows={8}
        value={fields.analysis}
        onChange={set('analysis')}
        error={err('analysis')}
      />

      {data.needsForecast && (
        <SelectField
          id={`${id}-forecast`}
          name="forecastColour"
          label="Prognos för helåret"
          fullWidth={false}
          value={fields.forecastColour}
          onChange={set('forecastColour')}
          error={err('forecastColour')}
        >
          <option value="">Välj prognos …</option>
          {COLOURS.map((c) => (
            <option key={c} value={c}>
              {colourLabel(c)}
            </option>
          ))}
        </SelectField>
      )}

      <SubmitRow pending={pending} label="Spara bedömningen" result={result} conflictNotice />
    </form>
  );
}
