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
import type { z } from '@/lib/zod';
import { refresh, revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import type { ActionResult } from '@/lib/action';
import { failedResult, formFields, runAction, type ActionDefinition } from './action';
import { getCurrentUser } from './session';

/** A page's path ('/admin/mal'), { layout } for that path and every page below it, or THIS_PAGE. */
export type RevalidateTarget = string | { layout: string } | typeof THIS_PAGE;

/** Every page: for changes that show in the header, the overview, the report and more. */
export const EVERY_PAGE: RevalidateTarget = { layout: '/' };

/**
 * Nothing: the save's result alone goes back (issue 19). For the reporting forms' saves of a
 * history version (a value, an assessment, a report), which the form shows from the result
 * itself (its new version, the conflict's newer one). Every page that shows such an item is
 * dynamic (rendered per request from the database, nothing cached on the server) and Next's
 * client router keeps no dynamic page (staleTimes.dynamic is 0), so any other page shows
 * the new version on the next visit. Revalidating in a server action would instead make
 * Next render the whole current page again into the action's response — with EVERY_PAGE,
 * every statement of the form page once more on each save — and drop the client's cache of
 * every visited page.
 */
export const SAVE_ONLY: RevalidateTarget[] = [];

/**
 * The page the form is on, and nothing else (Next's refresh()): it is rendered again into the
 * action's response, no server cache is touched and the client keeps its cache of other pages.
 * For the narrative forms (components/narrative-form.tsx), whose page lists the versions beside
 * the form (components/narrative-versions.tsx); the form keeps its own state meanwhile.
 */
export const THIS_PAGE = { thisPage: true } as const;

/**
 * With THIS_PAGE, for the narrative forms: after every save, so that the list of versions beside
 * the form shows the user's new version at once, or the newer version a refused save's conflict
 * notice names. Not after any other error, which changed nothing.
 */
export const SAVED_OR_CONFLICT = (result: ActionResult<unknown>) => result.status === 'ok' || result.code === 'conflict';

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
  return formActionFor((fields) => {
    const step = fields.step;
    return typeof step === 'string' && Object.hasOwn(steps, step) ? steps[step] : undefined;
  }, options);
}

const UNREADABLE_FORM = 'Formuläret kunde inte läsas och inget sparades. Ladda om sidan och försök igen.';

function formActionFor<S extends z.ZodType, T>(
  pick: (fields: Record<string, string | File>) => ActionDefinition<S, T> | undefined,
  options: FormActionOptions<T>,
): FormAction<T> {
  const { revalidate = [], revalidateWhen = 'success', redirectTo } = options;
  const targets = Array.isArray(revalidate) ? revalidate : [revalidate];
  return async (_previous, formData) => {
    // Whatever a client posts: a form, or (through Next's action protocol) JSON of any shape.
    const fields = formFields(formData);
    if (!fields) return { status: 'error', code: 'invalid', message: UNREADABLE_FORM };
    const definition = pick(fields);
    if (!definition) return { status: 'error', code: 'invalid', message: 'Okänd åtgärd.' };
    let result: ActionResult<T>;
    try {
      // Inside the error handling: during a database outage the user lookup fails too, and
      // that is "nothing was saved, try again", never Next's error page.
      const [user, db] = await Promise.all([getCurrentUser(), getDb()]);
      result = await runAction(definition, user, fields, db);
    } catch (error) {
      result = failedResult(definition.name, error);
    }
    const shouldRevalidate =
      revalidateWhen === 'always' ? true : revalidateWhen === 'success' ? result.status === 'ok' : revalidateWhen(result);
    if (shouldRevalidate) {
      for (const target of targets) {
        if (typeof target === 'string') revalidatePath(target);
        else if ('layout' in target) revalidatePath(target.layout, 'layout');
        else refresh();
      }
    }
    if (result.status === 'ok' && redirectTo) redirect(redirectTo(result.data, formData));
    return result;
  };
}
