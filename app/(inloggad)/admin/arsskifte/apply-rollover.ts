// Create next year's plan (verksamhetsplan) from a board's plan: its goals and indicators
// with continues links, and the newest texts as a starting point (see db/admin/rollover.ts).
import { z } from '@/lib/zod';
import type { ActionResult } from '@/lib/action';
import { defineAction } from '@/server/action';
import { applyRollover, type RolloverResultDTO } from '@/db/admin/rollover';

const count = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export const applyRolloverAction = defineAction({
  name: 'plan.rollover',
  schema: z.object({ planId: z.uuid('Välj en verksamhetsplan.') }),
  async run({ user, db }, input): Promise<ActionResult<RolloverResultDTO>> {
    // applyRollover authorizes 'manage' on plans before it reads or writes.
    const result = await applyRollover(db, user, input);
    return {
      status: 'ok',
      message:
        `Verksamhetsplanen ${result.code} är skapad med ${count(result.goals, 'mål', 'mål')}, ` +
        `${count(result.indicators, 'mått', 'mått')} och ${count(result.textBlocks, 'text', 'texter')}.`,
      data: result,
    };
  },
});
