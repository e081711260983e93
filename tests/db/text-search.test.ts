// Search across every text of a period (issue 15, item 5) on each engine, on the demo data:
// "sjukfrånvaro" finds HR's texts with their author and item; a word only in an older version
// is found only with the history; another organization's texts never appear; % and _ are
// taken literally; the hits are paged; and only the roles the policy allows may search.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eq } from 'drizzle-orm';
import type { Database } from '@/db/client';
import * as s from '@/db/schema';
import { loadDemoIfEmpty } from '@/db/demo/load';
import { askersund, DEMO_PASSWORD } from '@/db/demo/askersund';
import { getNarrativePart, saveNarrative } from '@/db/narratives';
import { getIndicatorReport, saveIndicatorValue } from '@/db/indicator-values';
import { sendBack } from '@/db/revisions';
import { indicatorValueSchema } from '@/lib/indicator-value-schema';
import { searchTexts, type TextSearchInput } from '@/db/text-search';
import { loadCurrentUser } from '@/db/users';
import { ForbiddenError, NotFoundError } from '@/lib/errors';
import { parseQuery, TEXT_SEARCH_PAGE_SIZE } from '@/lib/text-search';
import type { CurrentUser } from '@/lib/current-user';
import { engines } from './engines';
import { demoUser, DEMO_EMAILS } from './demo-users';

function terms(q: string): string[] {
  const parsed = parseQuery(q);
  if (!parsed.ok) throw new Error(parsed.message);
  return parsed.terms;
}

const marked = (hit: { snippet: { text: string; mark: boolean }[] }) => hit.snippet.filter((p) => p.mark).map((p) => p.text);

