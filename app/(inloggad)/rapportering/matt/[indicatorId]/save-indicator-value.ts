// Save a new version of an indicator's value for a period.
import { defineAction } from '@/server/action';
import { indicatorValueSchema } from '@/lib/indicator-value-schema';
import { colourLabel } from '@/lib/colour';
import { saveIndicatorValue } from '@/db/indicator-values';

export const saveIndicatorValueAction = defineAction({
  name: 'indicatorValue.save',
  schema: indicatorValueSchema,
  async run({ user, db }, input) {
    // saveIndicatorValue authorizes 'report' on the value (unit, period lock) before it writes.
    const { seq, value } = await saveIndicatorValue(db, user, input);
    return {
      status: 'ok',
      message: `Sparat som version ${seq}. Måluppfyllelse: ${colourLabel(value.shownColour)}.`,
      data: { seq },
    };
  },
});
