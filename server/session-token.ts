// Reading the session cookie's JWT (issue 19): the token Auth.js issues (server/auth.ts,
// next-auth/jwt encode: a JWE, "dir" with A256CBC-HS512, the key derived from AUTH_SECRET and
// the cookie's name by HKDF, its RFC 7638 thumbprint as "kid"), opened by jose's jwtDecrypt
// with Auth.js' own options, but with the derived key and its thumbprint kept for the
// process: Auth.js' decode derives both again for every request (HKDF and SHA-512 through
// WebCrypto), a measurable share of a save's CPU under load. Stricter than Auth.js in one
// respect: only A256CBC-HS512, the one encryption Auth.js issues.
//
// A token once opened is kept (its claims, by the token itself) for the process, so that the
// next request with the same cookie — every request of a session until Auth.js renews the
// cookie — costs a lookup instead of WebCrypto's AES-CBC and HMAC work (≈ 0,6 ms of CPU on
// every request, pages and saves alike). A kept token is still refused once it has expired, by
// the same rule and tolerance jose applies; whether its session is still valid is decided on
// every request anyway (server/session.ts re-reads the session and the user from the database).
import 'server-only';
import { hkdfSync } from 'node:crypto';
import { base64url, calculateJwkThumbprint, jwtDecrypt } from 'jose';
import { LRUCache } from 'lru-cache';

const ENC = 'A256CBC-HS512';
const CLOCK_TOLERANCE_S = 15;

/** How many opened tokens are kept, the least recently used let go: more than the sessions one server sees at once. */
export const OPENED_KEPT = 2000;

/** Opened tokens by key and token (a token opens under one key only): the sessions in use. */
const opened = new LRUCache<string, Claims>({ max: OPENED_KEPT });

type Claims = Record<string, unknown> & { exp: number };

/** jose's time rules (exp, nbf) with the same tolerance, for a token opened earlier. */
function current(claims: Claims, nowMs: number): boolean {
  const now = Math.floor(nowMs / 1000);
  if (claims.exp <= now - CLOCK_TOLERANCE_S) return false;
  return typeof claims.nbf !== 'number' || claims.nbf <= now + CLOCK_TOLERANCE_S;
}

interface SessionKey {
  key: Uint8Array;
  kid: string;
}

/** Derived keys by secret and salt: a process has one secret and one or two cookie names. */
const keys = new Map<string, Promise<SessionKey>>();

function sessionKey(secret: string, salt: string): Promise<SessionKey> {
  const id = `${salt}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    key = (async () => {
      // As Auth.js (@auth/core/jwt getDerivedEncryptionKey): HKDF-SHA256, the salt, this info, 64 bytes.
      const raw = new Uint8Array(hkdfSync('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, 64));
      const kid = await calculateJwkThumbprint({ kty: 'oct', k: base64url.encode(raw) }, 'sha512');
      return { key: raw, kid };
    })();
    if (keys.size > 8) keys.clear();
    keys.set(id, key);
  }
  return key;
}

/**
 * The claims of a session token, or null for anything that is not a valid, current token
 * for this secret and salt. Never throws. `nowMs` is for tests.
 */
export async function decodeSessionToken(token: string, secret: string, salt: string, nowMs = Date.now()): Promise<Record<string, unknown> | null> {
  try {
    const { key, kid } = await sessionKey(secret, salt);
    const kept = opened.get(`${kid}\u0000${token}`);
    if (kept) return current(kept, nowMs) ? { ...kept } : null;
    const { payload } = await jwtDecrypt(
      token,
      (header) => {
        if (header.kid !== undefined && header.kid !== kid) throw new Error('no matching decryption secret');
        return key;
      },
      { clockTolerance: CLOCK_TOLERANCE_S, keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: [ENC], currentDate: new Date(nowMs) },
    );
    // Auth.js always sets exp; a token without one is read each time.
    if (typeof payload.exp === 'number') opened.set(`${kid}\u0000${token}`, { ...payload } as Claims);
    return payload as Record<string, unknown>;
  } catch {
    return null;
  }
}
