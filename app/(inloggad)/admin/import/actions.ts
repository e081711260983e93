'use server';
// The value import's server actions (server/form-action.ts: authenticate, parse, run,
// revalidate); each definition authorizes before it touches data.
import { EVERY_PAGE, formAction } from '@/server/form-action';
import { dryRunValueImportAction } from './dry-run-value-import';
import { applyValueImportAction } from './apply-value-import';

/** Reads and checks the file; writes nothing. */
export const dryRunValueImport = formAction(dryRunValueImportAction);

/** Values show on every page; nothing to revalidate when every row was unchanged. */
export const applyValueImport = formAction(applyValueImportAction, {
  revalidate: EVERY_PAGE,
  revalidateWhen: (result) => result.status === 'ok' && Boolean(result.data?.written),
});
