'use server';
// Saving an indicator value (server/form-action.ts: authenticate, parse, run; the
// result alone goes back, see SAVE_ONLY);
// the definition's db/ function authorizes before it writes.
import { formAction, SAVE_ONLY } from '@/server/form-action';
import { saveIndicatorValueAction } from './save-indicator-value';

export const saveIndicatorValueForm = formAction(saveIndicatorValueAction, { revalidate: SAVE_ONLY });
