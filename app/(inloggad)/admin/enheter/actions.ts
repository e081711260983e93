'use server';
// Thin wrappers: runAction authenticates the session user and parses the form with the
// action's zod schema; the definition authorizes with the policy before touching data.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { runAction, formFields, type ActionResult } from '@/lib/action';
import { getCurrentUser } from '@/lib/session';
import { createUnitAction } from './create-unit';
import { updateUnitAction } from './update-unit';
import { setUnitArchivedAction } from './set-unit-archived';
import { deleteUnitAction } from './delete-unit';

export async function createUnitForm(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction(createUnitAction, await getCurrentUser(), formFields(formData), await getDb());
  if (result.status !== 'ok') return result;
  revalidatePath('/', 'layout');
  redirect(`/admin/enheter?skapad=${result.data!.id}`);
}

export async function updateUnitForm(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction(updateUnitAction, await getCurrentUser(), formFields(formData), await getDb());
  if (result.status === 'ok') revalidatePath('/', 'layout');
  return result;
}

export async function setUnitArchivedForm(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction(setUnitArchivedAction, await getCurrentUser(), formFields(formData), await getDb());
  if (result.status === 'ok') revalidatePath('/', 'layout');
  return result;
}

export async function deleteUnitForm(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction(deleteUnitAction, await getCurrentUser(), formFields(formData), await getDb());
  if (result.status !== 'ok') return result;
  revalidatePath('/', 'layout');
  redirect('/admin/enheter?raderad=1');
}
