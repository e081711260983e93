'use client';
// Upload a structure file (components/excel-import-form.tsx), shown with the items it
// creates and changes.
import type { StructureDryRun } from '@/db/admin/structure-import';
import { ExcelImportForm, ImportChangesTable } from '@/components/excel-import-form';
import { applyStructureImport, dryRunStructureImport } from './actions';

function Changes({ result }: { result: StructureDryRun }) {
  return (
    <ImportChangesTable result={result} columns={['Blad', 'Rad', 'Kod', 'Ändring']}>
      {result.changes.map((c) => (
        <tr key={`${c.sheet}-${c.row}`} className="border-b border-slate-100 align-top">
          <td data-label="Blad" className="px-3 py-2">{c.sheet}</td>
          <td data-label="Rad" className="px-3 py-2">{c.row}</td>
          <th scope="row" className="px-3 py-2 font-medium">{c.code}</th>
          <td data-label="Ändring" className="px-3 py-2">{c.kind === 'create' ? 'Skapas' : `Ändras: ${c.fields.join(', ')}`}</td>
        </tr>
      ))}
    </ImportChangesTable>
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
