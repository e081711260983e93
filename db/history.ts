// The one history module: every history table is read as "the newest version per item"
// and written as "append the next version, refusing a stale base" through these two
// functions (DESIGN.md, "History, periods, locks").
//
// A history row carries a sequence number per item (and period). The unique key on
// (organization, item…, seq) makes two writes based on the same version collide in the
// database: the second gets a ConflictError showing the newer version, never a lost update,
// and the first write of an item is guarded the same way (base 0).
import 'server-only';
import { and, desc, eq, type Placeholder, type SQL } from 'drizzle-orm';
import type { PgColumn, PgSelect, SelectedFields } from 'drizzle-orm/pg-core';
import type { SelectResultFields } from 'drizzle-orm/query-builders/select.types';
import type { Db } from './client';
import * as s from './schema';
import { ConflictError, isUniqueViolation } from '@/lib/errors';

/** Each history table with the columns that name one item's versions. */
const HISTORY = {
  indicatorValues: { table: s.indicatorValues, item: [s.indicatorValues.indicatorId, s.indicatorValues.periodId] },
  goalAssessments: { table: s.goalAssessments, item: [s.goalAssessments.goalId, s.goalAssessments.periodId] },
  assignmentReports: {
    table: s.assignmentReports,
    item: [s.assignmentReports.assignmentId, s.assignmentReports.unitId, s.assignmentReports.periodId],
  },
  textBlockVersions: { table: s.textBlockVersions, item: [s.textBlockVersions.textBlockId] },
  readinessEvents: { table: s.readinessEvents, item: [s.readinessEvents.unitId, s.readinessEvents.periodId] },
  approvals: { table: s.approvals, item: [s.approvals.boardId, s.approvals.periodId] },
  narrativeVersions: { table: s.narrativeVersions, item: [s.narrativeVersions.partId, s.narrativeVersions.periodId] },
  // issue 16: a board's finance table per period, and the explanation of one of its warnings
  financeVersions: {
    table: s.financeVersions,
    item: [s.financeVersions.boardId, s.financeVersions.periodId, s.financeVersions.table],
  },
  financeExplanations: {
    table: s.financeExplanations,
    item: [s.financeExplanations.boardId, s.financeExplanations.periodId, s.financeExplanations.warningKey],
  },
  // issue 15 item 4: the kommun report's introduction and its boards' order, per period
  kommunIntroVersions: { table: s.kommunIntroVersions, item: [s.kommunIntroVersions.periodId] },
  kommunReportLayouts: { table: s.kommunReportLayouts, item: [s.kommunReportLayouts.periodId] },
} as const;

export type HistoryKind = keyof typeof HISTORY;

/**
 * The newest version of every item of a history table among the rows matching `where`:
 * one DISTINCT ON query, served by the unique (organization, item…, seq) index.
 * With `withAuthor`, `s.users` is joined on the author so that fields may name it; with
 * `withTextBlock` (text versions only), `s.textBlocks` is joined on the version's block; with
 * `withPeriod` (tables per period), `s.periods` is joined on the row's period.
 */
export function newestVersions<F extends SelectedFields>(
  db: Db,
  kind: HistoryKind,
  organizationId: string,
  fields: F,
  where?: SQL,
  options: NewestVersionsOptions = {},
): Promise<SelectResultFields<F>[]> {
  return newestVersionsQuery(db, kind, organizationId, fields, where, options) as unknown as Promise<SelectResultFields<F>[]>;
}

export interface NewestVersionsOptions {
  withAuthor?: boolean;
  withTextBlock?: boolean;
  withPeriod?: boolean;
}

/** A query not yet run, to be built once and run with its placeholders' values (db/prepared.ts). */
export interface PreparableQuery<R> {
  prepare(name: string): { execute(values?: Record<string, unknown>): Promise<R[]> };
}

/**
 * newestVersions' query, not yet run: for a read built once per database (db/prepared.ts),
 * with placeholders for its values, the organization's included.
 */
