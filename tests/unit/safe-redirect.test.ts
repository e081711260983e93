// The path to return to after login: same-origin paths of known pages only. Every hostile
// value falls back to the start page; the table holds the tricks that passed a "//" check.
import { describe, expect, it } from 'vitest';
import { safeRedirectPath } from '@/lib/safe-redirect';

describe('the path to return to after login', () => {
  it.each([
    ['/', '/'],
    ['/admin/anvandare', '/admin/anvandare'],
    ['/?period=2024', '/?period=2024'],
    ['/rapportering/matt/0b7a7f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b?period=x', '/rapportering/matt/0b7a7f0e-1c2d-4e5f-8a9b-0c1d2e3f4a5b?period=x'],
    ['/uppdrag?status=pagar&enhet=a', '/uppdrag?status=pagar&enhet=a'],
    ['/avvikelser/', '/avvikelser/'],
    ['/rapport?namnd=a&period=b', '/rapport?namnd=a&period=b'],
  ])('keeps %s', (input, expected) => {
    expect(safeRedirectPath(input)).toBe(expected);
  });

  const hostile: unknown[] = [
    'https://evil.example/',
    'http://evil.example',
    '//evil.example/',
    '///evil.example',
    '/\\evil.example',
    '\\\\evil.example',
    '/\t/evil.example/phish',
    decodeURIComponent('%2F%09%2Fevil.example%2Fphish'),
    '/\n/evil.example',
    '/\r\n/evil.example',
    '/%0A/evil.example',
    '/%09/evil.example',
    '/%2F/evil.example',
    '/%2f%2fevil.example',
    '/%5Cevil.example',
    '/%5c%5cevil.example',
    'javascript:alert(1)',
    'JaVaScRiPt:alert(1)',
    '/javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    'https://user:pass@evil.example/',
    '//user@evil.example',
    '/@evil.example',
    'https://xn--80ak6aa92e.com/',
    '//аррӏе.com/',
    '/ evil',
    ' /admin',
    '/admin\u0000',
    '/admin\u2028',
    '/logga-in',
    '/logga-in?till=//evil.example',
    '/api/auth/signout',
    '/api/auth/session',
    '/_next/static/x.js',
    '/finns-inte',
    '/admin/../logga-in',
    '/admin/%2e%2e/api/auth/signout',
    '/rapportering/<script>',
    '/' + 'a'.repeat(2100),
    '',
    'admin',
    '?till=/',
    '#/admin',
    null,
    undefined,
    42,
    ['/admin'],
    { toString: () => '/admin' },
  ];
  it.each(hostile.map((h) => [h]))('refuses %j', (input) => {
    expect(safeRedirectPath(input)).toBe('/');
  });
});
