// The session cookie's JWT as the app reads it (server/session-token.ts) against the token
// Auth.js itself issues and reads (next-auth/jwt encode and decode): the same claims for a
// valid token, and null wherever Auth.js refuses one.
import { describe, expect, it, vi } from 'vitest';
import { decode, encode } from 'next-auth/jwt';
import { decodeSessionToken, OPENED_KEPT } from '@/server/session-token';

const SECRET = 'test-secret-0123456789abcdef0123456789abcdef';
const SALT = 'authjs.session-token';
const CLAIMS = { sub: 'u1', uid: 'u1', org: 'o1', sid: 's1', since: 1_700_000_000_000 };

const issue = (claims: Record<string, unknown> = CLAIMS, options: { secret?: string; salt?: string; maxAge?: number } = {}) =>
  encode({ token: claims, secret: options.secret ?? SECRET, salt: options.salt ?? SALT, maxAge: options.maxAge });

/** Flips one character of a part of the token (0 header … 4 tag), keeping it base64url. */
function tamper(token: string, part: number): string {
  const parts = token.split('.');
  const p = parts[part]!;
  const i = Math.floor(p.length / 2);
  parts[part] = p.slice(0, i) + (p[i] === 'A' ? 'B' : 'A') + p.slice(i + 1);
  return parts.join('.');
}

