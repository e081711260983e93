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
  await db.insert(s.auditEvents).values({ ...entry, changes: entry.changes ?? null });
}
