// The "Mål och uppdrag" section rendered as a page, laid out like the kommun's own report
// (the seed) and printable on A4. The DOCX (lib/report-docx.ts) is rendered from the same
// model with the same outline (areaParts, subAreaHeadings, assignmentsHeading), the same
// status fills (REPORT_STATUS_FILL) and the same options (lib/report-options.ts).
import type { ReportCouncilAssignment, ReportFocusArea, ReportGoal, ReportModel, ReportUnitReport } from '@/lib/report-model';
import {
  areaParts,
  assignmentsHeading,
  focusAreaHeading,
  legendColours,
  REPORT_LEGEND,
  subAreaHeadings,
} from '@/lib/report-model';
import { trendArrow } from '@/lib/trend';
import { reportGoalView } from '@/lib/report-goal-view';
import { printPageCss, reportStamp, type ReportApprovalStamp } from '@/lib/report-print';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '@/lib/report-options';
import { Markdown, markdownProp } from './markdown';
import { Heading, StatusFill } from './report-marks';
import { ReportGoal as ReportGoalSection } from './report-goal';

// The report's table cells (border, padding, top alignment) are styled once in app/globals.css
// (.report-table th/td), not per cell: a large board's report has hundreds of cells and each
// class travels twice, in the markup and in the page's RSC payload (issue 19).
const BOARD_ASSIGNMENTS_HEADING = 'Uppföljning av nämnds uppdrag till förvaltning';

function UnitReports({ reports, level }: { reports: ReportUnitReport[]; level: number }) {
  if (!reports.length) return <p className="mt-2 italic text-slate-700">Ingen återrapportering för perioden.</p>;
  return (
    <>
      {reports.map((r, i) => (
        <div key={i} className="mt-3">
          {r.heading && <Heading level={level}>{r.heading}</Heading>}
          {r.body && <Markdown>{r.body}</Markdown>}
        </div>
      ))}
    </>
  );
}

/**
 * A goal, drawn by its client component (components/report-goal.tsx) from its view
 * (lib/report-goal-view.ts), with the reporters' Markdown rendered here on the server (a
 * plain paragraph passed as its text: markdownProp).
 */
function Goal({ goal, year, level, options }: { goal: ReportGoal; year: number; level: number; options: ReportOptions }) {
  const analyses = goal.indicators.some((ind) => ind.analysis)
    ? goal.indicators.map((ind) => (ind.analysis ? markdownProp(ind.analysis) : null))
    : undefined;
  // Only the props given: an undefined one still travels in the RSC payload ("$undefined").
  return (
    <ReportGoalSection
      goal={reportGoalView(goal, options)}
      year={year}
      level={level}
      trendWords={options.trendWords}
      {...(goal.analysis ? { analysis: markdownProp(goal.analysis) } : {})}
      {...(analyses ? { analyses } : {})}
    />
  );
}

function CouncilAssignment({ assignment, level }: { assignment: ReportCouncilAssignment; level: number }) {
  return (
    <div className="mt-5">
      <table className="report-table w-full table-fixed border-collapse text-sm">
        <caption className="sr-only">Uppdrag från kommunfullmäktige</caption>
        <thead>
          <tr className="bg-slate-100">
            <th scope="col" className="w-1/3">
              Kommunfullmäktiges målområde
            </th>
            <th scope="col">
              Uppdrag
            </th>
          </tr>
        </thead>
        <tbody>
          <tr className="report-row-keep">
            <td data-label="Kommunfullmäktiges målområde">
              {assignment.focusAreaLabel}
            </td>
            <td data-label="Uppdrag">
              {assignment.title}
            </td>
          </tr>
        </tbody>
      </table>
      <UnitReports reports={assignment.reports} level={level} />
    </div>
  );
}

/**
 * A målområde in the seed's outline (as the DOCX): its heading, the KF-mål and notes of a
 * målområde without goals, then its parts in the plan's order, with a sub-area heading where
 * the målområde is divided into sub-areas and "Uppdrag" where the seed sets assignments apart.
 */
function FocusArea({ area, year, options, id }: { area: ReportFocusArea; year: number; options: ReportOptions; id: string }) {
  const parts = areaParts(area);
  const headed = subAreaHeadings(parts);
  const level = assignmentsHeading(area) ? 4 : 3;
  return (
    <section className="mt-8">
      <h2 id={id}>{focusAreaHeading(area)}</h2>
      {area.goals.length === 0 && area.councilGoals.length > 0 && (
        <div className="mt-2">
          <p className="font-semibold">Kommunfullmäktiges mål:</p>
          {area.councilGoals.map((c) => (
            <p key={c} className="mt-1">
              {c}
            </p>
          ))}
        </div>
      )}
      {area.notes.map((n, i) => (
        <div key={i} className="mt-2">
          {n.heading && <h3>{n.heading}</h3>}
          <Markdown>{n.body}</Markdown>
        </div>
      ))}
      {assignmentsHeading(area) && <h3 className="mt-5">Uppdrag</h3>}
      {parts.map((part, p) => {
        const partLevel = headed && part.subArea ? level + 1 : level;
        return (
          <div key={p}>
            {headed && part.subArea && (
              <Heading level={level} className="mt-5">
                {part.subArea}
              </Heading>
            )}
            {part.goals.map((i) => (
              <Goal key={`g${i}`} goal={area.goals[i]!} year={year} level={partLevel} options={options} />
            ))}
            {part.councilAssignments.map((i) => (
              <CouncilAssignment key={`a${i}`} assignment={area.councilAssignments[i]!} level={partLevel} />
            ))}
          </div>
        );
      })}
    </section>
  );
}

