'use server';
// Thin wrappers: runAction authenticates the session user and parses the form with the
// action's zod schema; the definition authorizes with the policy before touching data.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { runAction, formFields, type ActionResult } from '@/lib/action';
import { getCurrentUser } from '@/lib/session';
import type { RolloverResultDTO } from '@/db/admin/rollover';
import { applyRolloverAction } from './apply-rollover';

export async function applyRolloverForm(
  _previous: ActionResult<RolloverResultDTO> | null,
  formData: FormData,
): Promise<ActionResult<RolloverResultDTO>> {
  const result = await runAction(applyRolloverAction, await getCurrentUser(), formFields(formData), await getDb());
  // The new plan shows in the plan and goal administration, the overview and the report.
  if (result.status === 'ok') revalidatePath('/', 'layout');
  return result;
}
