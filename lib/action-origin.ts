// Next.js refuses a server action whose Origin is not the host it was sent to (its CSRF
// check), but answers that with a 500 and an English log line; a malformed Origin even
// throws. This is the same test, done first in proxy.ts so that such a request gets a 403
// with a Swedish sentence instead. Pure code: headers in, a verdict out.

export const FOREIGN_ORIGIN_MESSAGE = 'Förfrågan kom från en annan webbplats och avvisades. Inget sparades.';

interface RequestLike {
  method: string;
  /** The path, to leave route handlers (/api/…) alone: an identity provider may POST to them. */
  pathname: string;
  headers: { get(name: string): string | null };
}

/** A request Next.js may treat as a server action (its own test, server-action-request-meta). */
export function isPossibleServerAction(request: RequestLike): boolean {
  if (request.method !== 'POST' || request.pathname.startsWith('/api/')) return false;
  const contentType = request.headers.get('content-type') ?? '';
  return (
    request.headers.get('next-action') !== null ||
    contentType === 'application/x-www-form-urlencoded' ||
    contentType.startsWith('multipart/form-data')
  );
}

/**
 * True when a server action request carries an Origin that is not the host it was sent to
 * (x-forwarded-host's first value, else Host, as Next.js compares), or an Origin that is
 * no URL at all. A request without Origin passes, as in Next.js (no browser sends
 * cookies cross-site without one). `allowedOrigins` mirrors serverActions.allowedOrigins.
 */
export function isForeignOriginAction(request: RequestLike, allowedOrigins: readonly string[] = []): boolean {
  if (!isPossibleServerAction(request)) return false;
  const origin = request.headers.get('origin');
  if (origin === null) return false;
  let originHost: string;
  try {
    originHost = origin === 'null' ? 'null' : new URL(origin).host;
  } catch {
    return true;
  }
  const forwarded = request.headers.get('x-forwarded-host')?.split(',')[0]?.trim();
  const host = forwarded || request.headers.get('host');
  if (host && originHost === host) return false;
  return !allowedOrigins.includes(originHost);
}

export const MALFORMED_ACTION_MESSAGE = 'Förfrågan kunde inte läsas och inget sparades. Ladda om sidan och försök igen.';

/** Bodies larger than this are left to Next.js (its bodySizeLimit answers them). */
export const MAX_CHECKED_ACTION_BODY = 1_000_000;

/**
 * True for a server action sent as text (not a form) whose body Next.js cannot decode into
 * arguments: not JSON, or JSON that is no array (React encodes the arguments as an array).
 * Next.js throws on those and answers 500; so it does on a reference to a part a text body
 * cannot have (e.g. "$Q1").
 */
export function isMalformedActionBody(contentType: string | null, body: string): boolean {
  const type = contentType ?? '';
  if (type.startsWith('multipart/form-data') || type === 'application/x-www-form-urlencoded') return false;
  let args: unknown;
  try {
    args = JSON.parse(body);
  } catch {
    return true;
  }
  return !Array.isArray(args) || hasUnresolvableReference(args);
}

/**
 * React encodes special values in an argument list as strings beginning with "$". A text
 * body has no other parts, so only the self-contained ones can be decoded ("$$…" for a
 * dollar, $undefined, $NaN, ±$Infinity, $-0, $D<date>, $n<bigint>); any other reference
 * ("$Q1", "$K2", "$@3", "$1", …) points at a part that is not there and makes Next.js fail.
 */
const SELF_CONTAINED = /^\$(\$|undefined$|NaN$|Infinity$|-Infinity$|-0$|D|n-?\d)/;

function hasUnresolvableReference(value: unknown, depth = 0): boolean {
  if (depth > 64) return true; // deeper than any form sends: refuse rather than recurse on
  if (typeof value === 'string') return value.startsWith('$') && !SELF_CONTAINED.test(value);
  if (Array.isArray(value)) return value.some((v) => hasUnresolvableReference(v, depth + 1));
  if (value && typeof value === 'object') return Object.values(value).some((v) => hasUnresolvableReference(v, depth + 1));
  return false;
}

/** next.config.js experimental.serverActions.bodySizeLimit ('6mb'): keep the two equal. */
export const ACTION_BODY_LIMIT = 6 * 1024 * 1024;
export const BODY_TOO_LARGE_MESSAGE = 'Filen eller texten är för stor (högst 6 MB). Gör den mindre och försök igen.';

/**
 * The proxy's Swedish refusals of a server action. Next.js' client throws the text of such
 * an answer as the action's error, so an error page may show exactly these and nothing else.
 */
export const ACTION_REFUSALS: readonly string[] = [FOREIGN_ORIGIN_MESSAGE, MALFORMED_ACTION_MESSAGE, BODY_TOO_LARGE_MESSAGE];
