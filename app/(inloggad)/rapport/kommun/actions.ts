'use server';
// The kommun report's forms (server/form-action.ts: authenticate, parse, run); the db/
// functions authorize before they write. A layout change shows on the report's pages at once,
// and after a refusal (someone else changed the layout first) the page shows the current layout.
import { formAction, SAVED_OR_CONFLICT, THIS_PAGE } from '@/server/form-action';
import { saveKommunIntroAction } from './save-kommun-intro';
import { changeKommunLayoutAction } from './change-kommun-layout';

// A save of the introduction, accepted or refused (someone saved a newer one first), renders the
// page again, so its list of versions shows the new version, or the newer one.
export const saveKommunIntroForm = formAction(saveKommunIntroAction, { revalidate: THIS_PAGE, revalidateWhen: SAVED_OR_CONFLICT });
export const changeKommunLayoutForm = formAction(changeKommunLayoutAction, {
  revalidate: { layout: '/rapport/kommun' },
  revalidateWhen: 'always',
});
