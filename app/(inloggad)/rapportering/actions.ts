'use server';
// Min rapportering's server actions (server/form-action.ts: authenticate, parse, run,
// revalidate); each definition authorizes before it touches data.
import { EVERY_PAGE, formAction } from '@/server/form-action';
import { setReadinessAction } from './set-readiness';
import { sendBackAction } from './send-back';

/** Revalidated after a refusal too, so the page shows the readiness as it now is. */
export const setReadinessForm = formAction(setReadinessAction, { revalidate: '/rapportering', revalidateWhen: 'always' });

export const sendBackForm = formAction(sendBackAction, { revalidate: EVERY_PAGE });
