// Save a new version of the kommun report's introduction.
import { defineAction } from '@/server/action';
import { kommunIntroSchema } from '@/lib/kommun-report-input';
import { saveKommunIntro } from '@/db/kommun-document';

export const saveKommunIntroAction = defineAction({
  name: 'kommunReport.intro',
  schema: kommunIntroSchema,
  async run({ user, db }, input) {
    // saveKommunIntro authorizes 'assemble' a 'kommun_report' before it writes.
    const { seq } = await saveKommunIntro(db, user, input);
    return { status: 'ok', message: `Inledningen är sparad som version ${seq}.`, data: { seq } };
  },
});
