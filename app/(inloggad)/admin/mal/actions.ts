'use server';
// Thin wrappers: runAction authenticates the session user and parses the form with the
// action's zod schema; the definition authorizes with the policy before touching data.
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import { getDb } from '@/db/client';
import { runAction, formFields, type ActionResult, type ActionDefinition } from '@/lib/action';
import { getCurrentUser } from '@/lib/session';
import { createBoardGoalAction } from './create-board-goal';
import { updateBoardGoalAction } from './update-board-goal';
import { setBoardGoalArchivedAction } from './set-board-goal-archived';
import { deleteBoardGoalAction } from './delete-board-goal';
import { createIndicatorAction } from './create-indicator';
import { updateIndicatorAction } from './update-indicator';
import { setIndicatorArchivedAction } from './set-indicator-archived';
import { deleteIndicatorAction } from './delete-indicator';

async function run(definition: ActionDefinition<z.ZodType, undefined>, formData: FormData): Promise<ActionResult> {
  const result = await runAction(definition, await getCurrentUser(), formFields(formData), await getDb());
  if (result.status === 'ok') revalidatePath('/admin/mal');
  return result;
}

export async function createBoardGoal(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(createBoardGoalAction, formData);
}

export async function updateBoardGoal(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(updateBoardGoalAction, formData);
}

export async function setBoardGoalArchived(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(setBoardGoalArchivedAction, formData);
}

export async function deleteBoardGoal(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(deleteBoardGoalAction, formData);
}

export async function createIndicator(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(createIndicatorAction, formData);
}

export async function updateIndicator(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(updateIndicatorAction, formData);
}

export async function setIndicatorArchived(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(setIndicatorArchivedAction, formData);
}

export async function deleteIndicator(_previous: ActionResult | null, formData: FormData): Promise<ActionResult> {
  return run(deleteIndicatorAction, formData);
}
