'use client';
// The form for a goal's assessment: the computed attainment by the goal's rule, an
// override with justification, the analysis and, at delår, the forecast for the full year.
import { useActionState } from 'react';
import type { AssessmentVersionDTO, GoalAssessmentDTO } from '@/db/goal-assessments';
import type { ActionResult } from '@/lib/action';
import { judgeGoalAssessment, type GoalAssessmentInput as Fields } from '@/lib/goal-assessment-input';
import { colourLabel, COLOURS } from '@/lib/colour';
import { StatusBadge } from './status-badge';
import { FieldGroup, SelectField, SubmitRow, TextAreaField } from './form-field';
import { ConflictNotice } from './conflict-notice';
import { useFields } from './use-fields';
import { DraftNotice } from './unsaved-changes';
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
  const { fields, bind, draftOffer } = useFields<Omit<Fields, 'goalId' | 'periodId' | 'baseSeq'>>(
    {
      chosenColour: latest?.chosenColour ?? '',
      justification: latest?.justification ?? '',
      analysis: latest?.analysis ?? '',
      forecastColour: latest?.forecastColour ?? '',
    },
    { result, draft: { key: `mal:${data.goal.id}:${data.period.id}:${baseSeq}`, fields: ['analysis', 'justification'] } },
  );
  const judged = judgeGoalAssessment(fields, {
    rule: data.goal.rule,
    indicatorColours: data.indicators.map((i) => i.colour),
    needsForecast: data.needsForecast,
  }).value;
  const manual = data.goal.rule === 'manual';

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-5" noValidate>
      <input type="hidden" name="goalId" value={data.goal.id} />
      <input type="hidden" name="periodId" value={data.period.id} />
      <input type="hidden" name="baseSeq" value={baseSeq} />
      <DraftNotice offer={draftOffer} />
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
          label={manual ? 'Din bedömning' : 'Välj en annan bedömning än den beräknade bara med en motivering.'}
          labelStyle="plain"
          fullWidth={false}
          {...bind('chosenColour', result)}
        >
          <option value="">{manual ? 'Välj …' : `Beräknad: ${judged.computedColour ? colourLabel(judged.computedColour) : ''}`}</option>
          {COLOURS.map((c) => (
            <option key={c} value={c}>
              {colourLabel(c)}
            </option>
          ))}
        </SelectField>
        {judged.chosenColour && (
          <TextAreaField label="Motivering" labelStyle="small" className="mt-3" rows={2} {...bind('justification', result)} />
        )}
      </FieldGroup>

      <TextAreaField
        label={`Analys${judged.shownColour && judged.shownColour !== 'green' ? ' (krävs när måluppfyllelsen inte är grön)' : ' (valfri)'}`}
        rows={8}
        {...bind('analysis', result)}
      />

      {data.needsForecast && (
        <SelectField label="Prognos för helåret" fullWidth={false} {...bind('forecastColour', result)}>
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
