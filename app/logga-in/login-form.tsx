'use client';
import { useActionState } from 'react';
import { TextField } from '@/components/form-field';
import { login, type LoginState } from './actions';
import { SubmitButton } from '@/components/submit-button';

export function LoginForm({ returnTo }: { returnTo: string }) {
  const [state, action, pending] = useActionState<LoginState, FormData>(login, { email: '' });
  const emailError = state.fieldErrors?.email?.[0];
  const passwordError = state.fieldErrors?.password?.[0];
  return (
    <form action={action} className="mt-5 space-y-4" noValidate>
      <input type="hidden" name="till" value={returnTo} />
      {state.error && (
        <p id="login-error" role="alert" className="rounded border border-red-300 bg-red-50 px-3 py-2 text-sm text-red-900">
          {state.error}
        </p>
      )}
      <TextField
        id="email"
        name="email"
        type="email"
        label="E-postadress"
        labelStyle="small"
        autoComplete="username"
        required
        defaultValue={state.email}
        key={`email-${state.email}`}
        error={emailError}
        aria-describedby={state.error && !emailError ? 'login-error' : undefined}
      />
      <TextField
        id="password"
        name="password"
        type="password"
        label="Lösenord"
        labelStyle="small"
        autoComplete="current-password"
        required
        error={passwordError}
      />
      <SubmitButton
        pending={pending}
        className="w-full rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70 aria-disabled:opacity-70"
      >
        {pending ? 'Loggar in …' : 'Logga in'}
      </SubmitButton>
    </form>
  );
}
