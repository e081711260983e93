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
import { z } from '@/lib/zod';
import type { Db } from '@/db/client';
import type { ActionResult } from '@/lib/action';
import type { CurrentUser } from '@/lib/current-user';
import { describeCode, describeError, type DescribedError } from '@/lib/errors';
import { unsafeTextFields } from '@/lib/safe-text';
import type { StreamProgress } from '@/lib/progress-stream';

export interface ActionDefinition<S extends z.ZodType, T> {
  /** For logs, e.g. "plan.create". */
  name: string;
  schema: S;
  /** Authorizes with lib/policy before it changes or returns anything (see the convention above). */
  run(context: ActionContext, input: z.output<S>): Promise<ActionResult<T>>;
}

export interface ActionContext {
  user: CurrentUser;
  db: Db;
  /** Set when the caller streams the action's progress (a route with lib/progress-stream); a long action may report its steps. */
  progress?: (progress: StreamProgress) => void;
}

export function defineAction<S extends z.ZodType, T = undefined>(definition: ActionDefinition<S, T>) {
  return definition;
}

/**
 * Runs an action: refuses without a user, refuses text with control characters (one check
 * for every action's free-text fields, lib/safe-text), parses `raw` with the schema (field
 * errors in Swedish), runs it and maps whatever it throws with describeError (lib/errors):
 * a refusal reads as "not found", an outage as "nothing was saved", unexpected errors are
 * logged and shown only as a generic message. It never throws, whatever `raw` is.
 */
export async function runAction<S extends z.ZodType, T>(
  definition: ActionDefinition<S, T>,
  user: CurrentUser | null,
  raw: unknown,
  db: Db,
  options: { progress?: (progress: StreamProgress) => void } = {},
): Promise<ActionResult<T>> {
  if (!user) return errorResult(describeCode('unauthenticated'));
  try {
    const unsafe = unsafeTextFields(raw);
    if (unsafe) return { ...errorResult(describeCode('invalid')), fieldErrors: unsafe };
    const parsed = definition.schema.safeParse(raw);
    if (!parsed.success) {
      return {
        ...errorResult(describeCode('invalid')),
        fieldErrors: z.flattenError(parsed.error).fieldErrors as Record<string, string[] | undefined>,
      };
    }
    return await definition.run({ user, db, progress: options.progress }, parsed.data);
  } catch (error) {
    return failedResult(definition.name, error);
  }
}

/** What runAction answers for a thrown error: the one mapping, logged when unexpected. */
export function failedResult(name: string, error: unknown): ActionError {
  const described = describeError(error);
  if (!described.expected) console.error(`action ${name} failed`, error);
  return errorResult(described);
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

/**
 * A form's fields for the schema to parse: text fields as strings, file inputs as File.
 * Anything that is not a FormData (a client posting JSON, a string, null) gives null.
 */
export function formFields(formData: unknown): Record<string, string | File> | null {
  if (!(formData instanceof FormData)) return null;
  const fields: Record<string, string | File> = {};
  for (const [key, value] of formData.entries()) if (!key.startsWith('$ACTION')) fields[key] = value;
  return fields;
}
