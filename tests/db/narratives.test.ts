// The units' texts of the board's whole document (issue 15) on each engine: the demo's
// template is the seed's chapter list; a text is versioned (a stale base is a conflict with
// the newer text), starts from last period's text, is listed in Min rapportering, can be sent
// back and answered, and is frozen by approval (later edits refused, the snapshot unchanged).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { and, eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { getNarrativePart, saveNarrative } from '@/db/narratives';
import { getBoardDocument } from '@/db/report';
import { getMyReporting, reportingRoots } from '@/db/my-reporting';
import { sendBack } from '@/db/revisions';
import { approvePeriod, getApprovalState } from '@/db/approvals';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import type { CurrentUser } from '@/lib/current-user';
import { engines } from './engines';
import type { DocumentBlock } from '@/lib/board-document';
import { demoUser, DEMO_EMAILS } from './demo-users';

describe.each(engines)('narrative texts of the whole document on $name', (engine) => {
  let database: Database;
  let admin: CurrentUser, director: CurrentUser, hr: CurrentUser, ame: CurrentUser;
  let periodId: string, ksBoard: string, hrUnit: string, hrPart: string;

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    const db = database.db;
    [admin, director, hr, ame] = (await Promise.all(
      [DEMO_EMAILS.admin, DEMO_EMAILS.director, DEMO_EMAILS.hr, DEMO_EMAILS.ame].map((e) => demoUser(db, e)),
    )) as [CurrentUser, CurrentUser, CurrentUser, CurrentUser];
    periodId = (await db.select().from(s.periods).where(eq(s.periods.kind, 'delar')))[0]!.id;
    ksBoard = (await db.select().from(s.units).where(eq(s.units.code, 'KS')))[0]!.id;
    hrUnit = (await db.select().from(s.units).where(eq(s.units.code, 'KS-KLF-HR')))[0]!.id;
    hrPart = (await db.select().from(s.reportChapterParts).where(and(eq(s.reportChapterParts.heading, 'HR'))))[0]!.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it("the demo's document is the seed's chapters in order, the Översikt with a part per area by its unit", async () => {
    const { document, approval } = await getBoardDocument(database.db, director, ksBoard, periodId);
    expect(approval).toBeNull();
    expect(document.organizationName).toBe('Askersunds kommun');
    expect(document.chapters.map((c) => [c.title, c.kind])).toEqual([
      ['Översikt över verksamhetens utveckling', 'narrative'],
      ['Mål och uppdrag', 'goals'],
      ['Övergripande perspektiv', 'overall_perspective'],
      ['Uppföljning av nämnds uppdrag till förvaltning', 'board_assignments'],
      ['Delårsresultat och prognos', 'finance_result'],
      ['Investeringar', 'investments'],
      ['Förväntad utveckling', 'narrative'],
    ]);
    const overview = document.chapters[0]!;
    expect(overview.parts.slice(0, 6).map((p) => [p.heading, p.unitName])).toEqual([
      [null, 'Kommunledningsförvaltningen'],
      ['Arkiv', 'Kommunledningsförvaltningen'],
      ['Krisberedskap, säkerhetsskydd, civilt försvar och informationssäkerhet', 'Kommunledningsförvaltningen'],
      ['HR', 'HR-avdelningen'],
      ['Arbetsmarknadsenheten (AME)', 'Arbetsmarknadsenheten'],
      ['Näringslivsfrågor', 'Näringsliv och kommunikation'],
    ]);
    // The paragraph the seed splits over a page break is one paragraph.
    expect(overview.parts[3]!.body).toContain('arbetar med den höga sjukfrånvaron genom att stötta cheferna');
  });

  it('a save is a new version; a stale base is refused with the newer text; another unit may not write it', async () => {
    const before = await getNarrativePart(database.db, hr, hrPart, periodId);
    expect(before.canReport).toBe(true);
    expect(before.latest?.seq).toBe(1);
    const body = `${before.latest!.body}\n\n- Ny punkt om **sjukfrånvaro**`;
    await expect(saveNarrative(database.db, hr, { partId: hrPart, periodId, body, baseSeq: 1 })).resolves.toEqual({ seq: 2 });
    const stale = saveNarrative(database.db, hr, { partId: hrPart, periodId, body: 'annat', baseSeq: 1 });
    await expect(stale).rejects.toBeInstanceOf(ConflictError);
    await expect(stale).rejects.toMatchObject({ newer: { seq: 2, body } });
    await expect(saveNarrative(database.db, ame, { partId: hrPart, periodId, body: 'x', baseSeq: 2 })).rejects.toBeInstanceOf(ForbiddenError);
    const after = await getNarrativePart(database.db, hr, hrPart, periodId);
    expect(after.versions.map((v) => v.seq)).toEqual([2, 1]);
  });

  it("offers last period's text to start from, and a period not yet opened is read-only", async () => {
    const [org] = await database.db.select({ id: s.organizations.id }).from(s.organizations);
    const [next] = await database.db
      .insert(s.periods)
      .values({ organizationId: org!.id, year: 2025, kind: 'delar', endDate: '2025-08-31', state: 'draft' })
      .returning({ id: s.periods.id });
    const part = await getNarrativePart(database.db, hr, hrPart, next!.id);
    expect(part.latest).toBeNull();
    expect(part.previous).toEqual({ periodLabel: 'Delår 2024', body: expect.stringContaining('Ny punkt om **sjukfrånvaro**') });
    expect(part.canReport).toBe(false);
    expect(part.readOnlyReason).toBe('Perioden är inte öppnad för rapportering ännu.');
    // The delår 2024 text itself has no earlier period to start from.
    expect((await getNarrativePart(database.db, hr, hrPart, periodId)).previous).toBeNull();
  });

  it("Min rapportering lists the unit's parts; a text sent back stands until the unit saves again", async () => {
    const mine = await getMyReporting(database.db, hr, periodId, reportingRoots(hr, null));
    const texts = mine.items.filter((i) => i.kind === 'narrative');
    expect(texts.map((t) => t.title)).toEqual(['HR']);
    expect(texts[0]).toMatchObject({ reported: true, sentBack: null, href: `/rapportering/text/${hrPart}?period=${periodId}` });

    await sendBack(database.db, director, { itemKind: 'narrative', itemId: hrPart, unitId: hrUnit, periodId, comment: 'Lägg till siffror för sjukfrånvaron.' });
    const sent = (await getMyReporting(database.db, hr, periodId, reportingRoots(hr, null))).items.find((i) => i.id === hrPart)!;
    expect(sent.sentBack).toMatchObject({ comment: 'Lägg till siffror för sjukfrånvaron.' });
    expect((await getApprovalState(database.db, director, ksBoard, periodId)).units.map((u) => u.name)).toContain('HR-avdelningen');

    // Timestamps must differ for "saved after the request" (both engines store microseconds).
    await new Promise((r) => setTimeout(r, 5));
    await saveNarrative(database.db, hr, { partId: hrPart, periodId, body: 'Svar med siffror.', baseSeq: 2 });
    const answered = (await getMyReporting(database.db, hr, periodId, reportingRoots(hr, null))).items.find((i) => i.id === hrPart)!;
    expect(answered.sentBack).toBeNull();
  });

  it('approval freezes the texts into the snapshot; a later save is refused and the document does not change', async () => {
    // The finance chapters hold the board's finance tables (db/finance.ts); preliminary, the
    // figures in the seed's unexplained differences are marked.
    const cells = (chapters: { kind: string; extra: DocumentBlock[] }[]) =>
      chapters.filter((c) => c.kind === 'finance_result' || c.kind === 'investments').flatMap((c) => c.extra.flatMap((b) => (b.kind === 'table' ? b.rows.flat() : [])));
    const before = (await getBoardDocument(database.db, director, ksBoard, periodId)).document.chapters;
    expect(cells(before).some((c) => c.text === '−63\u00a0684')).toBe(true);
    expect(cells(before).filter((c) => c.warnings).length).toBeGreaterThan(0);

    const state = await getApprovalState(database.db, director, ksBoard, periodId);
    await approvePeriod(database.db, director, { boardId: ksBoard, periodId, baseSeq: state.seq });
    const part = await getNarrativePart(database.db, hr, hrPart, periodId);
    expect(part.locked).toBe(true);
    expect(part.readOnlyReason).toBe('Nämndens period är attesterad och låst. Inget kan ändras.');
    await expect(saveNarrative(database.db, hr, { partId: hrPart, periodId, body: 'Efter attest', baseSeq: 3 })).rejects.toBeInstanceOf(ForbiddenError);
    await expect(saveNarrative(database.db, admin, { partId: hrPart, periodId, body: 'Efter attest', baseSeq: 3 })).rejects.toBeInstanceOf(ForbiddenError);

    // Even a change straight in the template does not reach the approved document.
    await database.db.update(s.reportChapterParts).set({ heading: 'Personal' }).where(eq(s.reportChapterParts.id, hrPart));
    const { document, approval } = await getBoardDocument(database.db, hr, ksBoard, periodId);
    expect(approval).not.toBeNull();
    expect(document.report.preliminary).toBe(false);
    const hrFrozen = document.chapters[0]!.parts.find((p) => p.partId === hrPart)!;
    expect(hrFrozen).toMatchObject({ heading: 'HR', body: 'Svar med siffror.' });
    // The approval's snapshot holds the finance tables as built then, with no marks.
    const [row] = await database.db
      .select({ snapshot: s.approvals.snapshot })
      .from(s.approvals)
      .where(and(eq(s.approvals.boardId, ksBoard), eq(s.approvals.periodId, periodId), eq(s.approvals.action, 'approved')));
    const frozen = (row!.snapshot as { chapters: { kind: string; extra: DocumentBlock[] }[] }).chapters;
    expect(cells(frozen).map((c) => c.text)).toEqual(cells(before).map((c) => c.text));
    expect(cells(frozen).filter((c) => c.warnings)).toEqual([]);
    expect(document.chapters).toEqual(frozen);
  });

  it('history rows cannot be changed in the database', async () => {
    const error = await database.db
      .update(s.narrativeVersions)
      .set({ body: 'x' })
      .where(eq(s.narrativeVersions.partId, hrPart))
      .then(() => null, (e: Error & { cause?: Error }) => e);
    expect(String(error?.cause?.message ?? error?.message)).toMatch(/append-only/);
  });
});
