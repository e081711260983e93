'use server';
// Thin wrappers: runAction authenticates the session user and parses the form with the
// action's zod schema; the definition authorizes with the policy before touching data.
import { revalidatePath } from 'next/cache';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { runAction, formFields, type ActionResult } from '@/lib/action';
import { getCurrentUser } from '@/lib/session';
import { createAssignmentAction } from './create-assignment';
import { updateAssignmentAction } from './update-assignment';
import { archiveAssignmentAction } from './archive-assignment';
import { restoreAssignmentAction } from './restore-assignment';
import { deleteAssignmentAction } from './delete-assignment';
import { noticeUrl, type Notice } from './notice';

// An assignment shows on the monitor, the overview, Min rapportering and the report.
const revalidateAll = () => revalidatePath('/', 'layout');

export async function createAssignment(_previous: ActionResult<{ id: string }> | null, formData: FormData): Promise<ActionResult<{ id: string }>> {
  const result = await runAction(createAssignmentAction, await getCurrentUser(), formFields(formData), await getDb());
  if (result.status !== 'ok' || !result.data) return result;
  revalidateAll();
  redirect(noticeUrl(`/admin/uppdrag/${result.data.id}`, 'skapat'));
}

export async function updateAssignment(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  const result = await runAction(updateAssignmentAction, await getCurrentUser(), formFields(formData), await getDb());
  if (result.status === 'ok') revalidateAll();
  return result;
}

/** After archive, restore or delete: back where the user was, with a notice (a hidden row cannot show it). */
async function statusChange(
  definition: typeof archiveAssignmentAction,
  notice: Notice,
  formData: FormData,
): Promise<ActionResult> {
  const fields = formFields(formData);
  const result = await runAction(definition, await getCurrentUser(), fields, await getDb());
  if (result.status !== 'ok') return result;
  revalidateAll();
  redirect(noticeUrl(fields.returnTo ?? '', notice));
}

export async function archiveAssignment(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return statusChange(archiveAssignmentAction, 'arkiverat', formData);
}

export async function restoreAssignment(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return statusChange(restoreAssignmentAction, 'aterstallt', formData);
}

export async function deleteAssignment(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return statusChange(deleteAssignmentAction, 'raderat', formData);
}
