// A board's finance tables per period (issue 16): read with their checks and explanations,
// saved as new versions (db/history.ts), explained warning by warning. Amounts in whole tkr
// (lib/finance-model.ts); the checks are lib/finance-checks.ts.
//
// An approved board's period is read as it was at its approval: the versions written up to
// the newest approval (writes are refused while it stands, so they are also the newest).
import 'server-only';
import { and, asc, eq, inArray, lte } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { recordAudit } from './audit';
import { appendVersion, newestVersions } from './history';
import { loadPeriodLock, isLockedFor } from './locks';
import type { CurrentUser } from '@/lib/current-user';
import { ConflictError, isUniqueViolation, NotFoundError, ValidationError } from '@/lib/errors';
import {
  checkFinance,
  figuresKey,
  unexplained,
  withExplanations,
  type CheckedWarning,
  type FinanceExplanation,
} from '@/lib/finance-checks';
import { FINANCE_SCHEMAS, FINANCE_TABLES, type FinanceTable, type FinanceTables } from '@/lib/finance-model';
import { authorize, can } from '@/lib/policy';

export interface TableVersion {
  seq: number;
  authorName: string;
  createdAt: Date;
  reason: string | null;
}

export interface BoardFinance {
  boardId: string;
  boardName: string;
  periodId: string;
  tables: FinanceTables;
  versions: Record<FinanceTable, TableVersion | null>;
  warnings: CheckedWarning[];
  /** The newest explanation version per warning key (for the explanation form's base). */
  explanationSeqs: Record<string, number>;
  locked: boolean;
  canWrite: boolean;
  /** Set when the figures are read as they were at the board's approval. */
  approvedAt: Date | null;
}

async function boardOf(db: Db, organizationId: string, boardId: string) {
  const [board] = await db
    .select({ id: s.units.id, name: s.units.name, kind: s.units.kind })
    .from(s.units)
    .where(and(eq(s.units.organizationId, organizationId), eq(s.units.id, boardId)));
  if (!board || board.kind !== 'board') throw new NotFoundError('unit');
  return board;
}

/** The boards of the user's organization, in the unit tree's order. */
export async function listBoards(db: Db, user: CurrentUser | null): Promise<{ id: string; name: string }[]> {
  authorize(user, 'read', { kind: 'finance', organizationId: user?.organizationId ?? '' });
  return db
    .select({ id: s.units.id, name: s.units.name })
    .from(s.units)
    .where(and(eq(s.units.organizationId, user.organizationId), eq(s.units.kind, 'board')))
    .orderBy(asc(s.units.sortOrder), asc(s.units.name));
}

async function newestApproval(db: Db, org: string, boardId: string, periodId: string) {
  const [a] = await newestVersions(
    db,
    'approvals',
    org,
    { action: s.approvals.action, createdAt: s.approvals.createdAt },
    and(eq(s.approvals.boardId, boardId), eq(s.approvals.periodId, periodId)),
  );
  return a?.action === 'approved' ? a.createdAt : null;
}

async function readTables(db: Db, org: string, boardIds: string[], periodId: string, asOf: Date | null) {
  return newestVersions(
    db,
    'financeVersions',
    org,
    {
      boardId: s.financeVersions.boardId,
      table: s.financeVersions.table,
      seq: s.financeVersions.seq,
      data: s.financeVersions.data,
      reason: s.financeVersions.reason,
      createdAt: s.financeVersions.createdAt,
      authorName: s.users.name,
    },
    and(
      inArray(s.financeVersions.boardId, boardIds),
      eq(s.financeVersions.periodId, periodId),
      asOf ? lte(s.financeVersions.createdAt, asOf) : undefined,
    ),
    { withAuthor: true },
  );
}

async function readExplanations(db: Db, org: string, boardId: string, periodId: string, asOf: Date | null) {
  return newestVersions(
    db,
    'financeExplanations',
    org,
    {
      key: s.financeExplanations.warningKey,
      seq: s.financeExplanations.seq,
      figures: s.financeExplanations.figures,
      text: s.financeExplanations.text,
      createdAt: s.financeExplanations.createdAt,
      authorName: s.users.name,
    },
    and(
      eq(s.financeExplanations.boardId, boardId),
      eq(s.financeExplanations.periodId, periodId),
      asOf ? lte(s.financeExplanations.createdAt, asOf) : undefined,
    ),
    { withAuthor: true },
  );
}

function tablesOf(rows: { table: FinanceTable; data: unknown }[]): FinanceTables {
  const tables: FinanceTables = { result: null, operations: null, investments: null };
  for (const row of rows) {
    // Stored data was validated on write; parse again so a reader never trusts jsonb blindly.
    const parsed = FINANCE_SCHEMAS[row.table].safeParse(row.data);
    if (parsed.success) (tables as Record<FinanceTable, unknown>)[row.table] = parsed.data;
  }
  return tables;
}

