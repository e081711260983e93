import { defineConfig, devices } from '@playwright/test';

// e2e runs against `next start` (built by `npm run test:e2e`) on its own fresh embedded
// database folder, in Debian's Chromium unless PLAYWRIGHT_CHROMIUM_PATH names another.
const PORT = Number(process.env.E2E_PORT || 3210);
export const E2E_DATA_DIR = '.test-data/e2e';
const chromiumPath = process.env.PLAYWRIGHT_CHROMIUM_PATH ?? '/usr/bin/chromium';
// A real OpenID Connect provider on 127.0.0.1 for single sign-on (e2e/sso.spec.ts); the app
// starts with it configured, so every spec sees "Logga in med Askersunds konto" on the login page.
const OIDC_PORT = Number(process.env.E2E_OIDC_PORT || PORT + 1000);
export const OIDC_ISSUER = `http://127.0.0.1:${OIDC_PORT}`;
export const OIDC_NAME = 'Askersunds konto';
const OIDC_CLIENT = { MALBILD_OIDC_CLIENT_ID: 'malbild-e2e', MALBILD_OIDC_CLIENT_SECRET: 'malbild-e2e-hemlighet' };

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  forbidOnly: true,
  reporter: [['list']],
  timeout: 60_000,
  use: {
    baseURL: `http://127.0.0.1:${PORT}`,
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    trace: 'retain-on-failure',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: chromiumPath || undefined,
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
            '--no-first-run',
          ],
        },
      },
    },
  ],
  webServer: [
    {
      command: `node tests/support/oidc-provider.mjs ${OIDC_PORT} http://127.0.0.1:${PORT}`,
      url: `${OIDC_ISSUER}/.well-known/openid-configuration`,
      reuseExistingServer: false,
      timeout: 30_000,
      env: OIDC_CLIENT,
    },
    {
      command: `rm -rf ${E2E_DATA_DIR} && node --import tsx tests/support/e2e-fixtures.ts ${E2E_DATA_DIR} && node scripts/start.mjs`,
      url: `http://127.0.0.1:${PORT}`,
      reuseExistingServer: false,
      timeout: 120_000,
      stdout: 'pipe',
      env: {
        PORT: String(PORT),
        HOST: '127.0.0.1',
        MALBILD_DATA_DIR: E2E_DATA_DIR,
        DATABASE_URL: '',
        MALBILD_OIDC_ISSUER: OIDC_ISSUER,
        MALBILD_OIDC_NAME: OIDC_NAME,
        MALBILD_OIDC_ORGANIZATION: 'askersund',
        ...OIDC_CLIENT,
        // e2e/kolada.spec.ts serves a fake Kolada API v3 here (never the internet).
        KOLADA_BASE_URL: `http://127.0.0.1:${PORT + 1}/v3`,
      },
    },
  ],
});
