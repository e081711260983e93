// The "Mål och uppdrag" section rendered as a page, laid out like the kommun's own report
// (the seed) and printable on A4. The DOCX is rendered from the same model.
import type { ReportFocusArea, ReportGoal, ReportModel, ReportUnitReport } from '@/lib/report-model';
import { REPORT_LEGEND } from '@/lib/report-model';
import { colourLabel, colourSymbol, type Colour } from '@/lib/colour';
import { trendArrow, trendLabel, type Trend } from '@/lib/trend';
import { formatOutcome } from '@/lib/swedish-number';
import { printPageCss, reportStamp, type ReportApprovalStamp } from '@/lib/report-print';
import { DEFAULT_REPORT_OPTIONS, type ReportOptions } from '@/lib/report-options';
import { Markdown } from './markdown';

const CELL = 'border border-slate-400 px-2 py-1 align-top';

/**
 * A status as a fill (app/globals.css .status-fill: lightness, pattern and border differ per
 * colour, so the four stay apart in grey print) that always holds its symbol and word.
 */
export function StatusFill({ colour }: { colour: Colour }) {
  return (
    <span className={`status-fill status-fill--${colour}`}>
      <span aria-hidden="true">{colourSymbol(colour)}</span> {colourLabel(colour)}
    </span>
  );
}

/**
 * The trend's arrow, with its words beside it ("↑ Bättre än året innan") when chosen; without
 * them the arrow is an image whose name is the words, so a screen reader still hears them.
 */