/** A board's finance for a period, checked; everyone in the organization reads it. */
export async function loadBoardFinance(db: Db, user: CurrentUser | null, boardId: string, periodId: string): Promise<BoardFinance> {
  authorize(user, 'read', { kind: 'finance', organizationId: user?.organizationId ?? '', unitIds: [boardId] });
  const org = user.organizationId;
  const board = await boardOf(db, org, boardId);
  const lock = await loadPeriodLock(db, org, periodId);
  if (!lock) throw new NotFoundError('period');
  const approvedAt = await newestApproval(db, org, boardId, periodId);
  const [rows, explanations] = await Promise.all([
    readTables(db, org, [boardId], periodId, approvedAt),
    readExplanations(db, org, boardId, periodId, approvedAt),
  ]);
  const tables = tablesOf(rows);
  const versions = Object.fromEntries(FINANCE_TABLES.map((t) => [t, null])) as Record<FinanceTable, TableVersion | null>;
  for (const r of rows) versions[r.table] = { seq: r.seq, authorName: r.authorName, createdAt: r.createdAt, reason: r.reason };
  const locked = isLockedFor(lock, boardId);
  return {
    boardId,
    boardName: board.name,
    periodId,
    tables,
    versions,
    warnings: withExplanations(checkFinance(tables), explanations as FinanceExplanation[]),
    explanationSeqs: Object.fromEntries(explanations.map((e) => [e.key, e.seq])),
    locked,
    canWrite: can(user, 'report', { kind: 'finance', organizationId: org, unitIds: [boardId], locked }),
    approvedAt,
  };
}

/** How many warnings of a board's period are unexplained (the readiness rule); no authorization: callers have it. */
export async function countUnexplainedFinance(db: Db, organizationId: string, boardId: string, periodId: string): Promise<number> {
  const [rows, explanations] = await Promise.all([
    readTables(db, organizationId, [boardId], periodId, null),
    readExplanations(db, organizationId, boardId, periodId, null),
  ]);
  return unexplained(withExplanations(checkFinance(tablesOf(rows)), explanations as FinanceExplanation[])).length;
}

async function authorizeWrite(db: Db, user: CurrentUser, boardId: string, periodId: string) {
  const org = user.organizationId;
  const lock = await loadPeriodLock(db, org, periodId);
  // Refuse before saying whether the board or period exists.
  authorize(user, 'report', { kind: 'finance', organizationId: org, unitIds: [boardId], locked: lock ? isLockedFor(lock, boardId) : true });
  if (!lock) throw new NotFoundError('period');
  await boardOf(db, org, boardId);
}

/**
 * Saves tables as their next versions, all or nothing (one table from a form, every table of
 * an import): each must be valid and based on the newest version, else nothing is written
 * and a stale base is a conflict showing the newer version.
 */
export async function saveFinanceTables(
  db: Db,
  user: CurrentUser,
  input: {
    boardId: string;
    periodId: string;
    tables: { table: FinanceTable; data: unknown; baseSeq: number }[];
    reason?: string | null;
  },
): Promise<{ seqs: Partial<Record<FinanceTable, number>> }> {
  const org = user.organizationId;
  await authorizeWrite(db, user, input.boardId, input.periodId);
  const parsed = input.tables.map((t) => {
    const result = FINANCE_SCHEMAS[t.table].safeParse(t.data);
    if (!result.success) throw new ValidationError('Tabellen kunde inte sparas: den innehåller ogiltiga värden.');
    return { ...t, data: result.data };
  });
  const newest = async () =>
    newestVersions(
      db,
      'financeVersions',
      org,
      { table: s.financeVersions.table, seq: s.financeVersions.seq, data: s.financeVersions.data },
      and(
        eq(s.financeVersions.boardId, input.boardId),
        eq(s.financeVersions.periodId, input.periodId),
        inArray(
          s.financeVersions.table,
          parsed.map((t) => t.table),
        ),
      ),
    );
  const current = new Map((await newest()).map((r) => [r.table, r.seq]));
  // The conflict shows the newer version: of the one table a form saves, or of every table.
  const newer = async () => {
    const rows = await newest();
    return parsed.length === 1 ? (rows[0] ?? null) : rows;
  };
  const stale = parsed.find((t) => (current.get(t.table) ?? 0) !== t.baseSeq);
  if (stale) throw new ConflictError(await newer());
  const seqs: Partial<Record<FinanceTable, number>> = {};
  try {
    await db.transaction(async (tx) => {
      for (const t of parsed) {
        const seq = t.baseSeq + 1;
        seqs[t.table] = seq;
        await tx.insert(s.financeVersions).values({
          organizationId: org,
          boardId: input.boardId,
          periodId: input.periodId,
          table: t.table,
          seq,
          data: t.data,
          authorId: user.id,
          reason: input.reason?.trim() || null,
        });
        await recordAudit(tx as unknown as Db, {
          organizationId: org,
          actorId: user.id,
          action: 'finance.save',
          entityType: 'finance_table',
          entityId: input.boardId,
          changes: { periodId: input.periodId, table: t.table, seq },
        });
      }
    });
  } catch (error) {
    if (!isUniqueViolation(error)) throw error;
    throw new ConflictError(await newer());
  }
  return { seqs };
}

