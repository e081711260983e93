'use client';
// The form for an indicator's value: the computed colour and trend follow what is typed,
// errors are announced per field, and nothing typed is lost on any error or conflict.
import { useActionState, useId, useMemo, useState } from 'react';
import type { IndicatorReportDTO, ValueVersionDTO } from '@/db/indicator-values';
import type { ActionResult } from '@/lib/action';
import { CHOICES_HOLD_NOTE, TREND_CHOICE_HOLD_NOTE, judgeIndicatorValue, sameOutcome, type IndicatorValueInput as Fields } from '@/lib/indicator-value-input';
import { colourLabel, COLOURS, type Colour } from '@/lib/colour';
import { trendArrow, trendLabel, type Trend } from '@/lib/trend';
import { formatNumber, formatOutcome } from '@/lib/swedish-number';
import { StatusBadge } from './status-badge';
import { TrendArrow } from './trend-arrow';
import { FieldGroup, fieldError, SelectField, SubmitRow, TextAreaField, TextField } from './form-field';
import { ConflictNotice } from './conflict-notice';
import { useFields } from './use-fields';
import { DraftNotice } from './unsaved-changes';
import { useVersionBase } from './use-version-base';
import { submitWithoutReset } from './submit-without-reset';

type Result = ActionResult<{ seq: number }> | null;
type SaveAction = (previous: Result, formData: FormData) => Promise<Exclude<Result, null>>;

const TRENDS: Trend[] = ['better', 'same', 'worse'];

function initialFields(report: IndicatorReportDTO): Fields {
  const v = report.latest;
  const outcome = v?.outcome == null ? '' : formatNumber(v.outcome, report.indicator.decimals);
  return {
    indicatorId: report.indicator.id,
    periodId: report.period.id,
    baseSeq: 0, // managed by useVersionBase
    outcome,
    // The saved choices were made for the saved outcome.
    choicesFor: outcome,
    referenceNote: v?.referenceNote ?? '',
    analysis: v?.analysis ?? '',
    chosenColour: v?.chosenColour ?? '',
    colourJustification: v?.colourJustification ?? '',
    chosenTrend: v?.chosenTrend ?? '',
    trendJustification: v?.trendJustification ?? '',
  };
}

