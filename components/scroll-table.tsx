// A table in its own labelled, keyboard-focusable region that scrolls sideways when the screen
// is narrower than the table (WCAG 1.4.10): the admin lists, previews and import checks. The
// region is named by the table's caption unless given a shorter `label`. `stack` (the default)
// turns each row into a card on a phone (globals.css), its cells named by their data-label.
// A long list (Uppdrag, 25 rows a page) styles its cells once with `cells` rather than on each.
import type { ReactNode } from 'react';

export function ScrollTable({
  caption,
  label = caption,
  captionHidden = true,
  columns,
  sortedBy,
  stack = true,
  problem = false,
  className = '',
  cells = '',
  children,
}: {
  caption: string;
  label?: string;
  captionHidden?: boolean;
  columns: readonly string[];
  /** The column the rows are sorted by, and which way (aria-sort on its header). */
  sortedBy?: { column: string; direction: 'ascending' | 'descending' };
  stack?: boolean;
  /** A table of problems: drawn with a red border. */
  problem?: boolean;
  /** Spacing around the region ("mt-2"). */
  className?: string;
  /** The body's cells styled once on the table ("[&_td]:px-3 [&_td]:py-2"), not per cell (issue 19). */
  cells?: string;
  /** The rows. */
  children: ReactNode;
}) {
  return (
    <div
      role="region"
      aria-label={label}
      tabIndex={0}
      className={`overflow-x-auto rounded-lg border bg-white ${problem ? 'border-red-200' : 'border-slate-200'} ${className}`}
    >
      <table className={`${stack ? 'stack-table ' : ''}w-full text-left text-sm${cells ? ` ${cells}` : ''}`}>
        <caption className={captionHidden ? 'sr-only' : 'px-3 py-2 text-left font-semibold'}>{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300 [&>th]:px-3 [&>th]:py-2 [&>th]:font-semibold">
            {columns.map((c) => (
              <th key={c} scope="col" aria-sort={sortedBy?.column === c ? sortedBy.direction : undefined}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>{children}</tbody>
      </table>
    </div>
  );
}
