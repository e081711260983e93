'use server';
// The structure import's server actions (server/form-action.ts: authenticate, parse, run,
// revalidate); each definition authorizes before it touches data.
import { EVERY_PAGE, formAction } from '@/server/form-action';
import { dryRunStructureImportAction } from './dry-run-structure-import';
import { applyStructureImportAction } from './apply-structure-import';

/** Reads and checks the file; writes nothing. */
export const dryRunStructureImport = formAction(dryRunStructureImportAction);

export const applyStructureImport = formAction(applyStructureImportAction, { revalidate: EVERY_PAGE });
