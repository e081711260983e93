// A fetch from Kolada for one indicator, one board or the whole organization (issue 18):
// plan what would change (the dry run writes nothing), then write it all as new versions
// in one transaction, or nothing. An unreachable or failing Kolada leaves the database as
// it was (a failed fetch is logged so the page can say so) and answers in Swedish.
import 'server-only';
import type { Db } from '@/db/client';
import {
  applyKoladaWrites,
  getKoladaSettings,
  loadFetchTargets,
  recordFailedKoladaFetch,
  recordKoladaFetchWithoutValues,
  type FetchScope,
  type KoladaFetchTrigger,
  type KoladaWrite,
} from '@/db/kolada';
import type { CurrentUser } from '@/lib/current-user';
import { ConflictError, ValidationError } from '@/lib/errors';
import {
  countyOf,
  kommunerInCounty,
  valueFor,
  type KoladaDataRow,
  type KoladaMunicipality,
  type KoladaMunicipalityGroup,
} from '@/lib/kolada-response';
import type { StreamProgress } from '@/lib/progress-stream';
import { judgeInCounty, rankStatement, rankSummary, sameContext } from '@/lib/kolada-rank';
import { koladaYear } from '@/lib/kolada-link';
import { evaluateTarget } from '@/lib/target';
import { computeTrend } from '@/lib/trend';
import type { Colour } from '@/lib/colour';
import { KoladaClient, KoladaError } from './kolada-client';

export type ChangeStatus = 'new' | 'changed' | 'unchanged' | 'missing';

/** One line of the dry run's list (and of the fetch's result). */
export interface PlannedChange {
  indicatorId: string;
  indicatorName: string;
  goalTitle: string;
  periodLabel: string;
  /** The indicator's decimals, for showing from and to. */
  decimals: number;
  kpiId: string;
  year: number;
  municipality: string;
  from: number | null;
  to: number | null;
  colour: Colour | null;
  status: ChangeStatus;
  /** "Plats 9 av 12 i länet 2024. Gräns för målet: plats 3 …" (rank and share measures). */
  summary: string | null;
  /** "8 av 12 kommuner i länet har lägre värde än Askersund." */
  statement: string | null;
}

export interface FetchResult {
  ok: boolean;
  dryRun: boolean;
  message: string;
  changes: PlannedChange[];
  requests: number;
}

const NOTHING_LINKED = 'Det finns inga mått kopplade till Kolada i öppna perioder här. Koppla ett mått till ett nyckeltal först.';

/** Reports the fetch's steps: each KPI fetched is one ("Hämtar nyckeltal 3 av 12 …"), saving the last. */
type Progress = (progress: StreamProgress) => void;

async function plan(db: Db, user: CurrentUser, scope: FetchScope, client: KoladaClient, progress: Progress, dryRun: boolean) {
  progress({ done: 0, total: 1, step: 'Läser de kopplade måtten …' });
  const targets = await loadFetchTargets(db, user, scope);
  if (!targets.length) return { changes: [] as PlannedChange[], writes: [] as KoladaWrite[], progress: { done: 0, total: 0 } };
  const settings = await getKoladaSettings(db, user);
  const municipalityOf = (code: string | null) => {
    const m = code ?? settings?.municipalityCode;
    if (!m) throw new ValidationError('Ange kommunens kod i Kolada under Inställningar innan något hämtas.');
    return m;
  };
  // Each KPI with the years its indicators need, fetched one KPI at a time (the progress counts them).
  const yearsOf = new Map<string, Set<number>>();
  for (const t of targets) {
    const kpi = t.indicator.link.kpiId;
    yearsOf.set(kpi, (yearsOf.get(kpi) ?? new Set()).add(koladaYear(t.period.year, t.indicator.link.yearOffset)));
  }
  for (const t of targets) municipalityOf(t.indicator.link.municipalityCode);

  const withGroup = Boolean(settings?.comparisonGroupId);
  const total = 1 + (withGroup ? 1 : 0) + yearsOf.size + (dryRun ? 0 : 1);
  let done = 0;
  progress({ done, total, step: 'Hämtar länets kommuner från Kolada …' });
  const municipalities: KoladaMunicipality[] = await client.municipalities();
  done++;
  let group: KoladaMunicipalityGroup | null = null;
  if (withGroup) {
    progress({ done, total, step: 'Hämtar gruppen liknande kommuner från Kolada …' });
    group = (await client.municipalityGroups()).find((g) => g.id === settings!.comparisonGroupId) ?? null;
    if (!group) {
      throw new KoladaError(`Kommungruppen ${settings!.comparisonGroupId} finns inte i Kolada. Välj en annan grupp liknande kommuner under Inställningar.`);
    }
    done++;
  }
  const rows: KoladaDataRow[] = [];
  let n = 0;
  for (const [kpi, years] of yearsOf) {
    n++;
    progress({ done, total, step: `Hämtar nyckeltal ${n} av ${yearsOf.size} från Kolada (${kpi}) …` });
    rows.push(...(await client.dataForYears([kpi], [...years])));
    done++;
  }
  const byKey = new Map(rows.map((r) => [`${r.kpi}|${r.period}|${r.municipality}`, r]));
  const names = new Map(municipalities.map((m) => [m.id, m.title]));

  const changes: PlannedChange[] = [];
  const writes: KoladaWrite[] = [];
  for (const t of targets) {
    const { link } = t.indicator;
    const { report } = t;
    const municipality = municipalityOf(link.municipalityCode);
    const year = koladaYear(t.period.year, link.yearOffset);
    const countyCode = countyOf(municipality);
    const kommuner = kommunerInCounty(municipalities, countyCode);
    const inCounty = kommuner.some((k) => k.id === municipality) ? kommuner : [...kommuner, { id: municipality, title: municipality, type: 'K' }];
    const values = inCounty.map((k) => {
      const row = byKey.get(`${link.kpiId}|${year}|${k.id}`);
      return { municipality: k.id, value: row ? valueFor(row, link.gender) : null };
    });
    const target = report.indicator.target;
    const { outcome, context } = judgeInCounty({
      values,
      municipality,
      municipalityName: names.get(municipality) ?? municipality,
      year,
      countyCode,
      measure: link.measure,
      order: link.order,
      decimals: report.indicator.decimals,
      target,
      group: group && {
        title: settings?.comparisonGroupTitle || group.title,
        values: group.members.map((m) => {
          const row = byKey.get(`${link.kpiId}|${year}|${m.id}`);
          return row ? valueFor(row, link.gender) : null;
        }),
      },
    });
    const latest = report.latest;
    const ranked = link.measure !== 'value';
    const base = {
      indicatorId: t.indicator.id,
      indicatorName: t.indicator.name,
      goalTitle: t.indicator.goalTitle,
      periodLabel: t.period.label,
      decimals: report.indicator.decimals,
      kpiId: link.kpiId,
      year,
      municipality: names.get(municipality) ?? municipality,
      from: latest?.outcome ?? null,
      to: outcome,
      summary: ranked ? rankSummary(context, report.indicator.decimals) : null,
      statement: ranked ? rankStatement(context, names.get(municipality) ?? municipality) : null,
    };
    if (outcome === null) {
      changes.push({ ...base, colour: null, status: 'missing' });
      continue;
    }
    const earlier = report.earlier?.outcome ?? null;
    const colour = evaluateTarget(target, outcome, earlier);
    if (latest && latest.source === 'kolada' && latest.outcome === outcome && sameContext(latest.koladaContext, context)) {
      changes.push({ ...base, colour, status: 'unchanged' });
      continue;
    }
    changes.push({ ...base, colour, status: latest ? 'changed' : 'new' });
    writes.push({
      target: t,
      outcome,
      computedColour: colour,
      computedTrend: computeTrend(target, outcome, earlier, report.indicator.trendTolerance),
      keepChoices: latest?.outcome === outcome,
      context,
      year,
    });
  }
  return { changes, writes, progress: { done, total } };
}

