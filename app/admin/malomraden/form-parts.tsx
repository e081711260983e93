'use client';
// Pieces the structure forms share (målområden, KF-mål, nämndmål, mått): a labelled
// field with its hint and announced error, and the archive / restore / delete buttons
// (delete after a confirmation, and only for items without history).
import { useActionState, useState, type ReactNode } from 'react';
import type { ActionResult } from '@/lib/action';
import { FieldError, fieldProps } from '@/components/form-field';
import { SaveMessage } from '@/components/conflict-notice';

export type FormAction = (previous: ActionResult | null, formData: FormData) => Promise<ActionResult>;

export const inputClass = 'mt-1 w-full rounded border border-slate-400 px-3 py-2';
export const buttonClass =
  'rounded border px-2.5 py-1 text-sm focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70';
export const primaryButtonClass =
  'rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70';

/** The first server-side error of a field. */
export function errorOf(result: ActionResult | null, name: string): string | undefined {
  return result?.status === 'error' ? result.fieldErrors?.[name]?.[0] : undefined;
}

/** Form state kept in React, so nothing typed is lost when a save fails. */
export function useFields<T extends Record<string, string>>(initial: T | (() => T)) {
  const [fields, setFields] = useState<T>(initial);
  const set = (name: keyof T) => (event: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [name]: event.target.value }));
  return { fields, setFields, set };
}

export function TextField({
  id,
  name,
  label,
  value,
  onChange,
  error,
  hint,
  multiline,
  rows = 3,
  className = '',
  inputMode,
}: {
  id: string;
  name: string;
  label: ReactNode;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  error?: string;
  hint?: ReactNode;
  multiline?: boolean;
  rows?: number;
  className?: string;
  inputMode?: 'decimal' | 'numeric' | 'text';
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  const props = { id, name, value, onChange, ...fieldProps(id, error, hintId) };
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      {multiline ? (
        <textarea rows={rows} className={inputClass} {...props} />
      ) : (
        <input autoComplete="off" inputMode={inputMode} className={inputClass} {...props} />
      )}
      <FieldError id={id} message={error} />
    </div>
  );
}

export function SelectField({
  id,
  name,
  label,
  value,
  onChange,
  error,
  hint,
  className = '',
  children,
}: {
  id: string;
  name: string;
  label: ReactNode;
  value: string;
  onChange: (event: { target: { value: string } }) => void;
  error?: string;
  hint?: ReactNode;
  className?: string;
  children: ReactNode;
}) {
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className={className}>
      <label htmlFor={id} className="block font-medium">
        {label}
      </label>
      {hint && (
        <p id={hintId} className="text-sm text-slate-700">
          {hint}
        </p>
      )}
      <select id={id} name={name} value={value} onChange={onChange} className={inputClass} {...fieldProps(id, error, hintId)}>
        {children}
      </select>
      <FieldError id={id} message={error} />
    </div>
  );
}

/** The submit button with its pending label, and the result of the last save. */
export function SubmitRow({ pending, label, result }: { pending: boolean; label: string; result: ActionResult | null }) {
  return (
    <div className="flex flex-wrap items-center gap-3">
      <button type="submit" disabled={pending} className={primaryButtonClass}>
        {pending ? 'Sparar …' : label}
      </button>
      <SaveMessage status={result?.status} message={result?.message} />
    </div>
  );
}

/**
 * Archive or restore an item; delete it (after a confirmation) when it has no history.
 * `name` completes the buttons' accessible names ("Arkivera Mål 1").
 */
export function ItemActions({
  id,
  name,
  archived,
  deletable,
  setArchived,
  remove,
  deleteHint,
}: {
  id: string;
  name: string;
  archived: boolean;
  deletable: boolean;
  setArchived: FormAction;
  remove: FormAction;
  /** Why an item that cannot be deleted is only archived. */
  deleteHint: string;
}) {
  const [archiveResult, archiveAction, archiving] = useActionState<ActionResult | null, FormData>(setArchived, null);
  const [deleteResult, deleteAction, deleting] = useActionState<ActionResult | null, FormData>(remove, null);
  const [confirming, setConfirming] = useState(false);
  const result = deleteResult ?? archiveResult;
  return (
    <div className="flex flex-wrap items-center gap-2">
      <form action={archiveAction}>
        <input type="hidden" name="id" value={id} />
        <input type="hidden" name="archived" value={archived ? 'false' : 'true'} />
        <button type="submit" disabled={archiving} className={`${buttonClass} border-slate-400 bg-white hover:bg-slate-100`}>
          {archiving ? (archived ? 'Återställer …' : 'Arkiverar …') : <>{archived ? 'Återställ' : 'Arkivera'}<span className="sr-only"> {name}</span></>}
        </button>
      </form>
      {deletable ? (
        confirming ? (
          <form action={deleteAction} className="flex flex-wrap items-center gap-2" onSubmit={() => setConfirming(false)}>
            <input type="hidden" name="id" value={id} />
            <span className="text-sm">Ta bort {name} för gott?</span>
            <button type="submit" disabled={deleting} className={`${buttonClass} border-red-700 bg-red-700 text-white hover:bg-red-800`}>
              Ja, ta bort
            </button>
            <button type="button" onClick={() => setConfirming(false)} className={`${buttonClass} border-slate-400 bg-white hover:bg-slate-100`}>
              Avbryt
            </button>
          </form>
        ) : (
          <button
            type="button"
            disabled={deleting}
            onClick={() => setConfirming(true)}
            className={`${buttonClass} border-slate-400 bg-white hover:bg-slate-100`}
          >
            {deleting ? 'Tar bort …' : <>Ta bort<span className="sr-only"> {name}</span></>}
          </button>
        )
      ) : (
        <span className="text-xs text-slate-600">{deleteHint}</span>
      )}
      <p
        aria-live="polite"
        className={`w-full text-sm empty:hidden ${result?.status === 'error' ? 'text-red-800' : 'text-green-800'}`}
      >
        {result?.message ?? ''}
      </p>
    </div>
  );
}