/** The headings of the section's parts, for the table of contents and their anchors. */
function outline(report: ReportModel): { id: string; text: string }[] {
  return [
    ...report.focusAreas.map((area, i) => ({ id: `malomrade-${i + 1}`, text: focusAreaHeading(area) })),
    ...report.sections.map((section, i) => ({ id: `avsnitt-${i + 1}`, text: section.heading })),
    ...(report.boardAssignments.groups.length ? [{ id: 'namndens-uppdrag', text: BOARD_ASSIGNMENTS_HEADING }] : []),
  ];
}

/** The printed page's running header and footer (CSS @page margin boxes, which Chromium prints). */
function PrintFrame({ report, stamp }: { report: ReportModel; stamp: string }) {
  return <style>{printPageCss(report, stamp)}</style>;
}

export function ReportDocument({
  report,
  approval = null,
  options = DEFAULT_REPORT_OPTIONS,
}: {
  report: ReportModel;
  approval?: ReportApprovalStamp | null;
  options?: ReportOptions;
}) {
  const stamp = reportStamp(report, approval);
  return (
    <article className="report-document mx-auto max-w-[52rem] overflow-hidden bg-white p-4 leading-relaxed shadow-sm sm:p-8 print:max-w-none print:p-0 print:shadow-none">
      <PrintFrame report={report} stamp={stamp} />
      {/* The page header: an unapproved period is always marked, whatever the options. */}
      <p className="report-running-head text-sm text-slate-700">
        {report.boardName} · {report.period.label}
        {report.preliminary && (
          <>
            {' · '}
            <strong className="text-amber-900">Preliminär</strong>
          </>
        )}
      </p>
      {report.preliminary && options.preliminaryBanner && (
        <p className="mt-2 border-2 border-amber-600 px-3 py-2 font-bold uppercase tracking-wide text-amber-900">
          Preliminär – perioden är inte attesterad
        </p>
      )}
      <h1 className="mt-2">Mål och uppdrag</h1>
      {options.tableOfContents && (
        <nav aria-labelledby="innehall-rubrik" className="mt-3">
          <p id="innehall-rubrik" className="font-semibold">
            Innehåll
          </p>
          <ul className="ml-1">
            {outline(report).map((p) => (
              <li key={p.id}>
                <a href={`#${p.id}`} className="underline">
                  {p.text}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      <GoalsChapterBody report={report} options={options} />
      {report.sections.map((section, i) => (
        <section key={section.heading} className="mt-8">
          <h2 id={`avsnitt-${i + 1}`}>{section.heading}</h2>
          <Markdown>{section.body}</Markdown>
        </section>
      ))}
      {report.boardAssignments.groups.length > 0 && <BoardAssignmentsChapter report={report} title={BOARD_ASSIGNMENTS_HEADING} level={2} id="namndens-uppdrag" />}
    </article>
  );
}

/** The body of the Mål och uppdrag chapter under its heading: the intro, the legend and every målområde. */
export function GoalsChapterBody({ report, options = DEFAULT_REPORT_OPTIONS }: { report: ReportModel; options?: ReportOptions }) {
  return (
    <>
      {report.intro && (
        <div className="mt-3">
          <Markdown>{report.intro}</Markdown>
        </div>
      )}
      <div className="report-legend mt-4 break-inside-avoid-page">
        <p className="font-semibold">Förklaring till måluppfyllelse:</p>
        <p className="mt-2 font-semibold">Färg</p>
        <ul className="ml-1 space-y-1">
          {legendColours(options).map((c) => (
            <li key={c.colour}>
              <StatusFill colour={c.colour} /> {c.text}
            </li>
          ))}
        </ul>
        <p className="mt-2 font-semibold">Trend</p>
        <ul className="ml-1">
          {REPORT_LEGEND.trends.map((t) => (
            <li key={t.trend}>
              <span aria-hidden="true">{trendArrow(t.trend)}</span> {t.text}
            </li>
          ))}
        </ul>
      </div>
      {report.focusAreas.map((area, i) => (
        <FocusArea key={area.name} area={area} year={report.period.year} options={options} id={`malomrade-${i + 1}`} />
      ))}
    </>
  );
}

/** "Uppföljning av nämnds uppdrag till förvaltning": a heading at the given level, the intro and the groups' tables. */
export function BoardAssignmentsChapter({ report, title, level, id }: { report: ReportModel; title: string; level: number; id?: string }) {
  return (
        <section className="mt-8">
          <Heading level={level} id={id}>
            {title}
          </Heading>
          {report.boardAssignments.intro && <Markdown>{report.boardAssignments.intro}</Markdown>}
          {report.boardAssignments.groups.map((group) => (
            <table key={group.label} className="report-table mt-4 w-full table-fixed border-collapse text-sm">
              <caption className="sr-only">{group.label}</caption>
              <thead>
                <tr className="bg-slate-100">
                  <th scope="col" className="w-1/2">
                    {group.label}
                  </th>
                  <th scope="col">
                    Uppföljning
                  </th>
                </tr>
              </thead>
              <tbody>
                {group.assignments.map((a) => (
                  <tr key={a.title}>
                    <td data-label={group.label}>
                      <p>{a.title}</p>
                      {a.description && (
                        <div className="mt-1 italic">
                          <Markdown>{a.description}</Markdown>
                        </div>
                      )}
                    </td>
                    <td data-label="Uppföljning">
                      {a.followUp.length ? (
                        a.followUp.map((r, i) => (
                          <div key={i}>
                            {r.heading && <p className="font-semibold">{r.heading}</p>}
                            {r.body && <Markdown>{r.body}</Markdown>}
                          </div>
                        ))
                      ) : (
                        <p className="italic text-slate-700">Ingen uppföljning för perioden.</p>
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          ))}
        </section>
  );
}
