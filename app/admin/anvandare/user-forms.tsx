'use client';
// The account forms: a new user (details, first password, roles), a user's details, and a
// new password. Everything typed stays in state, so nothing is lost on an error.
import { useActionState, useId, useState, type ChangeEvent } from 'react';
import type { ActionResult } from '@/lib/action';
import { FieldError, fieldProps } from '@/components/form-field';
import { SaveMessage } from '@/components/conflict-notice';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { createUserForm, setUserPasswordForm, updateUserForm } from './actions';

export interface UnitChoice {
  id: string;
  name: string;
  depth: number;
}

const inputClass = 'mt-1 w-full rounded border border-slate-400 bg-white px-3 py-2';
const submitClass =
  'rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70';

const fieldError = (result: ActionResult | null, field: string) =>
  result?.status === 'error' ? result.fieldErrors?.[field]?.[0] : undefined;

function TextField({
  id,
  name,
  label,
  hint,
  value,
  onChange,
  error,
  type = 'text',
  autoComplete = 'off',
}: {
  id: string;
  name: string;
  label: string;
  hint?: string;
  value: string;
  onChange: (e: ChangeEvent<HTMLInputElement>) => void;
  error: string | undefined;
  type?: 'text' | 'email' | 'password';
  autoComplete?: string;
}) {
  const fieldId = `${id}-${name}`;
  return (
    <div>
      <label htmlFor={fieldId} className="block text-sm font-medium">
        {label}
      </label>
      {hint && (
        <p id={`${fieldId}-hint`} className="text-xs text-slate-600">
          {hint}
        </p>
      )}
      <input
        id={fieldId}
        name={name}
        type={type}
        value={value}
        onChange={onChange}
        autoComplete={autoComplete}
        spellCheck={type === 'text' ? undefined : false}
        className={inputClass}
        {...fieldProps(fieldId, error, hint ? `${fieldId}-hint` : undefined)}
      />
      <FieldError id={fieldId} message={error} />
    </div>
  );
}

interface Details {
  name: string;
  email: string;
  title: string;
}

function DetailFields({
  id,
  values,
  set,
  result,
}: {
  id: string;
  values: Details;
  set: (field: keyof Details) => (e: ChangeEvent<HTMLInputElement>) => void;
  result: ActionResult | null;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField id={id} name="name" label="Namn" value={values.name} onChange={set('name')} error={fieldError(result, 'name')} />
      <TextField
        id={id}
        name="title"
        label="Titel (valfri)"
        hint="Till exempel HR-chef."
        value={values.title}
        onChange={set('title')}
        error={fieldError(result, 'title')}
      />
      <TextField
        id={id}
        name="email"
        label="E-post"
        hint="Inloggningen; unik i kommunen."
        type="email"
        value={values.email}
        onChange={set('email')}
        error={fieldError(result, 'email')}
      />
    </div>
  );
}

function PasswordFields({
  id,
  values,
  set,
  result,
  minLength,
}: {
  id: string;
  values: { password: string; passwordRepeat: string };
  set: (field: 'password' | 'passwordRepeat') => (e: ChangeEvent<HTMLInputElement>) => void;
  result: ActionResult | null;
  minLength: number;
}) {
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField
        id={id}
        name="password"
        label="Lösenord"
        hint={`Minst ${minLength} tecken.`}
        type="password"
        autoComplete="new-password"
        value={values.password}
        onChange={set('password')}
        error={fieldError(result, 'password')}
      />
      <TextField
        id={id}
        name="passwordRepeat"
        label="Upprepa lösenordet"
        type="password"
        autoComplete="new-password"
        value={values.passwordRepeat}
        onChange={set('passwordRepeat')}
        error={fieldError(result, 'passwordRepeat')}
      />
    </div>
  );
}

const ORGANIZATION_ROLES = [
  { value: 'admin', label: 'Systemförvaltare', text: 'struktur, användare, planer och perioder; rapporterar för alla enheter' },
  { value: 'director', label: 'Kommundirektör', text: 'läser allt, skickar tillbaka och attesterar' },
  { value: 'viewer', label: 'Läsare', text: 'läser allt' },
] as const;

function toggle(list: string[], value: string, on: boolean): string[] {
  return on ? [...list.filter((v) => v !== value), value] : list.filter((v) => v !== value);
}

