'use client';
// Create or edit an indicator (mått): the structured target with its tolerances, the
// label shown for it (a suggestion that follows the target until the admin writes their
// own), when and from where it is reported, the baseline and the links.
import { useActionState, useState } from 'react';
import type { ActionResult } from '@/lib/action';
import type { IndicatorAdminDTO } from '@/db/admin/indicators';
import type { PlanGoalsAdminDTO } from '@/db/admin/goals';
import type { Comparator, Direction } from '@/lib/target';
import { parseSwedishNumber } from '@/lib/swedish-number';
import { COMPARATORS, comparatorLabel, directionLabel, suggestTargetLabel } from '@/lib/target-label';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { SelectField, SubmitRow, TextField } from '@/components/form-field';
import { useFields } from '@/components/use-fields';
import { buttonClass } from '@/components/confirm-step';
import { createIndicator, updateIndicator } from './actions';
import { scheduleOf, SCHEDULE_LABELS, SCHEDULES, SOURCE_LABELS } from './labels';

type Fields = {
  code: string;
  name: string;
  unitOfMeasure: string;
  decimals: string;
  comparator: string;
  targetValue: string;
  targetLow: string;
  targetHigh: string;
  direction: string;
  tolerance: string;
  trendTolerance: string;
  targetLabel: string;
  schedule: string;
  baselineValue: string;
  baselineYear: string;
  source: string;
  sourceRef: string;
  responsibleUnitId: string;
  continuesId: string;
};

/** A stored number as the admin types it: "1,5", without rounding. */
const numberText = (n: number | null) => (n === null ? '' : String(n).replace('.', ','));

function initialFields(indicator: IndicatorAdminDTO | undefined, defaultUnitId: string): Fields {
  return {
    code: indicator?.code ?? '',
    name: indicator?.name ?? '',
    unitOfMeasure: indicator?.unitOfMeasure ?? '',
    decimals: String(indicator?.decimals ?? 0),
    comparator: indicator?.comparator ?? 'lt',
    targetValue: numberText(indicator?.targetValue ?? null),
    targetLow: numberText(indicator?.targetLow ?? null),
    targetHigh: numberText(indicator?.targetHigh ?? null),
    direction: indicator?.direction ?? 'higher',
    tolerance: numberText(indicator?.tolerance ?? null),
    trendTolerance: numberText(indicator?.trendTolerance ?? null),
    targetLabel: indicator?.targetLabel ?? '',
    schedule: indicator ? scheduleOf(indicator.frequency, indicator.yearlyPeriodKind) : 'every_period',
    baselineValue: numberText(indicator?.baselineValue ?? null),
    baselineYear: indicator?.baselineYear ? String(indicator.baselineYear) : '',
    source: indicator?.source ?? 'manual',
    sourceRef: indicator?.sourceRef ?? '',
    responsibleUnitId: indicator?.responsibleUnitId ?? defaultUnitId,
    continuesId: indicator?.continuesId ?? '',
  };
}

function suggestion(fields: Fields): string {
  const num = (text: string) => {
    const parsed = parseSwedishNumber(text);
    return parsed.ok ? parsed.value : null;
  };
  const decimals = /^[0-6]$/.test(fields.decimals.trim()) ? Number(fields.decimals.trim()) : 0;
  return suggestTargetLabel(
    {
      comparator: fields.comparator as Comparator,
      value: num(fields.targetValue),
      low: num(fields.targetLow),
      high: num(fields.targetHigh),
      direction: (fields.direction || null) as Direction | null,
    },
    decimals,
  );
}

