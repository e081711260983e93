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

/** The current user, or a redirect to the login page. */
export async function requireUser(): Promise<CurrentUser> {
  const user = await getCurrentUser();
  if (!user) redirect('/logga-in');
  return user;
}
