'use server';
// Thin wrappers: runAction authenticates the session user and parses the form with the
// action's zod schema; the definition authorizes with the policy before touching data.
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { runAction, formFields, type ActionDefinition, type ActionResult } from '@/lib/action';
import { getCurrentUser } from '@/lib/session';
import { createPlanAction } from './create-plan';
import { updatePlanAction } from './update-plan';
import { archivePlanAction } from './archive-plan';
import { restorePlanAction } from './restore-plan';
import { deletePlanAction } from './delete-plan';
import { saveTextBlockAction } from './save-text-block';

async function run<S extends z.ZodType, T>(definition: ActionDefinition<S, T>, formData: FormData): Promise<ActionResult<T>> {
  const result = await runAction(definition, await getCurrentUser(), formFields(formData), await getDb());
  // Plans and texts show in the overview and the report as well.
  if (result.status === 'ok') revalidatePath('/', 'layout');
  return result;
}

export async function createPlanForm(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(createPlanAction, formData);
}

export async function updatePlanForm(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(updatePlanAction, formData);
}

/** The archive, restore and delete buttons of a plan share one form result. */
export async function changePlanForm(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  switch (formData.get('step')) {
    case 'archive':
      return run(archivePlanAction, formData);
    case 'restore':
      return run(restorePlanAction, formData);
    case 'delete':
      return run(deletePlanAction, formData);
    default:
      return { status: 'error', code: 'invalid', message: 'Okänd åtgärd.' };
  }
}

export async function saveTextBlockForm(
  _previous: ActionResult<{ seq: number }> | null,
  formData: FormData,
): Promise<ActionResult<{ seq: number }>> {
  return run(saveTextBlockAction, formData);
}
