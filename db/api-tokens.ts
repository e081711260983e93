// API tokens (issue 17): made, listed and revoked by the admin; looked up by the hash of
// their secret on every API call, which gives the policy a CurrentUser for the token.
//
// A token is its own user (no password, no role grants; name "API: <namn>"), so that every
// version it writes and every audit event names the token as the author. The policy sees a
// write token as an editor of the token's units (and their descendants) and a read token as
// a viewer: reading covers the organization (lib/policy's read rule), writing the units.
import 'server-only';
import { createHash, randomBytes } from 'node:crypto';
import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm';
import type { Db } from './client';
import * as s from './schema';
import { recordAudit } from './audit';
import type { CurrentUser } from '@/lib/current-user';
import { authorizeInOwnOrganization } from '@/lib/policy';
import { NotFoundError, ValidationError } from '@/lib/errors';
import { descendantsOf } from './users';
import { endOfStockholmDay } from '@/lib/time-format';
import type { ApiTokenInput } from '@/lib/api-token-schema';

export type ApiTokenScope = 'read' | 'write';

/** The secret's recognisable start ("mbk_"), then 32 random bytes in base64url. */
export const TOKEN_PREFIX = 'mbk_';
const SHOWN_PREFIX_LENGTH = TOKEN_PREFIX.length + 6;

