// A finance chapter's blocks (lib/finance-chapters.ts) on a page: headings, Markdown and
// real tables with captions. A figure in an unexplained difference is marked with a sign
// and words ("skillnad"), never colour alone, and links to its warning.
import { Markdown } from './markdown';
import type { ChapterBlock, ChapterCell } from '@/lib/finance-chapters';

const HEADING = { 1: 'text-xl font-semibold mt-8', 2: 'text-lg font-semibold mt-6', 3: 'font-semibold mt-4' } as const;

/** The id of a warning's entry on the page (the cells link to it). */
export const warningAnchor = (key: string) => `skillnad-${encodeURIComponent(key).replace(/%/g, '')}`;

function Cell({
  cell,
  header,
  rowHeader,
  label,
  warningHref,
}: {
  cell: ChapterCell;
  header?: boolean;
  rowHeader?: boolean;
  label?: string;
  warningHref: (key: string) => string;
}) {
  const Tag = header || rowHeader ? 'th' : 'td';
  const cls = [
    'border border-slate-300 px-2 py-1 align-top',
    cell.numeric ? `text-right tabular-nums ${header ? '' : 'whitespace-nowrap'}` : '',
    cell.bold || header ? 'font-semibold' : '',
    cell.italic ? 'italic' : '',
    cell.warnings ? 'bg-amber-100 outline-2 outline-amber-700 -outline-offset-2' : '',
  ].join(' ');
  return (
    <Tag className={`${cls}${rowHeader ? ' text-left font-normal' : ''}`} scope={header ? 'col' : rowHeader ? 'row' : undefined} data-label={!header && !rowHeader ? label : undefined}>
      {cell.text}
      {cell.warnings && (
        <a href={warningHref(cell.warnings[0]!)} className="ml-1 font-semibold text-amber-900 underline">
          ⚠<span className="sr-only"> skillnad, se kontrollen</span>
        </a>
      )}
    </Tag>
  );
}

const ownPage = (key: string) => `#${warningAnchor(key)}`;

/**
 * `headingOffset`: −1 when the blocks sit under a chapter h1 of their own (the whole document).
 * `warningHref`: where a marked cell's warning is explained (this page by default).
 */
export function FinanceChapter({
  blocks,
  headingOffset = 0,
  warningHref = ownPage,
}: {
  blocks: ChapterBlock[];
  headingOffset?: -1 | 0 | 1;
  warningHref?: (key: string) => string;
}) {
  return (
    <>
      {blocks.map((block, i) => {
        if (block.kind === 'heading') {
          const level = Math.max(1, Math.min(3, block.level + headingOffset)) as 1 | 2 | 3;
          const Tag = ({ 1: 'h2', 2: 'h3', 3: 'h4' } as const)[level];
          return (
            <Tag key={i} className={HEADING[level]}>
              {block.text}
            </Tag>
          );
        }
        if (block.kind === 'markdown') {
          return (
            <div key={i} className="prose mt-3 max-w-3xl">
              <Markdown>{block.text}</Markdown>
            </div>
          );
        }
        return (
          <div key={i} className="relative mt-3 max-w-full overflow-x-auto" role="region" aria-label={block.caption} tabIndex={0}>
            {/* On a phone each row is a card with its figures labelled (stack-table, app/globals.css). */}
            <table className="stack-table border-collapse bg-white text-sm">
              <caption className="sr-only">{block.caption}</caption>
              <thead className="bg-slate-100">
                <tr>
                  {block.header.map((c, j) => (
                    <Cell key={j} cell={c} header warningHref={warningHref} />
                  ))}
                </tr>
              </thead>
              <tbody>
                {block.rows.map((row, r) => (
                  <tr key={r}>
                    {row.map((c, j) => (
                      <Cell key={j} cell={c} rowHeader={j === 0} label={block.header[j]?.text || undefined} warningHref={warningHref} />
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        );
      })}
    </>
  );
}
