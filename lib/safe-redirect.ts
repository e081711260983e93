/** A path inside this app to return to after login; anything else (other sites, "//x") gives "/". */
export function safeRedirectPath(value: unknown): string {
  if (typeof value !== 'string' || !value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  if (value.startsWith('/logga-in') || value.startsWith('/api/')) return '/';
  return value.length > 2000 ? '/' : value;
}
