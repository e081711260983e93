'use server';
// The user administration's server actions (server/form-action.ts: authenticate, parse,
// run, revalidate); each definition authorizes before it touches data.
import { EVERY_PAGE, formAction } from '@/server/form-action';
import { setUserDisabledAction } from './set-user-disabled';
import { createUserAction } from './create-user';
import { updateUserAction } from './update-user';
import { setUserPasswordAction } from './set-user-password';
import { addGrantAction } from './add-grant';
import { removeGrantAction } from './remove-grant';
import { endUserSessionsAction } from './end-user-sessions';

// A layout path names the file-system route, route group included.
const USER_PAGES = { layout: '/(inloggad)/admin/anvandare' };

export const setUserDisabled = formAction(setUserDisabledAction, { revalidate: USER_PAGES });

export const createUserForm = formAction(createUserAction, {
  revalidate: USER_PAGES,
  redirectTo: (created) => `/admin/anvandare/${created!.id}?skapad=1`,
});

/** The name shows in the header and in history. */
export const updateUserForm = formAction(updateUserAction, { revalidate: EVERY_PAGE });

export const setUserPasswordForm = formAction(setUserPasswordAction, { revalidate: USER_PAGES });

export const addGrantForm = formAction(addGrantAction, { revalidate: USER_PAGES });

export const removeGrantForm = formAction(removeGrantAction, { revalidate: USER_PAGES });

export const endUserSessionsForm = formAction(endUserSessionsAction, { revalidate: USER_PAGES });
