'use client';
// An indicator's link to a Kolada KPI: the KPI, the gender, the kommun, which year a
// period reads and what the outcome is made of (the value, the place in the län, or the
// place as a share of the län's kommuner).
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import type { KoladaLink } from '@/lib/kolada-link';
import { GENDER_LABELS, KOLADA_GENDERS, KOLADA_MEASURES, MEASURE_LABELS, ORDER_LABELS, RANK_ORDERS } from '@/lib/kolada-link';
import { SelectField, SubmitRow, TextField, fieldError } from '@/components/form-field';
import { SaveMessage } from '@/components/conflict-notice';
import { removeKoladaLink, saveKoladaLink } from './actions';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { useKpiChoice } from './kpi-choice';

const OFFSETS = [0, -1, -2];

export function KoladaLinkForm({ indicatorId, link, defaultMunicipality }: { indicatorId: string; link: KoladaLink | null; defaultMunicipality: string | null }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(saveKoladaLink, null);
  const [removed, remove, removing] = useActionState<ActionResult | null, FormData>(removeKoladaLink, null);
  const id = (name: string) => `kolada-${name}-${indicatorId}`;
  const chosen = useKpiChoice()?.chosen ?? null;
  return (
    <div className="mt-3 space-y-3">
      {/* Keyed by the saved link: after a save the fields show what was saved. */}
      <form key={JSON.stringify(link)} action={action} onSubmit={submitWithoutReset(action)} className="grid gap-3 sm:grid-cols-2 lg:grid-cols-3">
        <input type="hidden" name="indicatorId" value={indicatorId} />
        <div>
          <TextField id={id('kpi')} name="kpiId" label="Nyckeltal (KPI-id)" hint="T.ex. N00090." defaultValue={link?.kpiId ?? ''} error={fieldError(result, 'kpiId')} />
          {chosen && (
            <button
              type="button"
              onClick={() => {
                const input = document.getElementById(id('kpi')) as HTMLInputElement | null;
                if (input) {
                  input.value = chosen.id;
                  input.focus();
                }
              }}
              className="mt-1 rounded border border-slate-400 bg-white px-2.5 py-1 text-sm hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
            >
              Fyll i {chosen.id} ({chosen.title})
            </button>
          )}
        </div>
        <SelectField id={id('gender')} name="gender" label="Kön" defaultValue={link?.gender ?? 'T'} error={fieldError(result, 'gender')}>
          {KOLADA_GENDERS.map((g) => (
            <option key={g} value={g}>{GENDER_LABELS[g]}</option>
          ))}
        </SelectField>
        <TextField
          id={id('municipality')}
          name="municipalityCode"
          label="Kommun (kod)"
          hint={defaultMunicipality ? `Tomt: kommunens egen (${defaultMunicipality}).` : 'Ange kommunens kod under Inställningar, eller här.'}
          inputMode="numeric"
          defaultValue={link?.municipalityCode ?? ''}
          error={fieldError(result, 'municipalityCode')}
        />
        <SelectField id={id('year')} name="yearOffset" label="Vilket år i Kolada" defaultValue={String(link?.yearOffset ?? 0)} error={fieldError(result, 'yearOffset')}>
          {OFFSETS.map((o) => (
            <option key={o} value={o}>{o === 0 ? 'Periodens år' : o === -1 ? 'Året före periodens' : `${-o} år före periodens`}</option>
          ))}
        </SelectField>
        <SelectField id={id('measure')} name="measure" label="Utfallet är" defaultValue={link?.measure ?? 'value'} error={fieldError(result, 'measure')}>
          {KOLADA_MEASURES.map((m) => (
            <option key={m} value={m}>{MEASURE_LABELS[m]}</option>
          ))}
        </SelectField>
        <SelectField id={id('order')} name="order" label="Plats 1 i länet" defaultValue={link?.order ?? 'lowest_first'} error={fieldError(result, 'order')}>
          {RANK_ORDERS.map((o) => (
            <option key={o} value={o}>{ORDER_LABELS[o]}</option>
          ))}
        </SelectField>
        <div className="sm:col-span-2 lg:col-span-3">
          <SubmitRow pending={pending} label={link ? 'Spara kopplingen' : 'Koppla till Kolada'} result={result} size="small" />
        </div>
      </form>
      {link && (
        <form action={remove} className="flex flex-wrap items-center gap-3">
          <input type="hidden" name="indicatorId" value={indicatorId} />
          <button type="submit" disabled={removing} className="rounded border border-slate-400 bg-white px-3 py-1.5 text-sm hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700">
            {removing ? 'Tar bort …' : 'Ta bort kopplingen'}
          </button>
          <SaveMessage status={removed?.status} message={removed?.message} />
        </form>
      )}
    </div>
  );
}
