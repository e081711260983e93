// The server as a process: a second server on the same data folder must be refused while
// the first keeps serving, and a server killed with -9 must start again with its data.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import { expect, test } from '@playwright/test';
import { E2E_DATA_DIR } from '../playwright.config';
import { DEMO_PASSWORD, login } from './helpers';

function startServer(port: number, dataDir: string) {
  const child = spawn(process.execPath, ['scripts/start.mjs'], {
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', MALBILD_DATA_DIR: dataDir, DATABASE_URL: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, exited, output: () => output };
}

async function waitUntilServing(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error('server did not start within 60 s');
}

test('a second server on the same data folder is refused and the first keeps serving', async ({ page }) => {
  const second = startServer(3211, E2E_DATA_DIR);
  const code = await second.exited;
  expect(code).toBe(1);
  expect(second.output()).toContain('Målbild kan inte starta: Datamappen');
  expect(second.output()).toContain('används redan av en annan Målbild-process');

  await login(page, 'ledamot@askersund.example');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/^Översikt Delår 2024/);
});

test('a server killed with -9 starts again with its data intact', async ({ page }) => {
  const dir = '.test-data/e2e-crash';
  fs.rmSync(dir, { recursive: true, force: true });
  const port = 3212;
  const first = startServer(port, dir);
  try {
    await waitUntilServing(port, first.child);
    expect(first.output()).toContain('demodata inläst');
  } finally {
    first.child.kill('SIGKILL');
  }
  await first.exited;

  const again = startServer(port, dir);
  try {
    await waitUntilServing(port, again.child);
    expect(again.output()).not.toContain('demodata inläst'); // same database, not a new one
    await login(page, 'ledamot@askersund.example', DEMO_PASSWORD, `http://127.0.0.1:${port}`);
    await expect(page.getByRole('row').filter({ hasText: 'Sjukfrånvaro exkl. AME, procent' })).toContainText('1,86');
  } finally {
    again.child.kill('SIGTERM');
    await again.exited;
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
