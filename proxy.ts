// A convenience redirect to the login page for visitors without a session cookie. It is
// not the authorization boundary: every page, action and query checks the user and the
// policy itself. It only looks for the cookie and never renews it, so a request in flight
// during logout cannot put a session back.
import { NextResponse, type NextRequest } from 'next/server';

const PUBLIC_PATHS = ['/logga-in'];
const SESSION_COOKIES = ['authjs.session-token', '__Secure-authjs.session-token'];

export function proxy(request: NextRequest) {
  const { pathname, search } = request.nextUrl;
  // A large session is split into "<name>.0", "<name>.1", ….
  const hasSession = request.cookies
    .getAll()
    .some((cookie) => SESSION_COOKIES.some((name) => cookie.name === name || cookie.name.startsWith(`${name}.`)));
  if (hasSession || PUBLIC_PATHS.includes(pathname)) return NextResponse.next();
  const login = new URL('/logga-in', request.nextUrl);
  if (pathname !== '/') login.searchParams.set('till', `${pathname}${search}`);
  return NextResponse.redirect(login);
}

export const config = {
  matcher: ['/((?!api/auth|_next/static|_next/image|favicon.ico).*)'],
};
