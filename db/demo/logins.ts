// The demo accounts that can still log in with the demo password, for the start banner.
import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Db } from '../client';
import * as s from '../schema';
import type { DemoData } from './types';
import { verifyPassword } from '@/server/password';

export async function workingDemoLogins(db: Db, data: DemoData, password: string) {
  const emails = data.users.map((u) => u.email.toLowerCase());
  const rows = await db
    .select({ email: s.users.email, passwordHash: s.users.passwordHash })
    .from(s.users)
    .innerJoin(s.organizations, eq(s.organizations.id, s.users.organizationId))
    .where(and(eq(s.organizations.code, data.organization.code), inArray(s.users.email, emails), isNull(s.users.disabledAt)));
  const hashes = new Map(rows.map((r) => [r.email, r.passwordHash]));
  const working = await Promise.all(
    data.users.map(async (u) => {
      const hash = hashes.get(u.email.toLowerCase());
      return hash && (await verifyPassword(hash, password)) ? u : null;
    }),
  );
  return working.filter((u) => u !== null);
}
