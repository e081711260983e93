'use server';
// The kommun report's forms (server/form-action.ts: authenticate, parse, run); the db/
// functions authorize before they write. A layout change shows on the report's pages at once,
// and after a refusal (someone else changed the layout first) the page shows the current layout.
import { formAction, CONFLICT_ONLY } from '@/server/form-action';
import { saveKommunIntroAction } from './save-kommun-intro';
import { changeKommunLayoutAction } from './change-kommun-layout';

// A refused save of the introduction (someone saved a newer one first) renders the page again,
// so its list of versions shows the newer version; an accepted one sends its result alone.
export const saveKommunIntroForm = formAction(saveKommunIntroAction, { revalidate: '/rapport/kommun/redigera', revalidateWhen: CONFLICT_ONLY });
export const changeKommunLayoutForm = formAction(changeKommunLayoutAction, {
  revalidate: { layout: '/rapport/kommun' },
  revalidateWhen: 'always',
});
