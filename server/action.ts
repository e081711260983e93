// An action is defined once, with its name, its zod schema and its body, and run by
// runAction for a user against a database. runAction needs no Next.js, so tests call it
// directly; server/form-action.ts binds a definition to a form.
//
// Authorization convention: runAction only authenticates (a user is required) and parses;
// it does not authorize. Every definition's run() authorizes with lib/policy before anything
// is changed or returned, in one of two ways:
//   - run() calls authorize() or authorizeInOwnOrganization() itself, first; or
//   - run() calls a db/ function that takes the user and calls authorize() itself before it
//     writes (reading only the caller's organization to decide, e.g. a unit's period lock);
//     a comment in run() names that function and what it authorizes.
import { z } from 'zod';
import type { Db } from '@/db/client';
import type { ActionResult } from '@/lib/action';
import type { CurrentUser } from '@/lib/current-user';
import { describeCode, describeError, type DescribedError } from '@/lib/errors';

export interface ActionDefinition<S extends z.ZodType, T> {
  /** For logs, e.g. "plan.create". */
  name: string;
  schema: S;
  /** Authorizes with lib/policy before it changes or returns anything (see the convention above). */
  run(context: { user: CurrentUser; db: Db }, input: z.output<S>): Promise<ActionResult<T>>;
}

export function defineAction<S extends z.ZodType, T = undefined>(definition: ActionDefinition<S, T>) {
  return definition;
}

/**
 * Runs an action: refuses without a user, parses `raw` with the schema (field errors in
 * Swedish), runs it and maps whatever it throws with describeError (lib/errors): a
 * refusal reads as "not found", unexpected errors are logged and shown only as a generic
 * message.
 */
export async function runAction<S extends z.ZodType, T>(
  definition: ActionDefinition<S, T>,
  user: CurrentUser | null,
  raw: unknown,
  db: Db,
): Promise<ActionResult<T>> {
  if (!user) return errorResult(describeCode('unauthenticated'));
  const parsed = definition.schema.safeParse(raw);
  if (!parsed.success) {
    return {
      ...errorResult(describeCode('invalid')),
      fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>,
    };
  }
  try {
    return await definition.run({ user, db }, parsed.data);
  } catch (error) {
    const described = describeError(error);
    if (!described.expected) console.error(`action ${definition.name} failed`, error);
    return errorResult(described);
  }
}

type ActionError = Extract<ActionResult, { status: 'error' }>;

function errorResult(described: DescribedError): ActionError {
  const { code, message, fieldErrors, newer } = described;
  return {
    status: 'error',
    code,
    message,
    ...(fieldErrors ? { fieldErrors } : {}),
    ...(newer !== undefined ? { newer } : {}),
  };
}

/** A form's fields for the schema to parse: text fields as strings, file inputs as File. */
export function formFields(formData: FormData): Record<string, string | File> {
  const fields: Record<string, string | File> = {};
  for (const [key, value] of formData.entries()) if (!key.startsWith('$ACTION')) fields[key] = value;
  return fields;
}
