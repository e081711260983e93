// The one mapping of errors to what the user sees: Swedish, and never a database detail.
import { describe, expect, it } from 'vitest';
import {
  ConflictError,
  describeCode,
  describeError,
  ForbiddenError,
  isDatabaseUnavailable,
  isUniqueViolation,
  NotFoundError,
  ValidationError,
} from '@/lib/errors';

describe('describeError', () => {
  it('shows a refusal exactly like a missing item (404), so nothing is revealed', () => {
    expect(describeError(new ForbiddenError())).toEqual(describeError(new NotFoundError('goal')));
    expect(describeError(new ForbiddenError())).toMatchObject({ code: 'not_found', status: 404, expected: true });
  });

  it('passes on a ValidationError’s own message and field errors (422)', () => {
    const described = describeError(new ValidationError('Perioden är låst.', { value: ['Ange ett tal.'] }));
    expect(described).toMatchObject({ code: 'invalid', status: 422, message: 'Perioden är låst.', fieldErrors: { value: ['Ange ett tal.'] } });
  });

  it('carries the newer version of a conflict (409)', () => {
    expect(describeError(new ConflictError({ seq: 4 }))).toMatchObject({ code: 'conflict', status: 409, newer: { seq: 4 } });
  });

  it('hides anything untyped behind a generic message and marks it for the log (500)', () => {
    const driverError = Object.assign(new Error('duplicate key value violates unique constraint "users_org_email"'), { code: '23505' });
    const described = describeError(driverError);
    expect(described).toMatchObject({ code: 'failed', status: 500, expected: false });
    expect(described.message).not.toContain('users_org_email');
    expect(described.message).toBe('Något gick fel och inget sparades. Försök igen.');
  });

  it('words a context its own way without changing the classification', () => {
    const messages = { not_found: 'Rapporten finns inte.', failed: 'Filen kunde inte skapas.' };
    expect(describeError(new ForbiddenError(), messages)).toMatchObject({ status: 404, message: 'Rapporten finns inte.' });
    expect(describeError(new Error('boom'), messages)).toMatchObject({ status: 500, message: 'Filen kunde inte skapas.' });
    expect(describeCode('unauthenticated')).toMatchObject({ status: 401, message: 'Du är inte inloggad. Logga in och försök igen.' });
  });
});

describe('isUniqueViolation', () => {
  it('finds the 23505 code on the error or any of its causes', () => {
    expect(isUniqueViolation(Object.assign(new Error('x'), { code: '23505' }))).toBe(true);
    expect(isUniqueViolation(new Error('wrapped', { cause: Object.assign(new Error('x'), { code: '23505' }) }))).toBe(true);
    expect(isUniqueViolation(Object.assign(new Error('x'), { code: '23503' }))).toBe(false);
    expect(isUniqueViolation(null)).toBe(false);
  });
});

describe('isDatabaseUnavailable', () => {
  it('calls an outage or a timeout of either driver "unavailable" (503), however wrapped', () => {
    const wrapped = new Error('Failed query: select …', { cause: Object.assign(new Error('terminating connection'), { code: '57P01' }) });
    expect(isDatabaseUnavailable(wrapped)).toBe(true);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: 'CONNECT_TIMEOUT' }))).toBe(true);
    expect(describeError(wrapped)).toMatchObject({ code: 'unavailable', status: 503, expected: false, message: 'Inget sparades. Försök igen om en stund.' });
  });

  it('leaves other database errors alone', () => {
    expect(isDatabaseUnavailable(Object.assign(new Error('dup'), { code: '23505' }))).toBe(false);
    expect(isDatabaseUnavailable(Object.assign(new Error('x'), { code: 'ERR_INVALID_ARG_TYPE' }))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
  });
});
