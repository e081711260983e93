// A table in its own labelled, keyboard-focusable region that scrolls sideways when the screen
// is narrower than the table (WCAG 1.4.10): the admin lists, previews and import checks. The
// region is named by the table's caption unless given a shorter `label`. `stack` (the default)
// turns each row into a card on a phone (globals.css), its cells named by their data-label.
import type { ReactNode } from 'react';

export function ScrollTable({
  caption,
  label = caption,
  captionHidden = true,
  columns,
  stack = true,
  problem = false,
  className = '',
  children,
}: {
  caption: string;
  label?: string;
  captionHidden?: boolean;
  columns: readonly string[];
  stack?: boolean;
  /** A table of problems: drawn with a red border. */
  problem?: boolean;
  /** Spacing around the region ("mt-2"). */
  className?: string;
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
      <table className={`${stack ? 'stack-table ' : ''}w-full text-left text-sm`}>
        <caption className={captionHidden ? 'sr-only' : 'px-3 py-2 text-left font-semibold'}>{caption}</caption>
        <thead>
          <tr className="border-b border-slate-300">
            {columns.map((c) => (
              <th key={c} scope="col" className="px-3 py-2 font-semibold">
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
