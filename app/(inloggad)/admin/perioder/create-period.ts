// Create a period (a draft) for a year and kind; one of each kind per year.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { createPeriod } from '@/db/admin/periods';
import { deadline, endDate, year } from './period-fields';

export const createPeriodAction = defineAction({
  name: 'period.create',
  schema: z.object({
    year,
    kind: z.enum(['T1', 'delar', 'helar'], { error: 'Välj typ av period.' }),
    endDate,
    deadline,
  }),
  async run({ user, db }, input) {
    // createPeriod authorizes 'manage' on periods before it writes.
    const { label } = await createPeriod(db, user, input);
    return { status: 'ok', message: `${label} är skapad som utkast.` };
  },
});