export function hashApiToken(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

export interface CreatedApiToken {
  id: string;
  /** Shown to the admin once; only its hash is stored. */
  secret: string;
}

/** Makes a token (admin only); the secret is returned once and never stored. */
export async function createApiToken(db: Db, actor: CurrentUser | null, input: ApiTokenInput, now = new Date()): Promise<CreatedApiToken> {
  const org = authorizeInOwnOrganization(actor, 'manage', 'organization');
  const expiresAt = endOfStockholmDay(input.expiresOn);
  if (expiresAt.getTime() <= now.getTime()) {
    throw new ValidationError('Slutdatumet har redan passerat.', { expiresOn: ['Välj ett datum efter i dag.'] });
  }
  const unitIds = [...new Set(input.unitIds)];
  if (input.scope === 'write' && unitIds.length === 0) {
    throw new ValidationError('En nyckel som får skriva behöver minst en enhet.', { unitIds: ['Välj minst en enhet.'] });
  }
  if (unitIds.length) {
    const found = await db
      .select({ id: s.units.id })
      .from(s.units)
      .where(and(eq(s.units.organizationId, org), inArray(s.units.id, unitIds), isNull(s.units.archivedAt)));
    if (found.length !== unitIds.length) throw new ValidationError('En vald enhet finns inte.', { unitIds: ['Välj enheter i listan.'] });
  }
  const secret = TOKEN_PREFIX + randomBytes(32).toString('base64url');
  const tokenId = crypto.randomUUID();
  await db.transaction(async (tx) => {
    const [user] = await tx
      .insert(s.users)
      .values({
        organizationId: org,
        // Never a login: no password, and the .invalid domain (RFC 2606) can reach no one.
        email: `api-${tokenId}@api.invalid`,
        name: `API: ${input.name}`,
        title: 'API-nyckel',
      })
      .returning({ id: s.users.id });
    await tx.insert(s.apiTokens).values({
      id: tokenId,
      organizationId: org,
      name: input.name,
      userId: user!.id,
      tokenHash: hashApiToken(secret),
      prefix: secret.slice(0, SHOWN_PREFIX_LENGTH),
      scope: input.scope,
      unitIds,
      expiresAt,
      createdBy: actor!.id,
    });
    await recordAudit(tx as unknown as Db, {
      organizationId: org,
      actorId: actor!.id,
      action: 'api_token.create',
      entityType: 'api_token',
      entityId: tokenId,
      changes: { name: input.name, scope: input.scope, unitIds, expiresAt: expiresAt.toISOString() },
    });
  });
  return { id: tokenId, secret };
}

export interface ApiTokenListItemDTO {
  id: string;
  name: string;
  prefix: string;
  scope: ApiTokenScope;
  units: string[];
  expiresAt: string;
  revokedAt: string | null;
  createdAt: string;
  createdByName: string;
  lastUsedAt: string | null;
  state: 'active' | 'expired' | 'revoked';
}

/** The organization's tokens, newest first (admin only); never a hash. */
export async function listApiTokens(db: Db, actor: CurrentUser | null, now = new Date()): Promise<ApiTokenListItemDTO[]> {
  const org = authorizeInOwnOrganization(actor, 'manage', 'organization');
  const lastUse = db
    .select({ actorId: s.auditEvents.actorId, at: sql<Date>`max(${s.auditEvents.createdAt})`.as('at') })
    .from(s.auditEvents)
    .where(and(eq(s.auditEvents.organizationId, org), eq(s.auditEvents.entityType, 'api')))
    .groupBy(s.auditEvents.actorId)
    .as('last_use');
  const [rows, units] = await Promise.all([
    db
      .select({
        id: s.apiTokens.id,
        name: s.apiTokens.name,
        prefix: s.apiTokens.prefix,
        scope: s.apiTokens.scope,
        unitIds: s.apiTokens.unitIds,
        expiresAt: s.apiTokens.expiresAt,
        revokedAt: s.apiTokens.revokedAt,
        createdAt: s.apiTokens.createdAt,
        createdByName: s.users.name,
        lastUsedAt: lastUse.at,
      })
      .from(s.apiTokens)
      .innerJoin(s.users, and(eq(s.users.organizationId, org), eq(s.users.id, s.apiTokens.createdBy)))
      .leftJoin(lastUse, eq(lastUse.actorId, s.apiTokens.userId))
      .where(eq(s.apiTokens.organizationId, org))
      .orderBy(desc(s.apiTokens.createdAt)),
    db.select({ id: s.units.id, name: s.units.name }).from(s.units).where(eq(s.units.organizationId, org)).orderBy(asc(s.units.sortOrder)),
  ]);
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return rows.map((r) => ({
    id: r.id,
    name: r.name,
    prefix: r.prefix,
    scope: r.scope,
    units: r.unitIds.map((id) => unitName.get(id) ?? ''),
    expiresAt: r.expiresAt.toISOString(),
    revokedAt: r.revokedAt?.toISOString() ?? null,
    createdAt: r.createdAt.toISOString(),
    createdByName: r.createdByName,
    // max() comes back as text from one driver and a Date from the other.
    lastUsedAt: r.lastUsedAt ? new Date(r.lastUsedAt).toISOString() : null,
    state: r.revokedAt ? 'revoked' : r.expiresAt.getTime() <= now.getTime() ? 'expired' : 'active',
  }));
}

/** Revokes a token at once (admin only); revoking twice changes nothing. */
export async function revokeApiToken(db: Db, actor: CurrentUser | null, tokenId: string, now = new Date()): Promise<void> {
  const org = authorizeInOwnOrganization(actor, 'manage', 'organization');
  await db.transaction(async (tx) => {
    const [token] = await tx
      .select({ id: s.apiTokens.id, revokedAt: s.apiTokens.revokedAt })
      .from(s.apiTokens)
      .where(and(eq(s.apiTokens.organizationId, org), eq(s.apiTokens.id, tokenId)))
      .for('update');
    if (!token) throw new NotFoundError('api token');
    if (token.revokedAt) return;
    await tx
      .update(s.apiTokens)
      .set({ revokedAt: now, revokedBy: actor!.id })
      .where(and(eq(s.apiTokens.organizationId, org), eq(s.apiTokens.id, tokenId)));
    await recordAudit(tx as unknown as Db, {
      organizationId: org,
      actorId: actor!.id,
      action: 'api_token.revoke',
      entityType: 'api_token',
      entityId: tokenId,
    });
  });
}

export interface ApiCaller {
  tokenId: string;
  scope: ApiTokenScope;
  /** The token as the policy sees it. */
  user: CurrentUser;
}

/**
 * The caller a secret names, or null when it names no token, or one that is revoked,
 * expired, or whose user was disabled. Two queries: the token with its user, the unit tree.
 */
export async function authenticateApiToken(db: Db, secret: string, now = new Date()): Promise<ApiCaller | null> {
  if (!secret.startsWith(TOKEN_PREFIX) || secret.length > 200) return null;
  const [row] = await db
    .select({
      id: s.apiTokens.id,
      organizationId: s.apiTokens.organizationId,
      organizationName: s.organizations.name,
      scope: s.apiTokens.scope,
      unitIds: s.apiTokens.unitIds,
      expiresAt: s.apiTokens.expiresAt,
      revokedAt: s.apiTokens.revokedAt,
      userId: s.users.id,
      userName: s.users.name,
      email: s.users.email,
      disabledAt: s.users.disabledAt,
    })
    .from(s.apiTokens)
    .innerJoin(s.users, and(eq(s.users.organizationId, s.apiTokens.organizationId), eq(s.users.id, s.apiTokens.userId)))
    .innerJoin(s.organizations, eq(s.organizations.id, s.apiTokens.organizationId))
    .where(eq(s.apiTokens.tokenHash, hashApiToken(secret)));
  if (!row || row.revokedAt || row.disabledAt || row.expiresAt.getTime() <= now.getTime()) return null;
  const units =
    row.scope === 'write'
      ? await db
          .select({ id: s.units.id, name: s.units.name, parentId: s.units.parentId })
          .from(s.units)
          .where(eq(s.units.organizationId, row.organizationId))
      : [];
  const unitName = new Map(units.map((u) => [u.id, u.name]));
  return {
    tokenId: row.id,
    scope: row.scope,
    user: {
      id: row.userId,
      organizationId: row.organizationId,
      organizationName: row.organizationName,
      name: row.userName,
      email: row.email,
      title: 'API-nyckel',
      roles: row.scope === 'write' ? ['editor'] : ['viewer'],
      grantUnits: row.scope === 'write' ? row.unitIds.map((id) => ({ id, name: unitName.get(id) ?? '' })) : [],
      coveredUnitIds: row.scope === 'write' ? descendantsOf(units, row.unitIds) : [],
    },
  };
}

/** Records an answered API call in the audit log, as the token's user. */
export async function recordApiUse(
  db: Db,
  caller: ApiCaller,
  use: { method: string; path: string; status: number; idempotencyKey?: string | null },
): Promise<void> {
  await recordAudit(db, {
    organizationId: caller.user.organizationId,
    actorId: caller.user.id,
    action: use.method === 'GET' ? 'api.read' : 'api.write',
    entityType: 'api',
    entityId: caller.tokenId,
    changes: { method: use.method, path: use.path, status: use.status, ...(use.idempotencyKey ? { idempotencyKey: use.idempotencyKey } : {}) },
  });
}

/** Calls allowed per token per minute (MALBILD_API_RATE_LIMIT overrides). */
export function apiRateLimit(): number {
  const configured = Number(process.env.MALBILD_API_RATE_LIMIT);
  return Number.isInteger(configured) && configured > 0 ? configured : 120;
}

/**
 * Counts a call in the token's current minute; over `limit`, the seconds until the next
 * minute begins (for Retry-After). One upsert, so it holds across server processes.
 */
export async function countApiCall(
  db: Db,
  caller: ApiCaller,
  limit: number,
  now = new Date(),
): Promise<{ allowed: true } | { allowed: false; retryAfter: number }> {
  const windowStart = new Date(Math.floor(now.getTime() / 60_000) * 60_000);
  const [row] = await db
    .insert(s.apiRateWindows)
    .values({ organizationId: caller.user.organizationId, tokenId: caller.tokenId, windowStart, count: 1 })
    .onConflictDoUpdate({
      target: [s.apiRateWindows.organizationId, s.apiRateWindows.tokenId, s.apiRateWindows.windowStart],
      set: { count: sql`${s.apiRateWindows.count} + 1` },
    })
    .returning({ count: s.apiRateWindows.count });
  if (row!.count <= limit) return { allowed: true };
  return { allowed: false, retryAfter: Math.max(1, Math.ceil((windowStart.getTime() + 60_000 - now.getTime()) / 1000)) };
}

const keyOf = (caller: ApiCaller, key: string) =>
  and(
    eq(s.apiIdempotencyKeys.organizationId, caller.user.organizationId),
    eq(s.apiIdempotencyKeys.tokenId, caller.tokenId),
    eq(s.apiIdempotencyKeys.key, key),
  );

export type IdempotencyClaim =
  | { state: 'new' }
  | { state: 'replay'; status: number; body: unknown }
  | { state: 'in_progress' }
  | { state: 'mismatch' };

/**
 * Claims an Idempotency-Key for a write before it runs. A key already used with the same
 * request gives its stored answer ('replay'), or 'in_progress' while the first is still
 * running; with another request, 'mismatch'.
 */
export async function claimIdempotencyKey(
  db: Db,
  caller: ApiCaller,
  key: string,
  requestHash: string,
  now = new Date(),
): Promise<IdempotencyClaim> {
  const org = caller.user.organizationId;
  for (let attempt = 0; attempt < 2; attempt++) {
    const inserted = await db
      .insert(s.apiIdempotencyKeys)
      .values({ organizationId: org, tokenId: caller.tokenId, key, requestHash, createdAt: now })
      .onConflictDoNothing()
      .returning({ key: s.apiIdempotencyKeys.key });
    if (inserted.length) return { state: 'new' };
    const [row] = await db
      .select({
        requestHash: s.apiIdempotencyKeys.requestHash,
        status: s.apiIdempotencyKeys.status,
        body: s.apiIdempotencyKeys.body,
        createdAt: s.apiIdempotencyKeys.createdAt,
      })
      .from(s.apiIdempotencyKeys)
      .where(keyOf(caller, key));
    if (!row) continue; // given up in between: claim it again
    if (row.requestHash !== requestHash) return { state: 'mismatch' };
    if (row.status !== null) return { state: 'replay', status: row.status, body: row.body };
    // A claim whose write never finished (the process died) is taken over after a minute.
    if (now.getTime() - row.createdAt.getTime() < STALE_CLAIM_MS) return { state: 'in_progress' };
    await db.delete(s.apiIdempotencyKeys).where(and(keyOf(caller, key), isNull(s.apiIdempotencyKeys.status)));
  }
  return { state: 'in_progress' };
}

/** How long an unfinished claim of an Idempotency-Key holds before a retry may take it over. */
const STALE_CLAIM_MS = 60_000;

/** Stores the answer of a claimed key, for every retry to get again. */
export async function completeIdempotencyKey(db: Db, caller: ApiCaller, key: string, status: number, body: unknown): Promise<void> {
  await db.update(s.apiIdempotencyKeys).set({ status, body }).where(keyOf(caller, key));
}

/** Gives a claimed key up (the write failed for a passing reason: a retry may run it again). */
export async function releaseIdempotencyKey(db: Db, caller: ApiCaller, key: string): Promise<void> {
  await db.delete(s.apiIdempotencyKeys).where(keyOf(caller, key));
}
