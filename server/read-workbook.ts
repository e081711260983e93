// Reading an uploaded workbook off the request thread. Parsing a large .xlsx is seconds of
// CPU and hundreds of MB of memory: in the server's own thread it stalls every other user's
// page. Here workers/read-workbook.mjs runs in a worker thread with a memory cap and a time
// budget; one file is read at a time (the machine has few cores), the others wait their turn.
import path from 'node:path';
import { Worker } from 'node:worker_threads';
import { precheck, READ_LIMITS, type WorkbookRead } from '@/lib/excel-import';

// turbopackIgnore: the worker runs from the project folder at run time, outside the bundle
// (it imports exceljs from node_modules itself).
const WORKER_FILE = path.join(/*turbopackIgnore: true*/ process.cwd(), 'workers', 'read-workbook.mjs');
const WORKER_JOB = 'malbild-read-workbook';

export interface OffThreadOptions {
  /** The time budget of one file, from when its worker starts. */
  timeoutMs?: number;
  /** The worker's V8 heap. */
  maxOldGenerationSizeMb?: number;
}

let queue: Promise<unknown> = Promise.resolve();

/** One file at a time: each read starts when the one before has ended. */
function inTurn<T>(run: () => Promise<T>): Promise<T> {
  const next = queue.then(run, run);
  queue = next.catch(() => undefined);
  return next;
}

function runWorker(bytes: Uint8Array, { timeoutMs = 20_000, maxOldGenerationSizeMb = 512 }: OffThreadOptions): Promise<WorkbookRead> {
  return new Promise((resolve) => {
    const copy = bytes.slice(); // handed over to the worker, not copied again
    const worker = new Worker(WORKER_FILE, {
      workerData: { job: WORKER_JOB, bytes: copy, limits: READ_LIMITS },
      transferList: [copy.buffer as ArrayBuffer],
      resourceLimits: { maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 32 },
      stdout: false,
      stderr: false,
    });
    let settled = false;
    const finish = (answer: WorkbookRead) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(answer);
    };
    const timer = setTimeout(() => finish({ refused: 'too-slow' }), timeoutMs);
    worker.once('message', (answer: WorkbookRead) => finish(answer));
    worker.once('error', (error: Error & { code?: string }) => {
      // Out of memory: the file is too large to read, whatever it says about itself.
      if (error.code === 'ERR_WORKER_OUT_OF_MEMORY') finish({ refused: 'too-large-unpacked' });
      else {
        console.error('Excel worker failed', error);
        finish({ refused: 'unreadable' });
      }
    });
    worker.once('exit', () => finish({ refused: 'unreadable' }));
  });
}

/** Reads an uploaded file in a worker thread: the snapshot the imports parse, or a refusal. */
export async function readWorkbookOffThread(bytes: Uint8Array, options: OffThreadOptions = {}): Promise<WorkbookRead> {
  // Size and signature need no worker.
  const refused = precheck(bytes);
  if (refused) return { refused };
  return inTurn(() => runWorker(bytes, options));
}
