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
 * Next.js throws on those and answers 500. Only the shape is checked: a malformed React
 * reference inside the array (e.g. "$Q1") still reaches Next.js.
 */
export function isMalformedActionBody(contentType: string | null, body: string): boolean {
  const type = contentType ?? '';
  if (type.startsWith('multipart/form-data') || type === 'application/x-www-form-urlencoded') return false;
  try {
    return !Array.isArray(JSON.parse(body));
  } catch {
    return true;
  }
}
