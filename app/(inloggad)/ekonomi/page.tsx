// Ekonomi: a board's finance tables for a period (issue 16), laid out as the report's
// chapters, every computed check with its warning naming both figures, the economist's
// explanations, entry per row and import from Excel. Everyone in the organization reads.
import type { Metadata } from 'next';
import Link from 'next/link';
import { getDb } from '@/db/client';
import { forecastOverYear, loadBoardFinance } from '@/db/finance';
import { requireUser } from '@/server/session';
import { notFoundOrThrow } from '@/server/errors';
import { boardAndPeriodFromQuery } from '../board-period';
import { periodLabel } from '@/lib/period';
import { formatDateTime } from '@/lib/time-format';
import { financeChapters } from '@/lib/finance-chapters';
import { unexplained } from '@/lib/finance-checks';
import { FINANCE_TABLE_LABELS } from '@/lib/finance-model';
import { editableRows } from '@/lib/finance-edit';
import { FinanceChapter, warningAnchor } from '@/components/finance-chapter';
import { BoardSelect, PeriodSelect, PickerForm } from '@/components/period-picker';
import { DownloadButton } from '@/components/download-button';
import { IndicatorHistoryChart } from '@/components/indicator-history-chart';
import { formatNumber } from '@/lib/swedish-number';
import { ExplainForm } from './explain-form';
import { RowEditor } from './row-editor';
import { FinanceImportForm } from './finance-import-form';

export const metadata: Metadata = { title: 'Ekonomi' };