export function newestVersionsQuery<F extends SelectedFields>(
  db: Db,
  kind: HistoryKind,
  organizationId: string | Placeholder,
  fields: F,
  where?: SQL,
  options: NewestVersionsOptions = {},
): PreparableQuery<SelectResultFields<F>> {
  const { table, item } = HISTORY[kind];
  // One builder for every history table: drizzle cannot type a union of tables, so the query is
  // built untyped and its rows typed by the selected fields.
  const h = table as typeof s.indicatorValues;
  let query = db
    .selectDistinctOn([...item] as PgColumn[], fields)
    .from(h)
    .$dynamic() as unknown as PgSelect;
  if (options.withAuthor) {
    query = query.innerJoin(s.users, and(eq(s.users.organizationId, organizationId), eq(s.users.id, h.authorId)));
  }
  if (options.withTextBlock) {
    query = query.innerJoin(
      s.textBlocks,
      and(eq(s.textBlocks.organizationId, organizationId), eq(s.textBlocks.id, s.textBlockVersions.textBlockId)),
    );
  }
  if (options.withPeriod) {
    query = query.innerJoin(s.periods, and(eq(s.periods.organizationId, organizationId), eq(s.periods.id, h.periodId)));
  }
  return query.where(and(eq(h.organizationId, organizationId), where)).orderBy(...item, desc(h.seq)) as unknown as PreparableQuery<
    SelectResultFields<F>
  >;
}

/**
 * Appends version `baseSeq + 1` of an item. `newestSeq` is the newest version the caller
 * read (0: none); a different base is refused at once, and a concurrent writer on the same
 * base is refused by the unique key. Either way the ConflictError carries `newer()`, the
 * newest version as the form shows it. `write` inserts the row (and its audit event) in one
 * transaction — or, with `oneStatement`, in one statement of its own (db/audit.ts
 * changeWithAudit), which is atomic without one.
 */
export async function appendVersion(
  db: Db,
  version: {
    baseSeq: number;
    newestSeq: number;
    newer: () => Promise<unknown> | unknown;
    write: (tx: Db, seq: number) => Promise<void>;
    /** `write` runs exactly one statement: no transaction around it (one round trip, not four). */
    oneStatement?: boolean;
  },
): Promise<{ seq: number }> {
  if (version.newestSeq !== version.baseSeq) throw new ConflictError(await version.newer());
  const seq = version.baseSeq + 1;
  try {
    if (version.oneStatement) await version.write(db, seq);
    else await db.transaction((tx) => version.write(tx as unknown as Db, seq));
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new ConflictError(await version.newer());
  }
  return { seq };
}

/**
 * Appends the next version of several items in ONE transaction: all or nothing (issue 18:
 * a Kolada fetch writes every value it planned or none). Each item is checked and written
 * as appendVersion does; `after` runs in the same transaction (e.g. the fetch log). A
 * stale base or a concurrent writer on any item refuses the whole batch with a
 * ConflictError carrying that item's newest version.
 */
export async function appendVersionsTogether(
  db: Db,
  versions: readonly {
    baseSeq: number;
    newestSeq: number;
    newer: () => Promise<unknown> | unknown;
    write: (tx: Db, seq: number) => Promise<void>;
  }[],
  after?: (tx: Db) => Promise<void>,
): Promise<{ seqs: number[] }> {
  const stale = versions.find((v) => v.newestSeq !== v.baseSeq);
  if (stale) throw new ConflictError(await stale.newer());
  const seqs = versions.map((v) => v.baseSeq + 1);
  let current: (typeof versions)[number] | undefined;
  try {
    await db.transaction(async (tx) => {
      for (const [i, version] of versions.entries()) {
        current = version;
        await version.write(tx as unknown as Db, seqs[i]!);
      }
      current = undefined;
      await after?.(tx as unknown as Db);
    });
  } catch (error) {
    if (!isUniqueViolation(error) || !current) throw error;
    throw new ConflictError(await current.newer());
  }
  return { seqs };
}
