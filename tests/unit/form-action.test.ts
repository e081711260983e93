// The one way to write a server action: runAction (no Next.js) and the formAction builder
// around it (session, revalidation, redirect), with Next's functions replaced by spies.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { z } from '@/lib/zod';
import type { Db } from '@/db/client';
import type { CurrentUser } from '@/lib/current-user';
import { ConflictError, ForbiddenError } from '@/lib/errors';
import { defineAction, formFields, runAction } from '@/server/action';

const next = vi.hoisted(() => ({
  revalidatePath: vi.fn(),
  refresh: vi.fn(),
  redirect: vi.fn((to: string): never => {
    throw Object.assign(new Error('NEXT_REDIRECT'), { to });
  }),
  user: null as CurrentUser | null,
  /** What the user lookup throws (a database outage), when set. */
  userError: null as unknown,
}));
vi.mock('next/cache', () => ({ revalidatePath: next.revalidatePath, refresh: next.refresh }));
vi.mock('next/navigation', () => ({ redirect: next.redirect }));
vi.mock('@/server/session', () => ({
  getCurrentUser: async () => {
    if (next.userError) throw next.userError;
    return next.user;
  },
}));
vi.mock('@/db/client', () => ({ getDb: async () => ({}) as Db }));

const { EVERY_PAGE, SAVED_OR_CONFLICT, THIS_PAGE, formAction, formActionByStep } = await import('@/server/form-action');

const user: CurrentUser = {
  id: 'u1',
  organizationId: 'o1',
  organizationName: 'Askersund',
  name: 'Anna',
  email: 'anna@example.se',
  title: null,
  roles: ['admin'],
  grantUnits: [],
  coveredUnitIds: [],
};
const db = {} as Db;

const save = defineAction({
  name: 'test.save',
  schema: z.object({ name: z.string().min(1, 'Ange ett namn.'), outcome: z.enum(['ok', 'forbidden', 'conflict', 'crash']) }),
  async run(_context, input) {
    if (input.outcome === 'forbidden') throw new ForbiddenError();
    if (input.outcome === 'conflict') throw new ConflictError({ seq: 2 });
    if (input.outcome === 'crash') throw new Error('relation "users" does not exist');
    return { status: 'ok' as const, message: `${input.name} är sparad.`, data: { id: 'n1' } };
  },
});

function form(fields: Record<string, string>): FormData {
  const data = new FormData();
  for (const [key, value] of Object.entries(fields)) data.set(key, value);
  return data;
}

beforeEach(() => {
  next.revalidatePath.mockClear();
  next.refresh.mockClear();
  next.redirect.mockClear();
  next.user = user;
  next.userError = null;
});

describe('runAction', () => {
  it('needs a user, then parses, then runs', async () => {
    expect(await runAction(save, null, { name: 'x', outcome: 'ok' }, db)).toMatchObject({ status: 'error', code: 'unauthenticated' });
    expect(await runAction(save, user, { name: '', outcome: 'ok' }, db)).toMatchObject({
      status: 'error',
      code: 'invalid',
      fieldErrors: { name: ['Ange ett namn.'] },
    });
    expect(await runAction(save, user, { name: 'Mål 1', outcome: 'ok' }, db)).toEqual({ status: 'ok', message: 'Mål 1 är sparad.', data: { id: 'n1' } });
  });

  it('maps thrown errors with lib/errors and never shows the database’s words', async () => {
    expect(await runAction(save, user, { name: 'x', outcome: 'forbidden' }, db)).toMatchObject({ code: 'not_found' });
    expect(await runAction(save, user, { name: 'x', outcome: 'conflict' }, db)).toMatchObject({ code: 'conflict', newer: { seq: 2 } });
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    const crashed = await runAction(save, user, { name: 'x', outcome: 'crash' }, db);
    expect(crashed).toEqual({ status: 'error', code: 'failed', message: 'Något gick fel och inget sparades. Försök igen.' });
    expect(spy).toHaveBeenCalledOnce();
    spy.mockRestore();
  });

  it('refuses control characters in any field with a Swedish field error, before the schema runs', async () => {
    for (const bad of ['a\u0000b', '\u0007', 'x\u001b[31m', '\ud800', 'a\u007f']) {
      expect(await runAction(save, user, { name: bad, outcome: 'ok' }, db)).toMatchObject({
        status: 'error',
        code: 'invalid',
        fieldErrors: { name: ['Texten innehåller otillåtna tecken.'] },
      });
    }
    // Tab, line breaks and every ordinary character (å, emoji, U+00A0) are text.
    expect(await runAction(save, user, { name: 'Rad 1\r\n\tRad 2 åäö 🎯\u00a0−5', outcome: 'ok' }, db)).toMatchObject({ status: 'ok' });
  });

  it('never throws, whatever the input is', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const raw of [undefined, null, 'text', 42, [], [1, 2], { name: { nested: [1] } }, new Map(), () => 1]) {
      const result = await runAction(save, user, raw, db);
      expect(result).toMatchObject({ status: 'error', code: 'invalid' });
    }
    const throwing = defineAction({
      name: 'test.throwingSchema',
      schema: z.string().transform(() => {
        throw new Error('bug');
      }),
      run: async () => ({ status: 'ok' as const, message: 'Klart.' }),
    });
    expect(await runAction(throwing, user, 'x', db)).toMatchObject({ status: 'error', code: 'failed' });
    spy.mockRestore();
  });

  it('answers a database outage or timeout with "nothing was saved, try again"', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    for (const code of ['CONNECTION_CLOSED', 'CONNECT_TIMEOUT', 'ECONNREFUSED', '57P01', '57014', '08006']) {
      const outage = defineAction({
        name: 'test.outage',
        schema: z.object({}),
        run: async () => {
          throw Object.assign(new Error('write CONNECTION_CLOSED 127.0.0.1:5432'), { code });
        },
      });
      expect(await runAction(outage, user, {}, db)).toEqual({ status: 'error', code: 'unavailable', message: 'Inget sparades. Försök igen om en stund.' });
    }
    spy.mockRestore();
  });

  it('formFields keeps text fields and files and drops Next’s own $ACTION fields', () => {
    const data = form({ name: 'x', $ACTION_ID_abc: '' });
    const file = new File(['a'], 'a.xlsx');
    data.set('file', file);
    expect(formFields(data)).toEqual({ name: 'x', file: expect.any(File) });
  });
});

