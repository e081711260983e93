// ESLint: Next.js' own rules (core web vitals + TypeScript) and the layers of DESIGN.md
// "Architecture", so that a wrong import fails `npm run lint` instead of waiting for review.
//
// The layers (folders at the root):
//   lib/         pure code: no I/O, no database, no request. May import only lib/ and pure packages.
//   db/          all SQL. Its public face is the query modules (db/*.ts, db/admin/*, db/queries/*)
//                and, from db/client.ts, only getDb() and the Db type.
//                Internal to db/ (never imported from app/, components/, lib/, server/):
//                db/schema.ts (drizzle tables), db/migrations/, db/lock.ts, db/demo/, and
//                db/client.ts' other exports (openDatabase, getDatabase, Database, defaultDataDir).
//                db/boot.ts is imported only by instrumentation.ts.
//   server/      code bound to the request, the session or the database (auth, session, the
//                action and route builders, password hashing).
//   app/         routes, pages, server actions: they read and write through db/ functions.
//   components/  UI pieces: they receive data and actions as props and never import app/.
//   tests/, scripts/, e2e/: build fixtures and measure, so they may use db/ internals and
//                drizzle directly; the layer rules do not apply to them.
import { builtinModules } from 'node:module';
import { defineConfig, globalIgnores } from 'eslint/config';
import nextVitals from 'eslint-config-next/core-web-vitals';
import nextTs from 'eslint-config-next/typescript';
import boundaries from 'eslint-plugin-boundaries';

const APPLICATION = ['app/**', 'components/**', 'lib/**', 'server/**', 'proxy.ts', 'instrumentation.ts'];

/** Only db/ talks to the database driver and the drizzle tables. */
const DATABASE_PACKAGES = [
  {
    group: ['drizzle-orm', 'drizzle-orm/*', 'postgres', '@electric-sql/pglite', '@electric-sql/pglite/*'],
    message: 'Only db/ uses drizzle and the database drivers: call a db/ function instead.',
  },
];

/** From db/client.ts the application takes getDb() and the Db type; opening databases is db/'s own business. */
/** zod with its messages in Swedish: lib/zod.ts configures it once. */
const ZOD = { name: 'zod', message: "Import z from '@/lib/zod' (zod configured with Swedish messages)." };
const DB_CLIENT = {
  name: '@/db/client',
  allowImportNames: ['getDb', 'Db'],
  message: 'Outside db/, tests and scripts, import only getDb and the Db type from db/client.',
};

/** What makes code impure: the framework, the session, the file system, the process. */
const IMPURE_PACKAGES = [
  {
    group: ['next', 'next/*', 'next-auth', 'next-auth/*', 'server-only', 'react', 'react-dom', 'react/*', 'react-dom/*'],
    message: 'lib/ is pure: code that needs Next.js, the session or React belongs in server/, app/ or components/.',
  },
  {
    group: [...builtinModules.filter((name) => !name.startsWith('_')).flatMap((name) => [name, `${name}/*`]), 'node:*'],
    message: 'lib/ is pure: code that reads files, the environment or the network belongs in server/ or db/.',
  },
  { group: ['@node-rs/argon2'], message: 'Password hashing is a native binding: it lives in server/password.ts.' },
];

/**
 * Raw time formats: every time a user reads is Swedish time, formatted by lib/time-format.ts
 * alone (issue 13). A Date formatted or read in the process's own zone (UTC on the server,
 * anything in a browser) is an error everywhere else.
 */
const TIME_FORMAT_MESSAGE = 'Times are shown in Swedish time through lib/time-format.ts (formatDateTime, formatDayOf, todayInStockholm …): do not format or read a Date here.';
const RAW_TIME_FORMATS = [
  "NewExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']",
  "CallExpression[callee.object.name='Intl'][callee.property.name='DateTimeFormat']",
  'CallExpression[callee.property.name=/^(toLocaleDateString|toLocaleTimeString|getHours|getMinutes|getSeconds|getDate|getDay|getMonth|getFullYear|getYear|getTimezoneOffset)$/]',
  "CallExpression[callee.property.name='toLocaleString'][callee.object.type='NewExpression'][callee.object.callee.name='Date']",
  "CallExpression[callee.property.name='toLocaleString'] > ObjectExpression > Property[key.name=/^(dateStyle|timeStyle|timeZone|hour|minute|weekday|month|day|year)$/]",
  // today as the UTC date: new Date().toISOString().slice(0, 10)
  "CallExpression[callee.property.name='slice'][callee.object.type='CallExpression'][callee.object.callee.property.name='toISOString']",
].map((selector) => ({ selector, message: TIME_FORMAT_MESSAGE }));

