'use client';
// A form's fields kept in React state, so nothing typed is lost when a save fails (and a
// controlled <select> keeps what it shows: see submit-without-reset.ts).
import { useState } from 'react';

export function useFields<T extends Record<string, string>>(initial: T | (() => T)) {
  const [fields, setFields] = useState<T>(initial);
  /** The change handler of one field: `onChange={set('name')}`. */
  const set = (name: keyof T) => (event: { target: { value: string } }) => setFields((f) => ({ ...f, [name]: event.target.value }));
  return { fields, setFields, set };
}
