// Reading the session cookie's JWT (issue 19): the same token Auth.js issues (server/auth.ts,
// next-auth/jwt encode: a JWE, "dir" with A256CBC-HS512, the key derived from AUTH_SECRET and
// the cookie's name by HKDF, its RFC 7638 thumbprint as "kid"), opened with node:crypto and
// the derived key kept for the process. Auth.js' own decode derives the key (HKDF) and its
// thumbprint again for every request and decrypts through WebCrypto: about a tenth of the
// app's CPU time per save under load. The rules are Auth.js' (jose's jwtDecrypt with
// clockTolerance 15): the key's thumbprint must match "kid" when there is one, the tag must
// verify, an "exp" at or before now − 15 s, or an "nbf" after now + 15 s, refuses the token.
// Stricter than Auth.js in one respect: only A256CBC-HS512, the one encryption Auth.js issues.
import 'server-only';
import { createDecipheriv, createHash, createHmac, hkdfSync, timingSafeEqual } from 'node:crypto';

const CLOCK_TOLERANCE_S = 15;
const KEY_BYTES = 64;

interface SessionKey {
  macKey: Buffer;
  encKey: Buffer;
  kid: string;
}

/** Derived keys by secret and salt: a process has one secret and one or two cookie names. */
const keys = new Map<string, SessionKey>();

function sessionKey(secret: string, salt: string): SessionKey {
  const id = `${salt}\u0000${secret}`;
  let key = keys.get(id);
  if (!key) {
    // As Auth.js (@auth/core/jwt getDerivedEncryptionKey): HKDF-SHA256, the salt, this info, 64 bytes.
    const raw = Buffer.from(hkdfSync('sha256', secret, salt, `Auth.js Generated Encryption Key (${salt})`, KEY_BYTES));
    // RFC 7638: SHA-512 (the key's size in bits, as Auth.js asks) of {"k","kty"} in this order.
    const kid = createHash('sha512').update(JSON.stringify({ k: raw.toString('base64url'), kty: 'oct' })).digest('base64url');
    key = { macKey: raw.subarray(0, 32), encKey: raw.subarray(32), kid };
    if (keys.size > 8) keys.clear();
    keys.set(id, key);
  }
  return key;
}

const BASE64URL = /^[A-Za-z0-9_-]*$/;

/**
 * The claims of a session token, or null for anything that is not a valid, current token
 * for this secret and salt. Never throws. `nowMs` is for tests.
 */
export function decodeSessionToken(token: string, secret: string, salt: string, nowMs = Date.now()): Record<string, unknown> | null {
  try {
    const parts = token.split('.');
    if (parts.length !== 5 || !parts.every((p) => BASE64URL.test(p))) return null;
    const [protectedHeader, encryptedKey, ivText, ciphertextText, tagText] = parts as [string, string, string, string, string];
    // "dir": no encrypted key.
    if (encryptedKey !== '') return null;
    const header = JSON.parse(Buffer.from(protectedHeader, 'base64url').toString('utf8')) as Record<string, unknown>;
    if (!header || typeof header !== 'object' || header.alg !== 'dir' || header.enc !== 'A256CBC-HS512') return null;
    // Nothing else (no "zip", no "crit") is understood: refuse rather than ignore it.
    if (Object.keys(header).some((k) => k !== 'alg' && k !== 'enc' && k !== 'kid')) return null;
    const key = sessionKey(secret, salt);
    if (header.kid !== undefined && header.kid !== key.kid) return null;
    const iv = Buffer.from(ivText, 'base64url');
    const ciphertext = Buffer.from(ciphertextText, 'base64url');
    const tag = Buffer.from(tagText, 'base64url');
    if (iv.length !== 16 || tag.length !== 32 || ciphertext.length === 0 || ciphertext.length % 16 !== 0) return null;
    // RFC 7518 5.2.2.2: HMAC-SHA-512 over AAD ‖ IV ‖ ciphertext ‖ AAD's length in bits (64-bit), first half.
    const aad = Buffer.from(protectedHeader, 'ascii');
    const aadBits = Buffer.alloc(8);
    aadBits.writeBigUInt64BE(BigInt(aad.length * 8));
    const expected = createHmac('sha512', key.macKey).update(aad).update(iv).update(ciphertext).update(aadBits).digest().subarray(0, 32);
    if (!timingSafeEqual(expected, tag)) return null;
    const decipher = createDecipheriv('aes-256-cbc', key.encKey, iv);
    const plaintext = Buffer.concat([decipher.update(ciphertext), decipher.final()]);
    const payload = JSON.parse(plaintext.toString('utf8')) as unknown;
    if (!payload || typeof payload !== 'object' || Array.isArray(payload)) return null;
    const claims = payload as Record<string, unknown>;
    const now = Math.floor(nowMs / 1000);
    if (claims.iat !== undefined && typeof claims.iat !== 'number') return null;
    if (claims.exp !== undefined && (typeof claims.exp !== 'number' || claims.exp <= now - CLOCK_TOLERANCE_S)) return null;
    if (claims.nbf !== undefined && (typeof claims.nbf !== 'number' || claims.nbf > now + CLOCK_TOLERANCE_S)) return null;
    return claims;
  } catch {
    return null;
  }
}
