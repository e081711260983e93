// The typed errors of the app and the one mapping from an error to what the user is told.
// db/ functions and the policy throw these; server/ turns describeError()'s answer into an
// action result (server/action.ts), an HTTP response or Next's 404 page (server/errors.ts).
// Whatever the error, the user sees a Swedish sentence: never a database detail, a
// constraint name or a stack trace. Pure code: no I/O, no Next.js.

/** The item does not exist in the caller's organization (or is not theirs to see). */
export class NotFoundError extends Error {
  constructor(what = 'item') {
    super(`${what} not found`);
    this.name = 'NotFoundError';
  }
}

/** The policy refused (lib/policy authorize()); shown to the user as "not found", never as a hint. */
export class ForbiddenError extends Error {
  constructor() {
    super('forbidden');
    this.name = 'ForbiddenError';
  }
}

/** A write based on an older version than the newest one; `newer` is that newest version. */
export class ConflictError<T = unknown> extends Error {
  constructor(readonly newer: T) {
    super('conflict: the item changed since it was read');
    this.name = 'ConflictError';
  }
}

/** Input that breaks a domain rule found only with the data (a locked period, an item not due). */
export class ValidationError extends Error {
  constructor(
    readonly userMessage: string,
    readonly fieldErrors: Record<string, string[]> = {},
  ) {
    super(`validation: ${userMessage}`);
    this.name = 'ValidationError';
  }
}

/** True for a unique-key violation from either driver (drizzle wraps the driver's error). */
export function isUniqueViolation(error: unknown): boolean {
  for (let e: unknown = error; e; e = (e as { cause?: unknown }).cause) {
    if ((e as { code?: string }).code === '23505') return true;
  }
  return false;
}

// The database is down, restarting, unreachable or too slow: postgres.js' connection
// errors, the network's, and Postgres' own SQLSTATEs for a connection that failed (class
// 08), a shutdown or a cancelled statement (57…: statement_timeout is 57014), too many
// connections, an idle transaction ended (25P03) and a serialization failure or deadlock
// (40001, 40P01), all of which a retry a moment later can cure.
const TRANSIENT_CODES = new Set([
  'CONNECTION_CLOSED',
  'CONNECTION_ENDED',
  'CONNECTION_DESTROYED',
  'CONNECT_TIMEOUT',
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'EHOSTUNREACH',
  '53300',
  '25P03',
  '40001',
  '40P01',
]);

/** True for an outage or a timeout of the database, from either driver (however wrapped). */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e: unknown = error, depth = 0; e && depth < 10; e = (e as { cause?: unknown }).cause, depth++) {
    const code = (e as { code?: unknown }).code;
    if (typeof code !== 'string') continue;
    if (TRANSIENT_CODES.has(code) || code.startsWith('08') || code.startsWith('57')) return true;
  }
  return false;
}

/** What went wrong, as the user is told it (and, for a route handler, its HTTP status). */
export type ErrorCode = 'unauthenticated' | 'invalid' | 'not_found' | 'conflict' | 'unavailable' | 'failed';

export const ERROR_MESSAGES: Record<ErrorCode, string> = {
  unauthenticated: 'Du är inte inloggad. Logga in och försök igen.',
  invalid: 'Uppgifterna behöver rättas. Se markeringarna vid fälten.',
  not_found: 'Det du söker finns inte, eller så saknar du behörighet till det.',
  conflict: 'Någon annan har sparat en nyare version. Din text finns kvar; jämför och spara igen.',
  unavailable: 'Inget sparades. Försök igen om en stund.',
  failed: 'Något gick fel och inget sparades. Försök igen.',
};

export const ERROR_STATUS: Record<ErrorCode, number> = {
  unauthenticated: 401,
  invalid: 422,
  not_found: 404, // a refusal too: whether something exists is not revealed
  conflict: 409,
  unavailable: 503,
  failed: 500,
};

export interface DescribedError {
  code: ErrorCode;
  status: number;
  message: string;
  fieldErrors?: Record<string, string[] | undefined>;
  /** For a conflict: the newest version, for the form to compare with. */
  newer?: unknown;
  /** False for an error that is none of the typed ones (a bug, an outage): log it, show only `message`. */
  expected: boolean;
}

/** Wording for a context (a download says "Rapporten finns inte"); the classification stays the same. */
export type ErrorMessages = Partial<Record<ErrorCode, string>>;

/** A refusal or failure that is not a thrown error (no session, a malformed query). */
export function describeCode(code: ErrorCode, messages: ErrorMessages = {}): DescribedError {
  return { code, status: ERROR_STATUS[code], message: messages[code] ?? ERROR_MESSAGES[code], expected: true };
}

/**
 * The one mapping of errors to what the user sees. Forbidden and not found look the same;
 * a ValidationError carries its own Swedish message and field errors; anything untyped is
 * "failed" with a generic message (the caller logs it, the user never sees it); an outage or
 * a timeout of the database is "unavailable": nothing was saved, try again in a moment.
 */
export function describeError(error: unknown, messages: ErrorMessages = {}): DescribedError {
  if (error instanceof NotFoundError || error instanceof ForbiddenError) return describeCode('not_found', messages);
  if (error instanceof ValidationError) {
    return { ...describeCode('invalid', messages), message: error.userMessage, fieldErrors: error.fieldErrors };
  }
  if (error instanceof ConflictError) return { ...describeCode('conflict', messages), newer: error.newer };
  if (isDatabaseUnavailable(error)) return { ...describeCode('unavailable', messages), expected: false };
  return { ...describeCode('failed', messages), expected: false };
}
