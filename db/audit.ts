import { sql, type SQLWrapper } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';

export interface AuditEntry {
  organizationId: string;
  actorId: string | null;
  action: string; // "user.disable"
  entityType: string;
  entityId: string | null;
  changes?: Record<string, unknown>;
}

/** Appends an audit event (the table is append-only). Call it in the same transaction as the change. */
export async function recordAudit(db: Db, entry: AuditEntry): Promise<void> {
  await auditInsert(db, entry);
}

function auditInsert(db: Db, entry: AuditEntry) {
  return db.insert(s.auditEvents).values({ ...entry, changes: entry.changes ?? null });
}

/**
 * Runs one change (an insert, update or delete built with drizzle) and appends its audit
 * event in ONE statement: a data-modifying WITH, which PostgreSQL runs to completion
 * whether or not the rest reads it, and one statement is atomic — both rows are written
 * or neither, as in a transaction, but in one round trip instead of four (begin, change,
 * audit, commit). For the hot saves (issue 19); any other change uses a transaction.
 */
export async function changeWithAudit(db: Db, change: SQLWrapper, entry: AuditEntry): Promise<void> {
  await db.execute(sql`with change as (${change.getSQL()}) ${auditInsert(db, entry).getSQL()}`);
}
