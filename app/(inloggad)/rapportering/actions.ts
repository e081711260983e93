'use server';
// Thin wrapper: runAction authenticates the session user and parses the form with the
// action's zod schema; the definition authorizes with the policy before touching data.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { runAction, formFields, type ActionResult } from '@/lib/action';
import { getCurrentUser } from '@/lib/session';
import { setReadinessAction } from './set-readiness';
import { sendBackAction } from './send-back';

export async function setReadinessForm(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction(setReadinessAction, await getCurrentUser(), formFields(formData), await getDb());
  revalidatePath('/rapportering');
  return result;
}

export async function sendBackForm(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction(sendBackAction, await getCurrentUser(), formFields(formData), await getDb());
  if (result.status === 'ok') revalidatePath('/', 'layout');
  return result;
}
