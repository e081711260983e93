'use client';
// Import the board's finance tables from Excel (components/excel-import-form.tsx): a check
// first, listing every problem or what the import replaces and the differences it would
// leave, then the apply, all or nothing.
import type { ActionResult } from '@/lib/action';
import type { FinanceDryRun } from '@/db/finance-import';
import { ExcelImportForm } from '@/components/excel-import-form';
import { applyFinanceImport, dryRunFinanceImport } from './actions';

function Changes({ result }: { result: FinanceDryRun }) {
  const open = result.warningsAfter.filter((w) => !w.explained);
  return (
    <div className="space-y-2 rounded border border-slate-200 bg-white p-3 text-sm">
      <p className="font-semibold">Importen ersätter:</p>
      <ul className="list-disc pl-5">
        {result.changes.map((c) => (
          <li key={c.table}>
            {c.label} ({c.rows} rader)
          </li>
        ))}
      </ul>
      {open.length === 0 ? (
        <p>✓ Efter importen stämmer alla summor, avvikelser och upprepade siffror (eller är förklarade).</p>
      ) : (
        <>
          <p className="font-semibold">⚠ Efter importen finns {open.length} oförklarade skillnader:</p>
          <ul className="list-disc pl-5">
            {open.map((w) => (
              <li key={w.message}>{w.message}</li>
            ))}
          </ul>
        </>
      )}
    </div>
  );
}

export function FinanceImportForm({ boardId, periodId, templateHref }: { boardId: string; periodId: string; templateHref: string }) {
  const withBoard =
    <T,>(action: (previous: ActionResult<T> | null, formData: FormData) => Promise<ActionResult<T>>) =>
    (previous: ActionResult<T> | null, formData: FormData) => {
      formData.set('boardId', boardId);
      formData.set('periodId', periodId);
      return action(previous, formData);
    };
  return (
    <div className="mt-6 rounded border border-slate-300 bg-white p-4">
      <h3 className="font-semibold">Importera från Excel</h3>
      <p className="mt-1 max-w-3xl text-sm text-slate-700">
        Utgå från mallen. Den innehåller tabellerna som de är nu; ett blad du tar bort lämnar den tabellen orörd. En export från
        ekonomisystemet kan klistras in: mellanslag i beloppen, minustecken och ”tkr” går bra.{' '}
        <a href={templateHref} download className="text-blue-800 underline">
          Ladda ner mallen (Excel)
        </a>
      </p>
      <ExcelImportForm
        inputId="finance-import-file"
        fileLabel="Excelfil med ekonomitabeller (.xlsx, högst 5 MB)"
        check={withBoard(dryRunFinanceImport)}
        apply={withBoard(applyFinanceImport)}
        changes={(result: FinanceDryRun) => <Changes result={result} />}
      />
    </div>
  );
}
