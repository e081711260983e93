// Server actions are thin and all alike: authenticate → parse (zod) → authorize → db/ →
// revalidate. An action is defined once with its schema and body (testable without
// Next.js) and run by runAction, which turns every outcome into a small result for the
// form: Swedish messages, field errors, and never a database detail or a stack trace.
import { z } from 'zod';
import type { Db } from '@/db/client';
import { ConflictError, NotFoundError, ValidationError } from '@/db/errors';
import type { CurrentUser } from './current-user';
import { ForbiddenError } from './policy';

export type ActionResult<T = undefined> =
  | { status: 'ok'; message: string; data?: T }
  | {
      status: 'error';
      code: 'unauthenticated' | 'invalid' | 'not_found' | 'conflict' | 'failed';
      message: string;
      fieldErrors?: Record<string, string[] | undefined>;
      newer?: unknown;
    };

export interface ActionDefinition<S extends z.ZodType, T> {
  name: string;
  schema: S;
  /** Must authorize (lib/policy) before it touches data. */
  run(context: { user: CurrentUser; db: Db }, input: z.output<S>): Promise<ActionResult<T>>;
}

export function defineAction<S extends z.ZodType, T = undefined>(definition: ActionDefinition<S, T>) {
  return definition;
}

export const NOT_FOUND_MESSAGE = 'Det du söker finns inte, eller så saknar du behörighet till det.';

export async function runAction<S extends z.ZodType, T>(
  definition: ActionDefinition<S, T>,
  user: CurrentUser | null,
  raw: unknown,
  db: Db,
): Promise<ActionResult<T>> {
  if (!user) return { status: 'error', code: 'unauthenticated', message: 'Du är inte inloggad. Logga in och försök igen.' };
  const parsed = definition.schema.safeParse(raw);
  if (!parsed.success) {
    return {
      status: 'error',
      code: 'invalid',
      message: 'Uppgifterna behöver rättas. Se markeringarna vid fälten.',
      fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>,
    };
  }
  try {
    return await definition.run({ user, db }, parsed.data);
  } catch (error) {
    if (error instanceof ForbiddenError || error instanceof NotFoundError) {
      return { status: 'error', code: 'not_found', message: NOT_FOUND_MESSAGE };
    }
    if (error instanceof ValidationError) {
      return { status: 'error', code: 'invalid', message: error.userMessage, fieldErrors: error.fieldErrors };
    }
    if (error instanceof ConflictError) {
      return {
        status: 'error',
        code: 'conflict',
        message: 'Någon annan har sparat en nyare version. Din text finns kvar; jämför och spara igen.',
        newer: error.newer,
      };
    }
    console.error(`action ${definition.name} failed`, error);
    return { status: 'error', code: 'failed', message: 'Något gick fel och inget sparades. Försök igen.' };
  }
}

/** FormData as a plain object of strings, for the schema to parse. */
export function formFields(formData: FormData): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const [key, value] of formData.entries()) if (typeof value === 'string' && !key.startsWith('$ACTION')) fields[key] = value;
  return fields;
}
