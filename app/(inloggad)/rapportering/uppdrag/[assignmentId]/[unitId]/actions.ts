'use server';
// Thin wrapper: runAction authenticates the session user and parses the form with the
// action's zod schema; the definition authorizes with the policy before touching data.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { runAction, formFields, type ActionResult } from '@/lib/action';
import { getCurrentUser } from '@/lib/session';
import { saveAssignmentReportAction } from './save-assignment-report';

export async function saveAssignmentReportForm(
  _previous: ActionResult<{ seq: number }> | null,
  formData: FormData,
): Promise<ActionResult<{ seq: number }>> {
  const result = await runAction(saveAssignmentReportAction, await getCurrentUser(), formFields(formData), await getDb());
  if (result.status === 'ok') revalidatePath('/', 'layout');
  return result;
}
