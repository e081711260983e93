/** @type {import('next').NextConfig} */
const nextConfig = {
  // PGlite loads its WASM and data files relative to its own module: keep it out of the bundle.
  // pg-boss (the Kolada schedule) brings the pg driver, which looks for an optional native binding.
  serverExternalPackages: ['@electric-sql/pglite', '@node-rs/argon2', 'exceljs', 'pg-boss'],
  poweredByHeader: false,
  // MALBILD_COMPRESS=off (read at start): Next.js sends every answer uncompressed, for a server
  // in front that compresses (the one that terminates TLS). Compressing costs the app about a
  // eighth of its CPU per save under load, even for a save's few hundred bytes (issue 19).
  compress: process.env.MALBILD_COMPRESS !== 'off',
  reactStrictMode: true,
  // Excel imports are uploaded through server actions (the import refuses files over 5 MB itself).
  // proxy.ts answers a larger body with a Swedish 413 (ACTION_BODY_LIMIT there: keep them equal).
  experimental: { serverActions: { bodySizeLimit: '6mb' } },
};

module.exports = nextConfig;
