import 'server-only';
import { asc } from 'drizzle-orm';
import type { Db } from '../client';
import * as s from '../schema';

export interface OrganizationDTO {
  id: string;
  name: string;
}

/**
 * The organization the app shows before login exists (issue 3 replaces this with the
 * signed-in user's organization): the first one created.
 */
export async function getFirstOrganization(db: Db): Promise<OrganizationDTO | null> {
  const [row] = await db
    .select({ id: s.organizations.id, name: s.organizations.name })
    .from(s.organizations)
    .orderBy(asc(s.organizations.createdAt))
    .limit(1);
  return row ?? null;
}
