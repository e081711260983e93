// The one way to write a REST API v1 route (issue 17). Every call:
//   1. authenticates by API token alone (Authorization: Bearer …): a session cookie is never
//      read, so there is no CSRF surface, and a call without a token is 401;
//   2. counts against the token's rate limit (429 with Retry-After);
//   3. reads: runs the read as the token's user (the db/ read authorizes through the policy);
//      writes: takes a JSON body, honours an Idempotency-Key (a retry gets the stored answer,
//      nothing is written twice) and runs the very action definition the form runs
//      (runAction: the same zod schema, the same db/ function, the same rules);
//   4. answers JSON, or an RFC 9457 problem in Swedish mapped by lib/errors; never HTML;
//   5. records the use in the audit log (as the token's user) when it succeeded.
// The endpoints take the database as an argument, so tests call them with their own.
import 'server-only';
import { createHash } from 'node:crypto';
import type { Db } from '@/db/client';
import { getDb } from '@/db/client';
import {
  apiRateLimit,
  authenticateApiToken,
  claimIdempotencyKey,
  completeIdempotencyKey,
  countApiCall,
  recordApiUse,
  releaseIdempotencyKey,
  type ApiCaller,
} from '@/db/api-tokens';
import type { z } from '@/lib/zod';
import type { CurrentUser } from '@/lib/current-user';
import { describeCode, describeError } from '@/lib/errors';
import { API_MESSAGES, apiProblem, describedProblem, PROBLEM_CONTENT_TYPE, statusOf, type ApiProblemCode, type Problem } from '@/lib/api-problem';
import { runAction, type ActionDefinition } from './action';

export type ApiParams = Record<string, string | string[] | undefined>;

export interface ApiEndpoint {
  handle(db: Db, request: Request, params?: ApiParams): Promise<Response>;
}

const JSON_TYPE = 'application/json; charset=utf-8';
/** A write's body larger than this is refused before it is parsed. */
const MAX_BODY_BYTES = 256 * 1024;
const IDEMPOTENCY_KEY = /^[\x21-\x7e]{1,200}$/;

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': JSON_TYPE, 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', ...headers },
  });
}

export function problemResponse(problem: Problem, headers: Record<string, string> = {}): Response {
  const response = json(problem.status, problem, headers);
  response.headers.set('content-type', PROBLEM_CONTENT_TYPE);
  return response;
}

function unauthenticated(instance: string): Response {
  return problemResponse(apiProblem('unauthenticated', instance), { 'www-authenticate': 'Bearer realm="malbild"' });
}

/** The token of an `Authorization: Bearer` header, else null (a cookie is never looked at). */
function bearerToken(request: Request): string | null {
  const header = request.headers.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match ? match[1]! : null;
}

function failure(error: unknown, context: string, instance: string): Response {
  const described = describeError(error, API_MESSAGES);
  if (!described.expected) console.error(`${context} failed`, error);
  return problemResponse(describedProblem(described, instance));
}

/** Authenticates and counts the call: the caller, or the response that refuses it. */
async function admit(db: Db, request: Request, instance: string): Promise<ApiCaller | Response> {
  const secret = bearerToken(request);
  if (!secret) return unauthenticated(instance);
  const caller = await authenticateApiToken(db, secret);
  if (!caller) return unauthenticated(instance);
  const limit = apiRateLimit();
  const counted = await countApiCall(db, caller, limit);
  if (!counted.allowed) {
    return problemResponse(apiProblem('rate_limited', instance), {
      'retry-after': String(counted.retryAfter),
      'ratelimit-limit': String(limit),
    });
  }
  return caller;
}

async function audited(db: Db, caller: ApiCaller, request: Request, response: Response, idempotencyKey?: string | null): Promise<Response> {
  if (response.status < 400) {
    await recordApiUse(db, caller, { method: request.method, path: new URL(request.url).pathname, status: response.status, idempotencyKey });
  } else {
    // A refused call changes nothing in the database (the authorization matrix checks it);
    // the server log keeps it.
    console.warn(`api ${request.method} ${new URL(request.url).pathname} refused with ${response.status} for token ${caller.tokenId}`);
  }
  return response;
}

/** A GET endpoint: `read` gets the token's user and the route's params and returns the JSON answer. */
export function apiRead(
  name: string,
  read: (context: { db: Db; user: CurrentUser; params: ApiParams; url: URL }) => Promise<unknown>,
): ApiEndpoint {
  return {
    async handle(db, request, params = {}) {
      const url = new URL(request.url);
      try {
        const admitted = await admit(db, request, url.pathname);
        if (admitted instanceof Response) return admitted;
        const body = await read({ db, user: admitted.user, params, url });
        return await audited(db, admitted, request, json(200, body));
      } catch (error) {
        return failure(error, `api ${name}`, url.pathname);
      }
    },
  };
}