describe('decodeSessionToken', () => {
  it('reads a token Auth.js issued to the same claims as Auth.js does, time claims included', async () => {
    const token = await issue();
    const ours = await decodeSessionToken(token, SECRET, SALT);
    expect(ours).toMatchObject(CLAIMS);
    expect(ours).toEqual(await decode({ token, secret: SECRET, salt: SALT }));
    // And again with the key already derived.
    expect(await decodeSessionToken(token, SECRET, SALT)).toEqual(ours);
  });

  it('refuses a token for another secret or another cookie name (salt)', async () => {
    const token = await issue();
    expect(await decodeSessionToken(token, `${SECRET}x`, SALT)).toBeNull();
    expect(await decodeSessionToken(token, SECRET, `__Secure-${SALT}`)).toBeNull();
    const secure = await issue(CLAIMS, { salt: `__Secure-${SALT}` });
    expect(await decodeSessionToken(secure, SECRET, `__Secure-${SALT}`)).toMatchObject(CLAIMS);
    expect(await decodeSessionToken(secure, SECRET, SALT)).toBeNull();
  });

  it('refuses any changed part of the token, as Auth.js does', async () => {
    const token = await issue();
    for (const part of [0, 2, 3, 4]) {
      const changed = tamper(token, part);
      expect(await decodeSessionToken(changed, SECRET, SALT)).toBeNull();
      await expect(decode({ token: changed, secret: SECRET, salt: SALT })).rejects.toThrow();
    }
    // An encrypted key where "dir" has none.
    const parts = token.split('.');
    parts[1] = 'AAAA';
    expect(await decodeSessionToken(parts.join('.'), SECRET, SALT)).toBeNull();
  });

  it('refuses what is no token at all, without throwing', async () => {
    for (const junk of ['', 'abc', 'a.b.c.d.e', '....', 'x'.repeat(5000), '.'.repeat(4) + '%%%']) {
      expect(await decodeSessionToken(junk, SECRET, SALT)).toBeNull();
    }
  });

  it('refuses an expired token, with Auth.js’ 15 seconds of clock tolerance', async () => {
    const token = await issue(CLAIMS, { maxAge: 60 });
    const issuedAt = ((await decodeSessionToken(token, SECRET, SALT))!.iat as number) * 1000;
    expect(await decodeSessionToken(token, SECRET, SALT, issuedAt + 60_000 + 14_000)).toMatchObject(CLAIMS);
    expect(await decodeSessionToken(token, SECRET, SALT, issuedAt + 60_000 + 16_000)).toBeNull();
  });

  it('refuses a token that is not valid yet (nbf beyond the tolerance)', async () => {
    const later = Math.floor(Date.now() / 1000) + 60;
    expect(await decodeSessionToken(await issue({ ...CLAIMS, nbf: later }), SECRET, SALT)).toBeNull();
    expect(await decodeSessionToken(await issue({ ...CLAIMS, nbf: later - 50 }), SECRET, SALT)).toMatchObject(CLAIMS);
  });

  describe('a token once opened', () => {
    it('is not decrypted again, and each caller gets its own copy of the claims', async () => {
      const token = await issue();
      const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
      try {
        const first = await decodeSessionToken(token, SECRET, SALT);
        expect(decrypt).toHaveBeenCalledTimes(1);
        first!.uid = 'someone else';
        const second = await decodeSessionToken(token, SECRET, SALT);
        expect(decrypt).toHaveBeenCalledTimes(1);
        expect(second).toEqual(await decode({ token, secret: SECRET, salt: SALT }));
      } finally {
        decrypt.mockRestore();
      }
    });

    it('is still refused once expired, with the same tolerance', async () => {
      const token = await issue(CLAIMS, { maxAge: 60 });
      const issuedAt = ((await decodeSessionToken(token, SECRET, SALT))!.iat as number) * 1000;
      expect(await decodeSessionToken(token, SECRET, SALT, issuedAt + 60_000 + 14_000)).toMatchObject(CLAIMS);
      expect(await decodeSessionToken(token, SECRET, SALT, issuedAt + 60_000 + 16_000)).toBeNull();
      expect(await decodeSessionToken(token, SECRET, SALT, issuedAt + 30 * 86_400_000)).toBeNull();
    });

    it('is refused before its nbf, as when it was first opened', async () => {
      const nbf = Math.floor(Date.now() / 1000);
      const token = await issue({ ...CLAIMS, nbf });
      expect(await decodeSessionToken(token, SECRET, SALT)).toMatchObject(CLAIMS);
      expect(await decodeSessionToken(token, SECRET, SALT, (nbf - 14) * 1000)).toMatchObject(CLAIMS);
      expect(await decodeSessionToken(token, SECRET, SALT, (nbf - 16) * 1000)).toBeNull();
    });

    it('opens only for its own secret and cookie name', async () => {
      const token = await issue();
      expect(await decodeSessionToken(token, SECRET, SALT)).toMatchObject(CLAIMS);
      expect(await decodeSessionToken(token, `${SECRET}x`, SALT)).toBeNull();
      expect(await decodeSessionToken(token, SECRET, `__Secure-${SALT}`)).toBeNull();
    });

    it('is kept among a bounded number: the least recently used is opened again', async () => {
      const salt = 'bounded.session-token';
      const tokens = await Promise.all(
        Array.from({ length: OPENED_KEPT + 1 }, (_, i) => issue({ ...CLAIMS, uid: `u${i}` }, { salt })),
      );
      for (const token of tokens.slice(0, OPENED_KEPT)) await decodeSessionToken(token, SECRET, salt);
      await decodeSessionToken(tokens[0]!, SECRET, salt); // used again: now the most recent
      const decrypt = vi.spyOn(crypto.subtle, 'decrypt');
      try {
        await decodeSessionToken(tokens[OPENED_KEPT]!, SECRET, salt); // one more: the least recent (u1) goes
        expect(decrypt).toHaveBeenCalledTimes(1);
        expect(await decodeSessionToken(tokens[0]!, SECRET, salt)).toMatchObject({ uid: 'u0' });
        expect(decrypt).toHaveBeenCalledTimes(1);
        expect(await decodeSessionToken(tokens[1]!, SECRET, salt)).toMatchObject({ uid: 'u1' });
        expect(decrypt).toHaveBeenCalledTimes(2);
      } finally {
        decrypt.mockRestore();
      }
    });
  });
});
