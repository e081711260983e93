// Matrix rows for Kolada (issue 18): the reads behind /admin/kolada and its actions. The
// actions that talk to Kolada reach a fake v3 server on 127.0.0.1 (started once, named by
// KOLADA_BASE_URL as the app reads it). In order: the admin links Mål 4's unemployment
// indicator to the fake's X99001 (kept, so the fetch rows have something to fetch), the
// fetch rows preview and fetch it, and the last row removes the link again.
import { runAction } from '@/server/action';
import * as s from '@/db/schema';
import { getKoladaSettings, lastKoladaFetches, lastScheduledKoladaFetch, listKoladaIndicators } from '@/db/kolada';
import { saveKoladaSettingsAction } from '@/app/(inloggad)/admin/kolada/save-kolada-settings';
import { saveKoladaLinkAction } from '@/app/(inloggad)/admin/kolada/save-kolada-link';
import { removeKoladaLinkAction } from '@/app/(inloggad)/admin/kolada/remove-kolada-link';
import { searchKoladaAction } from '@/app/(inloggad)/admin/kolada/search-kolada';
import { fetchKoladaAction } from '@/app/(inloggad)/admin/kolada/fetch-kolada';
import { saveKoladaScheduleAction } from '@/app/(inloggad)/admin/kolada/save-kolada-schedule';
import { getKoladaSchedule } from '@/db/kolada-schedule';
import type { FetchResult } from '@/server/kolada-sync';
import { startFakeKolada, type FakeKolada } from '../../support/fake-kolada';
import { action, adminOnly, idByCode, read, readers, type Context, type MatrixRow, type Outcome } from './harness';

let fake: Promise<FakeKolada> | undefined;
async function ensureFake(): Promise<void> {
  fake ??= startFakeKolada();
  process.env.KOLADA_BASE_URL = (await fake).url;
}

const unemployment = (ctx: Context) => idByCode(ctx.db, s.indicators, 'KS-2024-M4-I2');
const actions = (otherOrgAdmin: Outcome): MatrixRow['expected'] => ({ ...adminOnly, anonymous: 'unauthenticated', otherOrgAdmin });

/** A fetch that found nothing to fetch (another organization: no links of its own) is 'empty'. */
function fetchOutcome(result: { status: string; code?: string; data?: FetchResult }): Outcome {
  if (result.status === 'ok' && result.data && result.data.changes.length === 0) return 'empty';
  return action(result);
}

const fetchRow = (step: 'dryRun' | 'apply'): MatrixRow => ({
  name: `action: ${step === 'dryRun' ? 'preview' : 'run'} a fetch for the organization (kolada.fetch), step ${step}`,
  writes: step === 'apply',
  expected: actions('empty'),
  call: async (ctx, user) => {
    await ensureFake();
    return fetchOutcome(await runAction(fetchKoladaAction, user, { scope: 'organization', scopeId: '', step }, ctx.db));
  },
});

export const koladaRows: MatrixRow[] = [
  {
    name: 'read: the Kolada settings (page /admin/kolada)',
    writes: false,
    expected: { ...readers('ok'), otherOrgAdmin: 'empty' },
    call: ({ db }, user) => read(async () => ((await getKoladaSettings(db, user))?.municipalityCode === '1882' ? true : null)),
  },
  {
    name: 'read: indicators with their Kolada links (page /admin/kolada)',
    writes: false,
    expected: { ...adminOnly, otherOrgAdmin: 'empty' },
    call: ({ db }, user) => read(async () => ((await listKoladaIndicators(db, user)).length ? true : null)),
  },
  {
    name: 'read: the last Kolada fetches (page /admin/kolada)',
    writes: false,
    expected: { ...readers('ok'), otherOrgAdmin: 'ok' },
    call: ({ db }, user) => read(() => lastKoladaFetches(db, user)),
  },
  {
    name: 'action: link an indicator to a KPI (kolada.link)',
    writes: true,
    expected: actions('refused'),
    call: async (ctx, user) =>
      action(
        await runAction(
          saveKoladaLinkAction,
          user,
          { indicatorId: await unemployment(ctx), kpiId: 'X99001', gender: 'T', municipalityCode: '', yearOffset: '0', measure: 'share', order: 'lowest_first' },
          ctx.db,
        ),
      ),
  },
  {
    name: 'action: save the kommun and comparison group (kolada.settings)',
    writes: true,
    expected: actions('ok'),
    call: async (ctx, user) =>
      action(await runAction(saveKoladaSettingsAction, user, { municipalityCode: '1882', comparisonGroupId: 'G99001', comparisonGroupTitle: 'Liknande kommuner' }, ctx.db)),
  },
  {
    // The demo has no schedule: the admin sees none ('empty'), the others are refused.
    name: 'read: the daily schedule (page /admin/kolada)',
    writes: false,
    expected: { ...adminOnly, admin: 'empty', otherOrgAdmin: 'empty' },
    call: ({ db }, user) => read(async () => ((await getKoladaSchedule(db, user)) ? true : null)),
  },
  {
    name: 'read: the last scheduled fetch (page /admin/kolada)',
    writes: false,
    expected: { ...readers('empty'), otherOrgAdmin: 'empty' },
    call: ({ db }, user) => read(() => lastScheduledKoladaFetch(db, user)),
  },
  {
    // Based on the schedule in force (none in the demo): the admin's save is the first version.
    name: 'action: save the daily scheduled fetch (kolada.schedule)',
    writes: true,
    expected: actions('ok'),
    call: async (ctx, user) => {
      const current = user?.roles.includes('admin') ? await getKoladaSchedule(ctx.db, user) : null;
      return action(await runAction(saveKoladaScheduleAction, user, { enabled: 'on', timeOfDay: '06:30', basedOn: current?.id ?? '' }, ctx.db));
    },
  },
  {
    name: 'action: search KPIs by title in Kolada (kolada.search)',
    writes: false,
    expected: actions('ok'),
    call: async (ctx, user) => {
      await ensureFake();
      return action(await runAction(searchKoladaAction, user, { kind: 'kpi', title: 'arbetslöshet' }, ctx.db));
    },
  },
  fetchRow('dryRun'),
  fetchRow('apply'),
  {
    name: 'action: remove an indicator\'s Kolada link (kolada.unlink)',
    writes: true,
    expected: actions('refused'),
    call: async (ctx, user) => action(await runAction(removeKoladaLinkAction, user, { indicatorId: await unemployment(ctx) }, ctx.db)),
  },
];
