'use client';
// A form's fields kept in React state, so nothing typed is lost when a save fails (and a
// controlled <select> keeps what it shows: see submit-without-reset.ts).
import { useId, useState } from 'react';
import { fieldError } from './form-field';
import { useUnsavedChanges, type UnsavedOptions } from './unsaved-changes';

type StringKeys<T> = { [K in keyof T]: T[K] extends string ? K : never }[keyof T] & string;
type Result = Parameters<typeof fieldError>[0];

/**
 * `unsaved`: warn before leaving with unsaved changes and keep a draft of long texts in the
 * browser until saved (unsaved-changes.tsx); `unsaved.result` is the form's last save result.
 */
export function useFields<T extends Record<string, unknown>>(initial: T | (() => T), unsaved?: UnsavedOptions<T>) {
  const [fields, setFields] = useState<T>(initial);
  const { dirty, draftOffer } = useUnsavedChanges(fields, setFields, unsaved);
  const prefix = useId();
  /** The change handler of one field: `onChange={set('name')}`. */
  const set = (name: StringKeys<T>) => (event: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: event.target.value }));
  /**
   * What a TextField, TextAreaField or SelectField needs of a field: its id, name, value,
   * change handler and, from the last save's result, its error: `<TextField label="Kod" {...bind('code', result)} />`.
   */
  const bind = (name: StringKeys<T>, result?: Result) => ({
    id: `${prefix}-${name}`,
    name,
    value: fields[name] as string,
    onChange: set(name),
    error: fieldError(result, name),
  });
  return { fields, setFields, set, bind, dirty, draftOffer };
}