export function UserCreateForm({ units, minPasswordLength }: { units: UnitChoice[]; minPasswordLength: number }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(createUserForm, null);
  const [values, setValues] = useState({ name: '', email: '', title: '', password: '', passwordRepeat: '' });
  const [roles, setRoles] = useState<string[]>([]);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const id = useId();
  const set = (field: keyof typeof values) => (e: ChangeEvent<HTMLInputElement>) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));
  const rolesError = fieldError(result, 'roles');
  const unitsError = fieldError(result, 'editorUnitIds');

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-6" noValidate>
      <DetailFields id={id} values={values} set={set} result={result} />
      <PasswordFields id={id} values={values} set={set} result={result} minLength={minPasswordLength} />
      <input type="hidden" name="roles" value={roles.join(',')} />
      <input type="hidden" name="editorUnitIds" value={unitIds.join(',')} />
      <fieldset aria-describedby={`${id}-roles-error`}>
        <legend className="text-sm font-medium">Roller</legend>
        <ul className="mt-1 space-y-1">
          {ORGANIZATION_ROLES.map((r) => (
            <li key={r.value}>
              <label className="inline-flex items-start gap-2">
                <input
                  type="checkbox"
                  className="mt-1"
                  checked={roles.includes(r.value)}
                  onChange={(e) => setRoles((list) => toggle(list, r.value, e.target.checked))}
                />
                <span>
                  {r.label} <span className="text-sm text-slate-600">– {r.text}</span>
                </span>
              </label>
            </li>
          ))}
        </ul>
        <FieldError id={`${id}-roles`} message={rolesError} />
      </fieldset>
      <fieldset aria-describedby={`${id}-units-hint ${id}-units-error`}>
        <legend className="text-sm font-medium">Rapportör för enheter</legend>
        <p id={`${id}-units-hint`} className="text-xs text-slate-600">
          En enhet omfattar också enheterna under den.
        </p>
        <ul className="mt-1 space-y-1">
          {units.map((u) => (
            <li key={u.id} style={{ paddingLeft: `${u.depth * 1.25}rem` }}>
              <label className="inline-flex items-center gap-2">
                <input
                  type="checkbox"
                  checked={unitIds.includes(u.id)}
                  onChange={(e) => setUnitIds((list) => toggle(list, u.id, e.target.checked))}
                />
                {u.name}
              </label>
            </li>
          ))}
        </ul>
        <FieldError id={`${id}-units`} message={unitsError} />
      </fieldset>
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={submitClass}>
          {pending ? 'Sparar …' : 'Skapa användare'}
        </button>
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </form>
  );
}

export function UserDetailsForm({ userId, initial }: { userId: string; initial: Details }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(updateUserForm, null);
  const [values, setValues] = useState(initial);
  const id = useId();
  const set = (field: keyof Details) => (e: ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [field]: e.target.value }));
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4" noValidate>
      <input type="hidden" name="userId" value={userId} />
      <DetailFields id={id} values={values} set={set} result={result} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={submitClass}>
          {pending ? 'Sparar …' : 'Spara uppgifter'}
        </button>
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </form>
  );
}

export function PasswordForm({ userId, minPasswordLength }: { userId: string; minPasswordLength: number }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(setUserPasswordForm, null);
  const [values, setValues] = useState({ password: '', passwordRepeat: '' });
  const id = useId();
  const set = (field: 'password' | 'passwordRepeat') => (e: ChangeEvent<HTMLInputElement>) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));
  // A saved password does not stay in the form.
  const [handled, setHandled] = useState(result);
  if (result !== handled) {
    setHandled(result);
    if (result?.status === 'ok') setValues({ password: '', passwordRepeat: '' });
  }
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-4" noValidate>
      <input type="hidden" name="userId" value={userId} />
      <PasswordFields id={id} values={values} set={set} result={result} minLength={minPasswordLength} />
      <div className="flex flex-wrap items-center gap-3">
        <button type="submit" disabled={pending} className={submitClass}>
          {pending ? 'Sparar …' : 'Spara nytt lösenord'}
        </button>
        <SaveMessage status={result?.status} message={result?.message} />
      </div>
    </form>
  );
}
