// Issue 15, the board's whole document: the units' texts (read, save, send back), the whole
// document, and the report template's admin actions. Allowed template changes are undone so
// that every row meets the demo's template.
import { eq } from 'drizzle-orm';
import * as s from '@/db/schema';
import { runAction } from '@/server/action';
import { getNarrativePart } from '@/db/narratives';
import { getBoardDocument } from '@/db/report';
import { changeKommunLayout, getKommunDocument, getKommunIntro, getKommunLayout } from '@/db/kommun-document';
import { saveKommunIntroAction } from '@/app/(inloggad)/rapport/kommun/save-kommun-intro';
import { changeKommunLayoutAction } from '@/app/(inloggad)/rapport/kommun/change-kommun-layout';
import { getReportTemplate } from '@/db/admin/report-template';
import { saveNarrativeAction } from '@/app/(inloggad)/rapportering/text/[partId]/save-narrative';
import { sendBackAction } from '@/app/(inloggad)/rapportering/send-back';
import {
  addChapterAction,
  addPartAction,
  archiveChapterAction,
  archivePartAction,
  moveChapterAction,
  movePartAction,
  renameChapterAction,
  updatePartAction,
} from '@/app/(inloggad)/admin/rapportmall/template-actions';
import type { Db } from '@/db/client';
import { action, adminOnly, hrReporters, read, readers, type MatrixRow } from './harness';

const partByHeading = async (db: Db, heading: string) =>
  (await db.select({ id: s.reportChapterParts.id }).from(s.reportChapterParts).where(eq(s.reportChapterParts.heading, heading)))[0]!.id;
const chapterByTitle = async (db: Db, title: string) =>
  (await db.select({ id: s.reportChapters.id }).from(s.reportChapters).where(eq(s.reportChapters.title, title)))[0]!.id;

const adminAction = { ...adminOnly, anonymous: 'unauthenticated' } as const;
/** The kommun's report is assembled by the kommunstyrelse's staff: the admin and the kommundirektör. */
const assemblers = { ...adminAction, director: 'ok' } as const;
const socialnamnden = async (db: Db) => (await db.select({ id: s.units.id }).from(s.units).where(eq(s.units.code, 'SN')))[0]!.id;