function TrendMark({ trend, words }: { trend: Trend; words: boolean }) {
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

function UnitReports({ reports }: { reports: ReportUnitReport[] }) {
  if (!reports.length) return <p className="italic text-slate-700">Ingen återrapportering för perioden.</p>;
  return (
    <>
      {reports.map((r, i) => (
        <div key={i} className="mt-3">
          {r.heading && <h4>{r.heading}</h4>}
          {r.body && <Markdown>{r.body}</Markdown>}
        </div>
      ))}
    </>
  );
}

function Goal({ goal, year, options }: { goal: ReportGoal; year: number; options: ReportOptions }) {
  return (
    <section className="report-goal mt-5">
      <h3>
        {goal.title}: {goal.text}
      </h3>
      {goal.bearings.map((b) => (
        <p key={b} className="mt-2">
          Bäring på kommunfullmäktiges mål {b}.
        </p>
      ))}
      {goal.methodText && <p className="mt-2">Mått/metod: {goal.methodText}</p>}
      {goal.addressedTo.length > 0 && <p className="mt-2">Adressering: {goal.addressedTo.join(', ')}</p>}
      {goal.indicators.length > 0 && (
        <table className="report-table mt-3 w-full table-fixed border-collapse text-sm">
          <caption className="sr-only">Mått för {goal.title}</caption>
          <colgroup>
            <col className="w-[29%]" />
            <col className="w-[15%]" />
            <col className="w-[13%]" />
            <col />
          </colgroup>
          <thead>
            <tr className="bg-slate-100">
              <th scope="col" className={`${CELL} text-left`}>Mått</th>
              <th scope="col" className={`${CELL} text-left`}>Mål {year}</th>
              <th scope="col" className={`${CELL} text-right`}>
                Utfall&nbsp;{year}
              </th>
              <th scope="col" className={`${CELL} text-left`}>Måluppfyllelse</th>
            </tr>
          </thead>
          <tbody>
            {goal.indicators.map((ind) => (
              <tr key={ind.name} className="report-row-keep">
                <th scope="row" className={`${CELL} text-left font-normal`}>
                  {ind.name}
                </th>
                <td className={CELL} data-label={`Mål ${year}`}>
                  {ind.targetLabel}
                </td>
                <td className={`${CELL} text-right tabular-nums`} data-label={`Utfall ${year}`}>
                  {formatOutcome(ind.outcome, ind.decimals)}
                </td>
                <td className={CELL} data-label="Måluppfyllelse">
                  <StatusFill colour={ind.colour} />
                  {ind.trend && (
                    <>
                      {' '}
                      <TrendMark trend={ind.trend} words={options.trendWords} />
                    </>
                  )}
                  {ind.analysis && (
                    <div className="mt-1">
                      <Markdown>{ind.analysis}</Markdown>
                    </div>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {options.goalAttainment && (goal.colour || goal.forecastColour) && (
        <p className="mt-2 text-sm">
          {goal.colour && (
            <>
              Måluppfyllelse: <StatusFill colour={goal.colour} />.
            </>
          )}
          {goal.colour && goal.forecastColour && ' '}
          {goal.forecastColour && (
            <>
              Prognos helår: <StatusFill colour={goal.forecastColour} />.
            </>
          )}
        </p>
      )}
      {goal.analysis && (
        <div className="mt-2">
          <Markdown>{goal.analysis}</Markdown>
        </div>
      )}
    </section>
  );
}

function FocusArea({ area, year, options, id }: { area: ReportFocusArea; year: number; options: ReportOptions; id: string }) {
  const subAreas = [...new Set([...area.goals.map((g) => g.subArea)].filter(Boolean))];
  return (
    <section className="mt-8">
      <h2 id={id}>{focusAreaHeading(area)}</h2>
      {area.goals.length === 0 && area.councilGoals.length > 0 && (
        <div className="mt-2">
          <p>Kommunfullmäktiges mål:</p>
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
      {area.goals
        .filter((g) => !g.subArea)
        .map((g) => (
          <Goal key={g.title} goal={g} year={year} options={options} />
        ))}
      {subAreas.map((sub) => (
        <div key={sub}>
          <h3 className="mt-5">{sub}</h3>
          {area.goals
            .filter((g) => g.subArea === sub)
            .map((g) => (
              <Goal key={g.title} goal={g} year={year} options={options} />
            ))}
        </div>
      ))}
      {area.councilAssignments.map((a, i) => (
        <div key={i} className="mt-5 break-inside-avoid-page">
          <table className="report-table w-full table-fixed border-collapse text-sm">
            <caption className="sr-only">Uppdrag från kommunfullmäktige</caption>
            <thead>
              <tr className="bg-slate-100">
                <th scope="col" className={`${CELL} w-1/3 text-left`}>Kommunfullmäktiges målområde</th>
                <th scope="col" className={`${CELL} text-left`}>Uppdrag</th>
              </tr>
            </thead>
            <tbody>
              <tr>
                <td className={CELL} data-label="Kommunfullmäktiges målområde">
                  {a.focusAreaLabel}
                </td>
                <td className={CELL} data-label="Uppdrag">
                  {a.title}
                </td>
              </tr>
            </tbody>
          </table>
          <UnitReports reports={a.reports} />
        </div>
      ))}
    </section>
  );
}

/** The printed page's running header and footer (CSS @page margin boxes, which Chromium prints). */
function PrintFrame({ report, stamp }: { report: ReportModel; stamp: string }) {
  return <style>{printPageCss(report, stamp)}</style>;
}

/** The headings of the section's parts, for the table of contents and their anchors. */
function outline(report: ReportModel): { id: string; text: string }[] {
  return [
    ...report.focusAreas.map((area, i) => ({ id: `malomrade-${i + 1}`, text: focusAreaHeading(area) })),
    ...report.sections.map((section, i) => ({ id: `avsnitt-${i + 1}`, text: section.heading })),
    ...(report.boardAssignments.groups.length ? [{ id: 'namndens-uppdrag', text: BOARD_ASSIGNMENTS_HEADING }] : []),
  ];
}

const BOARD_ASSIGNMENTS_HEADING = 'Uppföljning av nämnds uppdrag till förvaltning';

function focusAreaHeading(area: ReportFocusArea): string {
  return `${area.number !== null ? `Målområde ${area.number} – ` : ''}${area.name}`;
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
  const parts = outline(report);
  return (
    <article className="report-document mx-auto max-w-[52rem] overflow-hidden bg-white p-4 sm:p-8 leading-relaxed shadow-sm print:max-w-none print:p-0 print:shadow-none">
      <PrintFrame report={report} stamp={stamp} />
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
            {parts.map((p) => (
              <li key={p.id}>
                <a href={`#${p.id}`} className="underline">
                  {p.text}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}
      {report.intro && (
        <div className="mt-3">
          <Markdown>{report.intro}</Markdown>
        </div>
      )}
      <div className="report-legend mt-4 break-inside-avoid-page">
        <p className="font-semibold">Förklaring till måluppfyllelse:</p>
        <p className="mt-2 font-medium">Färg</p>
        <ul className="ml-1 space-y-1">
          {REPORT_LEGEND.colours.filter((c) => options.greyLegend || c.colour !== 'grey').map((c) => (
            <li key={c.colour}>
              <StatusFill colour={c.colour} /> {c.text}
            </li>
          ))}
        </ul>
        <p className="mt-2 font-medium">Trend</p>
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
      {report.sections.map((section, i) => (
        <section key={section.heading} className="mt-8">
          <h2 id={`avsnitt-${i + 1}`}>{section.heading}</h2>
          <Markdown>{section.body}</Markdown>
        </section>
      ))}
      {report.boardAssignments.groups.length > 0 && (
        <section className="mt-8">
          <h2 id="namndens-uppdrag">{BOARD_ASSIGNMENTS_HEADING}</h2>
          {report.boardAssignments.intro && <Markdown>{report.boardAssignments.intro}</Markdown>}
          {report.boardAssignments.groups.map((group) => (
            <table key={group.label} className="report-table mt-4 w-full table-fixed border-collapse text-sm">
              <caption className="sr-only">{group.label}</caption>
              <thead>
                <tr className="bg-slate-100">
                  <th scope="col" className={`${CELL} w-1/2 text-left`}>
                    {group.label}
                  </th>
                  <th scope="col" className={`${CELL} text-left`}>
                    Uppföljning
                  </th>
                </tr>
              </thead>
              <tbody>
                {group.assignments.map((a) => (
                  <tr key={a.title}>
                    <td className={CELL} data-label={group.label}>
                      <p>{a.title}</p>
                      {a.description && (
                        <div className="mt-1 italic">
                          <Markdown>{a.description}</Markdown>
                        </div>
                      )}
                    </td>
                    <td className={CELL} data-label="Uppföljning">
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
      )}
    </article>
  );
}
