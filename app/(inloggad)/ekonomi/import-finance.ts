// The finance import's actions: a check (dry run) and an apply that reads the file again
// and writes every table it holds in one transaction, or nothing.
import { z } from '@/lib/zod';
import type { ActionResult } from '@/lib/action';
import { defineAction } from '@/server/action';
import { readWorkbookOffThread } from '@/server/read-workbook';
import { applyFinanceImport, currentTexts, dryRunFinanceImport, type FinanceDryRun } from '@/db/finance-import';
import { ConflictError } from '@/lib/errors';
import { importMessages, ImportProblemsError, type RefusedImport } from '@/lib/excel-import';
import { parseFinanceWorkbook, type FinanceImportProblem } from '@/lib/finance-import';
import { FINANCE_TABLE_LABELS } from '@/lib/finance-model';
import { importFileSchema } from '../admin/import/import-file';

const schema = importFileSchema.extend({ boardId: z.uuid('Okänd nämnd.'), periodId: z.uuid('Okänd period.') });

async function readFile(file: Blob, texts: { result: string; investments: string }) {
  return parseFinanceWorkbook(await readWorkbookOffThread(new Uint8Array(await file.arrayBuffer())), texts);
}

export const dryRunFinanceImportAction = defineAction({
  name: 'financeImport.check',
  schema,
  async run({ user, db }, input): Promise<ActionResult<FinanceDryRun>> {
    // currentTexts reads through loadBoardFinance ('read'); dryRunFinanceImport refuses
    // anyone who may not write the board's finance before it says anything about the file.
    const texts = await currentTexts(db, user, input.boardId, input.periodId);
    const parsed = await readFile(input.file, texts);
    const result = await dryRunFinanceImport(db, user, input, parsed);
    const message = result.problems.length
      ? importMessages.problems(result.problems.length)
      : result.changes.length
        ? `Filen är korrekt. ${result.changes.map((c) => c.label).join(', ')} ersätts. Efter importen finns ${result.warningsAfter.filter((w) => !w.explained).length} oförklarade skillnader.`
        : importMessages.changesNothing(result.unchanged);
    return { status: 'ok', message, data: result };
  },
});

export const applyFinanceImportAction = defineAction({
  name: 'financeImport.apply',
  schema,
  async run({ user, db }, input): Promise<ActionResult<{ written: number; unchanged: number } & Partial<RefusedImport<FinanceImportProblem>>>> {
    // applyFinanceImport writes through saveFinanceTables, which authorizes 'report' on the
    // board (and its period lock) before anything is written; currentTexts authorizes 'read'.
    const texts = await currentTexts(db, user, input.boardId, input.periodId);
    const parsed = await readFile(input.file, texts);
    try {
      const result = await applyFinanceImport(db, user, input, parsed);
      const message = result.written.length
        ? `Importen är klar: ${result.written.map((t) => FINANCE_TABLE_LABELS[t]).join(', ')} sparades som nya versioner.`
        : importMessages.nothingSaved(result.unchanged);
      return { status: 'ok', message, data: { written: result.written.length, unchanged: result.unchanged } };
    } catch (error) {
      if (error instanceof ImportProblemsError) {
        return {
          status: 'error',
          code: 'invalid',
          message: error.userMessage,
          data: { written: 0, unchanged: 0, problems: error.problems as FinanceImportProblem[] },
        };
      }
      if (!(error instanceof ConflictError)) throw error;
      return { status: 'error', code: 'conflict', message: 'Någon sparade en tabell medan importen pågick. Inget importerades. Kontrollera filen igen.' };
    }
  },
});