export function IndicatorValueForm({ report, save }: { report: IndicatorReportDTO; save: SaveAction }) {
  const [result, action, pending] = useActionState<Result, FormData>(save, null);
  // Set when a changed outcome took away a chosen colour or arrow: what it was chosen for.
  const [choicesDropped, setChoicesDropped] = useState<{
    outcome: string;
    what: string;
    chosenColour: Fields['chosenColour'];
    chosenTrend: Fields['chosenTrend'];
  } | null>(null);
  const { baseSeq, conflict, hasConflict } = useVersionBase<ValueVersionDTO>(result, report.latest?.seq ?? 0);
  const { fields, setFields, bind, draftOffer } = useFields<Fields>(() => initialFields(report), {
    result,
    draft: {
      key: `matt:${report.indicator.id}:${report.period.id}:${baseSeq}`,
      fields: ['analysis', 'referenceNote', 'colourJustification', 'trendJustification'],
    },
  });
  const id = useId();

  const judged = useMemo(
    () =>
      judgeIndicatorValue(
        {
          outcome: fields.outcome,
          analysis: fields.analysis,
          chosenColour: fields.chosenColour,
          colourJustification: fields.colourJustification,
          chosenTrend: fields.chosenTrend,
          trendJustification: fields.trendJustification,
        },
        { target: report.indicator.target, earlier: report.earlier?.outcome ?? null, trendTolerance: report.indicator.trendTolerance },
      ),
    [fields, report],
  );
  const preview = judged.value;
  const decimals = report.indicator.decimals;
  const showColourJustification = Boolean(preview && fields.chosenColour && fields.chosenColour !== preview.computedColour);
  const canSetTrend = Boolean(preview && preview.computedTrend === null && preview.outcome !== null);
  // A number that cannot be read is flagged while typing; the rest when saving.
  const outcomeError = fieldError(result, 'outcome') ?? (judged.value === null && !judged.ok ? judged.errors.outcome?.[0] : undefined);

  /** A chosen colour or arrow holds only for the outcome it was chosen for: a new outcome takes it away. */
  function changeOutcome(event: { target: { value: string } }) {
    const outcome = event.target.value;
    if (choicesDropped && sameOutcome(outcome, choicesDropped.outcome)) {
      // Back to the outcome they were chosen for (a typo undone): the choices come back.
      const { chosenColour, chosenTrend } = choicesDropped;
      setFields((f) => ({ ...f, outcome, chosenColour, chosenTrend }));
      setChoicesDropped(null);
    } else if ((fields.chosenColour || fields.chosenTrend) && !sameOutcome(outcome, fields.choicesFor)) {
      const what = fields.chosenColour && fields.chosenTrend ? 'färgen och trendpilen' : fields.chosenColour ? 'färgen' : 'trendpilen';
      setChoicesDropped({ outcome: fields.choicesFor, what, chosenColour: fields.chosenColour, chosenTrend: fields.chosenTrend });
      setFields((f) => ({ ...f, outcome, chosenColour: '', chosenTrend: '' }));
    } else {
      setFields((f) => ({ ...f, outcome }));
    }
  }
  /** Choosing a colour or an arrow chooses it for the outcome as it stands now. */
  const changeChoice = (name: 'chosenColour' | 'chosenTrend') => (event: { target: { value: string } }) => {
    const value = event.target.value as Fields[typeof name];
    setFields((f) => ({ ...f, [name]: value, choicesFor: f.outcome }));
    setChoicesDropped(null);
  };

  function startFromPrevious() {
    if (!report.previousAnalysis) return;
    if (fields.analysis.trim() && !window.confirm('Ersätta din text med förra periodens analys?')) return;
    setFields((f) => ({ ...f, analysis: report.previousAnalysis ?? '' }));
  }

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-5" noValidate aria-describedby={`${id}-status`}>
      <input type="hidden" name="indicatorId" value={report.indicator.id} />
      <input type="hidden" name="periodId" value={report.period.id} />
      <input type="hidden" name="baseSeq" value={baseSeq} />
      <DraftNotice offer={draftOffer} />
      <input type="hidden" name="choicesFor" value={fields.choicesFor} />

      {hasConflict && (
        <ConflictNotice author={conflict?.authorName} createdAt={conflict?.createdAt} seq={conflict?.seq}>
          {conflict &&
            `Utfall ${formatOutcome(conflict.outcome, decimals)}, ${colourLabel(conflict.chosenColour ?? conflict.computedColour)}.` +
              (conflict.analysis ? ` Analys: ”${conflict.analysis.slice(0, 300)}${conflict.analysis.length > 300 ? ' …' : ''}”` : '')}
        </ConflictNotice>
      )}

      <TextField
        label={`Utfall${report.indicator.unitOfMeasure ? ` (${report.indicator.unitOfMeasure})` : ''}`}
        hint="Till exempel 1,86 eller 6,59 %. Lämna tomt om måttet inte är mätt."
        inputMode="decimal"
        fullWidth={false}
        controlClassName="w-40 tabular-nums"
        {...bind('outcome', result)}
        onChange={changeOutcome}
        error={outcomeError}
      />

      <div id={`${id}-status`} aria-live="polite" className="flex flex-wrap items-center gap-x-6 gap-y-2 rounded bg-slate-50 p-3 text-sm">
        <span>
          Beräknad måluppfyllelse: {preview ? <StatusBadge colour={preview.computedColour} /> : '–'}
        </span>
        <span className="flex items-center gap-2">
          Trend:{' '}
          {preview?.computedTrend ? (
            <>
              <TrendArrow trend={preview.computedTrend} /> {trendLabel(preview.computedTrend)}
              {report.earlier && ` (jämfört med ${report.earlier.label}: ${formatOutcome(report.earlier.outcome, decimals)})`}
            </>
          ) : (
            'inget tidigare värde att jämföra med'
          )}
        </span>
      </div>

      <TextField
        label="Avser (valfritt)"
        placeholder="till exempel avser mätning 2023"
        controlClassName="max-w-md"
        {...bind('referenceNote', result)}
      />

      <TextAreaField
        label={`Analys${preview && preview.shownColour !== 'green' ? ' (krävs när måluppfyllelsen inte är grön)' : ' (valfri)'}`}
        labelAside={
          <button
            type="button"
            onClick={startFromPrevious}
            disabled={!report.previousAnalysis}
            className="rounded border border-slate-400 px-2.5 py-1 text-sm hover:bg-slate-100 disabled:opacity-60 aria-disabled:opacity-60"
          >
            Utgå från förra periodens text
          </button>
        }
        hint="Markdown: ## rubrik, - punktlista, 1. numrerad lista, *kursiv*, **fet**, [länktext](https://…)."
        rows={8}
        {...bind('analysis', result)}
      />

      <div aria-live="polite">
        {choicesDropped !== null && (
          <p className="rounded border border-amber-500 bg-amber-50 p-2 text-sm">
            Utfallet har ändrats, så {choicesDropped.what} som du valde
            {choicesDropped.outcome ? ` för ${choicesDropped.outcome}` : ''} har tagits bort. Välj igen om{' '}
            {choicesDropped.what.includes(' och ') ? 'de' : 'den'} ska gälla det nya utfallet.
          </p>
        )}
      </div>

      <FieldGroup id={`${id}-farg`} legend="Måluppfyllelse som visas" hint={CHOICES_HOLD_NOTE} boxed>
        <SelectField
          label="Välj en annan färg än den beräknade bara med en motivering."
          labelStyle="plain"
          fullWidth={false}
          {...bind('chosenColour', result)}
          onChange={changeChoice('chosenColour')}
        >
          <option value="">Beräknad{preview ? `: ${colourLabel(preview.computedColour)}` : ''}</option>
          {COLOURS.map((c: Colour) => (
            <option key={c} value={c}>
              {colourLabel(c)}
            </option>
          ))}
        </SelectField>
        {showColourJustification && (
          <TextAreaField label="Motivering till vald färg" labelStyle="small" className="mt-3" rows={2} {...bind('colourJustification', result)} />
        )}
      </FieldGroup>

      {canSetTrend && (
        <FieldGroup id={`${id}-trendpil`} legend="Trendpil" hint={TREND_CHOICE_HOLD_NOTE} boxed>
          <SelectField
            label="Det finns inget tidigare värde. Du kan sätta pilen själv med en motivering."
            labelStyle="plain"
            fullWidth={false}
            {...bind('chosenTrend', result)}
            onChange={changeChoice('chosenTrend')}
          >
            <option value="">Ingen trendpil</option>
            {TRENDS.map((t) => (
              <option key={t} value={t}>
                {trendArrow(t)} {trendLabel(t)}
              </option>
            ))}
          </SelectField>
          {fields.chosenTrend && (
            <TextAreaField label="Motivering till trendpilen" labelStyle="small" className="mt-3" rows={2} {...bind('trendJustification', result)} />
          )}
        </FieldGroup>
      )}

      <SubmitRow pending={pending} label="Spara" result={result} conflictNotice />
    </form>
  );
}
