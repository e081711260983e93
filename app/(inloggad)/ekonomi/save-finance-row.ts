// The economist types one row's figures (Utfall, Prognos, Budget, Avvikelse as printed) of a
// board's finance table: the table is saved as its next version, refused on a stale base.
import { z } from '@/lib/zod';
import { defineAction } from '@/server/action';
import { loadBoardFinance, saveFinanceTables } from '@/db/finance';
import { NotFoundError } from '@/lib/errors';
import { tableOfRow, tkrField, withRowFigures } from '@/lib/finance-edit';

export const saveFinanceRowAction = defineAction({
  name: 'finance.saveRow',
  schema: z.object({
    boardId: z.uuid('Okänd nämnd.'),
    periodId: z.uuid('Okänd period.'),
    row: z.string().regex(/^(result|operations|investments):[\w-]{1,20}(:totals)?$/, 'Okänd rad.'),
    baseSeq: z.coerce.number().int().min(0).max(1_000_000),
    outcome: tkrField,
    forecast: tkrField,
    budget: tkrField,
    deviation: tkrField,
  }),
  async run({ user, db }, input) {
    // loadBoardFinance authorizes 'read'; saveFinanceTables authorizes 'report' on the board
    // (and its period lock) before it writes.
    const current = await loadBoardFinance(db, user, input.boardId, input.periodId);
    const table = tableOfRow(input.row)!;
    const { outcome, forecast, budget, deviation } = input;
    const data = withRowFigures(current.tables, input.row, { outcome, forecast, budget, deviation });
    if (!data) throw new NotFoundError('finance_row');
    const { seqs } = await saveFinanceTables(db, user, {
      boardId: input.boardId,
      periodId: input.periodId,
      tables: [{ table, data, baseSeq: input.baseSeq }],
      reason: 'Ändrad i formuläret',
    });
    return { status: 'ok', message: 'Raden är sparad som en ny version av tabellen.', data: { seq: seqs[table]! } };
  },
});
