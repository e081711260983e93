'use server';
// Thin wrappers: runAction authenticates the session user and parses the form with the
// action's zod schema; the definition authorizes with the policy before touching data.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { runAction, formFields, type ActionResult } from '@/lib/action';
import { getCurrentUser } from '@/lib/session';
import { setUserDisabledAction } from './set-user-disabled';

export async function setUserDisabled(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction(setUserDisabledAction, await getCurrentUser(), formFields(formData), await getDb());
  if (result.status === 'ok') revalidatePath('/admin/anvandare');
  return result;
}
