'use server';
// Saving a unit's text of the board's document (server/form-action.ts: authenticate, parse,
// run); the db/ function authorizes before it writes. A save, accepted or refused (someone
// saved a newer version first), renders this page again into its response, so the list of
// versions beside the form shows the new version, or the newer one the conflict notice names.
import { formAction, SAVED_OR_CONFLICT, THIS_PAGE } from '@/server/form-action';
import { saveNarrativeAction } from './save-narrative';

export const saveNarrativeForm = formAction(saveNarrativeAction, { revalidate: THIS_PAGE, revalidateWhen: SAVED_OR_CONFLICT });
