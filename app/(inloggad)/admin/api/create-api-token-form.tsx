'use client';
import { useActionState } from 'react';
import type { ActionResult } from '@/lib/action';
import { SelectField, SubmitRow, TextField } from '@/components/form-field';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { useFields } from '@/components/use-fields';
import { createApiTokenForm } from './actions';

type Result = ActionResult<{ secret: string }>;

/** A new API token: name, read or write, the unit it writes for, its last day. The secret is shown once. */
export function CreateApiTokenForm({ units, defaultExpiry }: { units: { id: string; name: string; depth: number }[]; defaultExpiry: string }) {
  const empty = { name: '', scope: 'read', unitId: '', expiresOn: defaultExpiry };
  const { fields, setFields, bind } = useFields(empty);
  const [result, action, pending] = useActionState<Result | null, FormData>(async (previous, formData) => {
    const next = await createApiTokenForm(previous, formData);
    if (next.status === 'ok') setFields(empty);
    return next;
  }, null);
  const secret = result?.status === 'ok' ? result.data?.secret : undefined;

  return (
    <div className="space-y-4">
      <form action={action} onSubmit={submitWithoutReset(action)} noValidate className="space-y-4">
        <TextField label="Namn" hint="Vilket system nyckeln är till, till exempel Personalsystemet." {...bind('name', result)} />
        <div className="flex flex-wrap gap-4">
          <SelectField label="Behörighet" hint="En nyckel som skriver sparar utfall och återrapporteringar." fullWidth={false} {...bind('scope', result)}>
            <option value="read">Bara läsa</option>
            <option value="write">Läsa och skriva</option>
          </SelectField>
          <SelectField
            label="Enhet som nyckeln skriver för"
            hint="Gäller även enheterna under den. Krävs för en nyckel som skriver."
            fullWidth={false}
            {...bind('unitId', result)}
          >
            <option value="">{fields.scope === 'write' ? 'Välj enhet …' : 'Ingen (nyckeln läser bara)'}</option>
            {units.map((u) => (
              <option key={u.id} value={u.id}>
                {`${'\u00a0\u00a0'.repeat(u.depth)}${u.name}`}
              </option>
            ))}
          </SelectField>
          <TextField type="date" label="Giltig till och med" fullWidth={false} {...bind('expiresOn', result)} />
        </div>
        <SubmitRow pending={pending} pendingLabel="Skapar …" label="Skapa nyckeln" result={result} />
      </form>
      {secret && (
        <div role="status" className="rounded-lg border-2 border-amber-600 bg-amber-50 p-4">
          <p className="font-semibold">Nyckeln visas bara nu</p>
          <p className="mt-1 text-sm text-slate-800">
            Kopiera den till systemet som ska använda den. Målbild sparar bara ett kontrollvärde och kan inte visa nyckeln igen.
          </p>
          <label htmlFor="new-api-token" className="mt-3 block text-sm font-semibold">
            API-nyckel
          </label>
          <input
            id="new-api-token"
            readOnly
            value={secret}
            onFocus={(e) => e.currentTarget.select()}
            className="mt-1 w-full rounded border border-slate-400 bg-white px-2 py-1 font-mono text-sm"
          />
        </div>
      )}
    </div>
  );
}
