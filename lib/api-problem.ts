// Errors of the REST API as RFC 9457 problem details, in Swedish. The classification and
// the message come from lib/errors (the one mapping); this file adds the API's own few
// refusals (no token, too many calls, a body that is no JSON, a reused Idempotency-Key) and
// the shape. Pure code.
import { describeCode, ERROR_STATUS, type DescribedError, type ErrorCode, type ErrorMessages } from './errors';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

export type ApiProblemCode =
  | ErrorCode
  | 'rate_limited'
  | 'unsupported_media_type'
  | 'malformed_json'
  | 'body_too_large'
  | 'idempotency_key_reused'
  | 'idempotency_key_in_progress'
  | 'invalid_idempotency_key';

export interface Problem {
  /** A URN naming the kind of problem (RFC 9457 "type"). */
  type: string;
  title: string;
  status: number;
  detail: string;
  instance?: string;
  code: ApiProblemCode;
  /** Field errors of a refused write, per field, in Swedish. */
  errors?: Record<string, string[] | undefined>;
  /** For a conflict: the newest version, which the write was not based on. */
  newer?: unknown;
}

const TITLES: Record<ApiProblemCode, string> = {
  unauthenticated: 'Ingen giltig API-nyckel',
  invalid: 'Uppgifterna behöver rättas',
  not_found: 'Finns inte',
  conflict: 'Det finns en nyare version',
  unavailable: 'Tillfälligt otillgänglig',
  failed: 'Något gick fel',
  rate_limited: 'För många anrop',
  unsupported_media_type: 'Fel innehållstyp',
  malformed_json: 'Innehållet är inte JSON',
  body_too_large: 'Innehållet är för stort',
  idempotency_key_reused: 'Idempotency-Key används redan',
  idempotency_key_in_progress: 'Begäran pågår redan',
  invalid_idempotency_key: 'Ogiltig Idempotency-Key',
};

const OWN: Record<Exclude<ApiProblemCode, ErrorCode>, { status: number; detail: string }> = {
  rate_limited: { status: 429, detail: 'Nyckeln har gjort för många anrop den här minuten. Vänta det antal sekunder som Retry-After anger.' },
  unsupported_media_type: { status: 415, detail: 'Skicka innehållet som JSON med Content-Type: application/json.' },
  malformed_json: { status: 400, detail: 'Innehållet kunde inte läsas som JSON. Inget sparades.' },
  body_too_large: { status: 413, detail: 'Innehållet får vara högst 256 kB. Inget sparades.' },
  idempotency_key_reused: {
    status: 422,
    detail: 'Idempotency-Key har redan använts för en annan begäran. Använd en ny nyckel för en ny begäran.',
  },
  idempotency_key_in_progress: {
    status: 409,
    detail: 'En begäran med samma Idempotency-Key behandlas just nu. Försök igen om en stund.',
  },
  invalid_idempotency_key: { status: 400, detail: 'Idempotency-Key ska vara 1–200 synliga ASCII-tecken.' },
};

/** What the API says instead of the forms' wording where the two differ. */
export const API_MESSAGES: ErrorMessages = {
  unauthenticated:
    'API-nyckeln saknas, är okänd, återkallad eller har gått ut. Skicka en giltig nyckel i huvudet Authorization: Bearer <nyckel>. Inloggningscookies gäller inte i API:t.',
  invalid: 'Uppgifterna behöver rättas. Se errors för varje fält. Inget sparades.',
  conflict: 'Någon har sparat en nyare version sedan den version du utgick från (baseSeq). Se newer, och skicka igen med dess seq.',
};

const typeOf = (code: ApiProblemCode) => `urn:malbild:problem:${code.replaceAll('_', '-')}`;

/** A problem from lib/errors' description of an error or a refusal. */
export function describedProblem(described: DescribedError, instance?: string): Problem {
  return {
    type: typeOf(described.code),
    title: TITLES[described.code],
    status: described.status,
    detail: described.message,
    ...(instance ? { instance } : {}),
    code: described.code,
    ...(described.fieldErrors && Object.keys(described.fieldErrors).length ? { errors: described.fieldErrors } : {}),
    ...(described.newer !== undefined ? { newer: described.newer } : {}),
  };
}

/** A problem for a code, with the API's wording. */
export function apiProblem(code: ApiProblemCode, instance?: string): Problem {
  if (code in OWN) {
    const own = OWN[code as keyof typeof OWN];
    return { type: typeOf(code), title: TITLES[code], status: own.status, detail: own.detail, ...(instance ? { instance } : {}), code };
  }
  return describedProblem(describeCode(code as ErrorCode, API_MESSAGES), instance);
}

/** The HTTP status of a lib/errors code (for an action's result). */
export function statusOf(code: ErrorCode): number {
  return ERROR_STATUS[code];
}
