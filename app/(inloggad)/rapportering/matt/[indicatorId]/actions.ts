'use server';
// Saving an indicator value (server/form-action.ts: authenticate, parse, run, revalidate);
// the definition's db/ function authorizes before it writes.
import { EVERY_PAGE, formAction } from '@/server/form-action';
import { saveIndicatorValueAction } from './save-indicator-value';

export const saveIndicatorValueForm = formAction(saveIndicatorValueAction, { revalidate: EVERY_PAGE });
