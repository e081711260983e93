import { connection } from 'next/server';
import { getDb } from '@/db/client';
import { getCurrentPeriod, getOverview } from '@/db/queries/overview';
import { getFirstOrganization } from '@/db/queries/organizations';
import { formatDate, periodLabel, periodStateLabel } from '@/lib/period';
import { AppHeader } from '@/components/app-header';
import { FocusAreaSection } from '@/components/focus-area-section';

export default async function OverviewPage() {
  await connection(); // read at request time, never at build time
  const db = await getDb();
  const organization = await getFirstOrganization(db);
  const period = organization ? await getCurrentPeriod(db, organization.id) : null;

  if (!organization || !period) {
    return (
      <>
        <AppHeader organizationName={organization?.name ?? null} />
        <main id="innehall" className="mx-auto max-w-5xl px-4 py-8">
          <h1 className="text-2xl font-semibold">Översikt</h1>
          <p className="mt-4 rounded border border-slate-300 bg-white p-4">
            Det finns ingen öppen eller stängd period att visa ännu. En systemförvaltare behöver lägga upp
            och öppna en period innan uppföljningen kan börja.
          </p>
        </main>
      </>
    );
  }

  const overview = await getOverview(db, organization.id, period);
  const title = periodLabel(period.kind, period.year);
  return (
    <>
      <AppHeader organizationName={organization.name} />
      <main id="innehall" className="mx-auto max-w-5xl px-4 py-8">
        <h1 className="text-2xl font-semibold">Översikt {title}</h1>
        <p className="mt-1 text-slate-700">
          Perioden avser tiden till och med {formatDate(period.endDate)}. {periodStateLabel(period.state)}
          {period.deadline ? `, sista dag för rapportering ${formatDate(period.deadline)}` : ''}.
        </p>
        {overview.focusAreas.length === 0 ? (
          <p className="mt-6 rounded border border-slate-300 bg-white p-4">
            Inga målområden gäller för {period.year}. En systemförvaltare lägger upp målområden och mål.
          </p>
        ) : (
          overview.focusAreas.map((area) => <FocusAreaSection key={area.id} area={area} />)
        )}
      </main>
    </>
  );
}
