'use server';
// Thin wrappers: runAction authenticates the session user and parses the form with the
// action's zod schema; the definition authorizes with the policy before touching data.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/lib/action';
import { getCurrentUser } from '@/lib/session';
import type { DryRunResult } from '@/db/admin/value-import';
import { dryRunValueImportAction } from './dry-run-value-import';
import { applyValueImportAction } from './apply-value-import';

// formFields() keeps only strings, so the file is taken from the form data here.
const fileFields = (formData: FormData) => ({ file: formData.get('file') ?? undefined });

export async function dryRunValueImport(
  _previous: ActionResult<DryRunResult> | null,
  formData: FormData,
): Promise<ActionResult<DryRunResult>> {
  return runAction(dryRunValueImportAction, await getCurrentUser(), fileFields(formData), await getDb());
}

export async function applyValueImport(
  _previous: ActionResult<{ written: number; unchanged: number }> | null,
  formData: FormData,
): Promise<ActionResult<{ written: number; unchanged: number }>> {
  const result = await runAction(applyValueImportAction, await getCurrentUser(), fileFields(formData), await getDb());
  if (result.status === 'ok' && result.data?.written) revalidatePath('/', 'layout');
  return result;
}
