// Text the app refuses to store: control characters other than tab, line feed and
// carriage return (U+0000 in particular, which Postgres refuses in text, so a save with it
// failed "for ever"), and lone UTF-16 surrogates (not text at all). One check for every
// action's input (server/action.ts runAction), before the schema runs; and a zod
// refinement for a schema that wants the same rule on a field of its own. Pure code.
import { z } from './zod';

export const UNSAFE_TEXT_MESSAGE = 'Texten innehåller otillåtna tecken.';

// C0 controls except \t \n \r, DEL, the C1 controls, and surrogates without their pair.
const UNSAFE = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** True when the text holds a character the app refuses to store. */
export function hasUnsafeText(text: string): boolean {
  return UNSAFE.test(text);
}

/** True when any string in the value (nested in arrays and objects, to a bounded depth) is unsafe. */
function containsUnsafe(value: unknown, depth: number): boolean {
  if (typeof value === 'string') return hasUnsafeText(value);
  if (depth <= 0 || value === null || typeof value !== 'object') return false;
  if (Array.isArray(value)) return value.some((item) => containsUnsafe(item, depth - 1));
  if (value instanceof Blob) return false;
  return Object.entries(value).some(([key, item]) => hasUnsafeText(key) || containsUnsafe(item, depth - 1));
}

/**
 * The fields of an action's input (an object of fields) that hold unsafe text, each with a
 * Swedish field error; null when there are none (or the input is no object of fields).
 */
export function unsafeTextFields(raw: unknown): Record<string, string[]> | null {
  if (typeof raw === 'string') return hasUnsafeText(raw) ? { '': [UNSAFE_TEXT_MESSAGE] } : null;
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) return null;
  const errors: Record<string, string[]> = {};
  for (const [key, value] of Object.entries(raw)) {
    if (hasUnsafeText(key) || containsUnsafe(value, 8)) errors[hasUnsafeText(key) ? '' : key] = [UNSAFE_TEXT_MESSAGE];
  }
  return Object.keys(errors).length > 0 ? errors : null;
}

/** A text schema that refuses what hasUnsafeText finds (for a field parsed outside runAction). */
export const safeText = (schema: z.ZodString = z.string()) =>
  schema.refine((text) => !hasUnsafeText(text), UNSAFE_TEXT_MESSAGE);
