// The administration of periods on each engine: create (unique per year and kind), change
// the dates, open, close, reopen a closed period with a reason, delete only an unreferenced
// draft; every change audited; non-admins refused, another organization's periods not found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import {
  closePeriod,
  createPeriod,
  deletePeriod,
  listAdminPeriods,
  openPeriod,
  reopenClosedPeriod,
  updatePeriodDates,
} from '@/db/admin/periods';
import { loadPeriodLock } from '@/db/locks';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/errors';
import { runAction } from '@/server/action';
import type { CurrentUser } from '@/lib/current-user';
import { createPeriodAction } from '@/app/(inloggad)/admin/perioder/create-period';
import { reopenClosedPeriodAction } from '@/app/(inloggad)/admin/perioder/reopen-closed-period';
import { updatePeriodAction } from '@/app/(inloggad)/admin/perioder/update-period';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

describe.each(engines)('period administration on $name', (engine) => {
  let database: Database;
  let admin: CurrentUser, director: CurrentUser, hr: CurrentUser, otherAdmin: CurrentUser;
  let delarId: string;

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
    delarId = (await db.select().from(s.periods).where(eq(s.periods.kind, 'delar')))[0]!.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  const lastAudit = async () =>
    (await database.db.select().from(s.auditEvents).orderBy(desc(s.auditEvents.id)).limit(1))[0]!;

  it('lists the periods with their state and whether anything refers to them', async () => {
    const periods = await listAdminPeriods(database.db, admin);
    expect(periods.map((p) => [p.kind, p.state, p.referenced])).toEqual([
      ['helar', 'draft', false],
      ['delar', 'open', true],
      ['T1', 'closed', false],
    ]);
    await expect(listAdminPeriods(database.db, director)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(listAdminPeriods(database.db, null)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await listAdminPeriods(database.db, otherAdmin)).toEqual([]);
  });

  it('creates a draft, unique per year and kind, with Swedish field errors', async () => {
    const created = await createPeriod(database.db, admin, { year: 2025, kind: 'T1', endDate: '2025-04-30', deadline: '2025-05-15' });
    expect(created.label).toBe('Tertial 1 2025');
    const [row] = await database.db.select().from(s.periods).where(eq(s.periods.id, created.id));
    expect(row).toMatchObject({ year: 2025, kind: 'T1', endDate: '2025-04-30', deadline: '2025-05-15', state: 'draft' });
    expect(await lastAudit()).toMatchObject({ action: 'period.create', entityType: 'period', entityId: created.id, actorId: admin.id });

    const duplicate = await runAction(createPeriodAction, admin, { year: '2025', kind: 'T1', endDate: '2025-04-30', deadline: '' }, database.db);
    expect(duplicate).toMatchObject({ status: 'error', code: 'invalid', fieldErrors: { kind: ['Det finns redan en period Tertial 1 2025.'] } });

    const invalid = await runAction(createPeriodAction, admin, { year: '25', kind: 'x', endDate: '2025-02-30', deadline: 'i morgon' }, database.db);
    expect(invalid.status === 'error' && Object.keys(invalid.fieldErrors ?? {}).sort()).toEqual(['deadline', 'endDate', 'kind', 'year']);

    await expect(
      createPeriod(database.db, admin, { year: 2025, kind: 'delar', endDate: '2024-08-31', deadline: null }),
    ).rejects.toMatchObject({ fieldErrors: { endDate: ['Slutdatumet ska ligga under 2025.'] } });
    await expect(
      createPeriod(database.db, admin, { year: 2025, kind: 'delar', endDate: '2025-08-31', deadline: '2025-08-01' }),
    ).rejects.toBeInstanceOf(ValidationError);
    await expect(createPeriod(database.db, hr, { year: 2026, kind: 'T1', endDate: '2026-04-30', deadline: null })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
  });

  it('changes the end date and deadline, with before and after in the audit event', async () => {
    const { id } = await createPeriod(database.db, admin, { year: 2025, kind: 'delar', endDate: '2025-08-31', deadline: null });
    const result = await runAction(updatePeriodAction, admin, { periodId: id, endDate: '2025-08-30', deadline: '2025-09-15' }, database.db);
    expect(result).toMatchObject({ status: 'ok', message: 'Datumen för Delår 2025 är sparade.' });
    expect(await lastAudit()).toMatchObject({
      action: 'period.update',
      entityId: id,
      changes: { endDate: { before: '2025-08-31', after: '2025-08-30' }, deadline: { before: null, after: '2025-09-15' } },
    });
    await expect(updatePeriodDates(database.db, director, { periodId: id, endDate: '2025-08-31', deadline: null })).rejects.toBeInstanceOf(
      ForbiddenError,
    );
    await expect(
      updatePeriodDates(database.db, otherAdmin, { periodId: id, endDate: '2025-08-31', deadline: null }),
    ).rejects.toBeInstanceOf(NotFoundError);
  });

  it('opens a draft, closes it (nobody reports any more) and reopens it with a reason', async () => {
    const { id } = await createPeriod(database.db, admin, { year: 2025, kind: 'helar', endDate: '2025-12-31', deadline: null });
    await expect(closePeriod(database.db, admin, { periodId: id })).rejects.toBeInstanceOf(ValidationError);
    await openPeriod(database.db, admin, { periodId: id });
    expect((await loadPeriodLock(database.db, admin.organizationId, id))?.periodState).toBe('open');
    await expect(openPeriod(database.db, admin, { periodId: id })).rejects.toBeInstanceOf(ValidationError);

    await expect(closePeriod(database.db, director, { periodId: id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(closePeriod(database.db, otherAdmin, { periodId: id })).rejects.toBeInstanceOf(NotFoundError);
    await closePeriod(database.db, admin, { periodId: id });
    expect((await loadPeriodLock(database.db, admin.organizationId, id))?.periodState).toBe('closed');
    expect(await lastAudit()).toMatchObject({ action: 'period.close', changes: { state: { before: 'open', after: 'closed' } } });

    const noReason = await runAction(reopenClosedPeriodAction, admin, { periodId: id, reason: '  ' }, database.db);
    expect(noReason).toMatchObject({ status: 'error', code: 'invalid', fieldErrors: { reason: ['Ange varför perioden öppnas igen.'] } });
    await expect(reopenClosedPeriod(database.db, hr, { periodId: id, reason: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    const reopened = await runAction(reopenClosedPeriodAction, admin, { periodId: id, reason: 'Ett utfall saknades.' }, database.db);
    expect(reopened).toMatchObject({ status: 'ok', message: 'Helår 2025 är öppen för rapportering igen.' });
    expect(await lastAudit()).toMatchObject({
      action: 'period.reopen_closed',
      entityId: id,
      changes: { state: { before: 'closed', after: 'open' }, reason: 'Ett utfall saknades.' },
    });
    await expect(reopenClosedPeriod(database.db, admin, { periodId: id, reason: 'igen' })).rejects.toBeInstanceOf(ValidationError);
  });

  it('deletes only a draft that nothing refers to', async () => {
    const { id } = await createPeriod(database.db, admin, { year: 2026, kind: 'T1', endDate: '2026-04-30', deadline: null });
    await expect(deletePeriod(database.db, director, { periodId: id })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(deletePeriod(database.db, otherAdmin, { periodId: id })).rejects.toBeInstanceOf(NotFoundError);
    await deletePeriod(database.db, admin, { periodId: id });
    expect(await database.db.select().from(s.periods).where(eq(s.periods.id, id))).toEqual([]);
    expect(await lastAudit()).toMatchObject({ action: 'period.delete', entityId: id, changes: { year: 2026, kind: 'T1' } });

    // The open demo period has history; a draft with a text block is referred to.
    await expect(deletePeriod(database.db, admin, { periodId: delarId })).rejects.toBeInstanceOf(ValidationError);
    const [draft] = await database.db.select().from(s.periods).where(and(eq(s.periods.year, 2024), eq(s.periods.kind, 'helar')));
    if (!draft) throw new Error('the demo has a draft helår 2024');
    const [plan] = await database.db.select().from(s.plans).where(eq(s.plans.code, 'KS-2024'));
    await database.db
      .insert(s.textBlocks)
      .values({ organizationId: admin.organizationId, planId: plan!.id, periodId: draft.id, slot: 'goals_intro' });
    expect((await listAdminPeriods(database.db, admin)).find((p) => p.id === draft.id)).toMatchObject({ state: 'draft', referenced: true });
    await expect(deletePeriod(database.db, admin, { periodId: draft.id })).rejects.toBeInstanceOf(ValidationError);
    expect(await database.db.select().from(s.periods).where(eq(s.periods.id, draft.id))).toHaveLength(1);
  });
});
