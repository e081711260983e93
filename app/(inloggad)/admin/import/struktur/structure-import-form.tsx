'use client';
// Upload a structure file (components/excel-import-form.tsx), shown with the items it
// creates and changes.
import type { StructureDryRun } from '@/db/admin/structure-import';
import { ExcelImportForm } from '@/components/excel-import-form';
import { applyStructureImport, dryRunStructureImport } from './actions';

function Changes({ result }: { result: StructureDryRun }) {
  return (
    <div role="region" aria-label="Ändringar" tabIndex={0} className="overflow-x-auto rounded-lg border border-slate-200">
      <table className="stack-table w-full text-left text-sm">
        <caption className="px-3 py-2 text-left font-semibold">
          Ändringar som görs ({result.changes.length}); {result.unchanged} rader är oförändrade och skrivs inte
        </caption>
        <thead>
          <tr className="border-b border-slate-300">
            <th scope="col" className="px-3 py-2 font-semibold">Blad</th>
            <th scope="col" className="px-3 py-2 font-semibold">Rad</th>
            <th scope="col" className="px-3 py-2 font-semibold">Kod</th>
            <th scope="col" className="px-3 py-2 font-semibold">Ändring</th>
          </tr>
        </thead>
        <tbody>
          {result.changes.map((c) => (
            <tr key={`${c.sheet}-${c.row}`} className="border-b border-slate-100 align-top">
              <td data-label="Blad" className="px-3 py-2">{c.sheet}</td>
              <td data-label="Rad" className="px-3 py-2">{c.row}</td>
              <th scope="row" className="px-3 py-2 font-medium">{c.code}</th>
              <td data-label="Ändring" className="px-3 py-2">{c.kind === 'create' ? 'Skapas' : `Ändras: ${c.fields.join(', ')}`}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function StructureImportForm() {
  return (
    <ExcelImportForm
      inputId="structure-file"
      fileLabel="Excelfil med struktur (.xlsx, högst 5 MB)"
      check={dryRunStructureImport}
      apply={applyStructureImport}
      changes={(result) => <Changes result={result} />}
    />
  );
}
