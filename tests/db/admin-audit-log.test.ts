// The audit log on each engine: newest first, 50 to a page, filtered by who, by the kind
// of item (a fixed list of prefixes) and by days in Swedish time; entity names resolved;
// admins only, each organization sees its own; a fixed number of queries whatever the
// page holds. And the readable Swedish text for actions and changes.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import { openDatabase, type Database } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { getAuditLog, type AuditFilters } from '@/db/admin/audit-log';
import { closePeriod, createPeriod } from '@/db/admin/periods';
import { ForbiddenError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import { actionText, changesText, entityTypeText, OTHER_ACTION, OTHER_ENTITY } from '@/app/(inloggad)/admin/logg/audit-text';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

const ALL: AuditFilters = { page: 1, actorId: null, prefix: null, from: null, to: null };

describe.each(engines)('the audit log on $name', (engine) => {
  let database: Database;
  let admin: CurrentUser, director: CurrentUser, hr: CurrentUser, otherAdmin: CurrentUser;

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    const db = database.db;
    [admin, director, hr] = (await Promise.all(
      [DEMO_EMAILS.admin, DEMO_EMAILS.director, DEMO_EMAILS.hr].map((e) => demoUser(db, e)),
    )) as [CurrentUser, CurrentUser, CurrentUser];
    const [other] = await db.insert(s.organizations).values({ code: 'annan', name: 'Annan kommun' }).returning();
    const [otherUser] = await db.insert(s.users).values({ organizationId: other!.id, email: 'admin@annan.example', name: 'Annan Admin' }).returning();
    await db.insert(s.roleGrants).values({ organizationId: other!.id, userId: otherUser!.id, role: 'admin' });
    otherAdmin = await demoUser(db, 'admin@annan.example');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('shows the demo load by the system, to admins only; another organization sees only its own', async () => {
    const log = await getAuditLog(database.db, admin, ALL);
    expect(log).toMatchObject({ total: 1, page: 1, pageCount: 1 });
    expect(log.events[0]).toMatchObject({ action: 'demo.load', actorName: null, entityType: 'organization' });
    expect(log.users.map((u) => u.name)).toContain('Helena HR-chef');
    await expect(getAuditLog(database.db, director, ALL)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getAuditLog(database.db, hr, ALL)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getAuditLog(database.db, null, ALL)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getAuditLog(database.db, otherAdmin, ALL)).toMatchObject({ total: 0, events: [], users: [{ name: 'Annan Admin' }] });
  });

  it('lists the newest first with names for the entities, and filters by who and by kind', async () => {
    const { id } = await createPeriod(database.db, admin, { year: 2025, kind: 'T1', endDate: '2025-04-30', deadline: null });
    const log = await getAuditLog(database.db, admin, ALL);
    expect(log.events.map((e) => e.action)).toEqual(['period.create', 'demo.load']);
    expect(log.events[0]).toMatchObject({ actorName: 'Sara Systemförvaltare', entityId: id, entityName: 'Tertial 1 2025' });

    expect((await getAuditLog(database.db, admin, { ...ALL, actorId: admin.id })).events.map((e) => e.action)).toEqual(['period.create']);
    expect((await getAuditLog(database.db, admin, { ...ALL, actorId: hr.id })).total).toBe(0);
    expect((await getAuditLog(database.db, admin, { ...ALL, prefix: 'period' })).total).toBe(1);
    expect((await getAuditLog(database.db, admin, { ...ALL, prefix: 'demo' })).total).toBe(1);
    expect((await getAuditLog(database.db, admin, { ...ALL, prefix: 'plan' })).total).toBe(0);
  });

  it('filters by days in Swedish time', async () => {
    const org = admin.organizationId;
    // 23:30 UTC on 1 March is 00:30 on 2 March in Stockholm.
    await database.db.insert(s.auditEvents).values({
      organizationId: org,
      actorId: admin.id,
      action: 'unit.update',
      entityType: 'unit',
      entityId: null,
      createdAt: new Date('2024-03-01T23:30:00Z'),
    });
    const day = (from: string, to: string) => getAuditLog(database.db, admin, { ...ALL, prefix: 'unit', from, to }).then((l) => l.total);
    expect(await day('2024-03-02', '2024-03-02')).toBe(1);
    expect(await day('2024-03-01', '2024-03-01')).toBe(0);
    expect(await day('2024-03-03', '2024-12-31')).toBe(0);
  });

  it('pages 50 at a time', async () => {
    const org = admin.organizationId;
    await database.db.insert(s.auditEvents).values(
      Array.from({ length: 120 }, (_, i) => ({
        organizationId: org,
        actorId: director.id,
        action: 'goal.update',
        entityType: 'goal',
        entityId: null,
        changes: { n: i },
        createdAt: new Date(Date.UTC(2023, 0, 1, 0, i)),
      })),
    );
    const filters = { ...ALL, actorId: director.id };
    const first = await getAuditLog(database.db, admin, filters);
    expect(first).toMatchObject({ total: 120, pageCount: 3 });
    expect(first.events).toHaveLength(50);
    expect(first.events[0]!.changes).toEqual({ n: 119 });
    const last = await getAuditLog(database.db, admin, { ...filters, page: 3 });
    expect(last.events.map((e) => (e.changes as { n: number }).n)).toEqual(Array.from({ length: 20 }, (_, i) => 19 - i));
    expect((await getAuditLog(database.db, admin, { ...filters, page: 4 })).events).toEqual([]);
  });
});

// Writes many audit events over many entities and reads pages of them (4 s under load).
describe('the audit log runs a fixed number of queries', { timeout: 120_000 }, () => {
  let database: Database;
  let count = 0;
  let counting = false;
  let admin: CurrentUser;

  beforeAll(async () => {
    database = await openDatabase({
      dataDir: 'memory://',
      onQuery: () => {
        if (counting) count += 1;
      },
    });
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    admin = await demoUser(database.db, DEMO_EMAILS.admin);
  });
  afterAll(async () => {
    await database?.close();
  });

  const queries = async (filters: AuditFilters) => {
    count = 0;
    counting = true;
    await getAuditLog(database.db, admin, filters);
    counting = false;
    return count;
  };

  it('is the same for an empty page, a small one and a full one with many entities', async () => {
    const empty = await queries({ ...ALL, prefix: 'plan' });
    const small = await queries(ALL);
    const [delar] = await database.db.select().from(s.periods).where(eq(s.periods.kind, 'delar'));
    for (let year = 2030; year < 2090; year++) {
      const { id } = await createPeriod(database.db, admin, { year, kind: 'T1', endDate: `${year}-04-30`, deadline: null });
      if (year % 2) await database.db.insert(s.auditEvents).values({ organizationId: admin.organizationId, actorId: admin.id, action: 'item.send_back', entityType: 'indicator', entityId: id, changes: { periodId: delar!.id } });
    }
    await closePeriod(database.db, admin, { periodId: delar!.id });
    const full = await queries(ALL);
    expect(empty).toBe(4);
    expect(small).toBe(4);
    expect(full).toBe(4);
  });
});

describe('the audit text', () => {
  it('names actions in Swedish, and an unknown one with a general Swedish word, never its key', () => {
    expect(actionText('period.close')).toBe('Stängde en period');
    expect(actionText('period.reopen_closed')).toBe('Öppnade en stängd period igen');
    expect(actionText('goal.archive')).toBe('Arkiverade ett nämndmål');
    expect(actionText('council_goal.create')).toBe('Skapade ett KF-mål');
    expect(actionText('something.else')).toBe(OTHER_ACTION);
    expect(actionText('board_goal.archive')).toBe('Arkiverade ett nämndmål');
    expect(actionText('session.login')).toBe('Loggade in');
    expect(actionText('user.grant_add')).toBe('Gav ett konto en behörighet');
    expect(entityTypeText('board_period')).toBe('Nämndens period');
    expect(entityTypeText('widget')).toBe(OTHER_ENTITY);
    expect(entityTypeText('structure')).toBe('Struktur');
  });

  it('writes changes as one short line of plain text', () => {
    expect(changesText({ state: { before: 'open', after: 'closed' }, reason: 'Ett utfall saknades.' })).toBe(
      'status: öppen för rapportering → stängd; skäl: Ett utfall saknades.',
    );
    expect(changesText({ endDate: { before: '2025-08-31', after: '2025-08-30' }, deadline: { before: null, after: '2025-09-15' } })).toBe(
      'slutdatum: 2025-08-31 → 2025-08-30; sista dag: – → 2025-09-15',
    );
    const unit = '11111111-1111-4111-8111-111111111111';
    expect(changesText({ unitId: unit, seq: 2, ready: true, kind: 'delar' }, { [unit]: 'HR-avdelningen' })).toBe(
      'enhet: HR-avdelningen; version: 2; klar: ja; typ: delår',
    );
    expect(changesText({ comment: '<script>alert(1)</script>' })).toBe('kommentar: <script>alert(1)</script>');
    expect(changesText(null)).toBe('');
    expect(changesText({ body: 'x'.repeat(500) }).length).toBeLessThanOrEqual(400);
  });

  it('shows every logged kind of change with Swedish labels, and years and codes without a thousands separator', () => {
    const unit = '11111111-1111-4111-8111-111111111111';
    const names = { [unit]: 'HR-avdelningen' };
    // The shapes the writes in db/ log (see each recordAudit call).
    const samples: unknown[] = [
      { after: { name: 'HR', kind: 'unit', parentId: unit } },
      { before: { archivedAt: null }, after: { archivedAt: '2024-05-02T08:00:00.000Z' } },
      { after: { name: 'Anna', email: 'a@x.se', title: null, grants: [{ role: 'editor', unitId: unit }] } },
      { grantId: unit, role: 'director', unitId: null },
      { sessionsEnded: true },
      { session: unit, reason: 'idle' },
      { reason: 'wrong_password' },
      { before: { number: 1, text: 'Mål', rule: 'all', validFrom: 2023, validTo: 2026 }, after: { number: 2, text: 'Mål', rule: 'majority', validFrom: 2024, validTo: null } },
      { before: { comparator: 'lt', targetValue: 5, direction: null, frequency: 'every_period', yearlyPeriodKind: null, baselineYear: 2023, source: 'kolada' }, after: { comparator: 'gte', targetValue: 1500.5, direction: 'higher', frequency: 'yearly', yearlyPeriodKind: 'helar', baselineYear: 2024, source: 'manual' } },
      { after: { issuer: 'council', issuerBoardId: null, decisionDate: '2024-01-01', diaryNumber: 'KS 2024/12', dueDate: '2024-10-31', unitIds: [unit] } },
      { periodId: unit, seq: 3, outcome: 1.86, colour: 'green' },
      { periodId: unit, seq: 2, colour: 'yellow', forecast: 'red' },
      { unitId: unit, periodId: unit, seq: 1, status: 'in_progress' },
      { seq: 1, reason: 'Ett fel' },
      { plan: 'KS-2024', period: 'Delår 2024', slot: 'Inledning' },
      { from: { planId: unit, code: 'KS-2024', year: 2024 }, to: { planId: unit, code: 'KS-2025', year: 2025 }, counts: { goals: 4, indicators: 6, textBlocks: 0 }, goals: ['KS-2024-M1'], textPeriod: null },
      { rows: 12000, written: 2, unchanged: 11998 },
      { created: 1, updated: 1, unchanged: 0, items: [{ sheet: 'Mål', code: 'KS-2024-M1', id: unit, kind: 'create', before: null, after: { number: 1, planId: unit } }] },
      { targetValue: { before: 5, after: 6 }, reevaluated: [{ periodId: unit, seq: 2, computedColour: 'red' }] },
      { tables: 23, rows: 19531, reports: 1, bytes: 2465338 },
      { source: 'malbild-export-askersund-2026-11-30.zip', exportedBy: 'Sara Systemförvaltare', rows: 97, newAdminPasswords: ['admin@askersund.example'] },
    ];
    for (const sample of samples) {
      const text = changesText(sample, names);
      expect(text, text).not.toMatch(/[a-z][A-Z]|_|\b(before|after|items|sheet|ready|kind|create|unit|council|editor|director|lt|gte|all|majority|yearly|helar|manual|kolada|idle|green|yellow|red|in_progress)\b/);
      expect(text, text).not.toMatch(/\b20\s\d{2}\b|\{|\}|"/);
    }
    expect(changesText(samples[7], names)).toBe('nummer: 1 → 2; text: Mål → Mål; regel: alla → majoritet; giltig från: 2023 → 2024; giltig till: 2026 → –');
    expect(changesText(samples[16], names)).toBe('rader i filen: 12\u00a0000; sparade: 2; oförändrade: 11\u00a0998');
    expect(changesText(samples[1], names)).toBe('arkiverad: – → 2024-05-02 10:00:00');
    expect(changesText(samples[19], names)).toBe('tabeller: 23; rader i filen: 19\u00a0531; rapporter: 1; byte: 2\u00a0465\u00a0338');
  });
});
