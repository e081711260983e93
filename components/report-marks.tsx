// The small pieces of the report's markup drawn both by its server parts (the legend, the
// outline) and by its client part (components/report-goal.tsx): one definition for both.
import type { ReactNode } from 'react';
import { colourLabel, colourSymbol, type Colour } from '@/lib/colour';
import { trendArrow, trendLabel, type Trend } from '@/lib/trend';

/**
 * A status as its fill (the DOCX's colour, REPORT_STATUS_FILL, as the class fill-<colour> in
 * app/globals.css; the greys of the four differ) with a border of its own (.status-fill: solid,
 * dashed, double, dotted) so that it stays apart in grey print too, always holding its symbol
 * and word.
 */
export function StatusFill({ colour, inFilledCell = false }: { colour: Colour; inFilledCell?: boolean }) {
  // In a cell that has the fill already, the fill shows through.
  return (
    <span className={`status-fill status-fill--${colour}${inFilledCell ? '' : ` fill-${colour}`}`}>
      <span aria-hidden="true">{colourSymbol(colour)}</span>
      {` ${colourLabel(colour)}`}
    </span>
  );
}

/**
 * The trend's arrow, with its words beside it ("↑ Bättre än året innan") when chosen; without
 * them the arrow is an image whose name is the words, so a screen reader still hears them.
 */
export function TrendMark({ trend, words }: { trend: Trend; words: boolean }) {
  if (!words) {
    return (
      <span role="img" aria-label={trendLabel(trend)} title={trendLabel(trend)}>
        {trendArrow(trend)}
      </span>
    );
  }
  return (
    <span>
      <span aria-hidden="true">{trendArrow(trend)}</span> {trendLabel(trend)}
    </span>
  );
}

/** A heading at an outline level (h1–h6), as the DOCX's Heading 1–6. */
export function Heading({ level, id, className, children }: { level: number; id?: string; className?: string; children: ReactNode }) {
  const Tag = `h${Math.min(6, Math.max(1, level))}` as 'h1';
  // Only the props given: an undefined one still travels in the RSC payload ("$undefined").
  return (
    <Tag {...(id === undefined ? {} : { id })} {...(className === undefined ? {} : { className })}>
      {children}
    </Tag>
  );
}
