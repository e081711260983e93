import type { Metadata } from 'next';
import Link from 'next/link';
import { redirect } from 'next/navigation';
import { getDb } from '@/db/client';
import { notFoundOrThrow } from '@/server/errors';
import { getAssignmentMonitor, type AssignmentMonitorRow } from '@/db/assignment-monitor';
import { getCurrentPeriod, type PeriodDTO } from '@/db/queries/overview';
import { requireUser } from '@/server/session';
import { formatDate, periodStateLabel } from '@/lib/period';
import {
  applyAssignmentFilters,
  countByStatus,
  filtersToQuery,
  ISSUER_FILTER_LABELS,
  parseAssignmentFilters,
  SORT_KEYS,
  SORT_LABELS,
  SORT_ORDER_LABELS,
  SORT_ORDERS,
  STATUS_FILTER_LABELS,
  type AssignmentFilters,
  type SortKey,
} from '@/lib/assignment-filters';
import { AssignmentStatusLabel } from '@/components/assignment-status-label';
import { OVERDUE_TODAY_LABEL } from '@/lib/assignment-status';
import { Checkbox, FieldGroup, SelectField, TextField } from '@/components/form-field';
import { PeriodSelect, UnitSelect } from '@/components/period-picker';
import { Pager } from '@/components/pager';
import { ScrollTable } from '@/components/scroll-table';
import { pageOf, parsePage } from '@/lib/paging';

/** Rows per page of the monitor: the page stays small however many assignments the kommun has (issue 19). */
const ASSIGNMENTS_PER_PAGE = 25;

export const metadata: Metadata = { title: 'Uppdrag' };

/**
 * The table's cells, rows and the notes under a cell's text (<p>), styled once on the table
 * rather than on each of the 150 cells (ScrollTable draws the header).
 */
const CELLS =
  '[&_td]:px-3 [&_td]:py-2 [&>thead]:bg-slate-50 [&>tbody>tr]:border-b [&>tbody>tr]:border-slate-200 [&>tbody>tr]:align-top ' +
  '[&>tbody>tr:last-child]:border-b-0 [&_td_p]:mt-1 [&_td_p]:text-xs [&_td_p]:text-slate-700';

const COLUMNS = ['Uppdrag', 'Uppdragsgivare', 'Ansvariga', 'Status', 'Slutdatum', 'Rapporterat'];

type RawSearchParams = Record<string, string | string[] | undefined>;

/** Whether the URL's query is exactly the canonical one (only known, valid, non-default values). */
function isCanonical(raw: RawSearchParams, canonical: string): boolean {
  const given = new URLSearchParams();
  for (const [key, value] of Object.entries(raw)) {
    for (const v of Array.isArray(value) ? value : value === undefined ? [] : [value]) given.append(key, v);
  }
  given.sort();
  const wanted = new URLSearchParams(canonical);
  wanted.sort();
  return given.toString() === wanted.toString();
}

/** Which column header the sort key belongs to, for aria-sort. */
const SORTED_COLUMN: Partial<Record<SortKey, string>> = {
  titel: 'Uppdrag',
  uppdragsgivare: 'Uppdragsgivare',
  status: 'Status',
  slutdatum: 'Slutdatum',
};

function enheter(n: number): string {
  return n === 1 ? 'enhet' : 'enheter';
}

