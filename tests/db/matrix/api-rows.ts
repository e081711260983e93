// The REST API v1 (issue 17) in the authorization matrix: every endpoint called with each
// actor's API token, through the same handler as the route (endpoints.ts), and the admin's
// token actions. The tokens, made once before the matrix runs (prepareApiTokens):
//   admin         a write token for Kommunstyrelsen (and every unit below it)
//   director      a read token          viewer  a read token
//   editor        a write token for HR-avdelningen
//   otherEditor   a write token for Arbetsmarknadsenheten
//   anonymous     no token, only a session cookie (the API refuses cookies: 401)
//   otherOrgAdmin a write token of another organization (sees nothing here: 404, or only its own organization's items: ok)
// A successful API call records its use in the audit log, so the reads are rows that write
// (a refused call must still change nothing); the per-minute call counter is no data (digest.ts).
import { eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { createApiToken } from '@/db/api-tokens';
import { getIndicatorReport } from '@/db/indicator-values';
import { getAssignmentReport } from '@/db/assignment-reports';
import { runAction } from '@/server/action';
import { endpoints } from '@/app/api/v1/endpoints';
import type { ApiEndpoint, ApiParams } from '@/server/api-route';
import { createApiTokenAction } from '@/app/(inloggad)/admin/api/create-api-token';
import { revokeApiTokenAction } from '@/app/(inloggad)/admin/api/revoke-api-token';
import type { CurrentUser } from '@/lib/current-user';
import { action, adminOnly, idByCode, type Actor, type Context, type MatrixRow, type Outcome } from './harness';

const tokens = new Map<string, string>();
const ids: { ameUnit?: string; ameIndicator?: string; spareToken?: string } = {};

/** Makes each actor's token (see above); call once, before the matrix runs. */
export async function prepareApiTokens(ctx: Context): Promise<void> {
  const { db, users } = ctx;
  const expiresOn = '2099-12-31';
  ids.ameUnit = await idByCode(db, s.units, 'KS-KLF-AME');
  ids.ameIndicator = await idByCode(db, s.indicators, 'KS-2024-M3-I1');
  const make = async (user: CurrentUser, name: string, scope: 'read' | 'write', unitIds: string[]) =>
    (await createApiToken(db, user, { name, scope, unitIds, expiresOn })).secret;
  tokens.set('admin', await make(users.admin!, 'Styrsystemet', 'write', [ctx.ids.ksBoard]));
  tokens.set('director', await make(users.admin!, 'Analysverktyget', 'read', []));
  tokens.set('viewer', await make(users.admin!, 'Intranätet', 'read', []));
  tokens.set('editor', await make(users.admin!, 'Personalsystemet', 'write', [ctx.ids.hrUnit]));
  tokens.set('otherEditor', await make(users.admin!, 'Arbetsmarknadssystemet', 'write', [ids.ameUnit]));
  const other = users.otherOrgAdmin!;
  const [otherUnit] = await db
    .insert(s.units)
    .values({ organizationId: other.organizationId, code: 'ANNAN-KS', kind: 'board', name: 'Annans kommunstyrelse' })
    .returning({ id: s.units.id });
  tokens.set('otherOrgAdmin', await make(other, 'Annans system', 'write', [otherUnit!.id]));
  ids.spareToken = (await createApiToken(db, users.admin!, { name: 'Reserv', scope: 'read', unitIds: [], expiresOn })).id;
}

/** Which actor a user is: the matrix passes users, the API takes the actor's token. */
function actorOf(ctx: Context, user: CurrentUser | null): Actor {
  const found = (Object.entries(ctx.users) as [Actor, CurrentUser | null][]).find(([, u]) => u === user);
  if (!found) throw new Error('unknown actor');
  return found[0];
}

function request(ctx: Context, user: CurrentUser | null, method: string, path: string, body?: unknown): Request {
  const token = tokens.get(actorOf(ctx, user));
  const headers: Record<string, string> = token
    ? { authorization: `Bearer ${token}` }
    : // A browser's session cookie alone: the API never reads it.
      { cookie: 'authjs.session-token=a-session' };
  if (body !== undefined) headers['content-type'] = 'application/json';
  return new Request(`http://127.0.0.1${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
}

/** The ids of this organization's periods and plans, which another organization's token must never list. */
async function ownIds(ctx: Context): Promise<Set<string>> {
  const org = ctx.users.admin!.organizationId;
  const [periods, plans] = await Promise.all([
    ctx.db.select({ id: s.periods.id }).from(s.periods).where(eq(s.periods.organizationId, org)),
    ctx.db.select({ id: s.plans.id }).from(s.plans).where(eq(s.plans.organizationId, org)),
  ]);
  return new Set([...periods, ...plans].map((row) => row.id));
}

/** An API answer as an outcome: 2xx ok, 401 unauthenticated, 404 refused; never HTML. */
async function outcome(ctx: Context, response: Response, actor: Actor): Promise<Outcome> {
  const text = await response.text();
  if (!/^application\/(problem\+)?json/.test(response.headers.get('content-type') ?? '')) throw new Error('the API answered other than JSON');
  if (response.status === 401) return 'unauthenticated';
  if (response.status === 404) return 'refused';
  if (response.status === 200 || response.status === 201) {
    // Another organization's token may list its own organization's items, never this one's.
    if (actor === 'otherOrgAdmin') {
      const own = await ownIds(ctx);
      const listed = Object.values(JSON.parse(text) as Record<string, unknown>)
        .filter(Array.isArray)
        .flat()
        .map((item) => (item as { id?: string }).id);
      if (listed.some((id) => id && own.has(id))) throw new Error(`another organization's token saw: ${text}`);
    }
    return 'ok';
  }
  throw new Error(`unexpected API answer ${response.status}: ${text}`);
}

