// A server action posted from another site is refused with a 403 in Swedish by proxy.ts
// (Next.js would answer 500): the same comparison of Origin and host as Next.js makes.
import { describe, expect, it } from 'vitest';
import { FOREIGN_ORIGIN_MESSAGE, isForeignOriginAction, isMalformedActionBody, isPossibleServerAction } from '@/lib/action-origin';

function request(headers: Record<string, string>, method = 'POST', pathname = '/admin/mal') {
  const h = new Headers(headers);
  return { method, pathname, headers: h };
}
const action = { 'next-action': '7f00aa', 'content-type': 'text/plain;charset=UTF-8', host: 'malbild.example.se' };

describe('isForeignOriginAction', () => {
  it('passes an action from its own site, and one without Origin (as Next.js does)', () => {
    expect(isForeignOriginAction(request({ ...action, origin: 'https://malbild.example.se' }))).toBe(false);
    expect(isForeignOriginAction(request(action))).toBe(false);
    // Behind a proxy: x-forwarded-host's first value is the host.
    expect(
      isForeignOriginAction(request({ ...action, host: '127.0.0.1:3000', 'x-forwarded-host': 'malbild.example.se, inner', origin: 'https://malbild.example.se' })),
    ).toBe(false);
  });

  it('refuses another site, an opaque or malformed Origin, and a wrong port', () => {
    for (const origin of ['https://evil.example', 'null', 'not a url', 'https://malbild.example.se:8443', 'https://malbild.example.se.evil.example']) {
      expect(isForeignOriginAction(request({ ...action, origin })), origin).toBe(true);
    }
    expect(isForeignOriginAction(request({ 'next-action': 'x', origin: 'https://a.example' }))).toBe(true); // no host at all
  });

  it('covers form posts without JavaScript, and an allow-list like serverActions.allowedOrigins', () => {
    const form = { 'content-type': 'multipart/form-data; boundary=x', host: 'malbild.example.se', origin: 'https://evil.example' };
    expect(isForeignOriginAction(request(form))).toBe(true);
    expect(isForeignOriginAction(request({ ...form, 'content-type': 'application/x-www-form-urlencoded' }))).toBe(true);
    expect(isForeignOriginAction(request(form), ['evil.example'])).toBe(false);
  });

  it('leaves reads and route handlers (an identity provider may POST to /api/auth) alone', () => {
    expect(isForeignOriginAction(request({ ...action, origin: 'https://evil.example' }, 'GET'))).toBe(false);
    expect(isForeignOriginAction(request({ ...action, origin: 'https://idp.example' }, 'POST', '/api/auth/callback/oidc'))).toBe(false);
    expect(isPossibleServerAction(request({ 'content-type': 'application/json', host: 'x' }))).toBe(false);
  });

  it('says so in Swedish', () => {
    expect(FOREIGN_ORIGIN_MESSAGE).toMatch(/avvisades/);
  });
});

describe('isMalformedActionBody', () => {
  it('refuses a text body that is no encoded argument list (Next.js would answer 500)', () => {
    for (const body of ['"plain"', 'not json', '1', 'null', '{"a":1}', '', 'true', '["$Q1"]', '["$K2"]', '[{"a":["$@3"]}]', '["$1"]', '["$B4"]', '[null,"$F1"]']) {
      expect(isMalformedActionBody('text/plain;charset=UTF-8', body), body).toBe(true);
    }
  });

  it('passes an argument list, and leaves forms to Next.js', () => {
    for (const body of ['[]', '[null]', '["$undefined",{"a":"$$x"}]', '["$D2024-08-31T00:00:00.000Z","$n12","$NaN","$-Infinity","kr"]']) expect(isMalformedActionBody('text/plain;charset=UTF-8', body), body).toBe(false);
    expect(isMalformedActionBody('multipart/form-data; boundary=x', 'anything')).toBe(false);
    expect(isMalformedActionBody('application/x-www-form-urlencoded', 'a=1')).toBe(false);
  });
});
