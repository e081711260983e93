// Where to send a user after login: only a path inside this app that resolves to one of
// its pages, never another site. The value comes from the URL (?till=…) and the login
// form, so it is hostile until proven otherwise: control characters (a tab or newline
// turns "/\t/evil.example" into "//evil.example" in a browser), backslashes, encoded
// slashes and anything that resolves to another origin fall back to the start page.

/** The app's top-level page sections a user may return to ('' is the overview). */
const SECTIONS = new Set(['', 'rapportering', 'avvikelser', 'uppdrag', 'attest', 'rapport', 'historik', 'admin']);
/** A path segment of this app: letters, digits, dashes, underscores (slugs and UUIDs). */
const SEGMENT = /^[A-Za-z0-9_-]+$/;
const BASE = 'http://malbild.invalid';
const MAX_LENGTH = 2000;

/** A path inside this app to return to after login; anything else gives "/". */
export function safeRedirectPath(value: unknown): string {
  if (typeof value !== 'string' || value.length > MAX_LENGTH) return '/';
  // Control characters, spaces, backslashes and encoded slashes, backslashes or controls are never part of a path we make.
  if (/[\u0000-\u0020\u007f-\u009f\\]/.test(value) || /%(2f|5c|0[0-9a-f]|1[0-9a-f]|7f)/i.test(value)) return '/';
  if (!value.startsWith('/') || value.startsWith('//')) return '/';
  let url: URL;
  try {
    url = new URL(value, BASE);
  } catch {
    return '/';
  }
  if (url.origin !== BASE || url.username || url.password) return '/';
  const segments = url.pathname.split('/').slice(1);
  if (segments.at(-1) === '') segments.pop();
  const [section = ''] = segments;
  if (!SECTIONS.has(section) || !segments.slice(1).every((s) => SEGMENT.test(s))) return '/';
  return `${url.pathname}${url.search}`;
}
