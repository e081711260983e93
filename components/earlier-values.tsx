import type { EarlierValueDTO } from '@/db/indicator-values';
import { formatOutcome } from '@/lib/swedish-number';
import { StatusBadge } from './status-badge';

/** The target and the values to compare with, beside the form. */
export function EarlierValues({
  targetLabel,
  decimals,
  rows,
}: {
  targetLabel: string;
  decimals: number;
  rows: { title: string; value: EarlierValueDTO | null; empty: string }[];
}) {
  return (
    <dl className="space-y-3 text-sm">
      <div>
        <dt className="font-medium text-slate-700">Mål</dt>
        <dd className="text-base">{targetLabel}</dd>
      </div>
      {rows.map((row) => (
        <div key={row.title}>
          <dt className="font-medium text-slate-700">
            {row.title}
            {row.value ? ` (${row.value.label})` : ''}
          </dt>
          <dd className="flex flex-wrap items-center gap-2">
            {row.value ? (
              <>
                <span className="text-base tabular-nums">{formatOutcome(row.value.outcome, decimals)}</span>
                {row.value.colour && <StatusBadge colour={row.value.colour} />}
              </>
            ) : (
              <span className="text-slate-600">{row.empty}</span>
            )}
          </dd>
        </div>
      ))}
    </dl>
  );
}
