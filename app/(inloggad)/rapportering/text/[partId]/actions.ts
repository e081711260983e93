'use server';
// Saving a unit's text of the board's document (server/form-action.ts: authenticate, parse,
// run); the db/ function authorizes before it writes. A save's result alone goes back (see
// SAVE_ONLY); a refused one (someone saved a newer version first) also renders the page again,
// so its list of versions shows the newer version the conflict notice names.
import { formAction, CONFLICT_ONLY } from '@/server/form-action';
import { saveNarrativeAction } from './save-narrative';

export const saveNarrativeForm = formAction(saveNarrativeAction, { revalidate: { layout: '/rapportering/text' }, revalidateWhen: CONFLICT_ONLY });
