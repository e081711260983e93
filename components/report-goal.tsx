'use client';
// A goal of the board's report: its heading, KF-mål, method, addressing, the table of its
// indicators, the notes and the goal's own assessment and analysis. A client component only so
// that the page's RSC payload carries the goal as data (lib/report-goal-view.ts) rather than as
// the table's markup, which the page's HTML carries already (issue 19: a large board's report
// was 340 KB, two thirds of it that payload). It has no state and no effects; the reporters'
// Markdown is rendered on the server (components/markdown.tsx) and passed in.
import type { CSSProperties, ReactNode } from 'react';
import type { ReportGoalView } from '@/lib/report-goal-view';
import { noteMark } from '@/lib/report-goal-view';
import { Heading, StatusFill, TrendMark } from './report-marks';
import { MarkdownParagraph } from './markdown-paragraph';

function Notes({ notes, from = 0 }: { notes: string[]; from?: number }) {
  return (
    <>
      {notes.map((note, i) => (
        <p key={from + i} className="mt-1 text-sm">
          {`${noteMark(from + i + 1)} ${note}`}
        </p>
      ))}
    </>
  );
}

/** A reporter's text: a plain paragraph given as a string, or Markdown rendered on the server. */
function Analysis({ text }: { text: string | ReactNode }) {
  return typeof text === 'string' ? <MarkdownParagraph text={text} /> : (text ?? null);
}

export function ReportGoal({
  goal,
  year,
  level,
  trendWords,
  analysis,
  analyses,
}: {
  goal: ReportGoalView;
  year: number;
  level: number;
  trendWords: boolean;
  /**
   * The goal's analysis and each row's (by index): a plain paragraph as its text, drawn here as
   * the Markdown component draws it; any other Markdown rendered on the server (markdownProp).
   */
  analysis?: string | ReactNode;
  analyses?: (string | ReactNode)[];
}) {
  const rows = goal.rows ?? [];
  const tableNotes = goal.tableNotes ?? [];
  const targetHeading = goal.yearRow ? 'Mål' : `Mål ${year}`;
  const outcomeHeading = goal.yearRow ? 'Utfall' : `Utfall ${year}`;
  return (
    <section className="report-goal">
      <Heading level={level}>{`${goal.title}: ${goal.text}`}</Heading>
      {/* The paragraphs' spacing is .report-goal > p in app/globals.css. */}
      {goal.bearings?.map((b) => <p key={b}>{`Bäring på kommunfullmäktiges mål ${b}.`}</p>)}
      {goal.method && <p>{`Mått/metod: ${goal.method}`}</p>}
      {goal.addressedTo && <p>{`Adressering: ${goal.addressedTo}`}</p>}
      {rows.length > 0 && (
        // The table's layout, its columns' widths, the header's shade, the outcome's alignment
        // and, on a phone, each cell's column name are set once in app/globals.css (.report-goal),
        // not on each cell: the names with the year come from the table's two custom properties.
        <table
          className="report-table"
          style={{ '--report-target': JSON.stringify(targetHeading), '--report-outcome': JSON.stringify(outcomeHeading) } as CSSProperties}
        >
          <caption className="sr-only">{`Mått för ${goal.title}`}</caption>
          <thead>
            <tr>
              <th scope="col">
                <span className="sr-only">Mått</span>
              </th>
              <th scope="col">{targetHeading}</th>
              <th scope="col">{goal.yearRow ? 'Utfall' : `Utfall\u00a0${year}`}</th>
              <th scope="col">Måluppfyllelse</th>
            </tr>
            {/* The seed's "År | 2024 | 2024" row under the header, where it has one. */}
            {goal.yearRow && (
              <tr>
                <td>År</td>
                <td>{year}</td>
                <td>{year}</td>
                <td />
              </tr>
            )}
          </thead>
          <tbody>
            {rows.map((row, i) => (
              <tr key={i}>
                <th scope="row">{row.name}</th>
                <td>{row.target}</td>
                <td>{row.outcome}</td>
                <td className={`report-fill-cell fill-${row.colour}`}>
                  <StatusFill colour={row.colour} inFilledCell />
                  {row.colourMark}
                  {row.trend && (
                    <>
                      {' '}
                      <TrendMark trend={row.trend} words={trendWords} />
                      {row.trendMark}
                    </>
                  )}
                  <Analysis text={analyses?.[i]} />
                  {row.rank && <p className="mt-1">{row.rank}</p>}
                  {row.note && <p className="mt-1 italic">{row.note}</p>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Notes notes={tableNotes} />
      {goal.attainment && (
        <p className="text-sm">
          {goal.attainment.colour && (
            <>
              Måluppfyllelse: <StatusFill colour={goal.attainment.colour} />
              {goal.attainment.mark}.
            </>
          )}
          {goal.attainment.colour && goal.attainment.forecast && ' '}
          {goal.attainment.forecast && (
            <>
              Prognos helår: <StatusFill colour={goal.attainment.forecast} />.
            </>
          )}
        </p>
      )}
      {goal.notes && <Notes notes={goal.notes} from={tableNotes.length} />}
      <Analysis text={analysis} />
    </section>
  );
}
