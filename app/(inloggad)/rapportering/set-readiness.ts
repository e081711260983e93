// Mark a unit's part of a period ready, or take it back.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { setReadiness } from '@/db/readiness';

export const setReadinessAction = defineAction({
  name: 'readiness.set',
  schema: z.object({
    unitId: z.uuid('Okänd enhet.'),
    periodId: z.uuid('Okänd period.'),
    ready: z.enum(['true', 'false']).transform((v) => v === 'true'),
    baseSeq: z.coerce.number().int().min(0).max(1_000_000),
    /** Required when items are missing (db/readiness.ts decides, with the data). */
    reason: z.string().trim().max(2_000, 'Skälet får vara högst 2 000 tecken.').optional(),
  }),
  async run({ user, db }, input) {
    // setReadiness authorizes 'report' on the unit (and the period lock) before it writes.
    await setReadiness(db, user, input);
    return {
      status: 'ok',
      message: input.ready ? 'Enhetens rapportering är markerad som klar.' : 'Klarmarkeringen är borttagen.',
    };
  },
});
