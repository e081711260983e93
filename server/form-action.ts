// The one way to write a server action for a form. In a 'use server' file:
//
//   export const createPlanForm = formAction(createPlanAction, { revalidate: EVERY_PAGE });
//
// The returned function is what useActionState calls, (previousState, formData) => result.
// It authenticates (the session's user, re-read from the database), parses the form with
// the definition's zod schema, runs the definition (which authorizes: see the convention in
// server/action.ts), maps errors to Swedish messages (lib/errors describeError) and then
// revalidates the paths it is given, after a success unless told otherwise. It may
// redirect after a success instead of returning the result.
import 'server-only';
import type { z } from 'zod';
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import type { ActionResult } from '@/lib/action';
import { formFields, runAction, type ActionDefinition } from './action';
import { getCurrentUser } from './session';

/** A page's path ('/admin/mal'), or { layout } for that path and every page below it. */
export type RevalidateTarget = string | { layout: string };

/** Every page: for changes that show in the header, the overview, the report and more. */
export const EVERY_PAGE: RevalidateTarget = { layout: '/' };

export interface FormActionOptions<T> {
  /** What to revalidate (nothing when left out). */
  revalidate?: RevalidateTarget | RevalidateTarget[];
  /**
   * When to revalidate: after a success (the default); 'always', for a page that must show
   * the current state even after a refusal; or a test of the result.
   */
  revalidateWhen?: 'success' | 'always' | ((result: ActionResult<T>) => boolean);
  /**
   * After a success (and the revalidation): where to go instead of returning the result.
   * A redirecting form action returns only errors, so its type carries no success data.
   */
  redirectTo?: (data: T | undefined, formData: FormData) => string;
}

export type FormAction<T> = (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>;

export function formAction<S extends z.ZodType, T>(
  definition: ActionDefinition<S, T>,
  options: FormActionOptions<T> & Required<Pick<FormActionOptions<T>, 'redirectTo'>>,
): FormAction<undefined>;
export function formAction<S extends z.ZodType, T>(definition: ActionDefinition<S, T>, options?: FormActionOptions<T>): FormAction<T>;
export function formAction<S extends z.ZodType, T>(
  definition: ActionDefinition<S, T>,
  options: FormActionOptions<T> = {},
): FormAction<T> {
  return formActionFor(() => definition, options);
}

/**
 * Several actions behind one form result (e.g. a period's open, close and delete buttons):
 * the form's `step` field picks the definition; an unknown step changes nothing.
 */
export function formActionByStep<T>(
  steps: Record<string, ActionDefinition<z.ZodType, T>>,
  options: FormActionOptions<T> = {},
): FormAction<T> {
  return formActionFor((formData) => {
    const step = formData.get('step');
    return typeof step === 'string' && Object.hasOwn(steps, step) ? steps[step] : undefined;
  }, options);
}

function formActionFor<S extends z.ZodType, T>(
  pick: (formData: FormData) => ActionDefinition<S, T> | undefined,
  options: FormActionOptions<T>,
): FormAction<T> {
  const { revalidate = [], revalidateWhen = 'success', redirectTo } = options;
  const targets = Array.isArray(revalidate) ? revalidate : [revalidate];
  return async (_previous, formData) => {
    const definition = pick(formData);
    if (!definition) return { status: 'error', code: 'invalid', message: 'Okänd åtgärd.' };
    const result = await runAction(definition, await getCurrentUser(), formFields(formData), await getDb());
    const shouldRevalidate =
      revalidateWhen === 'always' ? true : revalidateWhen === 'success' ? result.status === 'ok' : revalidateWhen(result);
    if (shouldRevalidate) {
      for (const target of targets) {
        if (typeof target === 'string') revalidatePath(target);
        else revalidatePath(target.layout, 'layout');
      }
    }
    if (result.status === 'ok' && redirectTo) redirect(redirectTo(result.data, formData));
    return result;
  };
}
