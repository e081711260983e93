// The administration of assignments on each engine: create and edit (through the actions'
// zod schemas), responsible units in order, a unit with reports that cannot be removed,
// archive (the assignment leaves the monitor and Min rapportering but keeps its history),
// restore, delete only without history, refusal for non-admins and for another
// organization, and an audit event for every write.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import type { Database, Db } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import {
  createAssignment,
  deleteAssignment,
  getAdminAssignment,
  getAssignmentFormOptions,
  listAdminAssignments,
  setAssignmentArchived,
  updateAssignment,
  type AssignmentInput,
} from '@/db/admin/assignments';
import { getAssignmentMonitor } from '@/db/assignment-monitor';
import { getAssignmentReportHistory, saveAssignmentReport } from '@/db/assignment-reports';
import { getMyReporting } from '@/db/my-reporting';
import { sendBack } from '@/db/revisions';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { ForbiddenError } from '@/lib/errors';
import { runAction } from '@/server/action';
import type { CurrentUser } from '@/lib/current-user';
import { createAssignmentAction } from '@/app/(inloggad)/admin/uppdrag/create-assignment';
import { updateAssignmentAction } from '@/app/(inloggad)/admin/uppdrag/update-assignment';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

describe.each(engines)('administration of assignments on $name', (engine) => {
  let database: Database;
  let db: Db;
  let admin: CurrentUser, director: CurrentUser, viewer: CurrentUser, hr: CurrentUser, otherAdmin: CurrentUser;
  let periodId: string, ks: string, klf: string, hrUnit: string, sn: string, mo3: string;

  const idOf = async (table: typeof s.units | typeof s.assignments | typeof s.focusAreas, code: string) =>
    (await db.select({ id: table.id }).from(table).where(eq(table.code, code)))[0]!.id;
  const auditActions = async (entityId: string) =>
    (
      await db
        .select({ action: s.auditEvents.action, changes: s.auditEvents.changes })
        .from(s.auditEvents)
        .where(eq(s.auditEvents.entityId, entityId))
        .orderBy(asc(s.auditEvents.id))
    ).map((e) => e.action);
  const input = (overrides: Partial<AssignmentInput> = {}): AssignmentInput => ({
    code: `TEST-${crypto.randomUUID().slice(0, 8)}`,
    issuer: 'board',
    issuerBoardId: ks,
    decisionDate: null,
    diaryNumber: null,
    title: 'Ett testuppdrag',
    description: null,
    focusAreaId: null,
    groupLabel: null,
    unitIds: [klf],
    dueDate: null,
    sortOrder: 0,
    ...overrides,
  });

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((d) => loadDemoIfEmpty(d, askersund, DEMO_PASSWORD).then(() => undefined));
    db = database.db;
    [admin, director, viewer, hr] = (await Promise.all(
      [DEMO_EMAILS.admin, DEMO_EMAILS.director, DEMO_EMAILS.viewer, DEMO_EMAILS.hr].map((e) => demoUser(db, e)),
    )) as [CurrentUser, CurrentUser, CurrentUser, CurrentUser];
    periodId = (await db.select().from(s.periods).where(eq(s.periods.kind, 'delar')))[0]!.id;
    [ks, klf, hrUnit, sn, mo3] = await Promise.all([
      idOf(s.units, 'KS'),
      idOf(s.units, 'KS-KLF'),
      idOf(s.units, 'KS-KLF-HR'),
      idOf(s.units, 'SN'),
      idOf(s.focusAreas, 'MO3'),
    ]);

    const [other] = await db.insert(s.organizations).values({ code: 'annan', name: 'Annan kommun' }).returning();
    const [user] = await db
      .insert(s.users)
      .values({ organizationId: other!.id, email: 'admin@annan.example', name: 'Annan Admin' })
      .returning();
    await db.insert(s.roleGrants).values({ organizationId: other!.id, userId: user!.id, role: 'admin' });
    otherAdmin = await demoUser(db, 'admin@annan.example');
  });
  afterAll(async () => {
    await database?.close();
  });

  it('creates an assignment from the form, with its units in order, and audits it', async () => {
    const result = await runAction(
      createAssignmentAction,
      admin,
      {
        code: 'KS-U-NY',
        issuer: ks,
        decisionDate: '2024-02-12',
        diaryNumber: 'KS 2024/17',
        title: '  Ta fram en ny lokalförsörjningsplan.  ',
        description: 'Planen ska omfatta:\n\n- skolor\n- äldreboenden',
        focusAreaId: mo3,
        groupLabel: 'Andra pågående uppdrag',
        unitIds: `${hrUnit},${klf}`,
        dueDate: '2024-12-31',
        sortOrder: '10',
      },
      db,
    );
    expect(result).toMatchObject({ status: 'ok', message: 'Uppdraget KS-U-NY är skapat.' });
    const id = (result as { data: { id: string } }).data.id;
    expect(await getAdminAssignment(db, admin, id)).toMatchObject({
      code: 'KS-U-NY',
      issuer: 'board',
      issuerBoardId: ks,
      decisionDate: '2024-02-12',
      diaryNumber: 'KS 2024/17',
      title: 'Ta fram en ny lokalförsörjningsplan.',
      focusAreaId: mo3,
      groupLabel: 'Andra pågående uppdrag',
      unitIds: [hrUnit, klf],
      dueDate: '2024-12-31',
      sortOrder: 10,
      archived: false,
      hasHistory: false,
      unitIdsWithHistory: [],
    });
    expect(await auditActions(id)).toEqual(['assignment.create']);

    // It is current at once: on the monitor.
    const monitor = await getAssignmentMonitor(db, director, periodId);
    expect(monitor.rows.find((r) => r.id === id)).toMatchObject({ issuerName: 'Kommunstyrelsen', units: [{ id: hrUnit }, { id: klf }] });
  });

  it('refuses invalid input with Swedish messages per field, and a code in use', async () => {
    const bad = await runAction(
      createAssignmentAction,
      admin,
      { code: 'har mellanslag', issuer: '', title: ' ', decisionDate: '2024-13-01', dueDate: '31/12/2024', unitIds: '', sortOrder: '1,5' },
      db,
    );
    expect(bad).toMatchObject({ status: 'error', code: 'invalid' });
    const errors = (bad as { fieldErrors: Record<string, string[]> }).fieldErrors;
    expect(Object.keys(errors).sort()).toEqual(['code', 'decisionDate', 'dueDate', 'issuer', 'sortOrder', 'title', 'unitIds']);
    expect(errors.unitIds).toEqual(['Välj minst en ansvarig enhet.']);
    expect(errors.decisionDate?.[0]).toMatch(/ÅÅÅÅ-MM-DD/);

    const early = await runAction(
      createAssignmentAction,
      admin,
      { code: 'KS-U-X', issuer: 'council', title: 'X', decisionDate: '2024-06-01', dueDate: '2024-05-01', unitIds: klf },
      db,
    );
    expect(early).toMatchObject({ status: 'error', fieldErrors: { dueDate: ['Slutdatum kan inte ligga före beslutsdatum.'] } });

    const taken = await runAction(
      createAssignmentAction,
      admin,
      { code: 'KS-U-STYRMODELL', issuer: 'council', title: 'Dubblett', unitIds: klf },
      db,
    );
    expect(taken).toMatchObject({ status: 'error', code: 'invalid', fieldErrors: { code: ['Koden används redan.'] } });

    // A unit that is not a board cannot issue an assignment.
    await expect(createAssignment(db, admin, input({ issuerBoardId: klf }))).rejects.toBeInstanceOf(ValidationError);
  });

  it('edits every field, reorders and adds units, audits before/after; an unchanged save writes nothing', async () => {
    const { id } = await createAssignment(db, admin, input({ unitIds: [klf] }));
    const code = `TEST-${crypto.randomUUID().slice(0, 8)}`;
    const result = await runAction(
      updateAssignmentAction,
      admin,
      { assignmentId: id, code, issuer: 'council', title: 'Ny titel', unitIds: `${hrUnit},${klf}`, dueDate: '2025-06-30', sortOrder: '−2' },
      db,
    );
    expect(result).toMatchObject({ status: 'ok', message: `Uppdraget ${code} är sparat.` });
    expect(await getAdminAssignment(db, admin, id)).toMatchObject({
      code,
      issuer: 'council',
      issuerBoardId: null,
      title: 'Ny titel',
      unitIds: [hrUnit, klf],
      dueDate: '2025-06-30',
      sortOrder: -2,
    });
    const [event] = await db
      .select({ changes: s.auditEvents.changes })
      .from(s.auditEvents)
      .where(and(eq(s.auditEvents.entityId, id), eq(s.auditEvents.action, 'assignment.update')));
    expect(event!.changes).toMatchObject({
      before: { title: 'Ett testuppdrag', issuer: 'board', unitIds: [klf], dueDate: null },
      after: { title: 'Ny titel', issuer: 'council', unitIds: [hrUnit, klf], dueDate: '2025-06-30' },
    });
    expect((event!.changes as { after: Record<string, unknown> }).after).not.toHaveProperty('description');

    const same = await runAction(
      updateAssignmentAction,
      admin,
      { assignmentId: id, code, issuer: 'council', title: 'Ny titel', unitIds: `${hrUnit},${klf}`, dueDate: '2025-06-30', sortOrder: '-2' },
      db,
    );
    expect(same).toMatchObject({ status: 'ok', message: 'Inget ändrades.' });
    expect(await auditActions(id)).toEqual(['assignment.create', 'assignment.update']);

    // The new order holds, and a later code clash is refused.
    await updateAssignment(db, admin, { assignmentId: id, ...input({ code, unitIds: [klf, hrUnit] }) });
    expect((await getAdminAssignment(db, admin, id)).unitIds).toEqual([klf, hrUnit]);
    await expect(updateAssignment(db, admin, { assignmentId: id, ...input({ code: 'KS-U-STYRMODELL' }) })).rejects.toMatchObject({
      fieldErrors: { code: ['Koden används redan.'] },
    });
  });

  it('refuses to remove a responsible unit that has reports (they are history)', async () => {
    const social = await idOf(s.assignments, 'KF-U-SOCIAL-OMSORG');
    const current = await getAdminAssignment(db, admin, social);
    expect(current.unitIds).toEqual([sn, ks]);
    expect(current.unitIdsWithHistory).toEqual([sn]);
    const refused = await runAction(
      updateAssignmentAction,
      admin,
      { assignmentId: social, code: current.code, issuer: 'council', title: current.title, focusAreaId: current.focusAreaId ?? '', unitIds: ks },
      db,
    );
    expect(refused).toMatchObject({
      status: 'error',
      code: 'invalid',
      fieldErrors: { unitIds: ['Socialnämnden kan inte tas bort: enheten har återrapporteringar på uppdraget, och de är historik.'] },
    });
    expect((await getAdminAssignment(db, admin, social)).unitIds).toEqual([sn, ks]);
  });

  it('archives: the assignment leaves the monitor and Min rapportering but keeps its history; restores', async () => {
    const styrmodell = await idOf(s.assignments, 'KS-U-STYRMODELL');
    const { id } = await createAssignment(db, admin, input({ unitIds: [hrUnit] }));
    await saveAssignmentReport(db, hr, {
      assignmentId: id,
      unitId: hrUnit,
      periodId,
      baseSeq: 0,
      status: 'in_progress',
      cancelReason: '',
      heading: '',
      body: 'Arbetet pågår.',
    });
    const hrItems = async () => (await getMyReporting(db, hr, periodId, [hrUnit])).items.map((i) => i.id);
    expect(await hrItems()).toContain(id);

    await setAssignmentArchived(db, admin, { assignmentId: id, archived: true });
    expect((await getAssignmentMonitor(db, director, periodId)).rows.map((r) => r.id)).not.toContain(id);
    expect(await hrItems()).not.toContain(id);
    expect((await getAssignmentReportHistory(db, director, id)).versions).toHaveLength(1);
    expect((await listAdminAssignments(db, admin, { includeArchived: false })).rows.map((r) => r.id)).not.toContain(id);
    const all = await listAdminAssignments(db, admin, { includeArchived: true });
    expect(all.rows.find((r) => r.id === id)).toMatchObject({ archived: true, hasHistory: true, unitNames: ['HR-avdelningen'] });
    expect(all.rows.find((r) => r.id === styrmodell)).toMatchObject({ archived: false, hasHistory: true, issuerName: 'Kommunstyrelsen' });
    expect(all.archivedCount).toBeGreaterThanOrEqual(1);
    await expect(setAssignmentArchived(db, admin, { assignmentId: id, archived: true })).rejects.toBeInstanceOf(ValidationError);

    await setAssignmentArchived(db, admin, { assignmentId: id, archived: false });
    expect((await getAssignmentMonitor(db, director, periodId)).rows.map((r) => r.id)).toContain(id);
    expect(await hrItems()).toContain(id);
    expect(await auditActions(id)).toEqual(['assignment.create', 'assignment_report.save', 'assignment.archive', 'assignment.restore']);
  });

  it('deletes only an assignment without history: not one with reports or revision requests', async () => {
    const { id } = await createAssignment(db, admin, input({ unitIds: [klf, hrUnit] }));
    await deleteAssignment(db, admin, { assignmentId: id });
    expect(await db.select().from(s.assignments).where(eq(s.assignments.id, id))).toEqual([]);
    expect(await db.select().from(s.assignmentUnits).where(eq(s.assignmentUnits.assignmentId, id))).toEqual([]);
    expect(await auditActions(id)).toEqual(['assignment.create', 'assignment.delete']);
    await expect(getAdminAssignment(db, admin, id)).rejects.toBeInstanceOf(NotFoundError);

    const withReports = await idOf(s.assignments, 'KS-U-UNDERSKOTT');
    await expect(deleteAssignment(db, admin, { assignmentId: withReports })).rejects.toThrow(/historik|Arkivera/);
    await expect(deleteAssignment(db, admin, { assignmentId: withReports })).rejects.toBeInstanceOf(ValidationError);

    const sentBack = await createAssignment(db, admin, input({ unitIds: [hrUnit] }));
    await sendBack(db, director, { itemKind: 'assignment', itemId: sentBack.id, unitId: hrUnit, periodId, comment: 'Rapportera.' });
    expect((await getAdminAssignment(db, admin, sentBack.id)).hasHistory).toBe(true);
    await expect(deleteAssignment(db, admin, { assignmentId: sentBack.id })).rejects.toBeInstanceOf(ValidationError);
    await expect(
      updateAssignment(db, admin, { assignmentId: sentBack.id, ...input({ code: (await getAdminAssignment(db, admin, sentBack.id)).code, unitIds: [klf] }) }),
    ).rejects.toBeInstanceOf(ValidationError);
  });

  it('refuses every read and write to non-admins', async () => {
    const styrmodell = await idOf(s.assignments, 'KS-U-STYRMODELL');
    for (const user of [director, viewer, hr]) {
      await expect(listAdminAssignments(db, user, { includeArchived: true })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getAssignmentFormOptions(db, user)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(getAdminAssignment(db, user, styrmodell)).rejects.toBeInstanceOf(ForbiddenError);
      await expect(createAssignment(db, user, input())).rejects.toBeInstanceOf(ForbiddenError);
      await expect(updateAssignment(db, user, { assignmentId: styrmodell, ...input() })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(setAssignmentArchived(db, user, { assignmentId: styrmodell, archived: true })).rejects.toBeInstanceOf(ForbiddenError);
      await expect(deleteAssignment(db, user, { assignmentId: styrmodell })).rejects.toBeInstanceOf(ForbiddenError);
    }
    expect(await runAction(createAssignmentAction, hr, { code: 'X', issuer: 'council', title: 'X', unitIds: klf }, db)).toMatchObject({
      status: 'error',
      code: 'not_found',
    });
    expect((await getAdminAssignment(db, admin, styrmodell)).archived).toBe(false);
  });

  it("treats another organization's assignments and units as not found", async () => {
    const styrmodell = await idOf(s.assignments, 'KS-U-STYRMODELL');
    const before = await getAdminAssignment(db, admin, styrmodell);
    await expect(getAdminAssignment(db, otherAdmin, styrmodell)).rejects.toBeInstanceOf(NotFoundError);
    await expect(updateAssignment(db, otherAdmin, { assignmentId: styrmodell, ...input() })).rejects.toBeInstanceOf(NotFoundError);
    await expect(setAssignmentArchived(db, otherAdmin, { assignmentId: styrmodell, archived: true })).rejects.toBeInstanceOf(NotFoundError);
    await expect(deleteAssignment(db, otherAdmin, { assignmentId: styrmodell })).rejects.toBeInstanceOf(NotFoundError);
    await expect(createAssignment(db, otherAdmin, input())).rejects.toBeInstanceOf(NotFoundError);
    expect((await listAdminAssignments(db, otherAdmin, { includeArchived: true })).rows).toEqual([]);
    expect((await getAssignmentFormOptions(db, otherAdmin)).units).toEqual([]);
    expect(await getAdminAssignment(db, admin, styrmodell)).toEqual(before);
  });

  it('offers the boards, the unit tree, focus areas with sub-areas and the group labels', async () => {
    const options = await getAssignmentFormOptions(db, admin);
    expect(options.boards.map((b) => b.name)).toEqual(expect.arrayContaining(['Kommunstyrelsen', 'Socialnämnden']));
    expect(options.boards.map((b) => b.name)).not.toContain('HR-avdelningen');
    expect(options.units.find((u) => u.id === hrUnit)).toMatchObject({ name: 'HR-avdelningen', depth: 2 });
    expect(options.focusAreas.map((a) => a.label)).toEqual(
      expect.arrayContaining(['Målområde 2 – De kommunala kärnverksamheterna', 'Målområde 2 – De kommunala kärnverksamheterna: Social omsorg']),
    );
    expect(options.groupLabels.slice(0, 2)).toEqual(['Pågående uppdrag från föregående verksamhetsplan', 'Andra pågående uppdrag']);
  });
});
