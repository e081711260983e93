// The guard behind "every time shown is Swedish time": ESLint (eslint.config.mjs) refuses a raw
// time format anywhere in the application but lib/time-format.ts, so a new one cannot slip in.
import { describe, expect, it } from 'vitest';
import { ESLint } from 'eslint';

const eslint = new ESLint({ cwd: process.cwd() });

async function timeFormatErrors(code: string, filePath: string): Promise<number> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages.filter((m) => m.ruleId === 'no-restricted-syntax' && m.message.includes('lib/time-format.ts')).length;
}

describe('raw time formats are refused outside lib/time-format.ts', () => {
  const RAW = [
    // The conflict notice of issue 13: UTC on the server.
    "export const a = (iso: string) => new Date(iso).toLocaleString('sv-SE', { dateStyle: 'short', timeStyle: 'short' });",
    "export const b = (d: Date) => d.toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm' });",
    "export const c = (d: Date) => d.toLocaleTimeString('sv-SE');",
    "export const d = (d: Date) => d.toLocaleDateString('sv-SE');",
    "export const e = new Intl.DateTimeFormat('sv-SE', { timeStyle: 'short' });",
    'export const f = (d: Date) => `${d.getHours()}:${d.getMinutes()}`;',
    'export const g = () => new Date().toISOString().slice(0, 10);',
    'export const h = () => new Date().getFullYear();',
  ];

  it.each(RAW)('refuses %s', { timeout: 60_000 }, async (code) => {
    for (const file of ['components/x.tsx', 'app/(inloggad)/x/page.tsx', 'lib/x.ts', 'db/x.ts', 'server/x.ts']) {
      expect(await timeFormatErrors(code, file), file).toBeGreaterThan(0);
    }
  });

  it('allows numbers in Swedish and the one formatter itself', { timeout: 60_000 }, async () => {
    expect(await timeFormatErrors("export const n = (x: number) => x.toLocaleString('sv-SE');", 'components/x.tsx')).toBe(0);
    expect(await timeFormatErrors(RAW[4]!, 'lib/time-format.ts')).toBe(0);
  });
});
