// The kommun-wide finance view (issue 16): every board's result forecast against budget for
// a period, the largest deviation first, with the differences each board has left
// unexplained. Everyone in the organization reads; the director follows it.
import type { Metadata } from 'next';
import Link from 'next/link';
import { notFound } from 'next/navigation';
import { getDb } from '@/db/client';
import { kommunResult } from '@/db/finance';
import { listPeriods, periodIdFromQuery } from '@/db/queries/overview';
import { requireUser } from '@/server/session';
import { notFoundOrThrow } from '@/server/errors';
import { periodLabel } from '@/lib/period';
import { formatNumber } from '@/lib/swedish-number';
import { PeriodSelect, PickerForm } from '@/components/period-picker';

export const metadata: Metadata = { title: 'Ekonomi – hela kommunen' };

const amount = (v: number | null) => (v === null ? '–' : formatNumber(v));

export default async function KommunFinancePage({ searchParams }: { searchParams: Promise<{ period?: string }> }) {
  const user = await requireUser();
  const db = await getDb();
  const query = await searchParams;
  const periodId = await periodIdFromQuery(db, user, query.period);
  if (!periodId) notFound();
  const [rows, periods] = await Promise.all([kommunResult(db, user, periodId).catch(notFoundOrThrow), listPeriods(db, user)]);
  const period = periods.find((p) => p.id === periodId)!;
  const withFigures = rows.filter((r) => r.deviation !== null);
  const total = withFigures.reduce((sum, r) => sum + r.deviation!, 0);

  return (
    <>
      <h1 className="text-2xl font-semibold">Ekonomi – hela kommunen</h1>
      <p className="mt-1 max-w-3xl text-slate-700">
        Varje nämnds helårsprognos för resultatet mot budget i {periodLabel(period.kind, period.year).toLowerCase()}, största
        avvikelsen först. Belopp i tkr; avvikelse = prognos − budget (negativ är ett underskott).
      </p>
      <PickerForm>
        <PeriodSelect periods={periods} value={periodId} />
      </PickerForm>
      <div className="relative mt-6 max-w-full overflow-x-auto" role="region" aria-label="Nämndernas resultat mot budget" tabIndex={0}>
        <table className="stack-table border-collapse bg-white text-sm">
          <caption className="px-2 py-2 text-left font-semibold">Nämndernas resultat mot budget, tkr</caption>
          <thead className="bg-slate-100">
            <tr>
              <th scope="col" className="border border-slate-300 px-2 py-1 text-left">Nämnd</th>
              <th scope="col" className="border border-slate-300 px-2 py-1 text-right">Helårsprognos</th>
              <th scope="col" className="border border-slate-300 px-2 py-1 text-right">Budget</th>
              <th scope="col" className="border border-slate-300 px-2 py-1 text-right">Avvikelse</th>
              <th scope="col" className="border border-slate-300 px-2 py-1 text-left">Oförklarade skillnader</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.boardId}>
                <th scope="row" className="border border-slate-300 px-2 py-1 text-left font-medium">
                  <Link href={`/ekonomi?namnd=${r.boardId}&period=${periodId}`} className="text-blue-800 underline">
                    {r.boardName}
                  </Link>
                </th>
                <td data-label="Helårsprognos" className="border border-slate-300 px-2 py-1 text-right tabular-nums">{amount(r.forecast)}</td>
                <td data-label="Budget" className="border border-slate-300 px-2 py-1 text-right tabular-nums">{amount(r.budget)}</td>
                <td data-label="Avvikelse" className="border border-slate-300 px-2 py-1 text-right tabular-nums font-semibold">
                  {r.deviation === null ? 'Inga siffror' : `${amount(r.deviation)}${r.deviation < 0 ? ' (underskott)' : r.deviation > 0 ? ' (överskott)' : ''}`}
                </td>
                <td data-label="Oförklarade skillnader" className="border border-slate-300 px-2 py-1">{r.deviation === null ? '–' : r.warnings === 0 ? '✓ Inga' : `⚠ ${r.warnings}`}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {withFigures.length > 0 && (
        <p className="mt-2 text-sm">
          Summa avvikelse för nämnderna med siffror: <span className="font-semibold tabular-nums">{amount(total)} tkr</span>
        </p>
      )}
      {withFigures.length === 0 && (
        <p className="mt-4 rounded border border-slate-300 bg-white p-4">
          Ingen nämnd har lagt in ekonomitabeller för perioden ännu. Nämndernas ekonomer lägger in dem på sidan Ekonomi.
        </p>
      )}
    </>
  );
}
