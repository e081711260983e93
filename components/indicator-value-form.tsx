'use client';
// The form for an indicator's value: the computed colour and trend follow what is typed,
// errors are announced per field, and nothing typed is lost on any error or conflict.
import { useActionState, useId, useMemo, useState } from 'react';
import type { IndicatorReportDTO, ValueVersionDTO } from '@/db/indicator-values';
import type { ActionResult } from '@/lib/action';
import { judgeIndicatorValue, type IndicatorValueInput as Fields } from '@/lib/indicator-value-input';
import { colourLabel, COLOURS, type Colour } from '@/lib/colour';
import { trendArrow, trendLabel, type Trend } from '@/lib/trend';
import { formatNumber, formatOutcome } from '@/lib/swedish-number';
import { StatusBadge } from './status-badge';
import { TrendArrow } from './trend-arrow';
import { FieldError, fieldProps } from './form-field';
import { ConflictNotice, SaveMessage } from './conflict-notice';
import { useVersionBase } from './use-version-base';
import { submitWithoutReset } from './submit-without-reset';

type Result = ActionResult<{ seq: number }> | null;
type SaveAction = (previous: Result, formData: FormData) => Promise<Exclude<Result, null>>;

const TRENDS: Trend[] = ['better', 'same', 'worse'];

function initialFields(report: IndicatorReportDTO): Fields {
  const v = report.latest;
  return {
    indicatorId: report.indicator.id,
    periodId: report.period.id,
    baseSeq: 0, // managed by useVersionBase
    outcome: v?.outcome == null ? '' : formatNumber(v.outcome, report.indicator.decimals),
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
  const [fields, setFields] = useState<Fields>(() => initialFields(report));
  const { baseSeq, conflict, hasConflict } = useVersionBase<ValueVersionDTO>(result, report.latest?.seq ?? 0);
  const id = useId();
  const set = (name: keyof Fields) => (e: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: e.target.value }));

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
  const serverErrors = result?.status === 'error' ? (result.fieldErrors ?? {}) : {};
  const errorOf = (name: keyof Fields) => serverErrors[name]?.[0];
  const decimals = report.indicator.decimals;
  const showColourJustification = Boolean(preview && fields.chosenColour && fields.chosenColour !== preview.computedColour);
  const canSetTrend = Boolean(preview && preview.computedTrend === null && preview.outcome !== null);
  // A number that cannot be read is flagged while typing; the rest when saving.
  const outcomeError = errorOf('outcome') ?? (judged.value === null && !judged.ok ? judged.errors.outcome?.[0] : undefined);

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

      {hasConflict && (
        <ConflictNotice author={conflict?.authorName} createdAt={conflict?.createdAt} seq={conflict?.seq}>
          {conflict &&
            `Utfall ${formatOutcome(conflict.outcome, decimals)}, ${colourLabel(conflict.chosenColour ?? conflict.computedColour)}.` +
              (conflict.analysis ? ` Analys: ”${conflict.analysis.slice(0, 300)}${conflict.analysis.length > 300 ? ' …' : ''}”` : '')}
        </ConflictNotice>
      )}

      <div>
        <label htmlFor={`${id}-outcome`} className="block font-medium">
          Utfall{report.indicator.unitOfMeasure ? ` (${report.indicator.unitOfMeasure})` : ''}
        </label>
        <p id={`${id}-outcome-hint`} className="text-sm text-slate-700">
          Till exempel 1,86 eller 6,59 %. Lämna tomt om måttet inte är mätt.
        </p>
        <input
          id={`${id}-outcome`}
          name="outcome"
          inputMode="decimal"
          autoComplete="off"
          value={fields.outcome}
          onChange={set('outcome')}
          className="mt-1 w-40 rounded border border-slate-400 px-3 py-2 tabular-nums"
          {...fieldProps(`${id}-outcome`, outcomeError, `${id}-outcome-hint`)}
        />
        <FieldError id={`${id}-outcome`} message={outcomeError} />
      </div>

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

      <div>
        <label htmlFor={`${id}-reference`} className="block font-medium">
          Avser (valfritt)
        </label>
        <input
          id={`${id}-reference`}
          name="referenceNote"
          value={fields.referenceNote}
          onChange={set('referenceNote')}
          placeholder="till exempel avser mätning 2023"
          className="mt-1 w-full max-w-md rounded border border-slate-400 px-3 py-2"
          {...fieldProps(`${id}-reference`, errorOf('referenceNote'))}
        />
        <FieldError id={`${id}-reference`} message={errorOf('referenceNote')} />
      </div>

      <div>
        <div className="flex flex-wrap items-end justify-between gap-2">
          <label htmlFor={`${id}-analysis`} className="block font-medium">
            Analys{preview && preview.shownColour !== 'green' ? ' (krävs när måluppfyllelsen inte är grön)' : ' (valfri)'}
          </label>
          <button
            type="button"
            onClick={startFromPrevious}
            disabled={!report.previousAnalysis}
            className="rounded border border-slate-400 px-2.5 py-1 text-sm hover:bg-slate-100 disabled:opacity-60"
          >
            Utgå från förra periodens text
          </button>
        </div>
        <p id={`${id}-analysis-hint`} className="text-sm text-slate-700">
          Markdown: ## rubrik, - punktlista, 1. numrerad lista, *kursiv*, **fet**, [länktext](https://…).
        </p>
        <textarea
          id={`${id}-analysis`}
          name="analysis"
          rows={8}
          value={fields.analysis}
          onChange={set('analysis')}
          className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
          {...fieldProps(`${id}-analysis`, errorOf('analysis'), `${id}-analysis-hint`)}
        />
        <FieldError id={`${id}-analysis`} message={errorOf('analysis')} />
      </div>

      <fieldset className="rounded border border-slate-300 p-3">
        <legend className="px-1 font-medium">Måluppfyllelse som visas</legend>
        <label htmlFor={`${id}-colour`} className="block text-sm">
          Välj en annan färg än den beräknade bara med en motivering.
        </label>
        <select
          id={`${id}-colour`}
          name="chosenColour"
          value={fields.chosenColour}
          onChange={set('chosenColour')}
          className="mt-1 rounded border border-slate-400 px-3 py-2"
        >
          <option value="">Beräknad{preview ? `: ${colourLabel(preview.computedColour)}` : ''}</option>
          {COLOURS.map((c: Colour) => (
            <option key={c} value={c}>
              {colourLabel(c)}
            </option>
          ))}
        </select>
        {showColourJustification && (
          <div className="mt-3">
            <label htmlFor={`${id}-colour-why`} className="block text-sm font-medium">
              Motivering till vald färg
            </label>
            <textarea
              id={`${id}-colour-why`}
              name="colourJustification"
              rows={2}
              value={fields.colourJustification}
              onChange={set('colourJustification')}
              className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
              {...fieldProps(`${id}-colour-why`, errorOf('colourJustification'))}
            />
            <FieldError id={`${id}-colour-why`} message={errorOf('colourJustification')} />
          </div>
        )}
      </fieldset>

      {canSetTrend && (
        <fieldset className="rounded border border-slate-300 p-3">
          <legend className="px-1 font-medium">Trendpil</legend>
          <label htmlFor={`${id}-trend`} className="block text-sm">
            Det finns inget tidigare värde. Du kan sätta pilen själv med en motivering.
          </label>
          <select
            id={`${id}-trend`}
            name="chosenTrend"
            value={fields.chosenTrend}
            onChange={set('chosenTrend')}
            className="mt-1 rounded border border-slate-400 px-3 py-2"
          >
            <option value="">Ingen trendpil</option>
            {TRENDS.map((t) => (
              <option key={t} value={t}>
                {trendArrow(t)} {trendLabel(t)}
              </option>
            ))}
          </select>
          {fields.chosenTrend && (
            <div className="mt-3">
              <label htmlFor={`${id}-trend-why`} className="block text-sm font-medium">
                Motivering till trendpilen
              </label>
              <textarea
                id={`${id}-trend-why`}
                name="trendJustification"
                rows={2}
                value={fields.trendJustification}
                onChange={set('trendJustification')}
                className="mt-1 w-full rounded border border-slate-400 px-3 py-2"
                {...fieldProps(`${id}-trend-why`, errorOf('trendJustification'))}
              />
              <FieldError id={`${id}-trend-why`} message={errorOf('trendJustification')} />
            </div>
          )}
        </fieldset>
      )}

      <div className="flex flex-wrap items-center gap-4">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-blue-800 px-5 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70"
        >
          {pending ? 'Sparar …' : 'Spara'}
        </button>
        <SaveMessage status={result?.status} message={result?.status === 'error' && result.code === 'conflict' ? undefined : result?.message} />
      </div>
    </form>
  );
}
