// Move a board in the kommun's report, or put it in or leave it out: a new version of the layout.
import { defineAction } from '@/server/action';
import { kommunLayoutChangeSchema } from '@/lib/kommun-report-input';
import { changeKommunLayout } from '@/db/kommun-document';

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
    const { seq } = await changeKommunLayout(db, user, input);
    return { status: 'ok', message: `${MESSAGES[input.change]} (version ${seq})`, data: { seq } };
  },
});