type WriteAnswer = { status: number; body: unknown };

/** The answer to a write, as stored for an Idempotency-Key and sent. */
async function runWrite<S extends z.ZodType, T>(
  db: Db,
  definition: ActionDefinition<S, T>,
  caller: ApiCaller,
  body: unknown,
  instance: string,
): Promise<WriteAnswer> {
  const result = await runAction(definition, caller.user, body, db);
  if (result.status === 'ok') {
    const data = (result.data ?? {}) as Record<string, unknown>;
    return { status: 201, body: { ...data, message: result.message } };
  }
  // The forms' general wording speaks of marks beside fields: the API says it its own way.
  // A rule found with the data (a locked period, an item not due) keeps its own words.
  const general = describeCode(result.code).message;
  const message = result.message === general ? (API_MESSAGES[result.code] ?? result.message) : result.message;
  const problem = describedProblem(
    { code: result.code, status: statusOf(result.code), message, fieldErrors: result.fieldErrors, newer: result.newer, expected: true },
    instance,
  );
  return { status: problem.status, body: problem };
}

function answer(written: WriteAnswer, headers: Record<string, string> = {}): Response {
  const response = json(written.status, written.body, headers);
  if (written.status >= 400) response.headers.set('content-type', PROBLEM_CONTENT_TYPE);
  return response;
}

/**
 * A POST endpoint that runs a form's action definition with the JSON body as its input:
 * the API writes by exactly the rules of the form.
 */
export function apiWrite<S extends z.ZodType, T>(definition: ActionDefinition<S, T>): ApiEndpoint {
  return {
    async handle(db, request) {
      const instance = new URL(request.url).pathname;
      const refuse = (code: ApiProblemCode, headers?: Record<string, string>) => problemResponse(apiProblem(code, instance), headers);
      try {
        const admitted = await admit(db, request, instance);
        if (admitted instanceof Response) return admitted;
        const caller = admitted;
        const contentType = request.headers.get('content-type') ?? '';
        if (!/^application\/(.+\+)?json\s*(;|$)/i.test(contentType)) return refuse('unsupported_media_type');
        // A declared length over the limit is refused unread; an undeclared one after reading.
        if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return refuse('body_too_large');
        const text = await request.text();
        if (Buffer.byteLength(text, 'utf8') > MAX_BODY_BYTES) return refuse('body_too_large');
        let body: unknown;
        try {
          body = JSON.parse(text);
        } catch {
          return refuse('malformed_json');
        }
        const key = request.headers.get('idempotency-key');
        if (key === null) return await audited(db, caller, request, answer(await runWrite(db, definition, caller, body, instance)));
        if (!IDEMPOTENCY_KEY.test(key)) return refuse('invalid_idempotency_key');

        const requestHash = createHash('sha256').update(`${request.method} ${instance}\n${text}`).digest('hex');
        const claim = await claimIdempotencyKey(db, caller, key, requestHash);
        if (claim.state === 'mismatch') return refuse('idempotency_key_reused');
        if (claim.state === 'in_progress') return refuse('idempotency_key_in_progress', { 'retry-after': '1' });
        if (claim.state === 'replay') {
          return await audited(db, caller, request, answer(claim, { 'idempotent-replayed': 'true' }), key);
        }
        let written: WriteAnswer;
        try {
          written = await runWrite(db, definition, caller, body, instance);
        } catch (error) {
          await releaseIdempotencyKey(db, caller, key).catch(() => {});
          throw error;
        }
        if (written.status < 400) {
          await completeIdempotencyKey(db, caller, key, written.status, written.body);
        } else {
          // Refused: nothing was saved, and a refusal changes nothing (not even the key), so a
          // retry is judged again (after a conflict or an outage it may then succeed).
          await releaseIdempotencyKey(db, caller, key);
        }
        return await audited(db, caller, request, answer(written), key);
      } catch (error) {
        return failure(error, `api ${definition.name}`, instance);
      }
    },
  };
}

/** An endpoint as a Next.js route handler, on the app's database. */
export function nextRoute<P extends ApiParams = ApiParams>(endpoint: ApiEndpoint) {
  return async (request: Request, context: { params: Promise<P> }): Promise<Response> => {
    const instance = new URL(request.url).pathname;
    let db: Db;
    try {
      db = await getDb();
    } catch (error) {
      return failure(error, 'api database', instance);
    }
    return endpoint.handle(db, request, await context.params);
  };
}

/** Any path or method under /api/v1 that is no endpoint: a problem, never Next's HTML page. */
export function notFoundRoute(): (request: Request) => Promise<Response> {
  return async (request) => problemResponse(apiProblem('not_found', new URL(request.url).pathname));
}