export default async function AssignmentMonitorPage({ searchParams }: { searchParams: Promise<RawSearchParams> }) {
  const user = await requireUser();
  const db = await getDb();
  const raw = await searchParams;
  const filters = parseAssignmentFilters(raw);
  // A shared or bookmarked view has a clean URL: only the filters that are set, in a fixed order.
  const canonical = filtersToQuery(filters);
  if (!isCanonical(raw, canonical)) redirect(canonical ? `/uppdrag?${canonical}` : '/uppdrag');

  const periodId = filters.period || (await getCurrentPeriod(db, user))?.id;
  if (!periodId) {
    return (
      <Shell>
        <p className="mt-4 rounded border border-slate-300 bg-white p-4">
          Det finns ingen period ännu, så det finns inga uppdrag att följa upp.
        </p>
      </Shell>
    );
  }
  // The monitor reads the organization's periods anyway: the picker takes them from it. The
  // texts the search looks in are read only when searching: the list never shows them.
  const data = await getAssignmentMonitor(db, user, periodId, { texts: filters.q !== '' }).catch(notFoundOrThrow);
  const { periods } = data;
  const { period, previousPeriod } = data;
  const shown = applyAssignmentFilters(data.rows, filters);
  const counts = countByStatus(shown);
  const { items: pageRows, info: page } = pageOf(shown, parsePage(filters.sida), ASSIGNMENTS_PER_PAGE);
  const pageQuery = Object.fromEntries(new URLSearchParams(filtersToQuery(filters)));
  const resetHref = filters.period ? `/uppdrag?${filtersToQuery({ period: filters.period })}` : '/uppdrag';
  const sortedColumn = SORTED_COLUMN[filters.sort];
  const sortedBy = sortedColumn ? { column: sortedColumn, direction: filters.ordning === 'fallande' ? ('descending' as const) : ('ascending' as const) } : undefined;

  return (
    <Shell>
      <p className="mt-1 text-slate-700">
        {period.label} ({periodStateLabel(period.state).toLowerCase()})
        {previousPeriod ? ` · Jämförs med ${previousPeriod.label}` : ' · Ingen tidigare period att jämföra med'}
      </p>

      <FilterForm filters={filters} data={data} periods={periods} resetHref={resetHref} currentPeriodId={period.id} />

      {data.rows.length === 0 ? (
        <p className="mt-6 rounded border border-slate-300 bg-white p-4">Det finns inga uppdrag ännu.</p>
      ) : shown.length === 0 ? (
        <p className="mt-6 rounded border border-slate-300 bg-white p-4">
          Inga uppdrag matchar filtret.{' '}
          <Link href={resetHref} className="text-blue-800 underline">
            Rensa filter
          </Link>
        </p>
      ) : (
        <>
          <section aria-labelledby="sammanstallning" className="mt-6">
            <h2 id="sammanstallning" className="text-lg font-semibold">
              {shown.length === data.rows.length
                ? `${shown.length} uppdrag`
                : `${shown.length} av ${data.rows.length} uppdrag matchar filtret`}
            </h2>
            <p className="mt-1">
              {STATUS_FILTER_LABELS.not_started}: {counts.not_started} · {STATUS_FILTER_LABELS.in_progress}: {counts.in_progress} ·{' '}
              {STATUS_FILTER_LABELS.done}: {counts.done} · {STATUS_FILTER_LABELS.cancelled}: {counts.cancelled} ·{' '}
              {STATUS_FILTER_LABELS.none}: {counts.none} · <span aria-hidden="true">⚠ </span>Försenade: {counts.overdue}
              {period.state === 'open' && (
                <>
                  {' '}
                  · Försenade i dag: {counts.overdueToday}
                </>
              )}
            </p>
            <p className="mt-1 text-sm text-slate-700">
              Försenat bedöms per periodens slut, {formatDate(period.endDate)}.
              {period.state === 'open' &&
                ` ${OVERDUE_TODAY_LABEL}: slutdatumet har passerat i dag men hade inte passerat vid periodens slut.`}
            </p>
          </section>

          <ScrollTable
            caption={`Uppdrag, ${period.label}, sorterade efter ${SORT_LABELS[filters.sort].toLowerCase()} (${SORT_ORDER_LABELS[filters.ordning].toLowerCase()})`}
            captionHidden={false}
            columns={COLUMNS}
            sortedBy={sortedBy}
            cells={CELLS}
            className="mt-4"
          >
            {pageRows.map((row) => (
              <Row key={row.id} row={row} periodId={period.id} previousLabel={previousPeriod?.label ?? null} />
            ))}
          </ScrollTable>
          <Pager info={page} path="/uppdrag" query={pageQuery} label="Sidor med uppdrag" noun="uppdrag" />
        </>
      )}
    </Shell>
  );
}

function Row({ row, periodId, previousLabel }: { row: AssignmentMonitorRow; periodId: string; previousLabel: string | null }) {
  const reported = row.units.filter((u) => u.reported).length;
  return (
    <tr>
      <td>
        <Link href={`/uppdrag/${row.id}?period=${periodId}`} className="font-medium text-blue-800 underline">
          {row.title}
        </Link>
        {row.focusAreaName && <p>{row.focusAreaName}</p>}
      </td>
      <td data-label="Uppdragsgivare">{row.issuerName}</td>
      <td data-label="Ansvariga">{row.units.length === 0 ? '–' : row.units.map((u) => u.name).join(', ')}</td>
      <td data-label="Status">
        <AssignmentStatusLabel status={row.status} overdue={row.overdue} overdueToday={row.overdueToday} />
      </td>
      <td data-label="Slutdatum" className="whitespace-nowrap">{row.dueDate ? formatDate(row.dueDate) : '–'}</td>
      <td data-label="Rapporterat">
        {row.reportedThisPeriod ? (
          <span className="font-medium">
            <span aria-hidden="true">✓ </span>
            {`${reported} av ${row.units.length} ${enheter(row.units.length)}`}
          </span>
        ) : (
          `${reported} av ${row.units.length} ${enheter(row.units.length)}`
        )}
        {row.missingUnits.length > 0 && <p>{`Saknas: ${row.missingUnits.join(', ')}`}</p>}
        {row.changedSinceLastPeriod && <p>{previousLabel ? `Ändrat sedan ${previousLabel}` : 'Ny rapport'}</p>}
      </td>
    </tr>
  );
}

