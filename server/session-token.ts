// Reading the session cookie's JWT (issue 19): the token Auth.js issues (server/auth.ts,
// next-auth/jwt encode: a JWE, "dir" with A256CBC-HS512, the key derived from AUTH_SECRET and
// the cookie's name by HKDF, its RFC 7638 thumbprint as "kid"), opened by jose's jwtDecrypt
// with Auth.js' own options, but with the derived key and its thumbprint kept for the
// process: Auth.js' decode derives both again for every request (HKDF and SHA-512 through
// WebCrypto), a measurable share of a save's CPU under load. Stricter than Auth.js in one
// respect: only A256CBC-HS512, the one encryption Auth.js issues.
import 'server-only';
import { hkdfSync } from 'node:crypto';
import { base64url, calculateJwkThumbprint, jwtDecrypt } from 'jose';

const ENC = 'A256CBC-HS512';

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
    const { payload } = await jwtDecrypt(
      token,
      (header) => {
        if (header.kid !== undefined && header.kid !== kid) throw new Error('no matching decryption secret');
        return key;
      },
      { clockTolerance: 15, keyManagementAlgorithms: ['dir'], contentEncryptionAlgorithms: [ENC], currentDate: new Date(nowMs) },
    );
    return payload as Record<string, unknown>;
  } catch {
    return null;
  }
}