describe('formAction', () => {
  it('revalidates what it is told after a success, and nothing after an error', async () => {
    const action = formAction(save, { revalidate: [EVERY_PAGE, '/admin/mal'] });
    expect(await action(null, form({ name: 'x', outcome: 'ok' }))).toMatchObject({ status: 'ok' });
    expect(next.revalidatePath.mock.calls).toEqual([['/', 'layout'], ['/admin/mal']]);
    next.revalidatePath.mockClear();
    expect(await action(null, form({ name: 'x', outcome: 'forbidden' }))).toMatchObject({ code: 'not_found' });
    expect(next.revalidatePath).not.toHaveBeenCalled();
  });

  it('with THIS_PAGE and SAVED_OR_CONFLICT refreshes the current page alone after a save, accepted or refused as a conflict, never after another error', async () => {
    const action = formAction(save, { revalidate: THIS_PAGE, revalidateWhen: SAVED_OR_CONFLICT });
    expect(await action(null, form({ name: 'x', outcome: 'forbidden' }))).toMatchObject({ status: 'error' });
    expect(await action(null, form({ name: '', outcome: 'ok' }))).toMatchObject({ code: 'invalid' });
    expect(await action(null, form({ name: 'x', outcome: 'crash' }))).toMatchObject({ status: 'error' });
    expect(next.refresh).not.toHaveBeenCalled();
    expect(await action(null, form({ name: 'x', outcome: 'ok' }))).toMatchObject({ status: 'ok' });
    expect(next.refresh).toHaveBeenCalledTimes(1);
    expect(await action(null, form({ name: 'x', outcome: 'conflict' }))).toMatchObject({ code: 'conflict', newer: { seq: 2 } });
    expect(next.refresh).toHaveBeenCalledTimes(2);
    // No path is revalidated: no server cache is touched, and the client keeps its other pages.
    expect(next.revalidatePath).not.toHaveBeenCalled();
  });

  it("revalidates after an error too when told 'always'", async () => {
    const action = formAction(save, { revalidate: '/rapportering', revalidateWhen: 'always' });
    await action(null, form({ name: 'x', outcome: 'conflict' }));
    expect(next.revalidatePath).toHaveBeenCalledWith('/rapportering');
  });

  it('authenticates from the session', async () => {
    next.user = null;
    expect(await formAction(save)(null, form({ name: 'x', outcome: 'ok' }))).toMatchObject({ code: 'unauthenticated' });
  });

  it('redirects after a success, not after an error', async () => {
    const action = formAction(save, { redirectTo: (created) => `/admin/sak/${created!.id}` });
    await expect(action(null, form({ name: 'x', outcome: 'ok' }))).rejects.toMatchObject({ to: '/admin/sak/n1' });
    expect(await action(null, form({ name: '', outcome: 'ok' }))).toMatchObject({ code: 'invalid' });
  });

  it('answers anything but form data (JSON, a string, null, nothing) with a Swedish refusal', async () => {
    const action = formAction(save, { revalidate: EVERY_PAGE });
    const byStep = formActionByStep({ save }, { revalidate: EVERY_PAGE });
    for (const posted of ['x', 42, null, undefined, [], ['a'], { name: 'x', outcome: 'ok' }, true]) {
      for (const run of [action, byStep]) {
        const result = await run(null, posted as unknown as FormData);
        expect(result).toMatchObject({ status: 'error', code: 'invalid' });
        expect(result.message).toMatch(/inget sparades/);
      }
    }
    expect(next.revalidatePath).not.toHaveBeenCalled();
  });

  it('runs the user lookup inside the error handling: an outage is "try again", never a throw', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    next.userError = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), { code: 'ECONNREFUSED' });
    expect(await formAction(save)(null, form({ name: 'x', outcome: 'ok' }))).toEqual({
      status: 'error',
      code: 'unavailable',
      message: 'Inget sparades. Försök igen om en stund.',
    });
    next.userError = new Error('a bug in the lookup');
    expect(await formAction(save)(null, form({ name: 'x', outcome: 'ok' }))).toMatchObject({ status: 'error', code: 'failed' });
    expect(spy).toHaveBeenCalledTimes(2);
    spy.mockRestore();
  });

  it('picks the definition by the form’s step; an unknown step changes nothing', async () => {
    const other = defineAction({ name: 'test.other', schema: z.object({}), run: async () => ({ status: 'ok' as const, message: 'Annat.' }) });
    const action = formActionByStep({ save, other }, { revalidate: EVERY_PAGE });
    expect(await action(null, form({ step: 'other' }))).toEqual({ status: 'ok', message: 'Annat.' });
    expect(await action(null, form({ step: 'toString' }))).toEqual({ status: 'error', code: 'invalid', message: 'Okänd åtgärd.' });
    expect(next.revalidatePath).toHaveBeenCalledTimes(1);
  });
});
