// Benchmark: does reading an upload stall other users? One process plays the server: an
// HTTP "page" (a few milliseconds of rendering work) and the reading of the worst file the
// import allows (20 000 rows, long unique texts, just under 5 MB). A client in its own
// thread fetches the page over and over: idle, while the file is read off the request
// thread (server/read-workbook.ts, as the import actions do), and while it is read in the
// request thread (as before). Reports the page times and their ratio to idle.
// Run: npm run bench:upload
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import { Worker } from 'node:worker_threads';
import ExcelJS from 'exceljs';
import { MAX_DATA_ROWS, MAX_FILE_BYTES } from '@/lib/excel-import';
import { parseValuesWorkbook, VALUE_COLUMNS, VALUES_SHEET } from '@/lib/value-import';
import { readWorkbookOffThread } from '@/server/read-workbook';

/** The worst allowed values file: every row and column filled, unique text, close to 5 MB. */
async function worstFile(): Promise<Uint8Array> {
  for (let textLength = 320; ; textLength -= 20) {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet(VALUES_SHEET);
    ws.addRow([...VALUE_COLUMNS]);
    for (let i = 0; i < MAX_DATA_ROWS; i++) {
      const text = randomBytes(textLength).toString('base64').slice(0, textLength);
      ws.addRow([`KS-2024-M${i}-I1`, 'Delår 2024', i / 7, `Avser ${text.slice(0, 20)}`, text]);
    }
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    if (bytes.length <= MAX_FILE_BYTES) return bytes;
  }
}

/** A page: some rendering work, like a small server-rendered table. */
function page(): string {
  const rows: string[] = [];
  for (let i = 0; i < 3000; i++) rows.push(`<tr><td>${i}</td><td>${(i * 1.37).toFixed(2)}</td><td>Mål ${i}</td></tr>`);
  return `<!doctype html><table>${rows.join('')}</table>`;
}

const CLIENT = `
const { parentPort, workerData } = require('node:worker_threads');
let stop = false;
parentPort.on('message', () => { stop = true; });
(async () => {
  const times = [];
  while (!stop) {
    const t = performance.now();
    await (await fetch(workerData.url)).text();
    times.push(performance.now() - t);
    await new Promise((r) => setTimeout(r, 25));
  }
  parentPort.postMessage(times);
})();
`;

/** Page times (ms) measured by a client thread while `during` runs (or for `ms` when idle). */
async function measure(url: string, during: () => Promise<unknown>): Promise<number[]> {
  const client = new Worker(CLIENT, { eval: true, workerData: { url } });
  const times = new Promise<number[]>((resolve) => client.once('message', resolve));
  await new Promise((r) => setTimeout(r, 300)); // the client is running
  await during();
  client.postMessage('stop');
  const result = await times;
  await client.terminate();
  return result;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] ?? NaN;
const max = (xs: number[]) => Math.max(...xs);
const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;

async function main() {
  const file = await worstFile();
  console.log(`Worst allowed file: ${(file.length / 1024 / 1024).toFixed(2)} MB, ${MAX_DATA_ROWS} rows × ${VALUE_COLUMNS.length} columns`);
  const server = http.createServer((_req, res) => res.end(page()));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;

  const idle = await measure(url, () => new Promise((r) => setTimeout(r, 4000)));
  let offThreadSeconds = 0;
  const offThread = await measure(url, async () => {
    const start = performance.now();
    const parsed = await parseValuesWorkbook(await readWorkbookOffThread(file));
    offThreadSeconds = (performance.now() - start) / 1000;
    if (parsed.rows.length !== MAX_DATA_ROWS) throw new Error(`read ${parsed.rows.length} rows: ${JSON.stringify(parsed.problems[0])}`);
  });
  let inThreadSeconds = 0;
  const inThread = await measure(url, async () => {
    const start = performance.now();
    await parseValuesWorkbook(file);
    inThreadSeconds = (performance.now() - start) / 1000;
  });
  server.close();

  const report = (label: string, times: number[]) =>
    console.log(
      `${label.padEnd(34)} n=${String(times.length).padStart(3)}  median ${median(times).toFixed(1).padStart(7)} ms  mean ${mean(times).toFixed(1).padStart(7)} ms  max ${max(times).toFixed(1).padStart(8)} ms  ` +
        `ratio to idle: median ${(median(times) / median(idle)).toFixed(2)}×, mean ${(mean(times) / mean(idle)).toFixed(2)}×`,
    );
  report('idle', idle);
  report(`file read off thread (${offThreadSeconds.toFixed(1)} s)`, offThread);
  report(`file read in thread (${inThreadSeconds.toFixed(1)} s)`, inThread);
  const ratio = mean(offThread) / mean(idle);
  console.log(`Off thread, another user's page (mean) is ${ratio.toFixed(2)}× idle: ${ratio <= 2 ? 'within' : 'OVER'} the 2× budget.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
