// `npm start`: builds the app when there is no build or the sources are newer than it,
// then runs `next start` in this same process (so a signal to this process reaches the
// server, and the data folder's lock names the server's own PID).
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';

const root = path.resolve(import.meta.dirname, '..');
process.chdir(root);
const buildId = path.join(root, '.next', 'BUILD_ID');
const SOURCES = ['app', 'components', 'db', 'lib', 'server', 'workers', 'instrumentation.ts', 'proxy.ts', 'next.config.js', 'package-lock.json'];

function newestMtime(p) {
  if (!fs.existsSync(p)) return 0;
  const stat = fs.statSync(p);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(p).map((name) => newestMtime(path.join(p, name))));
}

const builtAt = fs.existsSync(buildId) ? fs.statSync(buildId).mtimeMs : 0;
if (builtAt === 0 || Math.max(...SOURCES.map((s) => newestMtime(path.join(root, s)))) > builtAt) {
  console.log('Målbild: bygger appen (första gången tar det en halv minut) …');
  // Meanwhile PGlite initialises the cluster a new data folder copies (db/pglite-template.ts),
  // so that the first start does not run initdb; it does nothing when the cache has one.
  const template = process.env.DATABASE_URL ? null : startTemplate();
  const next = createRequire(import.meta.url).resolve('next/dist/bin/next');
  const result = spawnSync(process.execPath, [next, 'build'], { stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
  await template;
}

/** scripts/pglite-template.ts in a child process; resolves when it has ended, whatever the outcome. */
function startTemplate() {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'scripts', 'pglite-template.ts')], { cwd: root, stdio: 'ignore' });
    child.once('error', resolve); // no tsx: the first start runs initdb itself
    child.once('exit', resolve);
  });
}

if (process.argv.includes('--build-only')) process.exit(0);

const port = process.env.PORT || '3000';
const host = process.env.HOST || 'localhost';
process.env.AUTH_TRUST_HOST ??= 'true';
process.env.NEXT_TELEMETRY_DISABLED ??= '1'; // the machine may have no internet; never phone home
console.log(`Målbild startar på http://${host}:${port}`);
process.argv = [process.argv[0], 'next', 'start', '--port', port, '--hostname', host];
await import('next/dist/bin/next');
