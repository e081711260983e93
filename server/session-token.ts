// Reading the session cookie's JWT (issue 19): the token Auth.js issues (server/auth.ts,
// next-auth/jwt encode: a JWE, "dir" with A256CBC-HS512, the key derived from AUTH_SECRET and
// the cookie's name by HKDF, its RFC 7638 thumbprint as "kid"), opened by jose's jwtDecrypt
// with Auth.js' own options, but with the derived key and its thumbprint kept for the
// process: Auth.js' decode derives both again for every request (HKDF and SHA-512 through
// WebCrypto), a measurable share of a save's CPU under load. Stricter than Auth.js in one
// respect: only A256CBC-HS512, the one encryption Auth.js issues.
//
// The claims of a token once opened are kept too (per key, the newest OPENED_PER_KEY tokens):
// the same cookie comes with every request of a session, and opening it (two key imports,
// two HMACs and an AES decryption through WebCrypto, with jose's timing-safe compare) was
// about 1,3 ms of CPU of every page (issue 19). A kept token is still checked against the
// clock on every use (exp and nbf, as jose checks them); only a token that opened is kept,
// so nothing an attacker sends without the secret enters the map. The session it names is
// checked in the database on every request as before (server/session.ts).
import 'server-only';
import { hkdfSync } from 'node:crypto';
import { base64url, calculateJwkThumbprint, jwtDecrypt } from 'jose';

const ENC = 'A256CBC-HS512';

interface SessionKey {
  key: Uint8Array;
  kid: string;
  /** Tokens opened with this key and their claims, least recently used first. */
  opened: Map<string, Record<string, unknown>>;
}

/** Opened tokens kept per key: far more than the sessions one server sees at once. */
export const OPENED_PER_KEY = 1000;
const CLOCK_TOLERANCE_S = 15;

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
      return { key: raw, kid, opened: new Map() };
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
    const { key, kid, opened } = await sessionKey(secret, salt);
    const kept = opened.get(token);
    if (kept) {
      if (!inTime(kept, nowMs)) return null;
      opened.delete(token); // now the most recently used
      opened.set(token, kept);
      return { ...kept };
    }
    const { payload } = await jwtDecrypt(
      token,
      (header) => {
        if (header.kid !== undefined && header.kid !== kid) throw new Error('no matching decryption secret');
        return key;
      },
      { clockTolerance: CLOCK_TOLERANCE_S, keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: [ENC], currentDate: new Date(nowMs) },
    );
    if (opened.size >= OPENED_PER_KEY) opened.delete(opened.keys().next().value!);
    opened.set(token, { ...payload });
    return payload as Record<string, unknown>;
  } catch {
    return null;
  }
}

/** jose's checks of the time claims (jwtDecrypt validated their types when the token was opened). */
function inTime(claims: Record<string, unknown>, nowMs: number): boolean {
  const now = Math.floor(nowMs / 1000);
  if (typeof claims.nbf === 'number' && claims.nbf > now + CLOCK_TOLERANCE_S) return false;
  if (typeof claims.exp === 'number' && claims.exp <= now - CLOCK_TOLERANCE_S) return false;
  return true;
}
