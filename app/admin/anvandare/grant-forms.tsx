'use client';
// Add a role grant to a user, or remove one (after a confirmation).
import { useActionState, useId, useState } from 'react';
import type { ActionResult } from '@/lib/action';
import { FieldError, fieldProps } from '@/components/form-field';
import { SaveMessage } from '@/components/conflict-notice';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { addGrantForm, removeGrantForm } from './actions';
import type { UnitChoice } from './user-forms';

const ROLE_CHOICES = [
  { value: 'editor', label: 'Rapportör för en enhet' },
  { value: 'viewer', label: 'Läsare' },
  { value: 'director', label: 'Kommundirektör' },
  { value: 'admin', label: 'Systemförvaltare' },
] as const;

const selectClass = 'mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2';
const button =
  'rounded border px-2.5 py-1 text-sm focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70';

export function AddGrantForm({ userId, units }: { userId: string; units: UnitChoice[] }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(addGrantForm, null);
  const [role, setRole] = useState<string>('editor');
  const [unitId, setUnitId] = useState('');
  const id = useId();
  const error = (field: string) => (result?.status === 'error' ? result.fieldErrors?.[field]?.[0] : undefined);
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-3" noValidate>
      <input type="hidden" name="userId" value={userId} />
      <div className="grid gap-4 sm:grid-cols-2">
        <div>
          <label htmlFor={`${id}-role`} className="block text-sm font-medium">
            Roll
          </label>
          <select
            id={`${id}-role`}
            name="role"
            value={role}
            onChange={(e) => setRole(e.target.value)}
            className={selectClass}
            {...fieldProps(`${id}-role`, error('role'))}
          >
            {ROLE_CHOICES.map((r) => (
              <option key={r.value} value={r.value}>
                {r.label}
              </option>
            ))}
          </select>
          <FieldError id={`${id}-role`} message={error('role')} />
        </div>
        {role === 'editor' && (
          <div>
            <label htmlFor={`${id}-unit`} className="block text-sm font-medium">
              Enhet
            </label>
            <select
              id={`${id}-unit`}
              name="unitId"
              value={unitId}
              onChange={(e) => setUnitId(e.target.value)}
              className={selectClass}
              {...fieldProps(`${id}-unit`, error('unitId'))}
            >
              <option value="">Välj …</option>
              {units.map((u) => (
                <option key={u.id} value={u.id}>
                  {'\u00a0\u00a0\u00a0'.repeat(u.depth)}
                  {u.name}
                </option>
              ))}
            </select>
            <FieldError id={`${id}-unit`} message={error('unitId')} />
          </div>
        )}
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <button
          type="submit"
          disabled={pending}
          className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70"
        >
          {pending ? 'Sparar …' : 'Lägg till behörighet'}
        </button>
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </form>
  );
}

export interface GrantItem {
  id: string;
  label: string;
  /** Null: removable; else why not ("Din egen behörighet"). */
  locked: string | null;
}

/** The user's grants; each can be removed after a confirmation. One message line for the list, so it survives the removed row. */
export function GrantList({ userId, grants }: { userId: string; grants: GrantItem[] }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(removeGrantForm, null);
  const [confirming, setConfirming] = useState<string | null>(null);
  return (
    <div>
      {grants.length === 0 ? (
        <p className="text-sm">Användaren har ingen behörighet och kan inte se något.</p>
      ) : (
        <ul className="divide-y divide-slate-100">
          {grants.map((g) => (
            <li key={g.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>{g.label}</span>
              {g.locked ? (
                <span className="text-sm text-slate-600">{g.locked}</span>
              ) : confirming === g.id ? (
                <form
                  action={action}
                  onSubmit={(e) => {
                    setConfirming(null);
                    submitWithoutReset(action)(e);
                  }}
                  className="flex flex-wrap items-center gap-2"
                >
                  <input type="hidden" name="userId" value={userId} />
                  <input type="hidden" name="grantId" value={g.id} />
                  <span className="text-sm">Ta bort {g.label}?</span>
                  <button type="submit" disabled={pending} className={`${button} border-red-700 bg-red-700 text-white hover:bg-red-800`}>
                    Ja, ta bort
                  </button>
                  <button type="button" onClick={() => setConfirming(null)} className={`${button} border-slate-400 hover:bg-slate-100`}>
                    Avbryt
                  </button>
                </form>
              ) : (
                <button
                  type="button"
                  disabled={pending}
                  onClick={() => setConfirming(g.id)}
                  className={`${button} border-slate-400 hover:bg-slate-100`}
                >
                  Ta bort<span className="sr-only"> {g.label}</span>
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
      <div className="mt-2">
        {pending && <p className="text-sm">Tar bort …</p>}
        <SaveMessage status={pending ? undefined : result?.status} message={pending ? '' : result?.message} />
      </div>
    </div>
  );
}
