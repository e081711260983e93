// Runs before every request. Two conveniences and two refusals, no authorization (every
// page, action, route handler and query checks the user and the policy itself):
// - the security headers of every response, with a fresh CSP nonce per request that Next.js
//   puts on its own scripts (lib/security-headers.ts);
// - a redirect to the login page for visitors without a session cookie. It only looks for
//   the cookie and never renews it, so a request in flight during logout cannot put a
//   session back;
// - a Swedish 413 for a server action whose body is over the limit of next.config.js
//   (Next.js itself answers those with a 500). The text is plain text: Next's client throws
//   it as the action's error message;
// - a 403 in Swedish for a server action posted from another site, and a 400 for one whose
//   body is no encoded argument list (lib/action-origin.ts); Next.js answers both with 500.
import { NextResponse, type NextRequest } from 'next/server';
import { contentSecurityPolicy, isHttpsDeployment, staticSecurityHeaders } from '@/lib/security-headers';
import {
  ACTION_BODY_LIMIT,
  BODY_TOO_LARGE_MESSAGE,
  FOREIGN_ORIGIN_MESSAGE,
  isForeignOriginAction,
  isMalformedActionBody,
  MALFORMED_ACTION_MESSAGE,
  MAX_CHECKED_ACTION_BODY,
} from '@/lib/action-origin';

const PUBLIC_PATHS = ['/logga-in', '/logga-in/sso', '/tillganglighet'];
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];
/**
 * Paths that are not pages: no login redirect (they answer for themselves), headers still.
 * The REST API (/api/v1) authenticates by token and answers a missing one with a 401 problem.
 */
const NOT_PAGES = /^\/(api\/auth|api\/v1(\/|$)|_next\/|favicon\.ico)/;

/**
 * A server action POST (from script: a Next-Action header; without script: a form posted to
 * a page) that declares a body over the limit.
 */
function actionBodyTooLarge(request: NextRequest, pathname: string): boolean {
  if (request.method !== 'POST') return false;
  const action = request.headers.has('next-action') || (!pathname.startsWith('/api/') && (request.headers.get('content-type') ?? '').startsWith('multipart/form-data'));
  if (!action) return false;
  return Number(request.headers.get('content-length') ?? 0) > ACTION_BODY_LIMIT;
}

function withHeaders(response: NextResponse, csp: string, https: boolean): NextResponse {
  response.headers.set('Content-Security-Policy', csp);
  for (const { key, value } of staticSecurityHeaders({ https })) response.headers.set(key, value);
  return response;
}

function plainText(message: string, status: number, csp: string, https: boolean): NextResponse {
  // Exactly 'text/plain' (no charset): Next's client only shows the text then.
  const response = new NextResponse(message, { status, headers: { 'content-type': 'text/plain', 'cache-control': 'no-store' } });
  return withHeaders(response, csp, https);
}

export async function proxy(request: NextRequest) {
  const https = isHttpsDeployment(process.env);
  const nonce = Buffer.from(crypto.randomUUID()).toString('base64');
  const csp = contentSecurityPolicy(nonce, { development: process.env.NODE_ENV === 'development', https });
  const { pathname, search } = request.nextUrl;

  // A server action from another site: 403 in Swedish (Next.js itself would answer 500).
  if (isForeignOriginAction({ method: request.method, pathname, headers: request.headers })) {
    return plainText(FOREIGN_ORIGIN_MESSAGE, 403, csp, https);
  }
  if (actionBodyTooLarge(request, pathname)) {
    return plainText(BODY_TOO_LARGE_MESSAGE, 413, csp, https);
  }
  // A server action whose text body Next.js cannot decode: 400 in Swedish (Next.js: 500).
  if (request.method === 'POST' && request.headers.get('next-action') !== null) {
    const length = Number(request.headers.get('content-length') ?? NaN);
    const contentType = request.headers.get('content-type') ?? '';
    const isForm = contentType.startsWith('multipart/form-data') || contentType === 'application/x-www-form-urlencoded';
    // Only a small text body is read (a clone: Next.js still gets the original).
    if (!isForm && length <= MAX_CHECKED_ACTION_BODY && isMalformedActionBody(contentType, await request.clone().text())) {
      return plainText(MALFORMED_ACTION_MESSAGE, 400, csp, https);
    }
  }

  // A large session is split into "<name>.0", "<name>.1", ….
  const hasSession = request.cookies
    .getAll()
    .some((cookie) => SESSION_COOKIES.some((name) => cookie.name === name || cookie.name.startsWith(`${name}.`)));
  if (!hasSession && !PUBLIC_PATHS.includes(pathname) && !NOT_PAGES.test(pathname)) {
    const login = new URL('/logga-in', request.nextUrl);
    if (pathname !== '/') login.searchParams.set('till', `${pathname}${search}`);
    return withHeaders(NextResponse.redirect(login), csp, https);
  }
  // The nonce reaches the rendering through the request's CSP header (Next.js reads it there).
  const headers = new Headers(request.headers);
  headers.set('x-nonce', nonce);
  headers.set('Content-Security-Policy', csp);
  return withHeaders(NextResponse.next({ request: { headers } }), csp, https);
}

export const config = {
  matcher: ['/:path*'],
};
