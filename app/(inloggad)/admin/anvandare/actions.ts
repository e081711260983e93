'use server';
// Thin wrappers: runAction authenticates the session user and parses the form with the
// action's zod schema; the definition authorizes with the policy before touching data.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { runAction, formFields, type ActionResult } from '@/lib/action';
import { getCurrentUser } from '@/lib/session';
import { setUserDisabledAction } from './set-user-disabled';
import { createUserAction } from './create-user';
import { updateUserAction } from './update-user';
import { setUserPasswordAction } from './set-user-password';
import { addGrantAction } from './add-grant';
import { removeGrantAction } from './remove-grant';

export async function setUserDisabled(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction(setUserDisabledAction, await getCurrentUser(), formFields(formData), await getDb());
  if (result.status === 'ok') revalidatePath('/admin/anvandare', 'layout');
  return result;
}

export async function createUserForm(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction(createUserAction, await getCurrentUser(), formFields(formData), await getDb());
  if (result.status !== 'ok') return result;
  revalidatePath('/admin/anvandare', 'layout');
  redirect(`/admin/anvandare/${result.data!.id}?skapad=1`);
}

export async function updateUserForm(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction(updateUserAction, await getCurrentUser(), formFields(formData), await getDb());
  if (result.status === 'ok') revalidatePath('/', 'layout'); // the name shows in the header and in history
  return result;
}

export async function setUserPasswordForm(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction(setUserPasswordAction, await getCurrentUser(), formFields(formData), await getDb());
  if (result.status === 'ok') revalidatePath('/admin/anvandare', 'layout');
  return result;
}

export async function addGrantForm(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction(addGrantAction, await getCurrentUser(), formFields(formData), await getDb());
  if (result.status === 'ok') revalidatePath('/admin/anvandare', 'layout');
  return result;
}

export async function removeGrantForm(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction(removeGrantAction, await getCurrentUser(), formFields(formData), await getDb());
  if (result.status === 'ok') revalidatePath('/admin/anvandare', 'layout');
  return result;
}
