// The period-and-board picker of the reading pages (översikt, avvikelser, uppdrag, rapport,
// attest, min rapportering): a GET form whose fields name the URL's query (period, namnd,
// enhet), so a view can be bookmarked and shared. Server-rendered; no script needed. The
// admin pages' plan pickers and log filter use the same form (PickerForm) with fields of their own.
import type { ReactNode } from 'react';
import { periodLabel, periodStateLabel, type PeriodKind, type PeriodState } from '@/lib/period';
import { SelectField } from './form-field';

export interface PeriodChoice {
  id: string;
  kind: PeriodKind;
  year: number;
  state: PeriodState;
}

/**
 * The GET form around a page's pickers, with its submit button ("Visa" unless `submitLabel`
 * says otherwise) and, `after` it, e.g. a link that clears the filters. `framed`: in a white box (default).
 */
export function PickerForm({
  label,
  framed = true,
  submitLabel = 'Visa',
  after,
  children,
}: {
  label?: string;
  framed?: boolean;
  submitLabel?: string;
  after?: ReactNode;
  children: ReactNode;
}) {
  return (
    <form
      method="get"
      aria-label={label}
      className={`mt-4 flex flex-wrap items-end gap-3 ${framed ? 'rounded border border-slate-200 bg-white p-3' : ''}`}
    >
      {children}
      <button
        type="submit"
        className="rounded border border-slate-500 bg-white px-3 py-2 text-sm font-medium hover:bg-slate-100 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700"
      >
        {submitLabel}
      </button>
      {after}
    </form>
  );
}

/** "Period": every period, newest first, with its state ("Delår 2024 (öppen)"). */
export function PeriodSelect({ periods, value, fullWidth = false }: { periods: PeriodChoice[]; value: string; fullWidth?: boolean }) {
  return (
    <SelectField id="period" name="period" label="Period" labelStyle="small" fullWidth={fullWidth} defaultValue={value}>
      {periods.map((p) => (
        <option key={p.id} value={p.id}>
          {periodLabel(p.kind, p.year)} ({periodStateLabel(p.state).toLowerCase()})
        </option>
      ))}
    </SelectField>
  );
}

/** "Nämnd": the boards; with `allLabel`, a first choice of none ("Hela kommunen"). */
export function BoardSelect({ boards, value, allLabel }: { boards: { id: string; name: string }[]; value: string; allLabel?: string }) {
  return (
    <SelectField id="namnd" name="namnd" label="Nämnd" labelStyle="small" fullWidth={false} defaultValue={value}>
      {allLabel !== undefined && <option value="">{allLabel}</option>}
      {boards.map((b) => (
        <option key={b.id} value={b.id}>
          {b.name}
        </option>
      ))}
    </SelectField>
  );
}

/** A unit ("enhet"), indented by its depth in the unit tree; `emptyLabel` names the empty choice. */
export function UnitSelect({
  units,
  value,
  label,
  emptyLabel,
  fullWidth = false,
}: {
  units: { id: string; name: string; depth?: number }[];
  value: string;
  label: string;
  emptyLabel: string;
  fullWidth?: boolean;
}) {
  return (
    <SelectField id="enhet" name="enhet" label={label} labelStyle="small" fullWidth={fullWidth} defaultValue={value}>
      <option value="">{emptyLabel}</option>
      {units.map((u) => (
        <option key={u.id} value={u.id}>
          {'\u00a0\u00a0'.repeat(u.depth ?? 0)}
          {u.name}
        </option>
      ))}
    </SelectField>
  );
}