export default defineConfig([
  globalIgnores(['.next/**', 'node_modules/**', '.test-data/**', 'test-results/**', 'playwright-report/**', 'next-env.d.ts']),
  ...nextVitals,
  ...nextTs,
  {
    rules: {
      // A leading underscore marks a value left unused on purpose (a skipped argument, a
      // property taken out of an object before the rest is passed on).
      '@typescript-eslint/no-unused-vars': [
        'warn',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
    },
  },

  // Layers between the project's own folders, by resolved path (so '@/…' and '../…' alike).
  {
    files: ['**/*.{ts,tsx,mts,mjs}'],
    plugins: { boundaries },
    settings: {
      'import/resolver': { typescript: { project: './tsconfig.json' }, node: true },
      'boundaries/include': ['app/**', 'components/**', 'lib/**', 'server/**', 'db/**', 'proxy.ts', 'instrumentation.ts'],
      'boundaries/elements': [
        { type: 'db', pattern: 'db', partialMatch: false },
        { type: 'lib', pattern: 'lib', partialMatch: false },
        { type: 'server', pattern: 'server', partialMatch: false },
        { type: 'app', pattern: 'app', partialMatch: false },
        { type: 'components', pattern: 'components', partialMatch: false },
      ],
      'boundaries/files': [
        { category: 'db-internal', pattern: ['db/schema.ts', 'db/migrations/**', 'db/lock.ts', 'db/demo/**', 'db/boot.ts'] },
      ],
    },
    rules: {
      'boundaries/dependencies': [
        'error',
        {
          default: 'allow',
          policies: [
            {
              from: { element: { type: 'lib' } },
              disallow: { to: { element: { types: ['db', 'server', 'app', 'components'] } } },
              message: 'lib/ is pure: it must not import db/, server/, app/ or components/.',
            },
            {
              from: { element: { type: 'components' } },
              disallow: { to: { element: { type: 'app' } } },
              message: 'components/ must not import app/: take the action or data as a prop.',
            },
            {
              from: { element: { type: 'components' } },
              disallow: { to: { element: { types: ['db', 'server'] } }, dependency: { kind: 'value' } },
              message: 'components/ get data and actions as props: they may import types from db/, never its functions or server/.',
            },
            {
              from: { element: { types: ['app', 'server', 'components'] } },
              disallow: { to: { file: { categories: 'db-internal' } } },
              message: 'db/schema, db/migrations, db/lock, db/demo and db/boot are internal to db/: call a db/ function instead.',
            },
            {
              from: { element: { types: ['db', 'lib', 'server'] } },
              disallow: { to: { element: { type: 'app' } } },
              message: 'Only app/ imports app/.',
            },
          ],
        },
      ],
    },
  },

  // Packages and named imports, by import source.
  {
    files: APPLICATION.filter((pattern) => pattern !== 'lib/**'),
    rules: {
      'no-restricted-imports': ['error', { paths: [DB_CLIENT, ZOD], patterns: DATABASE_PACKAGES }],
    },
  },
  { files: ['lib/zod.ts'], rules: { 'no-restricted-imports': 'off' } },
  {
    files: ['lib/**'],
    ignores: ['lib/zod.ts'],
    rules: {
      'no-restricted-imports': ['error', { paths: [ZOD], patterns: [...DATABASE_PACKAGES, ...IMPURE_PACKAGES] }],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'lib/ is pure: read the environment in server/ or db/ and pass the value in.' },
        { name: 'fetch', message: 'lib/ is pure: fetching belongs in server/.' },
      ],
    },
  },

  // Every time shown is Swedish time: only lib/time-format.ts formats a Date.
  {
    files: [...APPLICATION, 'db/**'],
    ignores: ['lib/time-format.ts', 'db/migrations/**'],
    rules: { 'no-restricted-syntax': ['error', ...RAW_TIME_FORMATS] },
  },
]);
