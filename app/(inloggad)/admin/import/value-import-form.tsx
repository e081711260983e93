'use client';
// Upload a values file (components/excel-import-form.tsx), shown with the values it changes.
import type { DryRunResult, ImportChange, ValueSnapshot } from '@/db/admin/value-import';
import { formatOutcome } from '@/lib/swedish-number';
import { ExcelImportForm, ImportChangesTable } from '@/components/excel-import-form';
import { StatusBadge } from '@/components/status-badge';
import { applyValueImport, dryRunValueImport } from './actions';

function describe(value: ValueSnapshot | null, decimals: number): string {
  if (!value) return 'Inget sparat';
  return value.outcome === null ? 'Ej mätt' : formatOutcome(value.outcome, decimals);
}

function notes(change: ImportChange): string {
  const before = change.before;
  const changed: string[] = [];
  if ((before?.referenceNote ?? '').trim() !== (change.after.referenceNote ?? '').trim()) changed.push('ny notering');
  if ((before?.analysis ?? '').trim() !== (change.after.analysis ?? '').trim()) changed.push('ny analys');
  return changed.length ? ` (${changed.join(', ')})` : '';
}

function Changes({ result }: { result: DryRunResult }) {
  return (
    <ImportChangesTable result={result} columns={['Kod', 'Period', 'Nu', 'Blir', 'Måluppfyllelse']}>
      {result.changes.map((c) => (
        <tr key={c.row} className="border-b border-slate-100 align-top">
          <th scope="row" className="px-3 py-2 font-medium">{c.code}</th>
          <td data-label="Period" className="px-3 py-2">{c.period}</td>
          <td data-label="Nu" className="px-3 py-2">{describe(c.before, c.decimals)}</td>
          <td data-label="Blir" className="px-3 py-2">
            {describe(c.after, c.decimals)}
            {notes(c)}
          </td>
          <td data-label="Måluppfyllelse" className="px-3 py-2">
            <StatusBadge colour={c.colour} />
          </td>
        </tr>
      ))}
    </ImportChangesTable>
  );
}

export function ValueImportForm() {
  return (
    <ExcelImportForm
      inputId="import-file"
      fileLabel="Excelfil med värden (.xlsx, högst 5 MB)"
      check={dryRunValueImport}
      apply={applyValueImport}
      changes={(result) => <Changes result={result} />}
    />
  );
}
