// Accessible field errors: the message is linked to its field (aria-describedby), the
// field is marked invalid, and the message sits in a live region so it is announced.

/** Props for an input: aria-invalid and aria-describedby pointing at its hint and error. */
export function fieldProps(fieldId: string, error: string | undefined, hintId?: string) {
  const describedBy = [hintId, `${fieldId}-error`].filter(Boolean).join(' ');
  return { 'aria-invalid': error ? true : undefined, 'aria-describedby': describedBy };
}

export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return (
    <p id={`${id}-error`} aria-live="polite" className="mt-1 text-sm font-medium text-red-800 empty:hidden">
      {message ?? ''}
    </p>
  );
}
