'use server';
// The Kolada page's server actions (server/form-action.ts: authenticate, parse, run,
// revalidate); each definition authorizes before it touches data.
import { EVERY_PAGE, formAction } from '@/server/form-action';
import { saveKoladaSettingsAction } from './save-kolada-settings';
import { saveKoladaLinkAction } from './save-kolada-link';
import { removeKoladaLinkAction } from './remove-kolada-link';
import { searchKoladaAction } from './search-kolada';
import { fetchKoladaAction } from './fetch-kolada';
import { saveKoladaScheduleAction } from './save-kolada-schedule';

export const saveKoladaSettings = formAction(saveKoladaSettingsAction, { revalidate: '/admin/kolada' });
export const saveKoladaLink = formAction(saveKoladaLinkAction, { revalidate: '/admin/kolada' });
export const removeKoladaLink = formAction(removeKoladaLinkAction, { revalidate: '/admin/kolada' });
/** After a conflict too, so that the form shows the newest schedule to save on. */
export const saveKoladaSchedule = formAction(saveKoladaScheduleAction, { revalidate: '/admin/kolada', revalidateWhen: 'always' });
/** Reads Kolada only. */
export const searchKolada = formAction(searchKoladaAction);
/** A fetch that wrote values shows on every page; a dry run or a failure changes nothing but the page's fetch log. */
export const fetchKolada = formAction(fetchKoladaAction, {
  revalidate: EVERY_PAGE,
  revalidateWhen: (result) => Boolean(result.data && !result.data.dryRun),
});
