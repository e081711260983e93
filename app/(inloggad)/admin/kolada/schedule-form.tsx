'use client';
// The daily scheduled fetch: on or off, and the time of day.
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import type { KoladaScheduleDTO } from '@/db/kolada-schedule';
import { Checkbox, TextField, SubmitRow, fieldError } from '@/components/form-field';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { saveKoladaSchedule } from './actions';

/** `defaultTime`: the time offered before any schedule is saved (from lib/kolada-schedule, whose zod stays on the server). */
export function KoladaScheduleForm({ schedule, defaultTime }: { schedule: KoladaScheduleDTO | null; defaultTime: string }) {
  const [result, action, pending] = useActionState<ActionResult<{ id: string }> | null, FormData>(saveKoladaSchedule, null);
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="mt-3 grid gap-4 sm:grid-cols-3">
      <input type="hidden" name="basedOn" value={schedule?.id ?? ''} />
      <div className="sm:col-span-3">
        <Checkbox key={`enabled-${schedule?.id ?? 'none'}`} name="enabled" label="Hämta från Kolada varje dag" defaultChecked={schedule?.enabled ?? false} />
      </div>
      <TextField
        key={`time-${schedule?.id ?? 'none'}`}
        id="kolada-schedule-time"
        name="timeOfDay"
        label="Klockslag"
        hint="Svensk tid, tt:mm. Kolada uppdateras sällan oftare än en gång per dygn."
        inputMode="numeric"
        defaultValue={schedule?.timeOfDay ?? defaultTime}
        error={fieldError(result, 'timeOfDay')}
      />
      <div className="sm:col-span-3">
        <SubmitRow pending={pending} label="Spara schemat" result={result} size="small" />
      </div>
    </form>
  );
}
