// Whether single sign-on is configured and logs in to this organization.
import 'server-only';
import type { Db } from '@/db/client';
import { ssoOrganizationId } from '@/db/sso';
import { ssoConfig } from '@/server/sso';

export async function ssoServesOrganization(db: Db, organizationId: string): Promise<boolean> {
  const config = ssoConfig();
  return config !== null && (await ssoOrganizationId(db, config.organizationCode)) === organizationId;
}
