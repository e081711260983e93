// The kommun's report (lib/kommun-document.ts) as a page that prints on A4: a cover, the
// contents, the kommun's introduction, the whole kommun's rollup per målområde (the overview's
// component), then each included board with its approval and its chapters (the board
// document's own chapter component) — or one line when it has nothing for the period — as the
// DOCX lays them out.
import { BOARD_NOTHING_REPORTED, boardApprovalText, boardHasContent, KOMMUN_INTRO_TITLE, KOMMUN_PRELIMINARY_NOTICE, KOMMUN_ROLLUP_TITLE, kommunDocumentKindName, kommunDocumentTitle, kommunPreliminary, PRELIMINARY_TEXT, type KommunDocumentModel } from '@/lib/kommun-document';
import { DEFAULT_REPORT_OPTIONS } from '@/lib/report-options';
import { printPageCss } from '@/lib/report-print';
import { Markdown } from './markdown';
import { DocumentChapterSection } from './board-document';
import { FocusAreaRollup } from './focus-area-rollup';
import { warningAnchor } from './finance-chapter';

export function KommunDocument({ kommun }: { kommun: KommunDocumentModel }) {
  const preliminary = kommunPreliminary(kommun);
  const financeHref = (boardId: string) => (key: string) =>
    `/ekonomi?${new URLSearchParams({ namnd: boardId, period: kommun.period.id })}#${warningAnchor(key)}`;
  return (
    // As wide as the page (not a board document's A4 column), its finance tables in a smaller type,
    // so that every board's widest table fits a 1366 px screen without scrolling; prose keeps a
    // readable measure.
    <article className="report-document mx-auto overflow-hidden bg-white p-4 leading-relaxed shadow-sm sm:p-8 print:p-0 print:shadow-none [&_li]:max-w-3xl [&_p]:max-w-3xl [&_table]:text-xs">
      <style>
        {printPageCss(
          { boardName: kommun.organizationName, period: kommun.period, preliminary },
          preliminary ? KOMMUN_PRELIMINARY_NOTICE : 'Alla nämnder i rapporten är attesterade',
          kommunDocumentKindName(kommun.period.kind),
        )}
      </style>
      <header className="report-cover break-after-page">
        <p className="text-2xl font-bold text-blue-950">{kommun.organizationName}</p>
        <p className="mt-2 text-3xl">{kommunDocumentTitle(kommun.period)}</p>
        {preliminary && (
          <p className="mt-4 border-2 border-amber-600 px-3 py-2 font-bold uppercase tracking-wide text-amber-900">
            {KOMMUN_PRELIMINARY_NOTICE}
          </p>
        )}
      </header>
      <nav aria-labelledby="kommun-innehall" className="mt-6 break-after-page">
        <p id="kommun-innehall" className="text-lg font-semibold">
          Innehåll
        </p>
        <ul className="mt-1">
          <li className="mt-1">
            <a href="#kommun-inledning" className="underline">
              {KOMMUN_INTRO_TITLE}
            </a>
          </li>
          <li className="mt-1">
            <a href="#kommun-maluppfyllelse" className="underline">
              {KOMMUN_ROLLUP_TITLE}
            </a>
          </li>
          {kommun.boards.map((b, i) => (
            <li key={b.boardId} className="mt-1">
              <a href={`#namnd-${i + 1}`} className="underline">
                {b.boardName}
              </a>
              {!b.approval && <span className="ml-2 text-sm text-slate-700">(ej attesterad, preliminär)</span>}
            </li>
          ))}
        </ul>
      </nav>
      <section className="mt-10" aria-labelledby="kommun-inledning">
        <h1 id="kommun-inledning">{KOMMUN_INTRO_TITLE}</h1>
        {kommun.intro ? <Markdown>{kommun.intro}</Markdown> : <p className="italic text-slate-700">Ingen inledning är skriven ännu.</p>}
      </section>
      <section className="mt-10" aria-labelledby="kommun-maluppfyllelse">
        <h1 id="kommun-maluppfyllelse">{KOMMUN_ROLLUP_TITLE}</h1>
        {kommun.rollup.areas.length === 0 && <p className="italic text-slate-700">Inga målområden för perioden.</p>}
        {kommun.rollup.areas.map((area) => (
          <div key={area.id} className="mt-4 break-inside-avoid">
            <h2>{area.number === null ? area.name : `${area.number}. ${area.name}`}</h2>
            <FocusAreaRollup area={area} lastYearLabel={kommun.rollup.lastYearLabel} />
          </div>
        ))}
      </section>
      {kommun.boards.map((board, b) => (
        <section key={board.boardId} className="mt-10 break-before-page" aria-labelledby={`namnd-${b + 1}`}>
          <h1 id={`namnd-${b + 1}`} className="border-b-2 border-blue-900 pb-1">
            {board.boardName}
          </h1>
          <p className="mt-2 font-semibold">{boardApprovalText(board.approval)}</p>
          {!board.approval && (
            <p className="mt-2 border-2 border-amber-600 px-3 py-2 text-amber-900">
              <span className="font-bold uppercase">Preliminär.</span> {PRELIMINARY_TEXT}
            </p>
          )}
          {boardHasContent(board.document) ? (
            board.document.chapters.map((chapter, i) => (
              <DocumentChapterSection
                key={i}
                chapter={chapter}
                index={i}
                document={board.document}
                options={DEFAULT_REPORT_OPTIONS}
                financeHref={financeHref(board.boardId)}
                idPrefix={`namnd-${b + 1}-kapitel`}
              />
            ))
          ) : (
            <p className="mt-4 italic text-slate-700">{BOARD_NOTHING_REPORTED}</p>
          )}
        </section>
      ))}
    </article>
  );
}
