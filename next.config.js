/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files relative to its own module: keep it out of the bundle.
  // pg-boss (the Kolada schedule) brings the pg driver, which looks for an optional native binding.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'exceljs', 'pg-boss'],
  poweredByHeader: false,
  reactStrictMode: true,
  // Excel imports are uploaded through server actions (the import refuses files over 5 MB itself).
  // proxy.ts answers a larger body with a Swedish 413 (ACTION_BODY_LIMIT there: keep them equal).
  experimental: { serverActions: { bodySizeLimit: '6mb' } },
};

module.exports = nextConfig;
