// The demo's users as the policy sees them, for db/ and authorization tests.
import type { Db } from '@/db/client';
import { findLoginCandidates, loadCurrentUser } from '@/db/users';
import type { CurrentUser } from '@/lib/current-user';

export const DEMO_EMAILS = {
  admin: 'admin@askersund.example',
  director: 'kommundirektor@askersund.example',
  viewer: 'ledamot@askersund.example',
  hr: 'hr-chef@askersund.example',
  ame: 'ame-chef@askersund.example',
  naringsliv: 'naringslivschef@askersund.example',
} as const;

export async function demoUser(db: Db, email: string): Promise<CurrentUser> {
  const [candidate] = await findLoginCandidates(db, email);
  if (!candidate) throw new Error(`no demo user ${email}`);
  const user = await loadCurrentUser(db, candidate.organizationId, candidate.id);
  if (!user) throw new Error(`demo user ${email} is disabled`);
  return user;
}
