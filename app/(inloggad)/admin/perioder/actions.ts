'use server';
// Thin wrappers: runAction authenticates the session user and parses the form with the
// action's zod schema; the definition authorizes with the policy before touching data.
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { runAction, formFields, type ActionDefinition, type ActionResult } from '@/lib/action';
import { getCurrentUser } from '@/lib/session';
import { createPeriodAction } from './create-period';
import { updatePeriodAction } from './update-period';
import { openPeriodAction } from './open-period';
import { closePeriodAction } from './close-period';
import { reopenClosedPeriodAction } from './reopen-closed-period';
import { deletePeriodAction } from './delete-period';

async function run<S extends z.ZodType>(definition: ActionDefinition<S, undefined>, formData: FormData): Promise<ActionResult> {
  const result = await runAction(definition, await getCurrentUser(), formFields(formData), await getDb());
  // A period's state shows on every page (reporting, overview, attest).
  if (result.status === 'ok') revalidatePath('/', 'layout');
  return result;
}

export async function createPeriodForm(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(createPeriodAction, formData);
}

export async function updatePeriodForm(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(updatePeriodAction, formData);
}

/** The state buttons of a period (open, close, reopen with a reason, delete) share one form result. */
export async function changePeriodStateForm(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  switch (formData.get('step')) {
    case 'open':
      return run(openPeriodAction, formData);
    case 'close':
      return run(closePeriodAction, formData);
    case 'reopen':
      return run(reopenClosedPeriodAction, formData);
    case 'delete':
      return run(deletePeriodAction, formData);
    default:
      return { status: 'error', code: 'invalid', message: 'Okänd åtgärd.' };
  }
}
