// The kommun's report (issue 15 item 4) on each engine, built from two boards: the demo's
// Kommunstyrelsen (approved: its part comes from the approval snapshot) and Tekniska nämnden,
// made here with its own unit, template part, text, plan and goal (not approved: "ej
// attesterad", its current text marked preliminary), in the chosen order, with the demo's
// Socialnämnden left out. The introduction and the layout are versions (a stale base is a
// conflict); only the admin and the kommundirektör assemble it. The DOCX holds the same.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, asc, eq } from 'drizzle-orm';
import JSZip from 'jszip';
import type { Database } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { createUnit } from '@/db/admin/units';
import { createPlan } from '@/db/admin/plans';
import { createBoardGoal } from '@/db/admin/goals';
import { addPart } from '@/db/admin/report-template';
import { saveNarrative } from '@/db/narratives';
import { approvePeriod, getApprovalState } from '@/db/approvals';
import { changeKommunLayout, getKommunDocument, getKommunIntro, getKommunLayout, saveKommunIntro } from '@/db/kommun-document';
import { buildKommunDocumentDocx } from '@/lib/report-docx';
import { BOARD_NOTHING_REPORTED, boardHasContent } from '@/lib/kommun-document';
import { runAction } from '@/server/action';
import { changeKommunLayoutAction } from '@/app/(inloggad)/rapport/kommun/change-kommun-layout';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

const TN_TEXT = 'Snöröjningen klarade vintern utan avbrott och gatubelysningen är utbytt till LED.';
const TN_BODY = `## Vinterväghållning\n\n${TN_TEXT}\n\n1. Plogning av gång- och cykelvägar\n2. Sandupptagning`;
const INTRO = 'Kommunens delårsrapport samlar **alla nämnders** uppföljning.\n\n- Ekonomin är i balans';
const AFTER_APPROVAL = 'Text skriven efter attesten som inte får synas.';

const unescape = (t: string) => t.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
function docxParagraphs(xml: string): { style: string | null; text: string }[] {
  return [...xml.matchAll(/<w:p[ >].*?<\/w:p>/gs)].map(([p]) => ({
    style: /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1] ?? null,
    text: unescape([...p.matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)].map((m) => m[1]).join('')),
  }));
}