function FilterForm({
  filters,
  data,
  periods,
  resetHref,
  currentPeriodId,
}: {
  filters: AssignmentFilters;
  data: Awaited<ReturnType<typeof getAssignmentMonitor>>;
  periods: PeriodDTO[];
  resetHref: string;
  currentPeriodId: string;
}) {
  return (
    <form method="get" action="/uppdrag" role="search" aria-label="Filtrera uppdrag" className="mt-4 rounded-lg border border-slate-200 bg-white p-4">
      <div className="grid gap-4 sm:grid-cols-2 lg:grid-cols-3">
        <TextField
          id="q"
          name="q"
          type="search"
          label="Sök"
          labelStyle="small"
          hint="I titel, beskrivning, ansvariga och återrapporteringar."
          hintBelow
          defaultValue={filters.q}
          maxLength={200}
        />
        <SelectField id="issuer" name="issuer" label="Uppdragsgivare" labelStyle="small" defaultValue={filters.issuer}>
          {(['', 'council', 'board'] as const).map((v) => (
            <option key={v} value={v}>
              {ISSUER_FILTER_LABELS[v]}
            </option>
          ))}
        </SelectField>
        <SelectField id="status" name="status" label="Status" labelStyle="small" defaultValue={filters.status}>
          {(['', 'not_started', 'in_progress', 'done', 'cancelled', 'none'] as const).map((v) => (
            <option key={v} value={v}>
              {STATUS_FILTER_LABELS[v]}
            </option>
          ))}
        </SelectField>
        <UnitSelect units={data.unitOptions} value={filters.enhet} label="Ansvarig enhet" emptyLabel="Alla" fullWidth />
        <SelectField id="namnd" name="namnd" label="Nämnd" labelStyle="small" defaultValue={filters.namnd}>
          <option value="">Alla</option>
          {data.boardOptions.map((b) => (
            <option key={b.id} value={b.id}>
              {b.name}
            </option>
          ))}
        </SelectField>
        <SelectField id="malomrade" name="malomrade" label="Målområde" labelStyle="small" defaultValue={filters.malomrade}>
          <option value="">Alla</option>
          {data.focusAreaOptions.map((a) => (
            <option key={a.id} value={a.id}>
              {'\u00a0\u00a0'.repeat(a.depth)}
              {a.name}
            </option>
          ))}
        </SelectField>
        <PeriodSelect periods={periods} value={currentPeriodId} fullWidth />
        <SelectField id="sort" name="sort" label="Sortera efter" labelStyle="small" defaultValue={filters.sort}>
          {SORT_KEYS.map((k) => (
            <option key={k} value={k}>
              {SORT_LABELS[k]}
            </option>
          ))}
        </SelectField>
        <SelectField id="ordning" name="ordning" label="Ordning" labelStyle="small" defaultValue={filters.ordning}>
          {SORT_ORDERS.map((o) => (
            <option key={o} value={o}>
              {SORT_ORDER_LABELS[o]}
            </option>
          ))}
        </SelectField>
      </div>

      <FieldGroup legend="Visa bara" labelStyle="small" className="mt-4">
        <div className="mt-1 flex flex-wrap gap-x-6 gap-y-2">
          <Checkbox name="forsenat" value="1" label="Försenade" defaultChecked={filters.forsenat === '1'} />
          <Checkbox name="ejrapporterat" value="1" label="Ej rapporterade denna period" defaultChecked={filters.ejrapporterat === '1'} />
          <Checkbox name="andrat" value="1" label="Ändrade sedan förra perioden" defaultChecked={filters.andrat === '1'} />
        </div>
      </FieldGroup>

      <div className="mt-4 flex flex-wrap items-center gap-4">
        <button type="submit" className="rounded bg-blue-800 px-4 py-2 text-sm font-medium text-white hover:bg-blue-900 focus:outline-2 focus:outline-offset-2 focus:outline-blue-700">
          Filtrera
        </button>
        <Link href={resetHref} className="text-sm text-blue-800 underline">
          Rensa filter
        </Link>
      </div>
    </form>
  );
}

function Shell({ children }: { children: React.ReactNode }) {
  return (
    <>
      <h1 className="text-2xl font-semibold">Uppdrag</h1>
      {children}
    </>
  );
}