export const documentRows: MatrixRow[] = [
  {
    name: "read: the kommun's report (page /rapport/kommun, /rapport/kommun/docx)",
    writes: false,
    expected: readers('ok'),
    call: ({ db, ids }, user) => read(() => getKommunDocument(db, user, ids.periodId)),
  },
  {
    name: "read: the kommun report's introduction and layout (page /rapport/kommun/redigera)",
    writes: false,
    expected: readers('ok'),
    call: ({ db, ids }, user) => read(() => Promise.all([getKommunIntro(db, user, ids.periodId), getKommunLayout(db, user, ids.periodId)])),
  },
  {
    name: "action: save the kommun report's introduction (kommunReport.intro)",
    writes: true,
    expected: assemblers,
    call: async ({ db, ids, users }, user) => {
      const { latest } = await getKommunIntro(db, users.admin, ids.periodId);
      const input = { periodId: ids.periodId, baseSeq: String(latest?.seq ?? 0), body: `${latest?.body ?? 'Inledning.'}\n\nTillägg.` };
      return action(await runAction(saveKommunIntroAction, user, input, db));
    },
  },
  {
    name: "action: leave a board out of the kommun's report (kommunReport.layout)",
    writes: true,
    expected: assemblers,
    call: async ({ db, ids, users }, user) => {
      const { seq } = await getKommunLayout(db, users.admin, ids.periodId);
      const input = { periodId: ids.periodId, baseSeq: String(seq), boardId: await socialnamnden(db), change: 'exclude' };
      return action(await runAction(changeKommunLayoutAction, user, input, db));
    },
    // History is never undone: the board is put back by a further version.
    undo: async ({ db, ids, users }) => {
      const { seq } = await getKommunLayout(db, users.admin, ids.periodId);
      await changeKommunLayout(db, users.admin!, { periodId: ids.periodId, baseSeq: seq, boardId: await socialnamnden(db), change: 'include' });
    },
  },
  {
    name: "read: a unit's text of the board's document (page /rapportering/text/…)",
    writes: false,
    expected: readers('ok'),
    call: async ({ db, ids }, user) => read(async () => getNarrativePart(db, user, await partByHeading(db, 'HR'), ids.periodId)),
  },
  {
    name: "read: the board's whole document (/rapport?dokument=hela, /rapport/docx?dokument=hela)",
    writes: false,
    expected: readers('ok'),
    call: ({ db, ids }, user) => read(() => getBoardDocument(db, user, ids.ksBoard, ids.periodId)),
  },
  {
    name: 'read: the report template (page /admin/rapportmall)',
    writes: false,
    expected: { ...adminOnly, otherOrgAdmin: 'empty' },
    call: ({ db }, user) =>
      read(async () => {
        const template = await getReportTemplate(db, user, 'delar');
        return template.chapters.length ? template : null;
      }),
  },
  {
    name: "action: save HR's text in the Översikt (narrative.save)",
    writes: true,
    expected: hrReporters,
    call: async ({ db, ids, users }, user) => {
      const partId = await partByHeading(db, 'HR');
      const { latest } = await getNarrativePart(db, users.admin, partId, ids.periodId);
      const input = { partId, periodId: ids.periodId, baseSeq: String(latest?.seq ?? 0), body: `${latest?.body ?? ''}\n\nTillägg.` };
      return action(await runAction(saveNarrativeAction, user, input, db));
    },
  },
  {
    name: "action: send HR's text back for revision (item.sendBack, narrative)",
    writes: true,
    expected: { ...adminOnly, admin: 'refused', director: 'ok', anonymous: 'unauthenticated' },
    call: async ({ db, ids }, user) => {
      const input = { itemKind: 'narrative', itemId: await partByHeading(db, 'HR'), unitId: ids.hrUnit, periodId: ids.periodId, comment: 'Komplettera.' };
      return action(await runAction(sendBackAction, user, input, db));
    },
  },
  {
    name: 'action: add a chapter to the report template (reportChapter.create)',
    writes: true,
    // The other kommun's admin adds a chapter to its own template.
    expected: { ...adminAction, otherOrgAdmin: 'ok' },
    call: async ({ db }, user) =>
      action(await runAction(addChapterAction, user, { periodKind: 'helar', kind: 'narrative', title: 'Matrisens kapitel' }, db)),
    undo: async ({ db }) => {
      await db.update(s.reportChapters).set({ archivedAt: new Date() }).where(eq(s.reportChapters.title, 'Matrisens kapitel'));
    },
  },
  {
    name: 'action: rename a chapter of the report template (reportChapter.rename)',
    writes: true,
    expected: adminAction,
    call: async ({ db }, user) =>
      action(await runAction(renameChapterAction, user, { chapterId: await chapterByTitle(db, 'Förväntad utveckling'), title: 'Framtiden' }, db)),
    undo: async ({ db }) => {
      await db.update(s.reportChapters).set({ title: 'Förväntad utveckling' }).where(eq(s.reportChapters.title, 'Framtiden'));
    },
  },
  {
    name: 'action: move a chapter of the report template (reportChapter.move)',
    writes: true,
    expected: adminAction,
    call: async ({ db }, user) =>
      action(await runAction(moveChapterAction, user, { chapterId: await chapterByTitle(db, 'Förväntad utveckling'), direction: 'up' }, db)),
    undo: async ({ db }) => {
      const chapters = await db.select({ id: s.reportChapters.id, title: s.reportChapters.title }).from(s.reportChapters);
      const order = ['Investeringar', 'Förväntad utveckling'];
      for (const [i, title] of order.entries()) {
        await db.update(s.reportChapters).set({ sortOrder: 5 + i }).where(eq(s.reportChapters.id, chapters.find((c) => c.title === title)!.id));
      }
    },
  },
  {
    name: 'action: remove a chapter from the report template (reportChapter.archive)',
    writes: true,
    expected: adminAction,
    call: async ({ db }, user) => action(await runAction(archiveChapterAction, user, { chapterId: await chapterByTitle(db, 'Förväntad utveckling') }, db)),
    undo: async ({ db }) => {
      await db.update(s.reportChapters).set({ archivedAt: null }).where(eq(s.reportChapters.title, 'Förväntad utveckling'));
    },
  },
  {
    name: 'action: add a part written by a unit to a chapter (reportPart.create)',
    writes: true,
    expected: adminAction,
    call: async ({ db, ids }, user) =>
      action(
        await runAction(addPartAction, user, { chapterId: await chapterByTitle(db, 'Förväntad utveckling'), heading: 'Matrisens del', unitId: ids.hrUnit }, db),
      ),
    undo: async ({ db }) => {
      await db.update(s.reportChapterParts).set({ archivedAt: new Date() }).where(eq(s.reportChapterParts.heading, 'Matrisens del'));
    },
  },
  {
    name: "action: change a part's heading and writing unit (reportPart.update)",
    writes: true,
    expected: adminAction,
    call: async ({ db, ids }, user) =>
      action(await runAction(updatePartAction, user, { partId: await partByHeading(db, 'Arkiv'), heading: 'Arkivet', unitId: ids.klfUnit }, db)),
    undo: async ({ db }) => {
      await db.update(s.reportChapterParts).set({ heading: 'Arkiv' }).where(eq(s.reportChapterParts.heading, 'Arkivet'));
    },
  },
  {
    name: 'action: move a part within its chapter (reportPart.move)',
    writes: true,
    expected: adminAction,
    call: async ({ db }, user) => action(await runAction(movePartAction, user, { partId: await partByHeading(db, 'Arkiv'), direction: 'down' }, db)),
    undo: async ({ db }) => {
      const arkiv = await partByHeading(db, 'Arkiv');
      const kris = await partByHeading(db, 'Krisberedskap, säkerhetsskydd, civilt försvar och informationssäkerhet');
      await db.update(s.reportChapterParts).set({ sortOrder: 1 }).where(eq(s.reportChapterParts.id, arkiv));
      await db.update(s.reportChapterParts).set({ sortOrder: 2 }).where(eq(s.reportChapterParts.id, kris));
    },
  },
  {
    name: 'action: remove a part from its chapter (reportPart.archive)',
    writes: true,
    expected: adminAction,
    call: async ({ db }, user) => action(await runAction(archivePartAction, user, { partId: await partByHeading(db, 'Arkiv') }, db)),
    undo: async ({ db }) => {
      await db.update(s.reportChapterParts).set({ archivedAt: null }).where(eq(s.reportChapterParts.heading, 'Arkiv'));
    },
  },
];