describe.each(engines)('search across the texts of a period on $name', (engine) => {
  let database: Database;
  let admin: CurrentUser, director: CurrentUser, viewer: CurrentUser, hr: CurrentUser, ame: CurrentUser;
  let periodId: string, ksBoard: string, socialBoard: string;
  let part: (heading: string) => Promise<string>;

  const search = (user: CurrentUser | null, q: string, extra: Partial<TextSearchInput> = {}) =>
    searchTexts(database.db, user, { periodId, terms: terms(q), ...extra });

  /** Saves a new version of a chapter part's text, based on its newest one. */
  async function write(user: CurrentUser, heading: string, body: string) {
    const partId = await part(heading);
    const { latest } = await getNarrativePart(database.db, user, partId, periodId);
    return saveNarrative(database.db, user, { partId, periodId, body, baseSeq: latest?.seq ?? 0 });
  }

  beforeAll(async () => {
    database = await engine.open();
    await database.prepare((db) => loadDemoIfEmpty(db, askersund, DEMO_PASSWORD).then(() => undefined));
    const db = database.db;
    [admin, director, viewer, hr, ame] = (await Promise.all(
      [DEMO_EMAILS.admin, DEMO_EMAILS.director, DEMO_EMAILS.viewer, DEMO_EMAILS.hr, DEMO_EMAILS.ame].map((e) => demoUser(db, e)),
    )) as [CurrentUser, CurrentUser, CurrentUser, CurrentUser, CurrentUser];
    periodId = (await db.select().from(s.periods).where(eq(s.periods.kind, 'delar')))[0]!.id;
    ksBoard = (await db.select().from(s.units).where(eq(s.units.code, 'KS')))[0]!.id;
    socialBoard = (await db.select().from(s.units).where(eq(s.units.code, 'SN')))[0]?.id ?? '';
    part = async (heading) => (await db.select().from(s.reportChapterParts).where(eq(s.reportChapterParts.heading, heading)))[0]!.id;
  });
  afterAll(async () => {
    await database?.close();
  });

  it('"sjukfrånvaro" finds HR\'s text with its item, unit, board, author and version, the word marked', async () => {
    const result = await search(director, 'sjukfrånvaro');
    expect(result.period.label).toBe('Delår 2024');
    const hr = result.hits.find((h) => h.kind === 'narrative' && h.units.includes('HR-avdelningen'));
    expect(hr).toMatchObject({
      kindLabel: 'Text till rapporten',
      item: 'HR i Översikt över verksamhetens utveckling',
      board: 'Kommunstyrelsen',
      units: ['HR-avdelningen'],
      authorName: 'Sara Systemförvaltare', // the demo's texts are entered by the admin
      seq: 1,
      newest: true,
    });
    expect(hr!.href).toBe(`/rapportering/text/${await part('HR')}?period=${periodId}`);
    expect(hr!.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    // Inside longer words too ("sjukfrånvaron", "långtidssjukfrånvaron"), marked as typed in the text.
    expect(marked(hr!).length).toBeGreaterThan(0);
    for (const word of marked(hr!)) expect(word.toLowerCase()).toBe('sjukfrånvaro');
    // The other texts about sick leave: KLF's "Väsentliga personalförhållanden"; the goal's method text is structure, not a text of the period.
    expect(result.hits.map((h) => h.item)).toContain('Väsentliga personalförhållanden i Översikt över verksamhetens utveckling');
    expect(result.hits.every((h) => h.snippet.some((p) => p.mark))).toBe(true);
  });

  it('folds case the Swedish way (Å Ä Ö) and needs every word', async () => {
    const lower = await search(director, 'sjukfrånvaro');
    const upper = await search(director, 'SJUKFRÅNVARO');
    expect(upper.page.total).toBe(lower.page.total);
    expect(upper.hits.map((h) => h.href)).toEqual(lower.hits.map((h) => h.href));
    // Every word must occur: "sjukfrånvaro" and "intranätet" (HR writes about both; KLF's text does not name the intranet).
    const both = await search(director, 'SJUKFRÅNVARO Intranätet');
    expect(both.hits.map((h) => h.units)).toEqual([['HR-avdelningen']]);
    // å is not a: "sjukfranvaro" finds nothing.
    expect((await search(director, 'sjukfranvaro')).page.total).toBe(0);
    // Capitals in the text fold too, Å Ä Ö included (whatever the database's locale).
    await write(admin, 'Kommunikation', 'ÅTGÄRDSPLAN FÖR ÖKAD NÄRVARO på webbplatsen.');
    const capitals = await search(director, 'åtgärdsplan "för ökad närvaro"');
    expect(capitals.hits.map((h) => h.item)).toEqual(['Kommunikation i Översikt över verksamhetens utveckling']);
    expect(marked(capitals.hits[0]!)).toEqual(['ÅTGÄRDSPLAN', 'FÖR ÖKAD NÄRVARO']);
  });

  it('an indicator analysis is found with its goal, board and responsible unit, linked to its history', async () => {
    const result = await search(viewer, 'lotsa arbetslösa');
    expect(result.hits).toHaveLength(1);
    expect(result.hits[0]).toMatchObject({ kind: 'indicator', context: 'Mått under mål 3', board: 'Kommunstyrelsen', units: ['Arbetsmarknadsenheten'] });
    expect(result.hits[0]!.href).toMatch(/^\/historik\/matt\/[0-9a-f-]{36}$/);
    // A phrase in quotes must occur as written.
    expect((await search(viewer, '"arbetslösa lotsa"')).page.total).toBe(0);
  });

  it('a word only in an older version is found only with the history, with who wrote each version', async () => {
    const hrText = (await getNarrativePart(database.db, hr, await part('HR'), periodId)).latest!.body;
    await write(hr, 'HR', `${hrText}\n\nVi inför kvartalsuppföljning av sjukfrånvaron.`);
    await write(hr, 'HR', hrText);

    expect((await search(director, 'kvartalsuppföljning')).hits).toEqual([]);
    const withHistory = await search(director, 'kvartalsuppföljning', { history: true });
    expect(withHistory.history).toBe(true);
    expect(withHistory.hits.map((h) => [h.item, h.seq, h.newest, h.authorName])).toEqual([
      ['HR i Översikt över verksamhetens utveckling', 2, false, 'Helena HR-chef'],
    ]);
    // Every version of HR's text mentions sick leave: newest first, the newest marked as such.
    const all = await search(director, 'sjukfrånvaro', { history: true });
    const hrVersions = all.hits.filter((h) => h.units.includes('HR-avdelningen'));
    expect(hrVersions.map((h) => [h.seq, h.newest, h.authorName])).toEqual([
      [3, true, 'Helena HR-chef'],
      [2, false, 'Helena HR-chef'],
      [1, false, 'Sara Systemförvaltare'],
    ]);
    const newest = await search(director, 'sjukfrånvaro');
    expect(newest.hits.filter((h) => h.units.includes('HR-avdelningen')).map((h) => h.seq)).toEqual([3]);
  });

  it('takes % and _ literally', async () => {
    await write(admin, 'Hållbarhet', 'Energianvändningen minskade med 12%-enheter enligt konto_nr 4410.');
    await write(admin, 'Styrmodell', 'Andelen ökade med 12 procent-enheter enligt kontoXnr 4410.');
    const percent = await search(director, '12%-enh');
    expect(percent.hits.map((h) => h.item)).toEqual(['Hållbarhet i Översikt över verksamhetens utveckling']);
    expect(marked(percent.hits[0]!)).toEqual(['12%-enh']);
    const underscore = await search(director, 'konto_nr');
    expect(underscore.hits.map((h) => h.item)).toEqual(['Hållbarhet i Översikt över verksamhetens utveckling']);
    // As wildcards they would have matched nearly everything.
    expect((await search(director, 'e%e')).page.total).toBe(0);
    expect((await search(director, 'a_a')).page.total).toBe(0);
    expect((await search(director, 'kontoXnr')).hits.map((h) => h.item)).toEqual(['Styrmodell i Översikt över verksamhetens utveckling']);
  });

  it('pages 40 hits at a time, every hit once; a page past the end is the last page', async () => {
    // "och" occurs in most texts; with the history there are more than a page of them.
    for (let i = 0; i < 3; i++) {
      for (const heading of ['Arkiv', 'Turistverksamhet', 'Kommunikation', 'Samhällsplanering']) {
        const partId = await part(heading);
        const body = (await getNarrativePart(database.db, admin, partId, periodId)).latest!.body;
        await write(admin, heading, `${body}\n\nTillägg ${i + 1} om arbete och planering.`);
      }
    }
    const first = await search(director, 'och', { history: true });
    expect(first.page.total).toBeGreaterThan(TEXT_SEARCH_PAGE_SIZE);
    expect(first.hits).toHaveLength(TEXT_SEARCH_PAGE_SIZE);
    expect(first.page).toMatchObject({ page: 1, first: 1, last: TEXT_SEARCH_PAGE_SIZE });
    const pages = [first];
    for (let p = 2; p <= first.page.pages; p++) pages.push(await search(director, 'och', { history: true, page: p }));
    const keys = pages.flatMap((r) => r.hits.map((h) => `${h.href}|${h.units.join()}|${h.item}|${h.seq}`));
    expect(keys).toHaveLength(first.page.total);
    expect(new Set(keys).size).toBe(first.page.total);
    const past = await search(director, 'och', { history: true, page: 999 });
    expect(past.page.page).toBe(first.page.pages);
    expect(past.hits.map((h) => h.href)).toEqual(pages[pages.length - 1]!.hits.map((h) => h.href));
    // Newest only is fewer: each item once.
    expect((await search(director, 'och')).page.total).toBeLessThan(first.page.total);
  });

  it('filters by board: Kommunstyrelsen has the sick-leave texts, Socialnämnden only what its units wrote', async () => {
    const ks = await search(director, 'sjukfrånvaro', { boardId: ksBoard });
    expect(ks.board?.name).toBe('Kommunstyrelsen');
    expect(ks.page.total).toBe((await search(director, 'sjukfrånvaro')).page.total);
    expect(socialBoard).not.toBe('');
    expect((await search(director, 'sjukfrånvaro', { boardId: socialBoard })).page.total).toBe(0);
    const social = await search(director, 'socialförvaltningen', { boardId: socialBoard, history: true });
    for (const hit of social.hits) expect(hit.board).toBe('Socialnämnden');
    // A unit that is not a board is not found.
    const hrUnit = (await database.db.select().from(s.units).where(eq(s.units.code, 'KS-KLF-HR')))[0]!.id;
    await expect(search(director, 'sjukfrånvaro', { boardId: hrUnit })).rejects.toBeInstanceOf(NotFoundError);
  });

  it("never shows another organization's texts, and refuses its period", async () => {
    const db = database.db;
    const [other] = await db.insert(s.organizations).values({ code: 'grannby', name: 'Grannby kommun' }).returning();
    const org = other!.id;
    const [board] = await db.insert(s.units).values({ organizationId: org, code: 'GN', kind: 'board', name: 'Grannbys nämnd' }).returning();
    const [user] = await db.insert(s.users).values({ organizationId: org, email: 'direktor@grannby.example', name: 'Greta Grannby' }).returning();
    await db.insert(s.roleGrants).values({ organizationId: org, userId: user!.id, role: 'director' });
    const [period] = await db.insert(s.periods).values({ organizationId: org, year: 2024, kind: 'delar', endDate: '2024-08-31', state: 'open' }).returning();
    const [chapter] = await db.insert(s.reportChapters).values({ organizationId: org, periodKind: 'delar', kind: 'narrative', title: 'Översikt' }).returning();
    const [otherPart] = await db.insert(s.reportChapterParts).values({ organizationId: org, chapterId: chapter!.id, heading: 'HR', unitId: board!.id }).returning();
    await db.insert(s.narrativeVersions).values({
      organizationId: org,
      partId: otherPart!.id,
      periodId: period!.id,
      seq: 1,
      body: 'Grannbys sjukfrånvaro minskar.',
      authorId: user!.id,
    });
    const greta = (await loadCurrentUser(db, org, user!.id))!;

    const ours = await search(director, 'sjukfrånvaro', { history: true });
    expect(ours.hits.some((h) => h.snippet.some((p) => p.text.includes('Grannby')))).toBe(false);
    expect((await search(director, 'Grannbys')).page.total).toBe(0);
    // Their director finds their text only, and cannot name our period.
    const theirs = await searchTexts(db, greta, { periodId: period!.id, terms: terms('sjukfrånvaro') });
    expect(theirs.hits.map((h) => [h.item, h.authorName, h.board])).toEqual([['HR i Översikt', 'Greta Grannby', 'Grannbys nämnd']]);
    await expect(searchTexts(db, greta, { periodId, terms: terms('sjukfrånvaro') })).rejects.toBeInstanceOf(NotFoundError);
    await expect(search(director, 'sjukfrånvaro', { periodId: period!.id })).rejects.toBeInstanceOf(NotFoundError);
    await expect(search(director, 'sjukfrånvaro', { boardId: board!.id })).rejects.toBeInstanceOf(NotFoundError);
  });

  it('is for the admin, the director and the board members; editors and nobody else are refused', async () => {
    for (const user of [admin, director, viewer]) expect((await search(user, 'sjukfrånvaro')).page.total).toBeGreaterThan(0);
    for (const user of [hr, ame, null]) await expect(search(user, 'sjukfrånvaro')).rejects.toBeInstanceOf(ForbiddenError);
    // The refusal comes before any read: an unknown period is refused the same way.
    await expect(search(hr, 'sjukfrånvaro', { periodId: '00000000-0000-4000-8000-000000000000' })).rejects.toBeInstanceOf(ForbiddenError);
  });

  it("finds an indicator value's reference note and the director's send-back comments, each with its item", async () => {
    const db = database.db;
    const hrUnit = (await db.select().from(s.units).where(eq(s.units.code, 'KS-KLF-HR')))[0]!.id;
    const [indicator] = await db.select().from(s.indicators).where(eq(s.indicators.code, 'KS-2024-M1-I1'));
    const indicatorId = indicator!.id;

    // The reference note ("avser mätning …") is a text of the value's version.
    const report = await getIndicatorReport(db, hr, indicatorId, periodId);
    const input = { indicatorId, periodId, baseSeq: report.latest?.seq ?? 0, outcome: '1,86', referenceNote: 'Avser mätningen i juni månad.' };
    await saveIndicatorValue(db, hr, indicatorValueSchema.parse(input));
    const note = await search(viewer, 'mätningen i juni');
    expect(note.hits.map((h) => [h.kind, h.item, h.units])).toEqual([['indicator', indicator!.name, ['HR-avdelningen']]]);

    // Send-back comments: on HR's text and on the indicator.
    const hrPart = await part('HR');
    await sendBack(db, director, { itemKind: 'narrative', itemId: hrPart, unitId: hrUnit, periodId, comment: 'Ange de långa sjukskrivningarna per kvartal.' });
    await sendBack(db, director, { itemKind: 'indicator', itemId: indicatorId, unitId: hrUnit, periodId, comment: 'Skriv vilka kvartal som ingår.' });
    const comments = await search(viewer, 'kvartal');
    expect(comments.hits.filter((h) => h.kind !== 'send_back')).toEqual([]); // no other text of the demo's period says "kvartal"
    expect(comments.hits).toHaveLength(2);
    const [onText, onIndicator] = comments.hits;
    expect(onText).toMatchObject({
      kindLabel: 'Återsänd för komplettering',
      item: 'HR i Översikt över verksamhetens utveckling',
      context: 'Om en text till rapporten',
      board: 'Kommunstyrelsen',
      units: ['HR-avdelningen'],
      authorName: director.name,
      seq: null,
      newest: true,
      href: `/rapportering/text/${hrPart}?period=${periodId}`,
    });
    expect(marked(onText!)).toEqual(['kvartal']);
    expect(onIndicator).toMatchObject({ item: indicator!.name, context: 'Om ett mått', href: `/historik/matt/${indicatorId}`, seq: null });
    // Without history too (a comment has no versions), and by board.
    const withHistory = await search(viewer, 'kvartal', { history: true });
    expect(withHistory.hits.filter((h) => h.kind === 'send_back').map((h) => h.item)).toEqual([onText!.item, onIndicator!.item]);
    expect((await search(viewer, 'kvartal', { boardId: ksBoard })).page.total).toBe(2);
    expect((await search(viewer, 'kvartal', { boardId: socialBoard })).page.total).toBe(0);
  });
});