export function IndicatorForm({
  goalId,
  indicator,
  defaultUnitId = '',
  options,
}: {
  goalId: string;
  indicator?: IndicatorAdminDTO;
  /** For a new indicator: the goal's first responsible unit. */
  defaultUnitId?: string;
  options: PlanGoalsAdminDTO['options'];
}) {
  const { fields, setFields, bind } = useFields<Fields>(() => initialFields(indicator, defaultUnitId));
  // The label follows the suggestion until the admin writes their own.
  const [ownLabel, setOwnLabel] = useState(() => Boolean(indicator) && indicator!.targetLabel !== suggestion(initialFields(indicator, '')));
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(async (previous, formData) => {
    const r = await (indicator ? updateIndicator : createIndicator)(previous, formData);
    if (r.status === 'ok' && !indicator) {
      setFields(initialFields(undefined, defaultUnitId));
      setOwnLabel(false);
    }
    return r;
  }, null);
  const suggested = suggestion(fields);
  const label = ownLabel ? fields.targetLabel : suggested;
  const c = fields.comparator;

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-4">
      {indicator ? <input type="hidden" name="id" value={indicator.id} /> : <input type="hidden" name="goalId" value={goalId} />}

      <div className="grid gap-4 sm:grid-cols-2">
        <TextField label="Kod" hint="Till exempel KS-2025-M1-I1." {...bind('code', result)} />
        <TextField label="Namn" {...bind('name', result)} />
        <TextField label="Enhet (valfritt)" hint="Till exempel procent, index, placering." {...bind('unitOfMeasure', result)} />
        <TextField label="Antal decimaler" inputMode="numeric" hint="Hur utfall och målvärde visas, 0–6." {...bind('decimals', result)} />
      </div>

      <fieldset className="space-y-4 rounded border border-slate-300 p-3">
        <legend className="px-1 font-medium">Målvärde</legend>
        {indicator && (
          <p className="text-sm text-slate-700">
            Ändrar du målvärdet eller en tolerans bedöms det senaste värdet om, som en ny version, i öppna perioder som inte
            är attesterade. Attesterade perioder och tidigare versioner ändras inte.
          </p>
        )}
        <div className="grid gap-4 sm:grid-cols-3">
          <SelectField label="Utfallet ska vara" {...bind('comparator', result)}>
            {COMPARATORS.map((comparator) => (
              <option key={comparator} value={comparator}>
                {comparatorLabel(comparator)}
              </option>
            ))}
          </SelectField>
          {c === 'between' ? (
            <>
              <TextField label="Lägsta värde" inputMode="decimal" {...bind('targetLow', result)} />
              <TextField label="Högsta värde" inputMode="decimal" {...bind('targetHigh', result)} />
            </>
          ) : c === 'not_worse' ? (
            <SelectField label="Vad är bättre?" hint="Jämförs med samma period året innan, annars med basvärdet." {...bind('direction', result)}>
              {(['higher', 'lower'] as const).map((d) => (
                <option key={d} value={d}>
                  {directionLabel(d)}
                </option>
              ))}
            </SelectField>
          ) : (
            <TextField label="Värde" inputMode="decimal" hint="Till exempel 5,00." {...bind('targetValue', result)} />
          )}
        </div>
        <div className="grid gap-4 sm:grid-cols-2">
          <TextField
            label="Tolerans för gult (valfritt)"
            inputMode="decimal"
            hint="Missas målet med högst så mycket blir det gult (delvis uppfyllt). Tomt: bara grönt eller rött."
            {...bind('tolerance', result)}
          />
          <TextField
            label="Trendtolerans (valfritt)"
            inputMode="decimal"
            hint="Skillnader mot året innan inom detta räknas som oförändrat. Tomt: 0."
            {...bind('trendTolerance', result)}
          />
        </div>
        <div>
          <TextField
            label="Målvärdet som det visas"
            hint={suggested ? `Förslag utifrån målvärdet: ”${suggested}”. Du kan skriva en egen text.` : 'Skriv hur målvärdet visas i rapporten.'}
            {...bind('targetLabel', result)}
            value={label}
            onChange={(event) => {
              setOwnLabel(true);
              setFields((f) => ({ ...f, targetLabel: event.target.value }));
            }}
          />
          {ownLabel && suggested && label !== suggested && (
            <button type="button" onClick={() => setOwnLabel(false)} className={`${buttonClass('sm', 'plain')} mt-2`}>
              Använd förslaget ”{suggested}”
            </button>
          )}
        </div>
      </fieldset>

      <div className="grid gap-4 sm:grid-cols-3">
        <SelectField label="Rapporteras" {...bind('schedule', result)}>
          {SCHEDULES.map((schedule) => (
            <option key={schedule} value={schedule}>
              {SCHEDULE_LABELS[schedule]}
            </option>
          ))}
        </SelectField>
        <TextField label="Basvärde (valfritt)" inputMode="decimal" {...bind('baselineValue', result)} />
        <TextField label="Basvärdets år" inputMode="numeric" hint="Jämförs med när förra årets värde saknas." {...bind('baselineYear', result)} />
      </div>

      <div className="grid gap-4 sm:grid-cols-2">
        <SelectField label="Källa" {...bind('source', result)}>
          {(Object.keys(SOURCE_LABELS) as (keyof typeof SOURCE_LABELS)[]).map((source) => (
            <option key={source} value={source}>
              {SOURCE_LABELS[source]}
            </option>
          ))}
        </SelectField>
        {fields.source !== 'manual' && (
          <TextField
            label={fields.source === 'kolada' ? 'Kolada-id (KPI)' : 'System och referens'}
            hint={fields.source === 'kolada' ? 'Till exempel N00945. Kön, kommun, år och plats i länet väljs och värdena hämtas under Administration › Kolada.' : 'Till exempel Personalsystemet.'}
            {...bind('sourceRef', result)}
          />
        )}
        <SelectField label="Ansvarig enhet" {...bind('responsibleUnitId', result)}>
          <option value="">Välj enhet</option>
          {options.units.map((u) => (
            <option key={u.id} value={u.id}>
              {'\u00a0\u00a0'.repeat(u.depth)}
              {u.label}
              {u.archived ? ' (arkiverad)' : ''}
            </option>
          ))}
        </SelectField>
        <SelectField
          label="Fortsätter mått från tidigare plan"
          hint="Förra årets värde för trenden hämtas därifrån."
          {...bind('continuesId', result)}
        >
          <option value="">Inget (nytt mått)</option>
          {options.earlierIndicators.map((i) => (
            <option key={i.id} value={i.id}>
              {i.label}
            </option>
          ))}
        </SelectField>
      </div>

      <SubmitRow pending={pending} label={indicator ? 'Spara ändringarna' : 'Skapa måttet'} result={result} />
    </form>
  );
}
