'use client';
// The account forms: a new user (details, first password, roles), a user's details, and a
// new password. Everything typed stays in state, so nothing is lost on an error.
import { useActionState, useId, useState, type ChangeEvent } from 'react';
import type { ActionResult } from '@/lib/action';
import { CheckboxList, FieldGroup, fieldError, SubmitRow, TextField, toggled } from '@/components/form-field';
import { submitWithoutReset } from '@/components/submit-without-reset';
import type { UnitChoice } from '@/components/grant-choice-fields';
import { createUserForm, setUserPasswordForm, updateUserForm } from './actions';

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
  const field = (name: keyof Details) => ({
    id: `${id}-${name}`,
    name,
    value: values[name],
    onChange: set(name),
    error: fieldError(result, name),
    labelStyle: 'small' as const,
  });
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField label="Namn" {...field('name')} />
      <TextField label="Titel (valfri)" hint="Till exempel HR-chef." {...field('title')} />
      <TextField label="E-post" hint="Inloggningen; unik i kommunen." type="email" spellCheck={false} {...field('email')} />
    </div>
  );
}

type Passwords = { password: string; passwordRepeat: string };

function PasswordFields({
  id,
  values,
  set,
  result,
  minLength,
}: {
  id: string;
  values: Passwords;
  set: (field: keyof Passwords) => (e: ChangeEvent<HTMLInputElement>) => void;
  result: ActionResult | null;
  minLength: number;
}) {
  const field = (name: keyof Passwords) => ({
    id: `${id}-${name}`,
    name,
    type: 'password',
    autoComplete: 'new-password',
    spellCheck: false,
    value: values[name],
    onChange: set(name),
    error: fieldError(result, name),
    labelStyle: 'small' as const,
  });
  return (
    <div className="grid gap-4 sm:grid-cols-2">
      <TextField label="Lösenord" hint={`Minst ${minLength} tecken.`} {...field('password')} />
      <TextField label="Upprepa lösenordet" {...field('passwordRepeat')} />
    </div>
  );
}

const ORGANIZATION_ROLES = [
  { value: 'admin', label: 'Systemförvaltare', text: 'struktur, användare, planer och perioder; rapporterar för alla enheter' },
  { value: 'director', label: 'Kommundirektör', text: 'läser allt, skickar tillbaka och attesterar' },
  { value: 'viewer', label: 'Läsare', text: 'läser allt' },
] as const;

export function UserCreateForm({ units, minPasswordLength }: { units: UnitChoice[]; minPasswordLength: number }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(createUserForm, null);
  const [values, setValues] = useState({ name: '', email: '', title: '', password: '', passwordRepeat: '' });
  const [roles, setRoles] = useState<string[]>([]);
  const [unitIds, setUnitIds] = useState<string[]>([]);
  const id = useId();
  const set = (field: keyof typeof values) => (e: ChangeEvent<HTMLInputElement>) =>
    setValues((v) => ({ ...v, [field]: e.target.value }));

  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="space-y-6" noValidate>
      <DetailFields id={id} values={values} set={set} result={result} />
      <PasswordFields id={id} values={values} set={set} result={result} minLength={minPasswordLength} />
      <input type="hidden" name="roles" value={roles.join(',')} />
      <input type="hidden" name="editorUnitIds" value={unitIds.join(',')} />
      <FieldGroup id={`${id}-roles`} legend="Roller" labelStyle="small" error={fieldError(result, 'roles')}>
        <CheckboxList
          multiline
          choices={ORGANIZATION_ROLES.map((r) => ({
            id: r.value,
            label: (
              <>
                {r.label} <span className="text-sm text-slate-600">– {r.text}</span>
              </>
            ),
          }))}
          selected={roles}
          onToggle={(role, checked) => setRoles((list) => toggled(list, role, checked))}
        />
      </FieldGroup>
      <FieldGroup
        id={`${id}-units`}
        legend="Rapportör för enheter"
        hint="En enhet omfattar också enheterna under den."
        labelStyle="small"
        error={fieldError(result, 'editorUnitIds')}
      >
        <CheckboxList
          choices={units.map((u) => ({ id: u.id, label: u.name, depth: u.depth }))}
          selected={unitIds}
          onToggle={(unitId, checked) => setUnitIds((list) => toggled(list, unitId, checked))}
        />
      </FieldGroup>
      <SubmitRow pending={pending} label="Skapa användare" result={result} size="small" />
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
      <SubmitRow pending={pending} label="Spara uppgifter" result={result} size="small" />
    </form>
  );
}

export function PasswordForm({ userId, minPasswordLength }: { userId: string; minPasswordLength: number }) {
  const [result, action, pending] = useActionState<ActionResult | null, FormData>(setUserPasswordForm, null);
  const [values, setValues] = useState<Passwords>({ password: '', passwordRepeat: '' });
  const id = useId();
  const set = (field: keyof Passwords) => (e: ChangeEvent<HTMLInputElement>) => setValues((v) => ({ ...v, [field]: e.target.value }));
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
      <SubmitRow pending={pending} label="Spara nytt lösenord" result={result} size="small" />
    </form>
  );
}
