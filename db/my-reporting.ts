// "Min rapportering" (lib/my-reporting.ts) for the units a user reports for, from the
// period's content through the one loader.
import 'server-only';
import type { Db } from './client';
import { getPeriod } from './queries/periods';
import { loadPeriodContent } from './period-content';
import type { CurrentUser } from '@/lib/current-user';
import { authorize, authorizeInOwnOrganization } from '@/lib/policy';
import { buildMyReporting, type MyReportingDTO } from '@/lib/my-reporting';
import { todayInStockholm } from '@/lib/time-format';

export { picksReportingUnit, reportingRoots, type MyReportingDTO, type ReportingItemDTO, type UnitReadinessDTO } from '@/lib/my-reporting';

export async function getMyReporting(db: Db, user: CurrentUser | null, periodId: string, roots: string[]): Promise<MyReportingDTO> {
  const org = authorizeInOwnOrganization(user, 'read', 'unit');
  for (const root of roots) authorize(user, 'view_reporting', { kind: 'unit', organizationId: org, unitIds: [root] });
  const period = await getPeriod(db, user, periodId);
  const content = await loadPeriodContent(db, org, period);
  return buildMyReporting(content, user!, roots, todayInStockholm());
}