async function call(ctx: Context, user: CurrentUser | null, endpoint: ApiEndpoint, method: string, path: string, params?: ApiParams, body?: unknown) {
  return outcome(ctx, await endpoint.handle(ctx.db, request(ctx, user, method, path, body), params), actorOf(ctx, user));
}

const apiReaders: Record<Actor, Outcome> = {
  admin: 'ok',
  director: 'ok',
  viewer: 'ok',
  editor: 'ok',
  otherEditor: 'ok',
  anonymous: 'unauthenticated',
  otherOrgAdmin: 'refused',
};
const refusedWrite: Record<Actor, Outcome> = { ...apiReaders, admin: 'refused', director: 'refused', viewer: 'refused', editor: 'refused', otherEditor: 'refused' };

function readRow(name: string, expected: Record<Actor, Outcome>, run: (ctx: Context, user: CurrentUser | null) => Promise<Outcome>): MatrixRow {
  return { name: `api: GET ${name}`, writes: true, expected, call: run };
}

export const apiRows: MatrixRow[] = [
  readRow('/api/v1/periods', { ...apiReaders, otherOrgAdmin: 'ok' }, (ctx, user) => call(ctx, user, endpoints.periods, 'GET', '/api/v1/periods')),
  readRow('/api/v1/plans', { ...apiReaders, otherOrgAdmin: 'ok' }, (ctx, user) => call(ctx, user, endpoints.plans, 'GET', '/api/v1/plans')),
  ...(['periodGoals', 'periodValues', 'periodAssignments', 'periodRollups'] as const).map((key) => {
    const tail = { periodGoals: 'goals', periodValues: 'values', periodAssignments: 'assignments', periodRollups: 'rollups' }[key];
    return readRow(`/api/v1/periods/{periodId}/${tail}`, apiReaders, (ctx, user) =>
      call(ctx, user, endpoints[key], 'GET', `/api/v1/periods/${ctx.ids.periodId}/${tail}`, { periodId: ctx.ids.periodId }),
    );
  }),
  readRow('/api/v1/periods/{periodId}/rollups?boardId=Kommunstyrelsen', apiReaders, (ctx, user) =>
    call(ctx, user, endpoints.periodRollups, 'GET', `/api/v1/periods/${ctx.ids.periodId}/rollups?boardId=${ctx.ids.ksBoard}`, {
      periodId: ctx.ids.periodId,
    }),
  ),
  readRow('/api/v1/indicators/{indicatorId}/values', apiReaders, (ctx, user) =>
    call(ctx, user, endpoints.indicatorValues, 'GET', `/api/v1/indicators/${ctx.ids.hrIndicator}/values`, { indicatorId: ctx.ids.hrIndicator }),
  ),
  readRow('/api/v1/assignments/{assignmentId}/reports', apiReaders, (ctx, user) =>
    call(ctx, user, endpoints.assignmentReports, 'GET', `/api/v1/assignments/${ctx.ids.klfAssignment}/reports`, {
      assignmentId: ctx.ids.klfAssignment,
    }),
  ),
  {
    name: "api: POST /api/v1/values for HR-avdelningen's indicator",
    writes: true,
    expected: { ...refusedWrite, admin: 'ok', editor: 'ok' },
    call: async (ctx, user) => {
      const report = await getIndicatorReport(ctx.db, ctx.users.admin, ctx.ids.hrIndicator, ctx.ids.periodId);
      const body = { indicatorId: ctx.ids.hrIndicator, periodId: ctx.ids.periodId, baseSeq: report.latest?.seq ?? 0, outcome: '1,86', analysis: 'Via API:t.' };
      return call(ctx, user, endpoints.writeValue, 'POST', '/api/v1/values', undefined, body);
    },
  },
  {
    name: "api: POST /api/v1/values for Arbetsmarknadsenheten's indicator",
    writes: true,
    expected: { ...refusedWrite, admin: 'ok', otherEditor: 'ok' },
    call: async (ctx, user) => {
      const report = await getIndicatorReport(ctx.db, ctx.users.admin, ids.ameIndicator!, ctx.ids.periodId);
      const body = { indicatorId: ids.ameIndicator, periodId: ctx.ids.periodId, baseSeq: report.latest?.seq ?? 0, outcome: '15', analysis: 'Via API:t.' };
      return call(ctx, user, endpoints.writeValue, 'POST', '/api/v1/values', undefined, body);
    },
  },
  {
    name: "api: POST /api/v1/assignment-reports for Kommunledningsförvaltningen's report",
    writes: true,
    expected: { ...refusedWrite, admin: 'ok' },
    call: async (ctx, user) => {
      const current = await getAssignmentReport(ctx.db, ctx.users.admin, ctx.ids.klfAssignment, ctx.ids.klfUnit, ctx.ids.periodId);
      const body = {
        assignmentId: ctx.ids.klfAssignment,
        unitId: ctx.ids.klfUnit,
        periodId: ctx.ids.periodId,
        baseSeq: current.latest?.seq ?? 0,
        status: 'in_progress',
        body: 'Arbetet pågår (via API:t).',
      };
      return call(ctx, user, endpoints.writeReport, 'POST', '/api/v1/assignment-reports', undefined, body);
    },
  },
  {
    name: 'action: make an API token (api_token.create)',
    writes: true,
    // Another organization's admin makes one in their own organization.
    expected: { ...adminOnly, anonymous: 'unauthenticated', otherOrgAdmin: 'ok' },
    call: async ({ db }, user) =>
      action(await runAction(createApiTokenAction, user, { name: 'Nytt system', scope: 'read', unitId: '', expiresOn: '2099-06-30' }, db)),
  },
  {
    name: 'action: revoke an API token (api_token.revoke)',
    writes: true,
    expected: { ...adminOnly, anonymous: 'unauthenticated' },
    call: async ({ db }, user) => action(await runAction(revokeApiTokenAction, user, { tokenId: ids.spareToken! }, db)),
  },
];

