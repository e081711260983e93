// Kolada (issue 18): the organization's kommun, each indicator's link to a KPI, and
// fetches per indicator, per board or for everything, each previewed before it writes.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { requireUser } from '@/server/session';
import { getDb } from '@/db/client';
import { getKoladaSettings, lastKoladaFetches, lastScheduledKoladaFetch, listKoladaIndicators } from '@/db/kolada';
import { getKoladaSchedule } from '@/db/kolada-schedule';
import { scheduleAvailable, schedulerState } from '@/server/kolada-schedule';
import { DEFAULT_SCHEDULE_TIME } from '@/lib/kolada-schedule';
import { can } from '@/lib/policy';
import { formatDateTime } from '@/lib/time-format';
import { GENDER_LABELS, MEASURE_LABELS } from '@/lib/kolada-link';
import { AdminBreadcrumb } from '@/components/breadcrumb';
import { KoladaSettingsForm } from './settings-form';
import { KoladaLinkForm } from './link-form';
import { KoladaFetchForm } from './fetch-form';
import { KoladaSearchForm } from './search-form';
import { KoladaScheduleForm } from './schedule-form';
import { KoladaKpiChoice } from './kpi-choice';

export const metadata: Metadata = { title: 'Kolada' };

export default async function KoladaPage() {
  const user = await requireUser();
  if (!can(user, 'manage', { kind: 'indicator', organizationId: user.organizationId })) notFound();
  const db = await getDb();
  const [settings, indicators, fetches, schedule, lastScheduled] = await Promise.all([
    getKoladaSettings(db, user),
    listKoladaIndicators(db, user),
    lastKoladaFetches(db, user),
    getKoladaSchedule(db, user),
    lastScheduledKoladaFetch(db, user),
  ]);
  const scheduler = schedulerState();
  const linked = indicators.filter((i) => i.link);
  const boards = [...new Map(linked.map((i) => [i.boardId, i.boardName])).entries()];
  const failedSince = fetches.last && !fetches.last.ok ? fetches.last : null;
  return (
    <>
      <AdminBreadcrumb here="Kolada" />
      <h1 className="mt-2 text-2xl font-semibold">Kolada</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Mått som finns i Kolada (RKA:s öppna databas med nyckeltal för kommuner) kan hämta sina utfall därifrån.
        Ett mått kan också mätas som kommunens plats i länet, jämfört med länets alla kommuner samma år. Varje hämtat
        värde sparas som en ny version med Kolada som källa; enhetens analys ändras aldrig.
      </p>

      <section aria-labelledby="installningar" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="installningar" className="text-lg font-semibold">Inställningar</h2>
        <KoladaSettingsForm settings={settings} />
        <h3 className="mt-4 font-semibold">Hitta en grupp liknande kommuner</h3>
        <KoladaSearchForm kind="group" />
      </section>

      <section aria-labelledby="hamta" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="hamta" className="text-lg font-semibold">Hämta värden</h2>
        <p className="mt-1 text-sm text-slate-700">
          {fetches.lastOk
            ? `Senaste lyckade hämtning: ${formatDateTime(fetches.lastOk.at)}. ${fetches.lastOk.message}`
            : 'Ingen hämtning har gjorts än.'}
        </p>
        {failedSince && (
          <p className="mt-1 text-sm font-medium text-red-800">
            Senaste försöket, {formatDateTime(failedSince.at)}, misslyckades: {failedSince.message}
          </p>
        )}
        {linked.length === 0 ? (
          <p className="mt-3 text-sm">Inget mått är kopplat till Kolada än. Koppla ett mått nedan, så kan du hämta dess värden här.</p>
        ) : (
          <>
            <h3 className="mt-4 font-semibold">Alla kopplade mått</h3>
            <KoladaFetchForm scope="organization" label="alla kopplade mått" />
            {boards.map(([boardId, boardName]) => (
              <div key={boardId} className="mt-4">
                <h3 className="font-semibold">{boardName}</h3>
                <KoladaFetchForm scope="board" scopeId={boardId} label={boardName} />
              </div>
            ))}
          </>
        )}
      </section>

      <section aria-labelledby="schema" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="schema" className="text-lg font-semibold">Schemalagd hämtning</h2>
        {!scheduleAvailable() ? (
          <p className="mt-1 max-w-3xl text-sm text-slate-700">
            Schemalagd hämtning kräver att Målbild körs mot en PostgreSQL-server (<code>DATABASE_URL</code>); den
            inbyggda databasen har ingen schemaläggare. Hämta i stället varje dag med cron:{' '}
            <code>KOLADA_SYNC_AS=e-postadress npm run kolada:sync</code>, med appen stoppad medan kommandot körs, eller
            flytta databasen till PostgreSQL.
          </p>
        ) : (
          <>
            <p className="mt-1 max-w-3xl text-sm text-slate-700">
              {schedule?.enabled
                ? `Hämtar alla kopplade mått varje dag kl. ${schedule.timeOfDay} (svensk tid), i namn av ${schedule.actorName}. Sparat ${formatDateTime(schedule.savedAt)}.`
                : 'Ingen schemalagd hämtning: värden hämtas bara när någon hämtar dem här.'}{' '}
              Ett misslyckat försök görs om några gånger med allt längre uppehåll; inget sparas till hälften.
            </p>
            {scheduler === 'failed' && (
              <p className="mt-1 text-sm font-medium text-red-800">
                Schemaläggaren kunde inte starta (se serverns logg). Schemat sparas, men hämtningen görs inte förrän servern har startats om.
              </p>
            )}
            {scheduler === 'starting' && <p className="mt-1 text-sm text-slate-700">Schemaläggaren startar …</p>}
            <p className="mt-1 text-sm text-slate-700">
              {lastScheduled
                ? `Senaste schemalagda hämtning: ${formatDateTime(lastScheduled.at)}, ${lastScheduled.ok ? 'lyckades' : 'misslyckades'}. ${lastScheduled.message}`
                : 'Ingen schemalagd hämtning har gjorts än.'}
            </p>
            <KoladaScheduleForm schedule={schedule} defaultTime={DEFAULT_SCHEDULE_TIME} />
          </>
        )}
      </section>

      <section aria-labelledby="matt" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <h2 id="matt" className="text-lg font-semibold">Mått och nyckeltal</h2>
        <KoladaKpiChoice>
          <h3 className="mt-2 font-semibold">Sök nyckeltal i Kolada</h3>
          <KoladaSearchForm kind="kpi" />
          {indicators.length === 0 ? (
            <p className="mt-4 text-sm">Det finns inga mått än. Lägg upp mått under Nämndmål och mått.</p>
          ) : (
            <ul className="mt-4 space-y-3" aria-label="Mått">
              {indicators.map((i) => (
                <li key={i.id} className="rounded border border-slate-200 p-3">
                  <p className="font-medium">{i.name}</p>
                  <p className="text-sm">
                    <Link href={`/historik/matt/${i.id}`} aria-label={`Historik: ${i.name}`} className="text-blue-800 underline">
                      Historik
                    </Link>
                  </p>
                  <p className="text-sm text-slate-700">
                    {i.goalTitle} {i.planYear} · Målvärde: {i.targetLabel}
                  </p>
                  <p className="text-sm">
                    {i.link
                      ? `Kolada: ${i.link.kpiId}, ${GENDER_LABELS[i.link.gender].toLowerCase()}, ${MEASURE_LABELS[i.link.measure].toLowerCase()}.`
                      : 'Inte kopplat till Kolada.'}
                  </p>
                  <details className="mt-2">
                    <summary
                      aria-label={`${i.link ? 'Ändra kopplingen' : 'Koppla till Kolada'}: ${i.name}`}
                      className="cursor-pointer text-sm font-medium text-blue-800 underline"
                    >
                      {i.link ? 'Ändra kopplingen' : 'Koppla till Kolada'}
                    </summary>
                    <KoladaLinkForm indicatorId={i.id} link={i.link} defaultMunicipality={settings?.municipalityCode ?? null} />
                  </details>
                  {i.link && <KoladaFetchForm scope="indicator" scopeId={i.id} label={i.name} />}
                </li>
              ))}
            </ul>
          )}
        </KoladaKpiChoice>
      </section>
    </>
  );
}
