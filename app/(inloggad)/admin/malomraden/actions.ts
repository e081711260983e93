'use server';
// Thin wrappers: runAction authenticates the session user and parses the form with the
// action's zod schema; the definition authorizes with the policy before touching data.
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { runAction, formFields, type ActionResult, type ActionDefinition } from '@/lib/action';
import { getCurrentUser } from '@/lib/session';
import { createFocusAreaAction } from './create-focus-area';
import { updateFocusAreaAction } from './update-focus-area';
import { setFocusAreaArchivedAction } from './set-focus-area-archived';
import { deleteFocusAreaAction } from './delete-focus-area';
import { createCouncilGoalAction } from './create-council-goal';
import { updateCouncilGoalAction } from './update-council-goal';
import { setCouncilGoalArchivedAction } from './set-council-goal-archived';
import { deleteCouncilGoalAction } from './delete-council-goal';

async function run(definition: ActionDefinition<z.ZodType, undefined>, formData: FormData): Promise<ActionResult> {
  const result = await runAction(definition, await getCurrentUser(), formFields(formData), await getDb());
  if (result.status === 'ok') {
    revalidatePath('/admin/malomraden');
    revalidatePath('/admin/mal'); // its choices of målområden and KF-mål
  }
  return result;
}

export async function createFocusArea(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(createFocusAreaAction, formData);
}

export async function updateFocusArea(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(updateFocusAreaAction, formData);
}

export async function setFocusAreaArchived(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(setFocusAreaArchivedAction, formData);
}

export async function deleteFocusArea(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(deleteFocusAreaAction, formData);
}

export async function createCouncilGoal(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(createCouncilGoalAction, formData);
}

export async function updateCouncilGoal(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(updateCouncilGoalAction, formData);
}

export async function setCouncilGoalArchived(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(setCouncilGoalArchivedAction, formData);
}

export async function deleteCouncilGoal(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(deleteCouncilGoalAction, formData);
}
