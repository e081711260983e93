'use client';
// The organization's kommun code in Kolada and its group of "liknande kommuner".
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import type { KoladaSettingsDTO } from '@/db/kolada';
import { TextField, SubmitRow, fieldError } from '@/components/form-field';
import { saveKoladaSettings } from './actions';
import { submitWithoutReset } from '@/components/submit-without-reset';

export function KoladaSettingsForm({ settings }: { settings: KoladaSettingsDTO | null }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(saveKoladaSettings, null);
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="mt-3 grid gap-4 sm:grid-cols-3">
      <TextField
        id="kolada-municipality"
        name="municipalityCode"
        label="Kommunens kod"
        hint="Fyra siffror, t.ex. 1882 för Askersund."
        inputMode="numeric"
        defaultValue={settings?.municipalityCode ?? ''}
        error={fieldError(result, 'municipalityCode')}
      />
      <TextField
        id="kolada-group-id"
        name="comparisonGroupId"
        label="Liknande kommuner: gruppens id"
        hint="Kommungruppens id i Kolada (sök nedan). Tomt: ingen jämförelse."
        defaultValue={settings?.comparisonGroupId ?? ''}
        error={fieldError(result, 'comparisonGroupId')}
      />
      <TextField
        id="kolada-group-title"
        name="comparisonGroupTitle"
        label="Liknande kommuner: gruppens namn"
        hint="Som det ska stå i diagrammen."
        defaultValue={settings?.comparisonGroupTitle ?? ''}
        error={fieldError(result, 'comparisonGroupTitle')}
      />
      <div className="sm:col-span-3">
        <SubmitRow pending={pending} label="Spara inställningarna" result={result} size="small" />
      </div>
    </form>
  );
}
