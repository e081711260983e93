// The administration of plans and the board's texts on each engine: create (one plan per
// board and year, codes unique), edit the code, archive, restore, delete only a plan with
// no goals or texts; text versions based on the newest one (conflicts carry the newer
// version, including two first saves at once); closed, draft and approved periods refuse
// text changes; every change audited; non-admins refused, other organizations not found.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, desc, eq, sql } from 'drizzle-orm';
import type { Database } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { createPlan, deletePlan, getPlansPage, setPlanArchived, updatePlan } from '@/db/admin/plans';
import { getPlanTexts, saveTextBlock, type SaveTextBlockInput } from '@/db/admin/text-blocks';
import { approvePeriod, getApprovalState, reopenPeriod } from '@/db/approvals';
import { ConflictError, NotFoundError, ValidationError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/errors';
import { runAction } from '@/server/action';
import type { CurrentUser } from '@/lib/current-user';
import { createPlanAction } from '@/app/(inloggad)/admin/planer/create-plan';
import { saveTextBlockAction } from '@/app/(inloggad)/admin/planer/save-text-block';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

describe.each(engines)('plan and text administration on $name', (engine) => {
  let database: Database;
  let admin: CurrentUser, director: CurrentUser, hr: CurrentUser, otherAdmin: CurrentUser;
  let ks: string, sn: string, hrUnit: string, ksPlan: string, delar: string, t1: string, helar: string;
  let mo1: string, mo2: string, mo3: string;

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
    const unit = async (code: string) => (await db.select().from(s.units).where(eq(s.units.code, code)))[0]!.id;
    [ks, hrUnit] = await Promise.all([unit('KS'), unit('KS-KLF-HR')]);
    sn = (await db.select().from(s.units).where(and(eq(s.units.kind, 'board'), eq(s.units.name, 'Socialnämnden'))))[0]!.id;
    ksPlan = (await db.select().from(s.plans).where(eq(s.plans.code, 'KS-2024')))[0]!.id;
    const period = async (kind: 'T1' | 'delar' | 'helar') => (await db.select().from(s.periods).where(eq(s.periods.kind, kind)))[0]!.id;
    [delar, t1, helar] = await Promise.all([period('delar'), period('T1'), period('helar')]);
    const area = async (code: string) => (await db.select().from(s.focusAreas).where(eq(s.focusAreas.code, code)))[0]!.id;
    [mo1, mo2, mo3] = await Promise.all([area('MO1'), area('MO2'), area('MO3')]);
  });
  afterAll(async () => {
    await database?.close();
  });

  const lastAudit = async () =>
    (await database.db.select().from(s.auditEvents).orderBy(desc(s.auditEvents.id)).limit(1))[0]!;
  const versionCount = async () =>
    ((await database.db.select({ n: sql<number>`count(*)::int` }).from(s.textBlockVersions)) as [{ n: number }])[0].n;

  it('lists the plans with their boards, and the boards a plan can be for', async () => {
    const page = await getPlansPage(database.db, admin);
    expect(page.plans).toEqual([
      { id: ksPlan, code: 'KS-2024', year: 2024, board: { id: ks, name: 'Kommunstyrelsen' }, archived: false, hasHistory: true },
    ]);
    expect(page.boards.map((b) => b.name)).toEqual(expect.arrayContaining(['Kommunstyrelsen', 'Socialnämnden']));
    expect(page.boards.map((b) => b.id)).not.toContain(hrUnit);
    await expect(getPlansPage(database.db, director)).rejects.toBeInstanceOf(ForbiddenError);
    expect(await getPlansPage(database.db, otherAdmin)).toEqual({ plans: [], boards: [] });
  });

  it('creates a plan per board and year with a unique code', async () => {
    const plan = await createPlan(database.db, admin, { boardId: sn, year: 2024, code: 'SN-2024' });
    expect(await lastAudit()).toMatchObject({ action: 'plan.create', entityType: 'plan', entityId: plan.id, changes: { code: 'SN-2024' } });

    const sameCode = await runAction(createPlanAction, admin, { boardId: sn, year: '2025', code: 'KS-2024' }, database.db);
    expect(sameCode).toMatchObject({ status: 'error', code: 'invalid', fieldErrors: { code: ['Koden används redan.'] } });
    const sameYear = await runAction(createPlanAction, admin, { boardId: ks, year: '2024', code: 'KS-2024-B' }, database.db);
    expect(sameYear).toMatchObject({ status: 'error', code: 'invalid', fieldErrors: { year: ['Nämnden har redan en verksamhetsplan för det här året.'] } });
    await expect(createPlan(database.db, admin, { boardId: hrUnit, year: 2025, code: 'HR-2025' })).rejects.toMatchObject({
      fieldErrors: { boardId: ['En verksamhetsplan hör till en nämnd eller styrelse.'] },
    });
    await expect(createPlan(database.db, hr, { boardId: ks, year: 2025, code: 'KS-2025' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(createPlan(database.db, otherAdmin, { boardId: ks, year: 2025, code: 'KS-2025' })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('edits the code, archives, restores, and deletes only a plan without goals or texts', async () => {
    const { id } = await createPlan(database.db, admin, { boardId: ks, year: 2025, code: 'KS-2025' });
    await updatePlan(database.db, admin, { planId: id, code: 'KS-VP-2025' });
    expect(await lastAudit()).toMatchObject({ action: 'plan.update', changes: { code: { before: 'KS-2025', after: 'KS-VP-2025' } } });
    await expect(updatePlan(database.db, admin, { planId: id, code: 'KS-2024' })).rejects.toMatchObject({
      fieldErrors: { code: ['Koden används redan.'] },
    });
    await expect(updatePlan(database.db, otherAdmin, { planId: id, code: 'X' })).rejects.toBeInstanceOf(NotFoundError);

    await setPlanArchived(database.db, admin, { planId: id, archived: true });
    expect(await lastAudit()).toMatchObject({ action: 'plan.archive', entityId: id });
    expect((await getPlansPage(database.db, admin)).plans.find((p) => p.id === id)?.archived).toBe(true);
    await setPlanArchived(database.db, admin, { planId: id, archived: false });
    expect(await lastAudit()).toMatchObject({ action: 'plan.restore', entityId: id });
    await expect(setPlanArchived(database.db, director, { planId: id, archived: true })).rejects.toBeInstanceOf(ForbiddenError);

    await expect(deletePlan(database.db, admin, { planId: ksPlan })).rejects.toBeInstanceOf(ValidationError);
    await expect(deletePlan(database.db, hr, { planId: id })).rejects.toBeInstanceOf(ForbiddenError);
    await deletePlan(database.db, admin, { planId: id });
    expect(await database.db.select().from(s.plans).where(eq(s.plans.id, id))).toEqual([]);
    expect(await lastAudit()).toMatchObject({ action: 'plan.delete', entityId: id, changes: { code: 'KS-VP-2025' } });
  });

  it("shows the board's text slots for a plan and period with the newest versions", async () => {
    const texts = await getPlanTexts(database.db, admin, ksPlan, delar);
    expect(texts).toMatchObject({ plan: { code: 'KS-2024', board: { name: 'Kommunstyrelsen' } }, period: { label: 'Delår 2024' }, locked: false });
    expect(texts.slots.map((x) => x.label)).toEqual([
      'Inledning till Mål och uppdrag',
      'Kommentar för målområde 1 god ekonomisk hushållning',
      'Kommentar för målområde 2 De kommunala kärnverksamheterna',
      'Kommentar för målområde 3 Tillväxt och demografi',
      'Kommentar för målområde 4 Specifika utvecklingsområden',
      'Övergripande perspektiv',
      'Inledning till uppföljning av nämndens uppdrag',
    ]);
    expect(texts.slots[0]!.latest).toMatchObject({ seq: 1, body: 'Uppföljning av nämndens egna mål enligt verksamhetsplan för 2024.' });
    expect(texts.slots[3]!.latest?.body).toMatch(/^Det finns inget mål angivet för kommunstyrelsen/);
    expect(texts.slots[5]).toMatchObject({ hasHeading: true, latest: { heading: 'Övergripande perspektiv' } });
    await expect(getPlanTexts(database.db, hr, ksPlan, delar)).rejects.toBeInstanceOf(ForbiddenError);
    await expect(getPlanTexts(database.db, otherAdmin, ksPlan, delar)).rejects.toBeInstanceOf(NotFoundError);
  });

  it('saves a new version based on the newest one; an older base is a conflict with the newer version', async () => {
    const base: SaveTextBlockInput = { planId: ksPlan, periodId: delar, slot: 'goals_intro', focusAreaId: null, heading: null, body: 'Ny inledning.', baseSeq: 1 };
    expect(await saveTextBlock(database.db, admin, base)).toEqual({ seq: 2 });
    expect(await lastAudit()).toMatchObject({
      action: 'text_block.save',
      entityType: 'text_block',
      changes: { plan: 'KS-2024', period: 'Delår 2024', slot: 'Inledning till Mål och uppdrag', seq: 2 },
    });
    const before = await versionCount();
    const error = await saveTextBlock(database.db, admin, { ...base, body: 'Min version.' }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConflictError);
    expect((error as ConflictError).newer).toMatchObject({ seq: 2, body: 'Ny inledning.', authorName: 'Sara Systemförvaltare' });
    expect(await versionCount()).toBe(before);

    const viaAction = await runAction(saveTextBlockAction, admin, { ...base, focusAreaId: '', heading: '', baseSeq: '1' }, database.db);
    expect(viaAction).toMatchObject({ status: 'error', code: 'conflict', newer: { seq: 2, body: 'Ny inledning.' } });
    const saved = await runAction(saveTextBlockAction, admin, { ...base, focusAreaId: '', heading: '', baseSeq: '2' }, database.db);
    expect(saved).toMatchObject({ status: 'ok', data: { seq: 3 } });
  });

  it('creates a missing block on the first save; two first saves at once: one wins, one conflicts', async () => {
    const note: SaveTextBlockInput = { planId: ksPlan, periodId: delar, slot: 'focus_area_note', focusAreaId: mo1, heading: null, body: 'En kommentar.', baseSeq: 0 };
    expect(await saveTextBlock(database.db, admin, note)).toEqual({ seq: 1 });
    expect((await getPlanTexts(database.db, admin, ksPlan, delar)).slots.find((x) => x.focusAreaId === mo1)?.latest?.body).toBe('En kommentar.');

    const results = await Promise.allSettled([
      saveTextBlock(database.db, admin, { ...note, focusAreaId: mo2, body: 'A' }),
      saveTextBlock(database.db, admin, { ...note, focusAreaId: mo2, body: 'B' }),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    const rejected = results.find((r) => r.status === 'rejected') as PromiseRejectedResult;
    expect(rejected.reason).toBeInstanceOf(ConflictError);
    const blocks = await database.db.select().from(s.textBlocks).where(eq(s.textBlocks.focusAreaId, mo2));
    expect(blocks).toHaveLength(1);

    // A heading is kept only for "Övergripande perspektiv".
    await saveTextBlock(database.db, admin, { ...note, focusAreaId: mo3, heading: 'Ignoreras', baseSeq: 1 });
    expect((await getPlanTexts(database.db, admin, ksPlan, delar)).slots.find((x) => x.focusAreaId === mo3)?.latest).toMatchObject({
      seq: 2,
      heading: null,
    });
  });

  it('refuses text changes in a closed, draft or approved period, for non-admins and for other organizations', async () => {
    const before = await versionCount();
    const input: SaveTextBlockInput = { planId: ksPlan, periodId: t1, slot: 'assignments_intro', focusAreaId: null, heading: null, body: 'x', baseSeq: 0 };
    expect((await getPlanTexts(database.db, admin, ksPlan, t1)).lockReason).toBe('Perioden är stängd för rapportering. Inget kan ändras.');
    await expect(saveTextBlock(database.db, admin, input)).rejects.toBeInstanceOf(ValidationError);
    await expect(saveTextBlock(database.db, admin, { ...input, periodId: helar })).rejects.toBeInstanceOf(ValidationError);
    await expect(saveTextBlock(database.db, hr, { ...input, periodId: delar, baseSeq: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveTextBlock(database.db, director, { ...input, periodId: delar, baseSeq: 1 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveTextBlock(database.db, otherAdmin, { ...input, periodId: delar, baseSeq: 1 })).rejects.toBeInstanceOf(NotFoundError);

    const state = await getApprovalState(database.db, director, ks, delar);
    await approvePeriod(database.db, director, { boardId: ks, periodId: delar, baseSeq: state.seq });
    const locked = await getPlanTexts(database.db, admin, ksPlan, delar);
    expect(locked).toMatchObject({ locked: true, lockReason: 'Nämndens period är attesterad och låst. Inget kan ändras.' });
    await expect(saveTextBlock(database.db, admin, { ...input, periodId: delar, baseSeq: 1 })).rejects.toBeInstanceOf(ValidationError);
    expect(await versionCount()).toBe(before);

    await reopenPeriod(database.db, admin, { boardId: ks, periodId: delar, baseSeq: state.seq + 1, reason: 'Texterna ska kompletteras.' });
    expect(await saveTextBlock(database.db, admin, { ...input, periodId: delar, baseSeq: 1 })).toEqual({ seq: 2 });
  });
});
