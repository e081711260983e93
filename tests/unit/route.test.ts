// authenticatedRoute: the user lookup runs inside the error handling, so a database outage
// is a Swedish 503 ("nothing was saved, try again"), never Next's error page.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { NextRequest } from 'next/server';
import type { CurrentUser } from '@/lib/current-user';

const session = vi.hoisted(() => ({ user: null as CurrentUser | null, error: null as unknown }));
vi.mock('next/navigation', () => ({ notFound: vi.fn() }));
vi.mock('@/server/session', () => ({
  getCurrentUser: async () => {
    if (session.error) throw session.error;
    return session.user;
  },
}));

const { authenticatedRoute } = await import('@/server/route');
const request = {} as NextRequest;

beforeEach(() => {
  session.user = { id: 'u1' } as CurrentUser;
  session.error = null;
});

describe('authenticatedRoute', () => {
  it('answers an outage in the user lookup with 503 and a Swedish sentence', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    session.error = Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' });
    const response = await authenticatedRoute('test', async () => new Response('x'))(request);
    expect(response.status).toBe(503);
    expect(await response.text()).toBe('Inget sparades. Försök igen om en stund.');
    expect(logged).toHaveBeenCalledOnce();
    logged.mockRestore();
  });

  it('still asks an anonymous caller to log in, and runs the handler for a user', async () => {
    session.user = null;
    expect((await authenticatedRoute('test', async () => new Response('x'))(request)).status).toBe(401);
    session.user = { id: 'u1' } as CurrentUser;
    expect(await (await authenticatedRoute('test', async () => new Response('klart'))(request)).text()).toBe('klart');
  });
});
