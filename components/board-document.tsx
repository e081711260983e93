// The board's whole document (lib/board-document.ts) as a page that prints on A4: a cover with
// kommun, board and period, the table of contents, then every chapter of the template in order
// (chapters as h1, the units' parts as h2, as the DOCX's Heading 1 and 2). The Mål och uppdrag
// chapter and the board's assignments are the same components as the chapter alone.
import type { BoardDocumentModel, DocumentChapter } from '@/lib/board-document';
import { chapterFlow, documentKindName, documentOutline, documentTitle } from '@/lib/board-document';
import { printPageCss, reportStamp, type ReportApprovalStamp } from '@/lib/report-print';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '@/lib/report-options';
import { Markdown } from './markdown';
import { BoardAssignmentsChapter, GoalsChapterBody } from './report-document';
import { FinanceChapter, warningAnchor } from './finance-chapter';

/** A chapter of a board's document; `idPrefix` keeps anchors apart where several boards' documents share a page. */
export function DocumentChapterSection({
  chapter,
  index,
  document,
  options,
  financeHref,
  idPrefix = 'kapitel',
}: {
  chapter: DocumentChapter;
  index: number;
  document: BoardDocumentModel;
  options: ReportOptions;
  financeHref: (key: string) => string;
  idPrefix?: string;
}) {
  const { report } = document;
  const id = `${idPrefix}-${index + 1}`;
  if (chapter.kind === 'board_assignments') {
    return (
      <section className="mt-10">
        <BoardAssignmentsChapter report={report} title={chapter.title} level={1} id={id} />
      </section>
    );
  }
  return (
    <section className="mt-10" aria-labelledby={id}>
      <h1 id={id}>{chapter.title}</h1>
      {chapter.kind === 'goals' && <GoalsChapterBody report={report} options={options} />}
      {chapter.kind === 'overall_perspective' && report.sections.map((s, i) => <Markdown key={i}>{s.body}</Markdown>)}
      {chapterFlow(chapter).map((item, k) =>
        item.kind === 'blocks' ? (
          // The finance tables (issue 16's blocks and renderer); their headings sit beside the parts' h2.
          <FinanceChapter key={`b${k}`} blocks={item.blocks} headingOffset={-1} warningHref={financeHref} />
        ) : (
          <div key={item.part.partId} className="mt-4">
            {item.part.heading && <h2 id={`${id}-${item.index + 1}`}>{item.part.heading}</h2>}
            {item.part.body ? (
              <Markdown>{item.part.body}</Markdown>
            ) : (
              <p className="italic text-slate-700">{item.part.unitName} har inte skrivit någon text ännu.</p>
            )}
          </div>
        ),
      )}
    </section>
  );
}

export function BoardDocument({
  document,
  approval = null,
  options = DEFAULT_REPORT_OPTIONS,
  financePage,
}: {
  document: BoardDocumentModel;
  approval?: ReportApprovalStamp | null;
  options?: ReportOptions;
  /** The board's period on the finance page, where a marked figure's difference is explained. */
  financePage: string;
}) {
  const { report } = document;
  const stamp = reportStamp(report, approval);
  const financeHref = (key: string) => `${financePage}#${warningAnchor(key)}`;
  return (
    <article className="report-document mx-auto max-w-[52rem] overflow-hidden bg-white p-4 leading-relaxed shadow-sm sm:p-8 print:max-w-none print:p-0 print:shadow-none">
      <style>{printPageCss(report, stamp, documentKindName(report.period.kind))}</style>
      <header className="report-cover break-after-page">
        <p className="text-2xl font-bold text-blue-950">{document.organizationName}</p>
        <p className="mt-2 text-3xl">{documentTitle(report.period)}</p>
        <p className="mt-1 text-xl">{report.boardName}</p>
        {report.preliminary ? (
          <p className="mt-4 border-2 border-amber-600 px-3 py-2 font-bold uppercase tracking-wide text-amber-900">
            Preliminär – perioden är inte attesterad
          </p>
        ) : (
          <p className="mt-4 text-slate-700">{stamp}</p>
        )}
      </header>
      <nav aria-labelledby="dokument-innehall" className="mt-6 break-after-page">
        <p id="dokument-innehall" className="text-lg font-semibold">
          Innehåll
        </p>
        <ul className="mt-1">
          {documentOutline(document.chapters).map((entry) => (
            <li key={entry.id} className={entry.level === 2 ? 'ml-5' : 'mt-1'}>
              <a href={`#${entry.id}`} className="underline">
                {entry.title}
              </a>
            </li>
          ))}
        </ul>
      </nav>
      {document.chapters.map((chapter, i) => (
        <DocumentChapterSection key={i} chapter={chapter} index={i} document={document} options={options} financeHref={financeHref} />
      ))}
    </article>
  );
}