function summarize(changes: PlannedChange[], dryRun: boolean): string {
  const n = changes.filter((c) => c.status === 'new' || c.status === 'changed').length;
  const missing = changes.filter((c) => c.status === 'missing').length;
  const values = n === 1 ? 'ett värde' : `${n} värden`;
  const head = n === 0 ? 'Inget att ändra: Kolada har inga nya värden.' : dryRun ? `Hämtningen skulle spara ${values}.` : `Hämtningen sparade ${values}.`;
  return missing ? `${head} ${missing === 1 ? 'Ett mått saknar' : `${missing} mått saknar`} värde i Kolada.` : head;
}

/** Plans and (unless dryRun) applies a fetch. Never throws for Kolada's failures: the result says. */
export async function runKoladaFetch(
  db: Db,
  user: CurrentUser,
  scope: FetchScope,
  options: { dryRun: boolean; client?: KoladaClient; trigger?: KoladaFetchTrigger; progress?: Progress },
): Promise<FetchResult> {
  const client = options.client ?? new KoladaClient();
  const trigger = options.trigger ?? 'manual';
  let planned: Awaited<ReturnType<typeof plan>>;
  try {
    planned = await plan(db, user, scope, client, options.progress ?? (() => {}), options.dryRun);
  } catch (error) {
    if (!(error instanceof KoladaError)) throw error;
    if (!options.dryRun) await recordFailedKoladaFetch(db, user, { scope, requests: client.requests, message: error.userMessage, trigger });
    return { ok: false, dryRun: options.dryRun, message: error.userMessage, changes: [], requests: client.requests };
  }
  const { changes, writes } = planned;
  if (!changes.length) {
    // The page's own fetch says so on the page; a scheduled or command run leaves its trace in the log.
    if (!options.dryRun && trigger !== 'manual') {
      await recordKoladaFetchWithoutValues(db, user, { scope, requests: client.requests, message: NOTHING_LINKED, trigger }, true);
    }
    return { ok: true, dryRun: options.dryRun, message: NOTHING_LINKED, changes, requests: client.requests };
  }
  const message = summarize(changes, options.dryRun);
  if (options.dryRun) return { ok: true, dryRun: true, message, changes, requests: client.requests };
  options.progress?.({ ...planned.progress, step: 'Sparar värdena …' });
  try {
    await applyKoladaWrites(db, user, writes, new Date(), { scope, requests: client.requests, message, trigger });
  } catch (error) {
    if (!(error instanceof ConflictError)) throw error;
    const conflict = 'Ett av värdena ändrades medan hämtningen pågick, så inget sparades. Förhandsgranska och hämta igen.';
    await recordFailedKoladaFetch(db, user, { scope, requests: client.requests, message: conflict, trigger });
    return { ok: false, dryRun: false, message: conflict, changes, requests: client.requests };
  }
  return { ok: true, dryRun: false, message, changes, requests: client.requests };
}
