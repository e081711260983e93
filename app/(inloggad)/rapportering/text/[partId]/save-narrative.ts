// Save a new version of a unit's text for a part of the board's document.
import { defineAction } from '@/server/action';
import { narrativeSchema } from '@/lib/narrative-input';
import { saveNarrative } from '@/db/narratives';

export const saveNarrativeAction = defineAction({
  name: 'narrative.save',
  schema: narrativeSchema,
  async run({ user, db }, input) {
    // saveNarrative authorizes 'report' for the part's unit (and the period lock) before it writes.
    const { seq } = await saveNarrative(db, user, input);
    return { status: 'ok', message: `Texten är sparad som version ${seq}.`, data: { seq } };
  },
});
