// Issue 16: the board's finance tables. Everyone in the organization reads them; only the
// board's editor and the admin write (the matrix's editors report for HR and AME, not for
// Kommunstyrelsen, so they are refused). Each write reads the newest version first, so rows
// stay independent without an undo (history is append-only).
import { runAction } from '@/server/action';
import { kommunResult, loadBoardFinance } from '@/db/finance';
import { saveFinanceRowAction } from '@/app/(inloggad)/ekonomi/save-finance-row';
import { explainFinanceWarningAction } from '@/app/(inloggad)/ekonomi/explain-finance-warning';
import { applyFinanceImportAction, dryRunFinanceImportAction } from '@/app/(inloggad)/ekonomi/import-finance';
import { financeTemplate } from '@/lib/finance-import';
import { action, adminOnly, read, readers, type Context, type MatrixRow } from './harness';

const writers = { ...adminOnly, anonymous: 'unauthenticated' } as const;

async function current(ctx: Context) {
  return loadBoardFinance(ctx.db, ctx.users.admin!, ctx.ids.ksBoard, ctx.ids.periodId);
}

/** The template of the board's current tables: importing it changes nothing. */
async function unchangedFile(ctx: Context) {
  const file = new Blob([new Uint8Array(await financeTemplate((await current(ctx)).tables))]);
  return { file, boardId: ctx.ids.ksBoard, periodId: ctx.ids.periodId };
}

export const financeRows: MatrixRow[] = [
  {
    name: "read: Kommunstyrelsen's finance tables with their warnings (loadBoardFinance)",
    writes: false,
    expected: readers('ok'),
    call: ({ db, ids }, user) => read(() => loadBoardFinance(db, user!, ids.ksBoard, ids.periodId)),
  },
  {
    name: 'read: every board’s result against budget (kommunResult)',
    writes: false,
    expected: readers('ok'),
    call: ({ db, ids }, user) => read(() => kommunResult(db, user!, ids.periodId)),
  },
  {
    name: 'action: save a row of the driftredovisning (finance.saveRow)',
    writes: true,
    expected: writers,
    call: async (ctx, user) => {
      const f = await current(ctx);
      const input = {
        boardId: ctx.ids.ksBoard,
        periodId: ctx.ids.periodId,
        row: 'operations:92',
        baseSeq: String(f.versions.operations?.seq ?? 0),
        outcome: '−26 632',
        forecast: '-39 882',
        budget: '-39530',
        deviation: '−352 tkr',
      };
      return action(await runAction(saveFinanceRowAction, user, input, ctx.db));
    },
  },
  {
    name: 'action: explain a finance difference (finance.explain)',
    writes: true,
    expected: writers,
    call: async (ctx, user) => {
      const f = await current(ctx);
      const key = 'investments:totals:Åsbro förskola:outcome';
      const input = {
        boardId: ctx.ids.ksBoard,
        periodId: ctx.ids.periodId,
        key,
        baseSeq: String(f.explanationSeqs[key] ?? 0),
        text: 'Rättelse bokförd efter uttaget.',
      };
      return action(await runAction(explainFinanceWarningAction, user, input, ctx.db));
    },
  },
  {
    name: 'action: check a finance file (financeImport.check)',
    writes: false,
    expected: writers,
    call: async (ctx, user) => action(await runAction(dryRunFinanceImportAction, user, await unchangedFile(ctx), ctx.db)),
  },
  {
    name: 'action: import a finance file that changes nothing (financeImport.apply)',
    writes: true,
    expected: writers,
    call: async (ctx, user) => action(await runAction(applyFinanceImportAction, user, await unchangedFile(ctx), ctx.db)),
  },
];
