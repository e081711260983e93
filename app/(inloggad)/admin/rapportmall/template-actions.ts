// The report template's actions (admin): chapters and the parts units write. Each asks the
// policy for 'manage' on the report template first (as every admin definition does), and the
// db/ function it calls asks again before it writes.
import { z } from '@/lib/zod';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { defineAction } from '@/server/action';
import { addChapter, addPart, archiveChapter, archivePart, moveChapter, movePart, renameChapter, updatePart } from '@/db/admin/report-template';

const title = z.string().trim().min(1, 'Skriv kapitlets rubrik.').max(200, 'Rubriken får vara högst 200 tecken.');
const heading = z
  .string()
  .trim()
  .max(200, 'Rubriken får vara högst 200 tecken.')
  .transform((v) => (v === '' ? null : v));
const chapterId = z.uuid('Okänt kapitel.');
const partId = z.uuid('Okänd del.');
const unitId = z.uuid('Välj enheten som skriver texten.');

export const addChapterAction = defineAction({
  name: 'reportChapter.create',
  schema: z.object({
    periodKind: z.enum(['T1', 'delar', 'helar'], { error: 'Okänd typ av period.' }),
    kind: z.enum(['narrative', 'goals', 'overall_perspective', 'board_assignments', 'finance_result', 'investments'], {
      error: 'Välj vad kapitlet innehåller.',
    }),
    title,
  }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'report_template');
    await addChapter(db, user, input);
    return { status: 'ok', message: `Kapitlet ${input.title} är tillagt sist i mallen.` };
  },
});

export const renameChapterAction = defineAction({
  name: 'reportChapter.rename',
  schema: z.object({ chapterId, title }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'report_template');
    await renameChapter(db, user, input);
    return { status: 'ok', message: `Rubriken är sparad: ${input.title}.` };
  },
});

const direction = z.enum(['up', 'down'], { error: 'Okänd riktning.' });

export const moveChapterAction = defineAction({
  name: 'reportChapter.move',
  schema: z.object({ chapterId, direction }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'report_template');
    await moveChapter(db, user, input);
    return { status: 'ok', message: input.direction === 'up' ? 'Kapitlet är flyttat upp.' : 'Kapitlet är flyttat ner.' };
  },
});

export const archiveChapterAction = defineAction({
  name: 'reportChapter.archive',
  schema: z.object({ chapterId }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'report_template');
    const { title: t } = await archiveChapter(db, user, input);
    return { status: 'ok', message: `Kapitlet ${t} är borttaget ur mallen. Dess texter finns kvar i historiken.` };
  },
});

export const addPartAction = defineAction({
  name: 'reportPart.create',
  schema: z.object({ chapterId, heading, unitId }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'report_template');
    await addPart(db, user, input);
    return { status: 'ok', message: `Delen ${input.heading ?? '(inledande text)'} är tillagd.` };
  },
});

export const updatePartAction = defineAction({
  name: 'reportPart.update',
  schema: z.object({ partId, heading, unitId }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'report_template');
    await updatePart(db, user, input);
    return { status: 'ok', message: 'Delen är sparad.' };
  },
});

export const movePartAction = defineAction({
  name: 'reportPart.move',
  schema: z.object({ partId, direction }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'report_template');
    await movePart(db, user, input);
    return { status: 'ok', message: input.direction === 'up' ? 'Delen är flyttad upp.' : 'Delen är flyttad ner.' };
  },
});

export const archivePartAction = defineAction({
  name: 'reportPart.archive',
  schema: z.object({ partId }),
  async run({ user, db }, input) {
    authorizeInOwnOrganization(user, 'manage', 'report_template');
    const { heading: h } = await archivePart(db, user, input);
    return { status: 'ok', message: `Delen ${h ?? '(inledande text)'} är borttagen ur mallen. Dess texter finns kvar i historiken.` };
  },
});
