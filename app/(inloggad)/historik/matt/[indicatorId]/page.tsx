import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { getIndicatorHistory, type IndicatorHistoryDTO } from '@/db/indicator-values';
import { requireUser } from '@/server/session';
import { parseId } from '@/lib/route-params';
import { colourLabel } from '@/lib/colour';
import { formatOutcome } from '@/lib/swedish-number';
import { trendLabel } from '@/lib/trend';
import { formatDateTime } from '@/lib/time-format';
import { rankStatement, rankSummary } from '@/lib/kolada-rank';
import { buildComparison } from '@/lib/kolada-comparison';
import { KoladaComparison } from '@/components/kolada-comparison';
import type { ChartTarget } from '@/lib/chart-geometry';
import { IndicatorHistoryChart } from '@/components/indicator-history-chart';
import { VersionEntry } from '@/components/version-entry';
import { Breadcrumb } from '@/components/breadcrumb';

export const metadata: Metadata = { title: 'Historik för mått' };

/** Where a version's outcome came from: "Källa: Kolada (N00090, 2024), hämtat 30 nov. 2026 18:12". */
function sourceText(v: IndicatorHistoryDTO['versions'][number]): string {
  if (v.source === 'import') return 'Källa: import från Excel';
  const year = v.koladaContext ? `, ${v.koladaContext.year}` : '';
  return `Källa: Kolada (${v.kpiId ?? ''}${year})${v.fetchedAt ? `, hämtat ${formatDateTime(v.fetchedAt)}` : ''}`;
}

function chartTarget(ind: IndicatorHistoryDTO['indicator']): ChartTarget {
  if (ind.comparator === 'between' && ind.targetLow !== null && ind.targetHigh !== null) {
    return { kind: 'band', low: ind.targetLow, high: ind.targetHigh };
  }
  if (ind.comparator !== 'not_worse' && ind.targetValue !== null) return { kind: 'line', value: ind.targetValue };
  return null; // "not worse than last year" has no fixed level to draw
}

export default async function IndicatorHistoryPage({ params }: { params: Promise<{ indicatorId: string }> }) {
  const user = await requireUser();
  const id = parseId((await params).indicatorId);
  if (!id) notFound();
  const { indicator, versions } = await getIndicatorHistory(await getDb(), user, id).catch(notFoundOrThrow);
  // The chart shows each period's newest version, oldest period first.
  const newestPerPeriod = versions.filter((v, i) => versions.findIndex((w) => w.periodId === v.periodId) === i).reverse();
  // Kolada's values beside the län and "liknande kommuner", from the newest fetched versions.
  const comparison = buildComparison(versions.map((v) => v.koladaContext));

  return (
    <>
      <Breadcrumb trail={[{ href: '/', label: 'Översikt' }]} here="Historik" />
      <h1 className="mt-2 text-2xl font-semibold">Historik: {indicator.name}</h1>
      <p className="mt-1 text-slate-700">Mål: {indicator.targetLabel}</p>

      <section aria-label="Utfall över tid" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
        <IndicatorHistoryChart
          title="Utfall per period"
          points={newestPerPeriod.map((v) => ({ label: v.periodLabel, value: v.outcome }))}
          target={chartTarget(indicator)}
          targetLabel={indicator.targetLabel}
          decimals={indicator.decimals}
          unitOfMeasure={indicator.unitOfMeasure}
        />
      </section>

      {comparison && (
        <section aria-label="Jämförelse i Kolada" className="mt-6 rounded-lg border border-slate-200 bg-white p-4">
          <KoladaComparison comparison={comparison} decimals={indicator.decimals} />
        </section>
      )}

      <section aria-labelledby="versioner" className="mt-8">
        <h2 id="versioner" className="text-lg font-semibold">
          Alla versioner
        </h2>
        {versions.length === 0 && <p className="mt-2">Inget är rapporterat på måttet ännu.</p>}
        <ol className="mt-3 space-y-3">
          {versions.map((v, i) => {
            const before = versions.slice(i + 1).find((w) => w.periodId === v.periodId);
            return (
              <VersionEntry
                key={`${v.periodId}-${v.seq}`}
                title={`${v.periodLabel}, version ${v.seq}`}
                authorName={v.authorName}
                createdAt={v.createdAt}
                facts={
                  <>
                    Utfall {formatOutcome(v.outcome, indicator.decimals)} · {colourLabel(v.chosenColour ?? v.computedColour)}
                    {v.chosenColour && ` (beräknad: ${colourLabel(v.computedColour)}; motivering: ${v.colourJustification ?? ''})`}
                    {(v.chosenTrend ?? v.computedTrend) && ` · ${trendLabel((v.chosenTrend ?? v.computedTrend)!)}`}
                    {v.chosenTrend && ` (satt av rapportören: ${v.trendJustification ?? ''})`}
                    {v.source !== 'manual' && <span className="block">{sourceText(v)}</span>}
                    {v.koladaContext && v.koladaContext.rank !== null && (
                      <span className="block">
                        {rankSummary(v.koladaContext, indicator.decimals)} {rankStatement(v.koladaContext, v.koladaContext.municipalityName)}
                      </span>
                    )}
                  </>
                }
                textLabel="Analys"
                text={v.analysis}
                previous={before && { seq: before.seq, text: before.analysis }}
              />
            );
          })}
        </ol>
      </section>
    </>
  );
}