/** Explains one warning for its current figures (or withdraws the explanation with an empty text). */
export async function explainFinanceWarning(
  db: Db,
  user: CurrentUser,
  input: { boardId: string; periodId: string; key: string; text: string; baseSeq: number },
): Promise<{ seq: number }> {
  const org = user.organizationId;
  await authorizeWrite(db, user, input.boardId, input.periodId);
  const rows = await readTables(db, org, [input.boardId], input.periodId, null);
  const warning = checkFinance(tablesOf(rows)).find((w) => w.key === input.key);
  if (!warning) throw new ValidationError('Skillnaden finns inte längre: siffrorna har ändrats. Ladda om sidan.');
  const newer = async () => {
    const [row] = await newestVersions(
      db,
      'financeExplanations',
      org,
      { seq: s.financeExplanations.seq, text: s.financeExplanations.text },
      and(
        eq(s.financeExplanations.boardId, input.boardId),
        eq(s.financeExplanations.periodId, input.periodId),
        eq(s.financeExplanations.warningKey, input.key),
      ),
    );
    return row ?? null;
  };
  const current = await newer();
  return appendVersion(db, {
    baseSeq: input.baseSeq,
    newestSeq: current?.seq ?? 0,
    newer,
    write: async (tx, seq) => {
      await tx.insert(s.financeExplanations).values({
        organizationId: org,
        boardId: input.boardId,
        periodId: input.periodId,
        warningKey: input.key,
        seq,
        figures: figuresKey(warning),
        text: input.text.trim(),
        authorId: user.id,
      });
      await recordAudit(tx, {
        organizationId: org,
        actorId: user.id,
        action: input.text.trim() ? 'finance.explain' : 'finance.withdraw_explanation',
        entityType: 'finance_warning',
        entityId: input.boardId,
        changes: { periodId: input.periodId, key: input.key, seq },
      });
    },
  });
}

export interface BoardResultRow {
  boardId: string;
  boardName: string;
  forecast: number | null;
  budget: number | null;
  deviation: number | null;
  warnings: number;
}

/** Every board's result vs budget for a period, largest deviation (by size) first; boards with no figures last. */
export async function kommunResult(db: Db, user: CurrentUser | null, periodId: string): Promise<BoardResultRow[]> {
  const boards = await listBoards(db, user);
  const org = user!.organizationId;
  if (!(await loadPeriodLock(db, org, periodId))) throw new NotFoundError('period');
  if (boards.length === 0) return [];
  const rows = await readTables(db, org, boards.map((b) => b.id), periodId, null);
  const explanations = await Promise.all(boards.map((b) => readExplanations(db, org, b.id, periodId, null)));
  const out = boards.map((b, i) => {
    const tables = tablesOf(rows.filter((r) => r.boardId === b.id));
    const r = tables.result?.rows.result;
    const forecast = r?.forecast ?? null;
    const budget = r?.budget ?? null;
    return {
      boardId: b.id,
      boardName: b.name,
      forecast,
      budget,
      deviation: forecast !== null && budget !== null ? forecast - budget : null,
      warnings: unexplained(withExplanations(checkFinance(tables), explanations[i] as FinanceExplanation[])).length,
    };
  });
  return out.sort((a, b) => (b.deviation === null ? -1 : a.deviation === null ? 1 : Math.abs(b.deviation) - Math.abs(a.deviation)));
}

/** The board's Resultat prognos over the year's periods (T1, delår, helår), for the chart. */
export async function forecastOverYear(
  db: Db,
  user: CurrentUser | null,
  boardId: string,
  year: number,
): Promise<{ periodId: string; kind: 'T1' | 'delar' | 'helar'; endDate: string; forecast: number | null; budget: number | null }[]> {
  authorize(user, 'read', { kind: 'finance', organizationId: user?.organizationId ?? '', unitIds: [boardId] });
  const org = user.organizationId;
  const periods = await db
    .select({ id: s.periods.id, kind: s.periods.kind, endDate: s.periods.endDate })
    .from(s.periods)
    .where(and(eq(s.periods.organizationId, org), eq(s.periods.year, year)))
    .orderBy(asc(s.periods.endDate));
  if (periods.length === 0) return [];
  const rows = await newestVersions(
    db,
    'financeVersions',
    org,
    { periodId: s.financeVersions.periodId, table: s.financeVersions.table, data: s.financeVersions.data },
    and(
      eq(s.financeVersions.boardId, boardId),
      eq(s.financeVersions.table, 'result'),
      inArray(
        s.financeVersions.periodId,
        periods.map((p) => p.id),
      ),
    ),
  );
  return periods.map((p) => {
    const r = tablesOf(rows.filter((x) => x.periodId === p.id)).result?.rows.result;
    return { periodId: p.id, kind: p.kind, endDate: p.endDate, forecast: r?.forecast ?? null, budget: r?.budget ?? null };
  });
}
