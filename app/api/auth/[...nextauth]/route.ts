// next-auth's own endpoints (session, CSRF token, callbacks).
//
// Auth.js is handed the address the browser used: the configured public address
// (MALBILD_PUBLIC_URL), else the Host header — the same trust Auth.js gives the Host header
// when it starts a login from server code (trustHost). Next.js hands a route handler the
// address the server listens on, with 127.0.0.1 rewritten to "localhost" (NextRequest
// normalizes it), and a single sign-on callback must compute exactly the redirect URI its
// login started with, or the provider refuses the code. A plain Request keeps the address
// as given (Auth.js reads only its url, method, headers and body).
import type { NextRequest } from 'next/server';
import { handlers } from '@/server/auth';

async function asTheBrowserSawIt(request: NextRequest): Promise<NextRequest> {
  if (process.env.AUTH_URL || process.env.NEXTAUTH_URL) return request; // next-auth applies it itself
  const url = new URL(request.url);
  const publicUrl = (process.env.MALBILD_PUBLIC_URL ?? '').trim();
  if (publicUrl) {
    const base = new URL(publicUrl);
    url.protocol = base.protocol;
    url.host = base.host;
  } else {
    const host = request.headers.get('host');
    if (!host) return request;
    url.host = host;
  }
  const body = request.method === 'GET' || request.method === 'HEAD' ? undefined : await request.arrayBuffer();
  return new Request(url.href, { method: request.method, headers: request.headers, body }) as NextRequest;
}

export const GET = async (request: NextRequest) => handlers.GET(await asTheBrowserSawIt(request));
export const POST = async (request: NextRequest) => handlers.POST(await asTheBrowserSawIt(request));