describe.each(engines)("the kommun's report from two boards on $name", (engine) => {
  let database: Database;
  let admin: CurrentUser, director: CurrentUser, viewer: CurrentUser, hr: CurrentUser;
  let periodId: string, ksBoard: string, snBoard: string, tnBoard: string, hrText: string;

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    const db = database.db;
    [admin, director, viewer, hr] = (await Promise.all(
      [DEMO_EMAILS.admin, DEMO_EMAILS.director, DEMO_EMAILS.viewer, DEMO_EMAILS.hr].map((e) => demoUser(db, e)),
    )) as [CurrentUser, CurrentUser, CurrentUser, CurrentUser];
    periodId = (await db.select().from(s.periods).where(eq(s.periods.kind, 'delar')))[0]!.id;
    ksBoard = (await db.select().from(s.units).where(eq(s.units.code, 'KS')))[0]!.id;
    snBoard = (await db.select().from(s.units).where(eq(s.units.code, 'SN')))[0]!.id;

    // A second board with its own department, its part of the Översikt, its text, plan and goal.
    tnBoard = (await createUnit(db, admin, { code: 'TN', name: 'Tekniska nämnden', kind: 'board', parentId: null, sortOrder: 90 })).id;
    const tf = (await createUnit(db, admin, { code: 'TN-TF', name: 'Tekniska förvaltningen', kind: 'department', parentId: tnBoard, sortOrder: 91 })).id;
    const [overview] = await db
      .select({ id: s.reportChapters.id })
      .from(s.reportChapters)
      .where(and(eq(s.reportChapters.title, 'Översikt över verksamhetens utveckling'), eq(s.reportChapters.periodKind, 'delar')));
    const part = await addPart(db, admin, { chapterId: overview!.id, heading: 'Gata och park', unitId: tf });
    await saveNarrative(db, admin, { partId: part.id, periodId, body: TN_BODY, baseSeq: 0 });
    const plan = await createPlan(db, admin, { boardId: tnBoard, year: 2024, code: 'TN-2024' });
    const [area] = await db.select({ id: s.focusAreas.id }).from(s.focusAreas).orderBy(asc(s.focusAreas.number)).limit(1);
    await createBoardGoal(db, admin, {
      planId: plan.id,
      code: 'TN-2024-M1',
      number: 1,
      text: 'Gator och parker ska vara trygga året om',
      methodText: null,
      rule: 'all',
      focusAreaId: area!.id,
      councilGoalIds: [],
      unitIds: [tf],
      continuesId: null,
    });

    // Kommunstyrelsen is approved; a text written into its history afterwards must not show.
    const state = await getApprovalState(db, director, ksBoard, periodId);
    await approvePeriod(db, director, { boardId: ksBoard, periodId, baseSeq: state.seq });
    const [hrPart] = await db.select({ id: s.reportChapterParts.id }).from(s.reportChapterParts).where(eq(s.reportChapterParts.heading, 'HR'));
    const [newest] = await db
      .select({ seq: s.narrativeVersions.seq, body: s.narrativeVersions.body, authorId: s.narrativeVersions.authorId })
      .from(s.narrativeVersions)
      .where(and(eq(s.narrativeVersions.partId, hrPart!.id), eq(s.narrativeVersions.periodId, periodId)))
      .orderBy(asc(s.narrativeVersions.seq));
    hrText = newest!.body;
    await db.insert(s.narrativeVersions).values({
      organizationId: admin.organizationId,
      partId: hrPart!.id,
      periodId,
      seq: 99,
      body: AFTER_APPROVAL,
      authorId: newest!.authorId,
    });
  });
  afterAll(async () => {
    await database?.close();
  });

  it('the introduction is a version; a stale base is refused with the newer text; only the staff write it', async () => {
    const db = database.db;
    expect((await getKommunIntro(db, viewer, periodId)).canAssemble).toBe(false);
    expect((await getKommunIntro(db, director, periodId)).canAssemble).toBe(true);
    await expect(saveKommunIntro(db, director, { periodId, baseSeq: 0, body: 'Första utkastet.' })).resolves.toEqual({ seq: 1 });
    const stale = saveKommunIntro(db, admin, { periodId, baseSeq: 0, body: 'Annan text.' });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ newer: { seq: 1, body: 'Första utkastet.' } });
    await expect(saveKommunIntro(db, viewer, { periodId, baseSeq: 1, body: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveKommunIntro(db, hr, { periodId, baseSeq: 1, body: 'x' })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveKommunIntro(db, admin, { periodId, baseSeq: 1, body: INTRO })).resolves.toEqual({ seq: 2 });
    const intro = await getKommunIntro(db, viewer, periodId);
    expect(intro.versions.map((v) => [v.seq, v.authorName])).toEqual([
      [2, admin.name],
      [1, director.name],
    ]);
  });

  it('the layout orders and leaves out boards, each change a version; a stale change is a conflict', async () => {
    const db = database.db;
    const first = await getKommunLayout(db, director, periodId);
    expect(first.seq).toBe(0);
    expect(first.boards.map((b) => [b.name, b.included, b.approved])).toEqual([
      ['Kommunstyrelsen', true, true],
      ['Socialnämnden', true, false],
      ['Tekniska nämnden', true, false],
    ]);
    await changeKommunLayout(db, director, { periodId, baseSeq: 0, boardId: tnBoard, change: 'up' });
    await changeKommunLayout(db, admin, { periodId, baseSeq: 1, boardId: tnBoard, change: 'up' });
    await changeKommunLayout(db, director, { periodId, baseSeq: 2, boardId: snBoard, change: 'exclude' });
    await expect(changeKommunLayout(db, director, { periodId, baseSeq: 2, boardId: snBoard, change: 'include' })).rejects.toBeInstanceOf(ConflictError);
    await expect(changeKommunLayout(db, viewer, { periodId, baseSeq: 3, boardId: snBoard, change: 'include' })).rejects.toBeInstanceOf(ForbiddenError);
    // Through the form's action: the refusal says what happened, in Swedish.
    const stale = await runAction(changeKommunLayoutAction, director, { periodId, baseSeq: '2', boardId: snBoard, change: 'include' }, db);
    expect(stale).toMatchObject({ status: 'error', code: 'conflict', message: expect.stringContaining('Någon annan ändrade nämnderna nyss') });
    const layout = await getKommunLayout(db, viewer, periodId);
    expect(layout.seq).toBe(3);
    expect(layout.boards.map((b) => [b.name, b.included])).toEqual([
      ['Tekniska nämnden', true],
      ['Kommunstyrelsen', true],
      ['Socialnämnden', false],
    ]);
    // Every change is a row; none is overwritten.
    const rows = await db.select({ seq: s.kommunReportLayouts.seq }).from(s.kommunReportLayouts).orderBy(asc(s.kommunReportLayouts.seq));
    expect(rows.map((r) => r.seq)).toEqual([1, 2, 3]);
  });

  it('the introduction and layout rows cannot be changed or deleted in the database', async () => {
    const refused = (query: PromiseLike<unknown>) =>
      Promise.resolve(query).then(
        () => 'changed',
        (e: Error & { cause?: Error }) => String(e.cause?.message ?? e.message),
      );
    expect(await refused(database.db.update(s.kommunIntroVersions).set({ body: 'x' }))).toMatch(/append-only/);
    expect(await refused(database.db.delete(s.kommunIntroVersions))).toMatch(/append-only/);
    expect(await refused(database.db.update(s.kommunReportLayouts).set({ boards: [] }))).toMatch(/append-only/);
    expect(await refused(database.db.delete(s.kommunReportLayouts))).toMatch(/append-only/);
  });

  it('holds both boards in the chosen order: the approved one from its snapshot, the other preliminary; the left-out one is absent', async () => {
    const kommun = await getKommunDocument(database.db, viewer, periodId);
    expect(kommun.organizationName).toBe('Askersunds kommun');
    expect(kommun.intro).toBe(INTRO);
    expect(kommun.boards.map((b) => b.boardName)).toEqual(['Tekniska nämnden', 'Kommunstyrelsen']);
    expect(kommun.leftOut.map((b) => b.name)).toEqual(['Socialnämnden']);

    const [tn, ks] = kommun.boards;
    expect(tn!.approval).toBeNull();
    expect(tn!.document.report.preliminary).toBe(true);
    const tnOverview = tn!.document.chapters.find((c) => c.title === 'Översikt över verksamhetens utveckling')!;
    expect(tnOverview.parts.map((p) => [p.heading, p.unitName, p.body])).toEqual([['Gata och park', 'Tekniska förvaltningen', TN_BODY]]);
    expect(tn!.document.report.focusAreas.flatMap((a) => a.goals.map((g) => g.text))).toEqual(['Gator och parker ska vara trygga året om']);

    expect(ks!.approval).toMatchObject({ approvedBy: director.name });
    expect(ks!.document.report.preliminary).toBe(false);
    const ksParts = ks!.document.chapters.find((c) => c.title === 'Översikt över verksamhetens utveckling')!.parts;
    expect(ksParts.find((p) => p.heading === 'HR')!.body).toBe(hrText);
    expect(JSON.stringify(kommun.boards)).not.toContain(AFTER_APPROVAL);
    // Each board's document holds only its own parts.
    expect(ksParts.map((p) => p.heading)).not.toContain('Gata och park');

    // The rollup per målområde is the whole kommun's: both boards' goals count.
    const goals = kommun.rollup.areas.reduce((n, a) => n + a.rollup.total, 0);
    expect(goals).toBe(ks!.document.report.focusAreas.reduce((n, a) => n + a.goals.length, 0) + 1);
  });

  it('the DOCX holds the introduction, the rollup and both boards in order, with approval and preliminary marks', async () => {
    const kommun = await getKommunDocument(database.db, director, periodId);
    const zip = await JSZip.loadAsync(await buildKommunDocumentDocx(kommun));
    const paragraphs = docxParagraphs(await zip.file('word/document.xml')!.async('string'));
    const texts = paragraphs.map((p) => p.text);
    const h1 = paragraphs.filter((p) => p.style === 'Heading1').map((p) => p.text);
    expect(h1).toEqual(['Inledning', 'Måluppfyllelse per målområde', 'Tekniska nämnden', 'Kommunstyrelsen']);
    expect(texts).not.toContain('Socialnämnden');
    expect(texts.join('\n')).not.toContain(AFTER_APPROVAL);

    const at = (pred: (t: string) => boolean, from = 0) => {
      const i = texts.findIndex((t, n) => n >= from && pred(t));
      expect(i, `after ${from}`).toBeGreaterThanOrEqual(from);
      return i;
    };
    const intro = at((t) => t.startsWith('Kommunens delårsrapport samlar alla nämnders uppföljning'));
    const rollup = at((t) => t === 'Måluppfyllelse per målområde', intro);
    const tn = at((t) => t === 'Tekniska nämnden', rollup);
    const notApproved = at((t) => t === 'Ej attesterad', tn);
    at((t) => t === 'Preliminär. Nämndens period är inte attesterad och texten kan ändras.', notApproved);
    expect(texts.slice(0, 3)).toEqual(['Askersunds kommun', 'Delårsrapport 2024-01-01 – 2024-08-31', 'PRELIMINÄR – INTE ALLA NÄMNDER ÄR ATTESTERADE']); // the cover
    const tnChapter = at((t) => t === 'Översikt över verksamhetens utveckling', tn);
    const tnPart = at((t) => t === 'Gata och park', tnChapter);
    const tnText = at((t) => t === TN_TEXT, tnPart);
    at((t) => t === 'Sandupptagning', tnText);
    const ks = at((t) => t === 'Kommunstyrelsen', tnText);
    at((t) => t.startsWith('Attesterad ') && t.endsWith(`av ${director.name}`), ks);
    const ksChapter = at((t) => t === 'Översikt över verksamhetens utveckling', ks);
    const hrHeading = at((t) => t === 'HR', ksChapter);
    at((t) => t.startsWith(hrText.split('\n')[0]!.replace(/\*+/g, '').slice(0, 60)), hrHeading);

    // The boards' chapters sit one level below the board; their parts below the chapter.
    expect(paragraphs[tnChapter]!.style).toBe('Heading2');
    expect(paragraphs[tnPart]!.style).toBe('Heading3');
    expect(paragraphs[hrHeading]!.style).toBe('Heading3');
    expect(paragraphs[tnPart + 1]!.style).toBe('Heading4'); // the text's own "## Vinterväghållning"
  });

  it('a board with nothing for the period is one line, in the page model and the DOCX, not a row of empty chapters', async () => {
    // A new board (last, included: the saved layout does not know it) with a department, no plan, no text.
    const kf = await createUnit(database.db, admin, { code: 'KFN', name: 'Kultur- och fritidsnämnden', kind: 'board', parentId: null, sortOrder: 95 });
    await createUnit(database.db, admin, { code: 'KFN-F', name: 'Kultur- och fritidsförvaltningen', kind: 'department', parentId: kf.id, sortOrder: 96 });
    const kommun = await getKommunDocument(database.db, director, periodId);
    expect(kommun.boards.map((b) => [b.boardName, boardHasContent(b.document)])).toEqual([
      ['Tekniska nämnden', true],
      ['Kommunstyrelsen', true],
      ['Kultur- och fritidsnämnden', false],
    ]);

    const zip = await JSZip.loadAsync(await buildKommunDocumentDocx(kommun));
    const paragraphs = docxParagraphs(await zip.file('word/document.xml')!.async('string'));
    const board = paragraphs.findIndex((p) => p.style === 'Heading1' && p.text === 'Kultur- och fritidsnämnden');
    expect(paragraphs.slice(board + 1).map((p) => p.text)).toEqual([
      'Ej attesterad',
      'Preliminär. Nämndens period är inte attesterad och texten kan ändras.',
      BOARD_NOTHING_REPORTED,
    ]);
  });
});
