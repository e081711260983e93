// The signed-in user for this request, re-read from the database (once per request).
import 'server-only';
import { cache } from 'react';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { loadCurrentUser } from '@/db/users';
import type { CurrentUser } from '@/lib/current-user';
import { auth } from './auth';

export const getCurrentUser = cache(async (): Promise<CurrentUser | null> => {
  const session = await auth();
  const user = session?.user as { id?: string; organizationId?: string; since?: number } | undefined;
  if (!user?.id || !user.organizationId) return null;
  return loadCurrentUser(await getDb(), user.organizationId, user.id, user.since ?? 0);
});

/** The current user, even one without any role, or a redirect to the login page. */
export async function requireSignedIn(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/logga-in');
  return user;
}

/**
 * The current user, or a redirect to the login page; a user without any role (created at a
 * single sign-on login and not yet given one) goes to the overview, which tells them so.
 */
export async function requireUser(): Promise<CurrentUser> {
  const user = await requireSignedIn();
  if (user.roles.length === 0) redirect('/');
  return user;
}
