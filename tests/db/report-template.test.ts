// The admin's report template on each engine: chapters are added last, renamed, moved and
// removed (archived); parts are added with the unit that writes them, moved and removed; a
// board is no writer; the board's document and the unit's reporting list follow at once.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { addChapter, addPart, archiveChapter, archivePart, getReportTemplate, moveChapter, movePart, renameChapter } from '@/db/admin/report-template';
import { getBoardDocument } from '@/db/report';
import { getMyReporting, reportingRoots } from '@/db/my-reporting';
import { ForbiddenError, ValidationError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

describe.each(engines)('the report template on $name', (engine) => {
  let database: Database;
  let admin: CurrentUser, hr: CurrentUser;
  let periodId: string, ksBoard: string, hrUnit: string;

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    const db = database.db;
    [admin, hr] = (await Promise.all([DEMO_EMAILS.admin, DEMO_EMAILS.hr].map((e) => demoUser(db, e)))) as [CurrentUser, CurrentUser];
    periodId = (await db.select().from(s.periods).where(eq(s.periods.kind, 'delar')))[0]!.id;
    ksBoard = (await db.select().from(s.units).where(eq(s.units.code, 'KS')))[0]!.id;
    hrUnit = (await db.select().from(s.units).where(eq(s.units.code, 'KS-KLF-HR')))[0]!.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  const titles = async () => (await getBoardDocument(database.db, admin, ksBoard, periodId)).document.chapters.map((c) => c.title);

  it('adds, renames, moves and removes chapters; the document follows', async () => {
    await expect(getReportTemplate(database.db, hr, 'delar')).rejects.toBeInstanceOf(ForbiddenError);
    const { id } = await addChapter(database.db, admin, { periodKind: 'delar', kind: 'narrative', title: 'Personal' });
    await addPart(database.db, admin, { chapterId: id, heading: 'Rekrytering', unitId: hrUnit });
    expect((await titles()).at(-1)).toBe('Personal');
    await renameChapter(database.db, admin, { chapterId: id, title: 'Personal och kompetens' });
    await moveChapter(database.db, admin, { chapterId: id, direction: 'up' });
    expect((await titles()).slice(-2)).toEqual(['Personal och kompetens', 'Förväntad utveckling']);
    // A new part is HR's to write at once, and missing.
    const mine = await getMyReporting(database.db, hr, periodId, reportingRoots(hr, null));
    expect(mine.items.filter((i) => i.kind === 'narrative').map((i) => [i.title, i.reported])).toEqual([
      ['Rekrytering', false],
      ['HR', true],
    ]);
    await archiveChapter(database.db, admin, { chapterId: id });
    expect(await titles()).not.toContain('Personal och kompetens');
    expect((await getReportTemplate(database.db, admin, 'delar')).chapters).toHaveLength(7);
  });

  it('moves and removes parts, and refuses a board as the writer or parts in a chapter without texts', async () => {
    const template = await getReportTemplate(database.db, admin, 'delar');
    const overview = template.chapters[0]!;
    const arkiv = overview.parts.find((p) => p.heading === 'Arkiv')!;
    await movePart(database.db, admin, { partId: arkiv.id, direction: 'down' });
    const moved = (await getReportTemplate(database.db, admin, 'delar')).chapters[0]!.parts.map((p) => p.heading);
    expect(moved.slice(0, 3)).toEqual([null, 'Krisberedskap, säkerhetsskydd, civilt försvar och informationssäkerhet', 'Arkiv']);
    await archivePart(database.db, admin, { partId: arkiv.id });
    const doc = (await getBoardDocument(database.db, admin, ksBoard, periodId)).document;
    expect(doc.chapters[0]!.parts.map((p) => p.heading)).not.toContain('Arkiv');

    await expect(addPart(database.db, admin, { chapterId: overview.id, heading: 'X', unitId: ksBoard })).rejects.toBeInstanceOf(ValidationError);
    const goals = template.chapters.find((c) => c.kind === 'goals')!;
    await expect(addPart(database.db, admin, { chapterId: goals.id, heading: 'X', unitId: hrUnit })).rejects.toBeInstanceOf(ValidationError);
    // Every change is in the audit log.
    const events = await database.db.select({ action: s.auditEvents.action }).from(s.auditEvents);
    expect(events.map((e) => e.action)).toEqual(expect.arrayContaining(['report_chapter.create', 'report_chapter.move', 'report_part.move', 'report_part.archive']));
  });
});
