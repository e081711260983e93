'use server';
// Thin wrappers: runAction authenticates the session user and parses the form with the
// action's zod schema; the definition authorizes with the policy before touching data.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { runAction, formFields, type ActionResult } from '@/lib/action';
import { getCurrentUser } from '@/lib/session';
import { approvePeriodAction, reopenPeriodAction } from './approve-period';

export async function approvePeriodForm(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction(approvePeriodAction, await getCurrentUser(), formFields(formData), await getDb());
  if (result.status === 'ok') revalidatePath('/', 'layout');
  return result;
}

export async function reopenPeriodForm(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction(reopenPeriodAction, await getCurrentUser(), formFields(formData), await getDb());
  if (result.status === 'ok') revalidatePath('/', 'layout');
  return result;
}
