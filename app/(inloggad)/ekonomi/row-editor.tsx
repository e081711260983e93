'use client';
// The economist's entry of one row: pick the row, type its four figures as printed (spaces,
// hyphen or U+2212 minus, "tkr" are all fine). The table is saved as its next version; a
// version saved meanwhile by someone else is a conflict and nothing typed is lost.
import { useActionState, useState } from 'react';
import type { ActionResult } from '@/lib/action';
import type { EditableRow } from '@/lib/finance-edit';
import type { FinanceTable, Tkr } from '@/lib/finance-model';
import { formatNumber } from '@/lib/swedish-number';
import { SaveMessage } from '@/components/conflict-notice';
import { SelectField, TextField } from '@/components/form-field';
import { submitWithoutReset } from '@/components/submit-without-reset';
import { useFields } from '@/components/use-fields';
import { saveFinanceRowForm } from './actions';
import { SubmitButton } from '@/components/submit-button';

const show = (v: Tkr) => (v === null ? '' : formatNumber(v));
const FIELDS = [
  ['outcome', 'Utfall'],
  ['forecast', 'Prognos'],
  ['budget', 'Budget'],
  ['deviation', 'Avvikelse (som angiven)'],
] as const;

export function RowEditor(props: { boardId: string; periodId: string; rows: EditableRow[]; seqs: Record<FinanceTable, number> }) {
  const [result, action, pending] = useActionState<ActionResult<{ seq: number }> | null, FormData>(saveFinanceRowForm, null);
  const first = props.rows[0]!;
  const valuesOf = (row: EditableRow) => ({
    row: row.key,
    outcome: show(row.figures.outcome),
    forecast: show(row.figures.forecast),
    budget: show(row.figures.budget),
    deviation: show(row.figures.deviation),
  });
  const { bind, setFields, fields } = useFields(valuesOf(first), { result });
  const table = fields.row.split(':')[0] as FinanceTable;
  // The base: the version the page showed, or the one this form saved last.
  const [saved, setSaved] = useState<{ result: typeof result; seqs: Record<FinanceTable, number> }>({ result: null, seqs: props.seqs });
  let seqs = saved.seqs;
  if (result !== saved.result) {
    if (result?.status === 'ok' && result.data) seqs = { ...saved.seqs, [table]: result.data.seq };
    if (result?.status === 'error' && result.code === 'conflict') seqs = { ...saved.seqs, [table]: (result.newer as { seq?: number } | null)?.seq ?? 0 };
    setSaved({ result, seqs });
  }
  const select = bind('row', result);
  return (
    <form action={action} onSubmit={submitWithoutReset(action)} className="mt-3 space-y-3 rounded border border-slate-300 bg-white p-4" noValidate>
      <h3 className="font-semibold">Ändra en rad</h3>
      <input type="hidden" name="boardId" value={props.boardId} />
      <input type="hidden" name="periodId" value={props.periodId} />
      <input type="hidden" name="baseSeq" value={seqs[table]} />
      <SelectField
        label="Rad"
        {...select}
        onChange={(event) => {
          const row = props.rows.find((r) => r.key === event.target.value);
          if (row) setFields(valuesOf(row));
        }}
      >
        {props.rows.map((r) => (
          <option key={r.key} value={r.key}>
            {r.label}
          </option>
        ))}
      </SelectField>
      <div className="grid grid-cols-2 gap-3 sm:grid-cols-4">
        {FIELDS.map(([name, label]) => (
          <TextField key={name} label={`${label}, tkr`} labelStyle="small" inputMode="numeric" {...bind(name, result)} />
        ))}
      </div>
      <p className="text-sm text-slate-700">
        Avvikelsen sparas som den står i underlaget; Målbild räknar fram prognos − budget och varnar om de skiljer sig.
      </p>
      {result?.status === 'error' && result.code === 'conflict' && (
        <p role="alert" className="rounded border border-amber-400 bg-amber-50 p-2 text-sm">
          Någon annan har sparat tabellen under tiden. Dina siffror finns kvar i formuläret; ladda om sidan för att se de nya, eller
          spara igen om dina ska gälla.
        </p>
      )}
      <div className="flex flex-wrap items-center gap-3">
        <SubmitButton
          pending={pending}
          className="rounded bg-blue-800 px-4 py-2 font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700 disabled:opacity-70 aria-disabled:opacity-70"
        >
          {pending ? 'Sparar …' : 'Spara raden'}
        </SubmitButton>
        <SaveMessage status={result?.status} message={result?.status === 'error' && result.code === 'conflict' ? undefined : result?.message} />
      </div>
    </form>
  );
}
