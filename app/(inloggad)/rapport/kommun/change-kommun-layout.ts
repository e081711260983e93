// Move a board in the kommun's report, or put it in or leave it out: a new version of the layout.
import { defineAction } from '@/server/action';
import { kommunLayoutChangeSchema } from '@/lib/kommun-report-input';
import { changeKommunLayout } from '@/db/kommun-document';
import { ConflictError } from '@/lib/errors';

const CONFLICT = 'Någon annan ändrade nämnderna nyss. Listan visar nu den senaste ordningen; gör ändringen igen om den behövs.';

const MESSAGES = {
  up: 'Nämnden är flyttad upp.',
  down: 'Nämnden är flyttad ner.',
  include: 'Nämnden är med i rapporten.',
  exclude: 'Nämnden är utelämnad ur rapporten.',
} as const;

export const changeKommunLayoutAction = defineAction({
  name: 'kommunReport.layout',
  schema: kommunLayoutChangeSchema,
  async run({ user, db }, input) {
    // changeKommunLayout authorizes 'assemble' a 'kommun_report' before it writes.
    let seq: number;
    try {
      ({ seq } = await changeKommunLayout(db, user, input));
    } catch (error) {
      // Not a text to compare: say so, and the page (revalidated) shows the newer layout.
      if (error instanceof ConflictError) return { status: 'error', code: 'conflict', message: CONFLICT, newer: error.newer };
      throw error;
    }
    return { status: 'ok', message: `${MESSAGES[input.change]} (version ${seq})`, data: { seq } };
  },
});