export default async function FinancePage({ searchParams }: { searchParams: Promise<{ period?: string; namnd?: string }> }) {
  const user = await requireUser();
  const db = await getDb();
  const { periodId, boardId, boards, periods } = await boardAndPeriodFromQuery(db, user, await searchParams);
  const finance = await loadBoardFinance(db, user, boardId, periodId).catch(notFoundOrThrow);
  const period = periods.find((p) => p.id === periodId)!;
  const periodName = periodLabel(period.kind, period.year);
  const open = unexplained(finance.warnings);
  const hasTables = Boolean(finance.tables.result || finance.tables.operations || finance.tables.investments);
  const chapters = financeChapters({ tables: finance.tables, warnings: finance.warnings, period });
  const query = `namnd=${boardId}&period=${periodId}`;
  const overYear = await forecastOverYear(db, user, boardId, period.year);
  const budget = [...overYear].reverse().find((p) => p.budget !== null)?.budget ?? null;

  return (
    <>
      <h1 className="text-2xl font-semibold">Ekonomi</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        {finance.boardName}s resultat, driftredovisning och investeringar för {periodName.toLowerCase()}. Belopp i tkr. Avvikelser,
        summor och varav-rader räknas fram och jämförs med de angivna siffrorna; siffror som förekommer i flera tabeller jämförs med
        varandra.
      </p>
      <PickerForm after={<Link href={`/ekonomi/kommun?period=${periodId}`} className="text-sm text-blue-800 underline">Hela kommunen</Link>}>
        <PeriodSelect periods={periods} value={periodId} />
        <BoardSelect boards={boards} value={boardId} />
      </PickerForm>

      {finance.approvedAt && (
        <p className="mt-4 rounded border border-slate-300 bg-white p-3">
          Perioden är attesterad {formatDateTime(finance.approvedAt)}. Tabellerna visas som de var vid attesten och kan inte ändras.
        </p>
      )}

      {!hasTables ? (
        <p className="mt-6 rounded border border-slate-300 bg-white p-4">
          Det finns inga ekonomitabeller för {finance.boardName} i {periodName.toLowerCase()}.{' '}
          {finance.canWrite
            ? 'Ladda ner mallen nedan, fyll i den eller klistra in en export från ekonomisystemet, och importera den.'
            : 'Nämndens ekonom eller systemförvaltaren lägger in dem.'}
        </p>
      ) : (
        <section aria-labelledby="kontroller" className="mt-6">
          <h2 id="kontroller" className="text-lg font-semibold">
            Kontroller
          </h2>
          {finance.warnings.length === 0 ? (
            <p className="mt-2 rounded border border-green-700 bg-green-50 p-3">
              ✓ Inga skillnader: alla avvikelser, summor, varav-rader och upprepade siffror stämmer.
            </p>
          ) : (
            <>
              <p className="mt-2" id="kontroller-sammanfattning">
                {open.length === 0
                  ? `Alla ${finance.warnings.length} skillnader är förklarade.`
                  : `${open.length} av ${finance.warnings.length} skillnader är inte förklarade. Nämnden kan inte markeras som klar förrän varje skillnad är rättad eller förklarad.`}
              </p>
              <ol className="mt-3 space-y-3">
                {finance.warnings.map((w) => (
                  <li
                    key={w.key}
                    id={warningAnchor(w.key)}
                    className={`rounded border bg-white p-3 ${w.explanation ? 'border-slate-300' : 'border-amber-700 border-l-4'}`}
                  >
                    <p>
                      <span className="font-semibold">{w.explanation ? '✓ Förklarad skillnad: ' : '⚠ Skillnad: '}</span>
                      <span className="text-sm text-slate-700">{FINANCE_TABLE_LABELS[w.table]}. </span>
                      {w.message}
                    </p>
                    {w.explanation && (
                      <p className="mt-1 text-sm">
                        <span className="font-medium">
                          Förklaring av {w.explanation.authorName}, {formatDateTime(w.explanation.createdAt)}:
                        </span>{' '}
                        {w.explanation.text}
                      </p>
                    )}
                    {finance.canWrite && (
                      <ExplainForm
                        boardId={boardId}
                        periodId={periodId}
                        warningKey={w.key}
                        baseSeq={finance.explanationSeqs[w.key] ?? 0}
                        current={w.explanation?.text ?? ''}
                      />
                    )}
                  </li>
                ))}
              </ol>
            </>
          )}
        </section>
      )}

      {hasTables && (
        <section aria-labelledby="tabeller" className="mt-8">
          <h2 id="tabeller" className="sr-only">
            Tabellerna
          </h2>
          <div className="flex flex-wrap gap-3">
            <DownloadButton href={`/ekonomi/docx?${query}`} label="Ladda ner kapitlen (Word)" filename="ekonomi.docx" />
            <DownloadButton href={`/ekonomi/xlsx?${query}`} label="Ladda ner tabellerna (Excel)" filename="ekonomi.xlsx" />
          </div>
          {chapters.map((c) => (
            <FinanceChapter key={c.kind} blocks={c.blocks} />
          ))}
          {Object.entries(finance.versions).some(([, v]) => v) && (
            <p className="mt-6 text-sm text-slate-700">
              {Object.entries(finance.versions)
                .filter(([, v]) => v)
                .map(([t, v]) => `${FINANCE_TABLE_LABELS[t as keyof typeof FINANCE_TABLE_LABELS]}: version ${v!.seq}, ${v!.authorName}, ${formatDateTime(v!.createdAt)}${v!.reason ? ` (${v!.reason})` : ''}`)
                .join(' · ')}
            </p>
          )}
        </section>
      )}

      {overYear.some((p) => p.forecast !== null) && (
        <section aria-labelledby="prognos-over-aret" className="mt-10">
          <h2 id="prognos-over-aret" className="text-lg font-semibold">
            Prognos över året
          </h2>
          <p className="mt-1 text-sm text-slate-700">
            Helårsprognosen för resultatet vid varje period {period.year}, mot budget. Tabellen under diagrammet har samma siffror.
          </p>
          <IndicatorHistoryChart
            title={`${finance.boardName}: helårsprognos för resultatet ${period.year}`}
            points={overYear.map((p) => ({ label: periodLabel(p.kind, period.year), value: p.forecast }))}
            target={budget === null ? null : { kind: 'line', value: budget }}
            targetLabel={budget === null ? '' : `${formatNumber(budget)} tkr`}
            decimals={0}
            unitOfMeasure="tkr"
            words={{ value: 'Prognos', missing: 'Ingen prognos', target: 'Budget' }}
          />
        </section>
      )}

      {finance.canWrite && (
        <section aria-labelledby="andra" className="mt-10">
          <h2 id="andra" className="text-lg font-semibold">
            Ändra siffror
          </h2>
          {hasTables && (
            <RowEditor
              boardId={boardId}
              periodId={periodId}
              rows={editableRows(finance.tables)}
              seqs={{
                result: finance.versions.result?.seq ?? 0,
                operations: finance.versions.operations?.seq ?? 0,
                investments: finance.versions.investments?.seq ?? 0,
              }}
            />
          )}
          <FinanceImportForm boardId={boardId} periodId={periodId} templateHref={`/ekonomi/mall?${query}`} />
        </section>
      )}
    </>
  );
}
