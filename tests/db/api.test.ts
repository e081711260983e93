// The REST API v1 (issue 17) on each engine: tokens (stored hashed, expiring, revocable,
// scoped), the write rules shared with the forms (versions, 409 with the newer version,
// analysis required, locks), Idempotency-Key, the rate limit, problem details and the
// refusal of cookies. The endpoints are called through the same handlers as the routes.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { and, count, eq, sql } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { authenticateApiToken, claimIdempotencyKey, countApiCall, createApiToken, hashApiToken, listApiTokens, revokeApiToken } from '@/db/api-tokens';
import { getIndicatorReport } from '@/db/indicator-values';
import { setUserDisabled } from '@/db/users';
import { endpoints } from '@/app/api/v1/endpoints';
import { ForbiddenError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import { can } from '@/lib/policy';
import { demoUser, DEMO_EMAILS } from './demo-users';
import { engines } from './engines';
import { idByCode } from './matrix/harness';

const EXPIRES = '2099-12-31';

describe.each(engines)('REST API v1 on $name', (engine) => {
  let database: Database;
  let db: Db;
  let admin: CurrentUser;
  let periodId: string;
  let hrUnit: string;
  let hrIndicator: string; // sjukfrånvaro AME, HR-avdelningen's, 6,59 in the demo
  let ameIndicator: string;

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((d) => loadDemoIfEmpty(d, askersund, DEMO_PASSWORD).then(() => undefined));
    db = database.db;
    admin = await demoUser(db, DEMO_EMAILS.admin);
    const [period] = await db.select({ id: s.periods.id }).from(s.periods).where(eq(s.periods.kind, 'delar'));
    periodId = period!.id;
    hrUnit = await idByCode(db, s.units, 'KS-KLF-HR');
    hrIndicator = await idByCode(db, s.indicators, 'KS-2024-M1-I2');
    ameIndicator = await idByCode(db, s.indicators, 'KS-2024-M3-I1');
  });

  afterAll(async () => {
    await database?.close();
  });

  afterEach(() => {
    delete process.env.MALBILD_API_RATE_LIMIT;
  });

  const token = async (scope: 'read' | 'write', unitIds: string[] = [], expiresOn = EXPIRES, name = 'Testsystem') =>
    createApiToken(db, admin, { name, scope, unitIds, expiresOn });

  const get = (secret: string | null, path: string, extra: Record<string, string> = {}) =>
    new Request(`http://127.0.0.1${path}`, { headers: { ...(secret ? { authorization: `Bearer ${secret}` } : {}), ...extra } });

  const post = (secret: string, path: string, body: unknown, extra: Record<string, string> = {}) =>
    new Request(`http://127.0.0.1${path}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${secret}`, 'content-type': 'application/json', ...extra },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  const valueRows = async (indicatorId: string) =>
    (
      await db
        .select({ n: count() })
        .from(s.indicatorValues)
        .where(and(eq(s.indicatorValues.indicatorId, indicatorId), eq(s.indicatorValues.periodId, periodId)))
    )[0]!.n;

  const newestSeq = async (indicatorId: string) => (await getIndicatorReport(db, admin, indicatorId, periodId)).latest?.seq ?? 0;

  const readValues = (secret: string) => endpoints.periodValues.handle(db, get(secret, `/api/v1/periods/${periodId}/values`), { periodId });

  it('stores only the hash of a token, shows its secret once, and lists it without the secret', async () => {
    const { id, secret } = await token('read', [], EXPIRES, 'Hashkontroll');
    expect(secret).toMatch(/^mbk_[A-Za-z0-9_-]{43}$/);
    const [row] = await db.select().from(s.apiTokens).where(eq(s.apiTokens.id, id));
    expect(row!.tokenHash).toBe(hashApiToken(secret));
    const everything = (await db.execute(sql`select t::text as row from api_tokens t`)) as unknown;
    const text = JSON.stringify(everything);
    expect(text).not.toContain(secret);
    const listed = (await listApiTokens(db, admin)).find((t) => t.id === id)!;
    expect(listed).toMatchObject({ name: 'Hashkontroll', scope: 'read', state: 'active', lastUsedAt: null });
    expect(JSON.stringify(listed)).not.toContain(secret);
    expect(secret.startsWith(listed.prefix)).toBe(true);
  });

  it('is made and revoked only by the admin', async () => {
    const director = await demoUser(db, DEMO_EMAILS.director);
    await expect(createApiToken(db, director, { name: 'X', scope: 'read', unitIds: [], expiresOn: EXPIRES })).rejects.toThrow(ForbiddenError);
    const { id } = await token('read');
    await expect(revokeApiToken(db, director, id)).rejects.toThrow(ForbiddenError);
  });

  it('refuses a write token without a unit, and an expiry in the past', async () => {
    await expect(token('write', [])).rejects.toThrow('minst en enhet');
    await expect(token('read', [], '2020-01-01')).rejects.toThrow('passerat');
  });

  it('answers 401 for a missing, unknown, revoked or expired token, and for a user that was disabled', async () => {
    const refused = async (request: Request) => {
      const response = await endpoints.periods.handle(db, request);
      expect(response.status).toBe(401);
      expect(response.headers.get('content-type')).toContain('application/problem+json');
      expect(response.headers.get('www-authenticate')).toContain('Bearer');
      const problem = (await response.json()) as { status: number; title: string; detail: string };
      expect(problem).toMatchObject({ status: 401, title: 'Ingen giltig API-nyckel' });
      expect(problem.detail).toContain('Authorization: Bearer');
    };
    // No token, only a session cookie: the API never reads cookies.
    await refused(get(null, '/api/v1/periods', { cookie: 'authjs.session-token=whatever' }));
    await refused(get('mbk_not-a-token', '/api/v1/periods'));

    const revoked = await token('read');
    expect((await endpoints.periods.handle(db, get(revoked.secret, '/api/v1/periods'))).status).toBe(200);
    await revokeApiToken(db, admin, revoked.id);
    await refused(get(revoked.secret, '/api/v1/periods'));
    expect((await listApiTokens(db, admin)).find((t) => t.id === revoked.id)!.state).toBe('revoked');

    // Expired: valid through its last day in Stockholm, refused from the next day on.
    const expiring = await token('read', [], '2099-06-30');
    expect(await authenticateApiToken(db, expiring.secret, new Date('2099-06-30T21:59:00Z'))).not.toBeNull();
    expect(await authenticateApiToken(db, expiring.secret, new Date('2099-06-30T22:00:00Z'))).toBeNull();

    const disabled = await token('read');
    const [row] = await db.select({ userId: s.apiTokens.userId }).from(s.apiTokens).where(eq(s.apiTokens.id, disabled.id));
    await setUserDisabled(db, admin, { userId: row!.userId, disabled: true });
    await refused(get(disabled.secret, '/api/v1/periods'));
  });

  it('sees a write token as an editor of its unit and those below it, a read token as a reader', async () => {
    const write = await authenticateApiToken(db, (await token('write', [await idByCode(db, s.units, 'KS-KLF')])).secret);
    expect(write!.user.roles).toEqual(['editor']);
    expect(write!.user.coveredUnitIds).toContain(hrUnit);
    expect(can(write!.user, 'report', { kind: 'value', organizationId: admin.organizationId, unitIds: [hrUnit] })).toBe(true);
    const read = await authenticateApiToken(db, (await token('read')).secret);
    expect(read!.user.roles).toEqual(['viewer']);
    expect(can(read!.user, 'report', { kind: 'value', organizationId: admin.organizationId, unitIds: [hrUnit] })).toBe(false);
  });

  it("writes a value by the form's rules: a version, 409 with the newer one on a stale base, analysis required when not green", async () => {
    const { secret } = await token('write', [hrUnit], EXPIRES, 'Personalsystemet');
    const base = await newestSeq(hrIndicator);
    const before = await valueRows(hrIndicator);

    // 7,5 misses "Lägre än 7,00": red, so the analysis is required.
    const missing = await endpoints.writeValue.handle(db, post(secret, '/api/v1/values', { indicatorId: hrIndicator, periodId, baseSeq: base, outcome: '7,5' }));
    expect(missing.status).toBe(422);
    const invalid = (await missing.json()) as { errors: Record<string, string[]>; type: string };
    expect(invalid.type).toBe('urn:malbild:problem:invalid');
    expect(invalid.errors.analysis).toEqual(['Skriv en analys. Den krävs när måluppfyllelsen inte är grön.']);
    expect(await valueRows(hrIndicator)).toBe(before);

    const saved = await endpoints.writeValue.handle(
      db,
      post(secret, '/api/v1/values', { indicatorId: hrIndicator, periodId, baseSeq: base, outcome: '7,5', analysis: 'Ökad långtidssjukfrånvaro.' }),
    );
    expect(saved.status).toBe(201);
    expect(await saved.json()).toMatchObject({ seq: base + 1 });
    const history = (await (
      await endpoints.indicatorValues.handle(db, get(secret, `/api/v1/indicators/${hrIndicator}/values`), { indicatorId: hrIndicator })
    ).json()) as { versions: { seq: number; outcome: number; computedColour: string; authorName: string }[] };
    expect(history.versions[0]).toMatchObject({ seq: base + 1, outcome: 7.5, computedColour: 'red', authorName: 'API: Personalsystemet' });

    // The same base again: someone (this token) saved a newer version.
    const stale = await endpoints.writeValue.handle(
      db,
      post(secret, '/api/v1/values', { indicatorId: hrIndicator, periodId, baseSeq: base, outcome: '6,59', analysis: 'x' }),
    );
    expect(stale.status).toBe(409);
    const conflict = (await stale.json()) as { newer: { seq: number; outcome: number } };
    expect(conflict.newer).toMatchObject({ seq: base + 1, outcome: 7.5 });
    expect(await valueRows(hrIndicator)).toBe(before + 1);

    // Every successful call is in the audit log, as the token's user.
    const uses = await db
      .select({ action: s.auditEvents.action, changes: s.auditEvents.changes })
      .from(s.auditEvents)
      .where(eq(s.auditEvents.entityType, 'api'));
    expect(uses.some((u) => u.action === 'api.write' && (u.changes as { path: string }).path === '/api/v1/values')).toBe(true);
  });

  it("refuses a write outside the token's units with 404 and a read token's write, changing nothing", async () => {
    const hr = await token('write', [hrUnit]);
    const reader = await token('read');
    const before = await valueRows(ameIndicator);
    for (const secret of [hr.secret, reader.secret]) {
      const body = { indicatorId: ameIndicator, periodId, baseSeq: await newestSeq(ameIndicator), outcome: '25' };
      const response = await endpoints.writeValue.handle(db, post(secret, '/api/v1/values', body));
      expect(response.status).toBe(404);
      expect(((await response.json()) as { code: string }).code).toBe('not_found');
    }
    expect(await valueRows(ameIndicator)).toBe(before);
  });

  it('refuses a write in a closed period with 404, as the form is out of reach there, changing nothing', async () => {
    const { secret } = await token('write', [hrUnit]);
    const [t1] = await db.select({ id: s.periods.id }).from(s.periods).where(eq(s.periods.kind, 'T1'));
    const body = { indicatorId: hrIndicator, periodId: t1!.id, baseSeq: 0, outcome: '6,0', analysis: 'x' };
    const response = await endpoints.writeValue.handle(db, post(secret, '/api/v1/values', body));
    expect(response.status).toBe(404);
    const [{ n }] = (await db.select({ n: count() }).from(s.indicatorValues).where(eq(s.indicatorValues.periodId, t1!.id))) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('stores a retried POST with the same Idempotency-Key once and answers it the same', async () => {
    const { secret } = await token('write', [hrUnit]);
    const before = await valueRows(hrIndicator);
    const body = { indicatorId: hrIndicator, periodId, baseSeq: await newestSeq(hrIndicator), outcome: '6,59', analysis: 'Oförändrat.' };
    const first = await endpoints.writeValue.handle(db, post(secret, '/api/v1/values', body, { 'idempotency-key': 'import-2024-08-31-1' }));
    const retry = await endpoints.writeValue.handle(db, post(secret, '/api/v1/values', body, { 'idempotency-key': 'import-2024-08-31-1' }));
    expect(first.status).toBe(201);
    expect(retry.status).toBe(201);
    expect(retry.headers.get('idempotent-replayed')).toBe('true');
    expect(await retry.json()).toEqual(await first.json());
    expect(await valueRows(hrIndicator)).toBe(before + 1);

    // The same key for another request: refused, nothing stored.
    const other = await endpoints.writeValue.handle(
      db,
      post(secret, '/api/v1/values', { ...body, analysis: 'Något annat.' }, { 'idempotency-key': 'import-2024-08-31-1' }),
    );
    expect(other.status).toBe(422);
    expect(((await other.json()) as { code: string }).code).toBe('idempotency_key_reused');
    expect(await valueRows(hrIndicator)).toBe(before + 1);

    // A refused write gives its key up: after a conflict, the same key with a fresh base saves.
    const staleBody = { ...body, outcome: '6,4' };
    const conflict = await endpoints.writeValue.handle(db, post(secret, '/api/v1/values', staleBody, { 'idempotency-key': 'retry-me' }));
    expect(conflict.status).toBe(409);
    const fresh = { ...staleBody, baseSeq: await newestSeq(hrIndicator) };
    const saved = await endpoints.writeValue.handle(db, post(secret, '/api/v1/values', fresh, { 'idempotency-key': 'retry-me' }));
    expect(saved.status).toBe(201);
  });

  it('holds an unfinished Idempotency-Key claim for a minute, then lets a retry take it over', async () => {
    const caller = (await authenticateApiToken(db, (await token('write', [hrUnit])).secret))!;
    const at = new Date();
    expect(await claimIdempotencyKey(db, caller, 'crashed', 'h', at)).toEqual({ state: 'new' });
    expect(await claimIdempotencyKey(db, caller, 'crashed', 'h', new Date(at.getTime() + 10_000))).toEqual({ state: 'in_progress' });
    expect(await claimIdempotencyKey(db, caller, 'crashed', 'other', new Date(at.getTime() + 10_000))).toEqual({ state: 'mismatch' });
    expect(await claimIdempotencyKey(db, caller, 'crashed', 'h', new Date(at.getTime() + 61_000))).toEqual({ state: 'new' });
  });

  it('refuses a body over 256 kB with 413, unread', async () => {
    const { secret } = await token('write', [hrUnit]);
    const big = JSON.stringify({ indicatorId: hrIndicator, periodId, baseSeq: 0, analysis: 'x'.repeat(300 * 1024) });
    const response = await endpoints.writeValue.handle(db, post(secret, '/api/v1/values', big));
    expect(response.status).toBe(413);
    expect(((await response.json()) as { title: string }).title).toBe('Innehållet är för stort');
  });

  it('counts calls per token per minute: over the limit, refused until the next minute begins', async () => {
    const busy = await authenticateApiToken(db, (await token('read')).secret);
    const calm = await authenticateApiToken(db, (await token('read')).secret);
    const at = new Date('2026-11-30T10:15:45Z');
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await countApiCall(db, busy!, 3, at));
    expect(answers.map((a) => a.allowed)).toEqual([true, true, true, false]);
    expect(answers[3]).toEqual({ allowed: false, retryAfter: 15 });
    expect(await countApiCall(db, calm!, 3, at)).toEqual({ allowed: true });
    expect(await countApiCall(db, busy!, 3, new Date('2026-11-30T10:16:00Z'))).toEqual({ allowed: true });
  });

  it('answers a call over the limit with 429, Retry-After and a Swedish problem', async () => {
    process.env.MALBILD_API_RATE_LIMIT = '1';
    const { secret } = await token('read');
    // Two quick calls share a minute unless it turns between them: then a third one does.
    let response = await readValues(secret);
    expect(response.status).toBe(200);
    for (let i = 0; i < 2 && response.status === 200; i++) response = await readValues(secret);
    expect(response.status).toBe(429);
    const retryAfter = Number(response.headers.get('retry-after'));
    expect(retryAfter).toBeGreaterThanOrEqual(1);
    expect(retryAfter).toBeLessThanOrEqual(60);
    expect(await response.json()).toMatchObject({ status: 429, title: 'För många anrop' });
  });

  it('answers unknown ids, malformed JSON and a wrong content type with Swedish problems', async () => {
    const { secret } = await token('write', [hrUnit]);
    const unknown = await endpoints.periodGoals.handle(db, get(secret, '/api/v1/periods/nope/goals'), { periodId: 'nope' });
    expect(unknown.status).toBe(404);
    expect(await unknown.json()).toMatchObject({ title: 'Finns inte', status: 404, instance: '/api/v1/periods/nope/goals' });
    const malformed = await endpoints.writeValue.handle(db, post(secret, '/api/v1/values', '{"indicatorId":'));
    expect(malformed.status).toBe(400);
    expect(((await malformed.json()) as { detail: string }).detail).toBe('Innehållet kunde inte läsas som JSON. Inget sparades.');
    const form = await endpoints.writeValue.handle(db, post(secret, '/api/v1/values', 'outcome=1', { 'content-type': 'application/x-www-form-urlencoded' }));
    expect(form.status).toBe(415);
  });

  it('reads the rollup per målområde as the overview builds it', async () => {
    const { secret } = await token('read');
    const response = await endpoints.periodRollups.handle(db, get(secret, `/api/v1/periods/${periodId}/rollups`), { periodId });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { rollups: { number: number; total: number; metText: string }[] };
    const area1 = body.rollups.find((r) => r.number === 1)!;
    expect(area1.total).toBe(2);
    expect(area1.metText).toMatch(/^\d av 2 mål uppfyllda$/);
  });
});
