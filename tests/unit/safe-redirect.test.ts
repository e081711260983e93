import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '@/lib/safe-redirect';

describe('the path to return to after login', () => {
  it.each([
    ['/', '/'],
    ['/admin/anvandare', '/admin/anvandare'],
    ['/?period=2024', '/?period=2024'],
    ['https://evil.example/', '/'],
    ['//evil.example/', '/'],
    ['/\\evil.example', '/'],
    ['javascript:alert(1)', '/'],
    ['/logga-in', '/'],
    ['/api/auth/signout', '/'],
    [null, '/'],
    [42, '/'],
  ])('%s → %s', (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });
});
