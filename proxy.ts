// A convenience redirect to the login page for visitors without a session. It is not
// the authorization boundary: every page, action and query checks the user and the policy.
import { NextResponse, type NextFetchEvent, type NextRequest } from 'next/server';
import { auth } from '@/lib/auth';

const PUBLIC_PATHS = ['/logga-in'];

const withSession = auth((request) => {
  const { pathname, search } = request.nextUrl;
  if (request.auth || PUBLIC_PATHS.includes(pathname)) return NextResponse.next();
  const login = new URL('/logga-in', request.nextUrl);
  if (pathname !== '/') login.searchParams.set('till', `${pathname}${search}`);
  return NextResponse.redirect(login);
});

export async function proxy(request: NextRequest, event: NextFetchEvent) {
  // With lazy initialization (lib/auth.ts) next-auth hands back a promise of the wrapped handler.
  const handler = await withSession;
  return handler(request, event as never);
}

export const config = {
  matcher: ['/((?!api/auth|_next/static|_next/image|favicon.ico).*)'],
};
