'use client';
import { useActionState } from 'react';
import { login, type LoginState } from './actions';

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
      <div>
        <label htmlFor="email" className="block text-sm font-medium">
          E-postadress
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          key={`email-${state.email}`}
          aria-invalid={emailError ? true : undefined}
          aria-describedby={emailError ? 'email-error' : state.error ? 'login-error' : undefined}
          className="mt-1 block w-full rounded border border-slate-400 px-3 py-2 focus:border-blue-700 focus:outline-2 focus:outline-blue-700"
        />
        <p id="email-error" aria-live="polite" className="mt-1 text-sm text-red-800 empty:hidden">
          {emailError}
        </p>
      </div>
      <div>
        <label htmlFor="password" className="block text-sm font-medium">
          Lösenord
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={passwordError ? true : undefined}
          aria-describedby={passwordError ? 'password-error' : undefined}
          className="mt-1 block w-full rounded border border-slate-400 px-3 py-2 focus:border-blue-700 focus:outline-2 focus:outline-blue-700"
        />
        <p id="password-error" aria-live="polite" className="mt-1 text-sm text-red-800 empty:hidden">
          {passwordError}
        </p>
      </div>
      <button
        type="submit"
        disabled={pending}
        aria-disabled={pending}
        className="w-full rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70"
      >
        {pending ? 'Loggar in …' : 'Logga in'}
      </button>
    </form>
  );
}
