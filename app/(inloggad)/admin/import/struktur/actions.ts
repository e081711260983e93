'use server';
// Thin wrappers: runAction authenticates the session user and parses the form with the
// action's zod schema; the definition authorizes with the policy before touching data.
import { revalidatePath } from 'next/cache';
import { getDb } from '@/db/client';
import { runAction, type ActionResult } from '@/lib/action';
import { getCurrentUser } from '@/lib/session';
import type { StructureApplyResult, StructureDryRun } from '@/db/admin/structure-import';
import { dryRunStructureImportAction } from './dry-run-structure-import';
import { applyStructureImportAction } from './apply-structure-import';

export async function dryRunStructureImport(_prev: unknown, formData: FormData): Promise<ActionResult<StructureDryRun>> {
  return runAction(dryRunStructureImportAction, await getCurrentUser(), { file: formData.get('file') ?? undefined }, await getDb());
}

export async function applyStructureImport(_prev: unknown, formData: FormData): Promise<ActionResult<StructureApplyResult>> {
  const result = await runAction(applyStructureImportAction, await getCurrentUser(), { file: formData.get('file') ?? undefined }, await getDb());
  if (result.status === 'ok') revalidatePath('/', 'layout');
  return result;
}
