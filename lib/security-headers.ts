// The security headers of every response (pure: the proxy and next.config.js send them).
// Scripts run only with the request's nonce (no 'unsafe-inline' for scripts); nothing may
// frame the app; HSTS only when the configured public URL is https — decided by
// configuration, never by a header the client sends.

/** The Content-Security-Policy for one response, with its nonce. */
export function contentSecurityPolicy(nonce: string, options: { development?: boolean; https?: boolean } = {}): string {
  return [
    "default-src 'self'",
    // 'strict-dynamic': scripts loaded by the nonce'd framework scripts run; nothing else does.
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.development ? " 'unsafe-eval'" : ''}`,
    // React writes style attributes (a bar's width); styles cannot run code.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ['upgrade-insecure-requests'] : []),
  ].join('; ');
}

/** The headers every response carries, whatever its kind (page, file, API, static asset). */
export function staticSecurityHeaders(options: { https: boolean }): { key: string; value: string }[] {
  return [
    { key: 'X-Frame-Options', value: 'DENY' },
    { key: 'X-Content-Type-Options', value: 'nosniff' },
    { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
    { key: 'Permissions-Policy', value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()' },
    { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
    ...(options.https ? [{ key: 'Strict-Transport-Security', value: 'max-age=31536000; includeSubDomains' }] : []),
  ];
}

/** Whether the configured public URL of the app is https (MALBILD_PUBLIC_URL, else AUTH_URL). */
export function isHttpsDeployment(env: Record<string, string | undefined>): boolean {
  const url = env.MALBILD_PUBLIC_URL ?? env.AUTH_URL ?? '';
  return url.toLowerCase().startsWith('https://');
}
