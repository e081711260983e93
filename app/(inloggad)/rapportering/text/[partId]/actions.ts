'use server';
// Saving a unit's text of the board's document (server/form-action.ts: authenticate, parse,
// run; the result alone goes back, see SAVE_ONLY); the db/ function authorizes before it writes.
import { formAction, SAVE_ONLY } from '@/server/form-action';
import { saveNarrativeAction } from './save-narrative';

export const saveNarrativeForm = formAction(saveNarrativeAction, { revalidate: SAVE_ONLY });
